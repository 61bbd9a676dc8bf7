/**
 * Request headers, from the pact-specification V3/V4 cases `testcases/request/headers/*` and
 * pact_matching's headers.rs: names are case-insensitive, values case-sensitive; headers the
 * contract does not name are ignored; list headers (Accept, Cache-Control, ...) compare value
 * by value with whitespace after commas ignored and order kept; Accept and Content-Type compare
 * as media types, where the request may add parameters (`;q=0.9`) but must keep the contract's
 * (values case-insensitive).
 */
import { check, request } from './spec-helpers';

const withHeaders = (headers: Record<string, string>) => ({
  request: {
    method: 'POST',
    path: '/path',
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
  },
});

describe('request headers (V3/V4 testcases/request/headers)', () => {
  it.each<[string, Record<string, string>, Record<string, string>, boolean]>([
    ['header name is different case', { Accept: 'alligators' }, { accept: 'alligators' }, true],
    ['header value is different case', { Accept: 'alligators' }, { accept: 'Alligators' }, false],
    [
      'unexpected header found',
      { Accept: 'alligators' },
      { accept: 'alligators', 'x-other': '1' },
      true,
    ],
    [
      'whitespace after comma different',
      { Accept: 'alligators,hippos' },
      { accept: 'alligators, hippos' },
      true,
    ],
    [
      'order of comma separated header values different',
      { Accept: 'alligators, hippos' },
      { accept: 'hippos, alligators' },
      false,
    ],
    [
      'content type parameters do not match',
      { 'Content-Type': 'application/json; charset=UTF-16' },
      { 'content-type': 'application/json; charset=UTF-8' },
      false,
    ],
    [
      'matches content type with charset',
      { 'Content-Type': 'application/json;charset=UTF-8' },
      { 'content-type': 'application/json; charset=UTF-8' },
      true,
    ],
    [
      'matches content type with charset with different case',
      {
        Accept: 'application/json;charset=utf-8',
        'Content-Type': 'application/json;charset=utf-8',
      },
      {
        accept: 'application/json; charset=UTF-8',
        'content-type': 'application/json; charset=UTF-8',
      },
      true,
    ],
    [
      'matches content type with parameters in different order',
      {
        'Content-Type': 'Text/x-Okie; charset=iso-8859-1;\n declaration="<950118.AEB0@XIson.com>"',
      },
      {
        'content-type': 'Text/x-Okie; declaration="<950118.AEB0@XIson.com>";\n charset=iso-8859-1',
      },
      true,
    ],
  ])('%s', (_, expected, actual, fits) => {
    const found = check(withHeaders(expected), request('POST', '/path', actual));

    expect(found.startsWith(fits ? 'fits' : 'refused')).toBe(true);
  });
});

describe('Accept and other list headers with parameters (pact_matching match_parameter_header)', () => {
  it.each<[string, string, string, boolean]>([
    [
      'a quality parameter the contract does not name',
      'application/json',
      'application/json;q=0.9',
      true,
    ],
    [
      'quality parameters on every listed value',
      'application/json, text/plain',
      'application/json;q=0.9, text/plain;q=0.8',
      true,
    ],
    [
      'the first value carrying a charset the contract does not name',
      'application/json',
      'application/json; charset=utf-8',
      true,
    ],
    [
      'values the request adds after the listed ones',
      'application/json',
      'application/json, text/plain, */*',
      true,
    ],
    ['another media type first', 'application/json', 'text/html, application/json', false],
    [
      'a parameter of the contract with another value',
      'application/json;version=2',
      'application/json;version=1',
      false,
    ],
    [
      'a parameter of the contract left out',
      'application/json;version=2',
      'application/json',
      false,
    ],
  ])('Accept: %s', (_, expected, actual, fits) => {
    const found = check(
      withHeaders({ Accept: expected }),
      request('POST', '/path', { accept: actual }),
    );

    expect(found.startsWith(fits ? 'fits' : 'refused')).toBe(true);
  });

  it('compares Cache-Control value by value, not as one string', () => {
    const interaction = withHeaders({ 'Cache-Control': 'no-cache, no-store' });

    expect(
      check(interaction, request('POST', '/path', { 'cache-control': 'no-cache,no-store' })),
    ).toBe('fits');
    expect(
      check(interaction, request('POST', '/path', { 'cache-control': 'no-store, no-cache' })),
    ).toMatch(/^refused/);
  });
});
