/**
 * Matchers of the V3/V4 specification whose edge cases the engine once got wrong, each checked
 * as the pact-specification README ("Supported matching rules") and pact_matching define it:
 * contentType by the detected type of the bytes, notEmpty on a binary body, eachKey with
 * eachValue, date/time formats that must name a real day, and the MockServerURL generator.
 */
import { CONTEXT, check, engineFor, type Json, request, rules } from './spec-helpers';

const JPEG_A = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1,
]);
const JPEG_B = Buffer.from([
  0xff, 0xd8, 0xff, 0xe1, 0, 0x22, 0x45, 0x78, 0x69, 0x66, 0, 0, 9, 9, 9, 9,
]);
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

const upload = (rootRules: Json) => ({
  request: {
    method: 'POST',
    path: '/upload',
    headers: { 'Content-Type': ['image/jpeg'] },
    body: { contentType: 'image/jpeg', encoded: 'base64', content: JPEG_A.toString('base64') },
    matchingRules: { body: { $: rootRules } },
  },
});
const send = (bytes: Uint8Array, type = 'image/jpeg') =>
  request('POST', '/upload', { 'content-type': type }, new Uint8Array(bytes));

describe('contentType: "Match binary data by its content type (magic file check)" (V3)', () => {
  const interaction = upload(rules({ match: 'contentType', value: 'image/jpeg' }));

  it('accepts another JPEG: the content is not compared', () => {
    expect(check(interaction, send(JPEG_B))).toBe('fits');
  });

  it('refuses a PNG sent as image/jpeg: the bytes decide, not the header', () => {
    expect(check(interaction, send(PNG))).toMatch(
      /refused.*expected content of type 'image\/jpeg'.*image\/png/,
    );
  });

  it('recognises text types by their content (JSON)', () => {
    const json = {
      request: {
        method: 'POST',
        path: '/upload',
        body: {
          contentType: 'application/octet-stream',
          encoded: 'base64',
          content: Buffer.from('{}').toString('base64'),
        },
        matchingRules: { body: { $: rules({ match: 'contentType', value: 'application/json' }) } },
      },
    };
    const bytes = (text: string) => new Uint8Array(Buffer.from(text));

    expect(
      check(
        json,
        request(
          'POST',
          '/upload',
          { 'content-type': 'application/octet-stream' },
          bytes('{"a":[1,2]}'),
        ),
      ),
    ).toBe('fits');
    expect(
      check(
        json,
        request(
          'POST',
          '/upload',
          { 'content-type': 'application/octet-stream' },
          bytes('not json'),
        ),
      ),
    ).toMatch(/^refused/);
  });
});

describe('notEmpty on a binary body (V4): "Value must be present and not empty"', () => {
  const interaction = upload(rules({ match: 'notEmpty' }));

  it('accepts any non-empty bytes, without comparing them', () => {
    expect(check(interaction, send(JPEG_B))).toBe('fits');
    expect(check(interaction, send(PNG))).toBe('fits');
  });

  it('refuses an empty body', () => {
    expect(check(interaction, send(new Uint8Array()))).toMatch(/^refused/);
  });

  it('still compares the bytes without a rule', () => {
    const plain = { request: { ...upload(null).request, matchingRules: {} } };

    expect(check(plain, send(JPEG_A))).toBe('fits');
    expect(check(plain, send(JPEG_B))).toMatch(/refused.*binary body differs/);
  });
});

describe('eachKey and eachValue on one map (V4): both apply', () => {
  const interaction = {
    request: {
      method: 'POST',
      path: '/m',
      headers: { 'Content-Type': ['application/json'] },
      body: {
        contentType: 'application/json',
        encoded: false,
        content: { grades: { 'course-1': 90 } },
      },
      matchingRules: {
        body: {
          '$.grades': rules(
            { match: 'eachKey', rules: [{ match: 'regex', regex: 'course-\\d+' }] },
            { match: 'eachValue', rules: [{ match: 'integer' }] },
          ),
        },
      },
    },
  };
  const body = (grades: Json) =>
    request('POST', '/m', { 'content-type': 'application/json' }, JSON.stringify({ grades }));

  it.each<[string, Json, boolean]>([
    ['keys and values that fit', { 'course-2': 70, 'course-3': 80 }, true],
    ['a key eachKey refuses', { 'course-2': 70, other: 80 }, false],
    ['a value eachValue refuses', { 'course-2': 70.5 }, false],
    ['a value of another type', { 'course-2': 'seventy' }, false],
  ])('%s', (_, grades, fits) => {
    expect(check(interaction, body(grades)).startsWith(fits ? 'fits' : 'refused')).toBe(true);
  });
});

describe('date, time and datetime matchers name a real day and time', () => {
  const dated = (matcher: Json, example: string) => ({
    request: {
      method: 'GET',
      path: '/d',
      query: { at: [example] },
      matchingRules: { query: { at: rules(matcher) } },
    },
  });

  it.each<[string, Json, string, boolean]>([
    ['a real date', { match: 'date', format: 'yyyy-MM-dd' }, '2024-02-29', true],
    ['30 February', { match: 'date', format: 'yyyy-MM-dd' }, '2023-02-30', false],
    ['29 February of a common year', { match: 'date', format: 'yyyy-MM-dd' }, '2023-02-29', false],
    ['31 April', { match: 'date', format: 'dd/MM/yyyy' }, '31/04/2024', false],
    ['31 Apr by month name', { match: 'date', format: 'dd MMM yyyy' }, '31 Apr 2024', false],
    ['month 13', { match: 'date', format: 'yyyy-MM-dd' }, '2023-13-01', false],
    ['an ISO date without a format', { match: 'date' }, '2023-02-28', true],
    ['30 February without a format', { match: 'date' }, '2023-02-30', false],
    ["an ISO datetime at 25 o'clock", { match: 'datetime' }, '2023-02-01T25:00:00Z', false],
    [
      'a datetime on 31 June',
      { match: 'datetime', format: "yyyy-MM-dd'T'HH:mm:ss" },
      '2023-06-31T10:00:00',
      false,
    ],
    ['a time of 24:30', { match: 'time', format: 'HH:mm' }, '24:30', false],
  ])('%s', (_, matcher, value, fits) => {
    const found = check(
      dated(matcher, '2024-01-01'),
      request('GET', `/d?at=${encodeURIComponent(value)}`),
    );

    expect(found.startsWith(fits ? 'fits' : 'refused')).toBe(true);
  });
});

describe('MockServerURL generator (V4): the example with the mock server as base URL', () => {
  // pact_models replaces the match with the URL followed by group 1 (`{url}{group}`), so the
  // group carries the leading slash, as pact-js writes it: `.*(\/orders\/\d+)$`.
  it("replaces the example's base URL, whatever the body holds", () => {
    const engine = engineFor({
      request: { method: 'GET', path: '/orders' },
      response: {
        status: 200,
        headers: { 'Content-Type': ['application/json'] },
        body: {
          contentType: 'application/json',
          encoded: false,
          content: { next: 'not a URL at all' },
        },
        generators: {
          body: {
            '$.next': {
              type: 'MockServerURL',
              example: 'http://localhost:1234/orders/5678',
              regex: '.*(\\/orders\\/\\d+)$',
            },
          },
        },
      },
    });

    const result = engine.handle(request('GET', '/orders'), CONTEXT);

    expect(result.kind).toBe('matched');
    const body = result.kind === 'matched' ? JSON.parse(String(result.response.body)) : undefined;
    expect(body).toEqual({ next: `${CONTEXT.baseUrl}/orders/5678` });
  });
});
