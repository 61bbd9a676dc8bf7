/**
 * The `regex` matcher (V2+). Spec: "This executes a regular expression match against the string
 * representation of a value" (pact-specification V4 README, Supported matching rules). The
 * reference implementation (pact_matching, and pact-stub-server built on it) uses the Rust
 * `regex` crate and accepts a value only when the pattern matches the **whole** value: for
 * `\d{1,4}`, `9999X` and `X12345` are refused. The crate has no lookarounds or back-references
 * and matches in linear time; so does the engine (RE2JS, stub/engine/regex.ts).
 */
import { compileRegex, RegexSupportError } from '../regex';
import { CONTEXT, check, engineFor, request, rules } from './spec-helpers';

describe('regex matcher: the whole value must match (V2 "matches with regex" cases)', () => {
  const digits = rules({ match: 'regex', regex: '\\d{1,4}' });

  it.each([
    ['1234', 'fits'],
    ['9999X', 'refused'],
    ['X12345', 'refused'],
    ['12345', 'refused'],
  ])('query value %s against \\d{1,4}: %s', (value, expected) => {
    const interaction = {
      request: {
        method: 'GET',
        path: '/q',
        query: { id: ['12'] },
        matchingRules: { query: { id: digits } },
      },
    };

    const found = check(interaction, request('GET', `/q?id=${value}`));

    expect(found.startsWith(expected)).toBe(true);
  });

  it.each([
    ['/p/123', 'fits'],
    ['/p/123456', 'refused'],
    ['/p/12/x', 'refused'],
  ])('path %s against /p/\\d{1,4}: %s', (path, expected) => {
    const interaction = {
      request: {
        method: 'GET',
        path: '/p/1',
        matchingRules: { path: rules({ match: 'regex', regex: '/p/\\d{1,4}' }) },
      },
    };

    const found = check(interaction, request('GET', path));

    expect(found.startsWith(expected)).toBe(true);
  });

  it.each([
    ['{"n":"12"}', 'fits'],
    ['{"n":"9999X"}', 'refused'],
    ['{"n":"X12345"}', 'refused'],
  ])('JSON body value %s against \\d{1,4}: %s', (body, expected) => {
    const interaction = {
      request: {
        method: 'POST',
        path: '/b',
        headers: { 'Content-Type': ['application/json'] },
        body: { contentType: 'application/json', encoded: false, content: { n: '1' } },
        matchingRules: { body: { '$.n': digits } },
      },
    };

    const found = check(
      interaction,
      request('POST', '/b', { 'content-type': 'application/json' }, body),
    );

    expect(found.startsWith(expected)).toBe(true);
  });

  it.each([
    ['application/json', 'fits'],
    ['application/jsonX', 'refused'],
    ['Xapplication/json', 'refused'],
  ])('header value %s against application/json: %s', (value, expected) => {
    const interaction = {
      request: {
        method: 'GET',
        path: '/h',
        headers: { 'X-Kind': ['application/json'] },
        matchingRules: {
          header: { 'X-Kind': rules({ match: 'regex', regex: 'application/json' }) },
        },
      },
    };

    const found = check(interaction, request('GET', '/h', { 'x-kind': value }));

    expect(found.startsWith(expected)).toBe(true);
  });

  it('applies the regex to the string form of a number (pact_matching: to_string of the value)', () => {
    const interaction = {
      request: {
        method: 'POST',
        path: '/b',
        headers: { 'Content-Type': ['application/json'] },
        body: { contentType: 'application/json', encoded: false, content: { n: 12 } },
        matchingRules: { body: { '$.n': digits } },
      },
    };
    const send = (body: string) =>
      check(interaction, request('POST', '/b', { 'content-type': 'application/json' }, body));

    expect([send('{"n":4321}'), send('{"n":123456}').slice(0, 7)]).toEqual(['fits', 'refused']);
  });
});

describe('regex syntax: the Rust regex crate, not JavaScript', () => {
  it.each([
    ['a lookahead', '(?=a)a'],
    ['a negative lookbehind', '(?<!a)b'],
    ['a back-reference', '(a)\\1'],
  ])('refuses %s at load time, naming the pattern', (_, source) => {
    expect(() => compileRegex(source)).toThrow(RegexSupportError);
    expect(() => compileRegex(source)).toThrow(source);
  });

  it('accepts the crate syntax: inline flags, named groups, Unicode classes, \\A and \\z', () => {
    expect(compileRegex('(?i)abc').matches('ABC')).toBe(true);
    expect(compileRegex('(?P<year>\\d{4})-(?<month>\\d{2})').matches('2026-11')).toBe(true);
    expect(compileRegex('\\p{L}+').matches('été')).toBe(true);
    expect(compileRegex('\\Aab\\z').matches('ab')).toBe(true);
  });

  it('REGEX_UNICODE_CLASSES (a named difference): \\d, \\w and \\s are ASCII in RE2, Unicode in Rust', () => {
    // Rust's `\d` matches any Unicode decimal digit (Arabic-Indic ٣ included); RE2's only 0-9.
    // Write `\p{Nd}` where a contract means any digit: both engines read it the same way.
    expect(compileRegex('\\d').matches('٣')).toBe(false);
    expect(compileRegex('\\p{Nd}').matches('٣')).toBe(true);
  });

  it('matches in linear time: the catastrophic ^/csrf/(a|a)*b$ against 10,000 characters', () => {
    const regex = compileRegex('^/csrf/(a|a)*b$');
    const value = `/csrf/${'a'.repeat(10_000)}`;
    regex.matches(value); // untimed: the first run pays for JIT compilation

    const started = performance.now();
    const result = regex.matches(value);
    const elapsed = performance.now() - started;

    expect(result).toBe(false);
    // A generous bound on a shared machine: a backtracking engine needs longer than the age of
    // the universe here. Real speed is measured by `npm run bench`.
    expect(elapsed).toBeLessThan(100);
  });

  it('a pact with the catastrophic pattern answers a 10,000-character path at once (issue 13, F3)', () => {
    const engine = engineFor({
      request: {
        method: 'GET',
        path: '/csrf/ab',
        matchingRules: { path: rules({ match: 'regex', regex: '^/csrf/(a|a)*b$' }) },
      },
    });
    const path = `/csrf/${'a'.repeat(10_000)}`;
    // One untimed request first: the first call also pays for JIT compilation of the engine's
    // code. (A backtracking regex would not finish this one either.)
    engine.handle(request('GET', path), CONTEXT);

    const started = performance.now();
    const miss = engine.handle(request('GET', path), CONTEXT);
    const hit = engine.handle(request('GET', `${path}b`), CONTEXT);
    const elapsed = performance.now() - started;

    expect([miss.kind, hit.kind]).toEqual(['unmatched', 'matched']);
    // The miss is explained too (the path rule runs again for the reasons). Generous bound;
    // `npm run bench` measures real speed.
    expect(elapsed).toBeLessThan(100);
  });
});
