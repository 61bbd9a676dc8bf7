/**
 * Every matcher of the pact-specification V4 README's "Supported matching rules" table (V1–V4),
 * one row each, on a JSON request body: a value the rule accepts and one it refuses, as the
 * README's description (and pact_matching, for the edges) says. docs/conformance.md links each
 * row of its table here. statusCode applies to responses only, which a stub never matches.
 */
import { check, type Json, request } from './spec-helpers';

const bodyInteraction = (example: Json, matchers: Json[], extra: Record<string, Json> = {}) => ({
  request: {
    method: 'POST',
    path: '/m',
    headers: { 'Content-Type': ['application/json'] },
    body: { contentType: 'application/json', encoded: false, content: { v: example } },
    matchingRules: { body: { '$.v': { combine: 'AND', matchers }, ...extra } },
  },
});
const fits = (example: Json, matchers: Json[], actual: Json, extra?: Record<string, Json>) =>
  check(
    bodyInteraction(example, matchers, extra),
    request('POST', '/m', { 'content-type': 'application/json' }, JSON.stringify({ v: actual })),
  ).startsWith('fits');

describe('the V4 README table of matching rules, on a JSON body', () => {
  it.each<[string, Json, Json[], Json, Json]>([
    // matcher, example, matchers, accepted, refused
    ['Equality (V1)', 'x', [{ match: 'equality' }], 'x', 'y'],
    ['Regex (V2)', 'abc', [{ match: 'regex', regex: '[a-c]+' }], 'cab', 'abcd'],
    ['Type (V2)', 'x', [{ match: 'type' }], 'anything', 1],
    ['MinType (V2)', [1, 2], [{ match: 'type', min: 2 }], [5, 6, 7], [5]],
    ['MaxType (V2)', [1], [{ match: 'type', max: 2 }], [5, 6], [5, 6, 7]],
    ['MinMaxType (V2)', [1, 2], [{ match: 'type', min: 1, max: 2 }], [9], [1, 2, 3]],
    [
      'Include (V3)',
      'hello world',
      [{ match: 'include', value: 'world' }],
      'a world apart',
      'word',
    ],
    ['Integer (V3)', 1, [{ match: 'integer' }], 42, 4.2],
    ['Decimal (V3)', 1.5, [{ match: 'decimal' }], 4.25, 4],
    ['Number (V3)', 1, [{ match: 'number' }], 4.25, '4'],
    [
      'Timestamp (V3)',
      '2024-01-01 10:00:00',
      [{ match: 'datetime', format: 'yyyy-MM-dd HH:mm:ss' }],
      '2025-12-31 23:59:59',
      '2025-12-31T23:59:59',
    ],
    ['Time (V3)', '10:00:00', [{ match: 'time', format: 'HH:mm:ss' }], '23:59:59', '24:00:00'],
    [
      'Date (V3)',
      '2024-01-01',
      [{ match: 'date', format: 'yyyy-MM-dd' }],
      '2024-02-29',
      '2023-02-29',
    ],
    ['Null (V3)', null, [{ match: 'null' }], null, 0],
    ['Boolean (V3)', true, [{ match: 'boolean' }], false, 'yes'],
    ['Values (V3)', { a: 1 }, [{ match: 'values' }], { any: 2, other: 3 }, 'not a map'],
    ['NotEmpty (V4)', 'x', [{ match: 'notEmpty' }], 'y', ''],
    ['Semver (V4)', '1.0.0', [{ match: 'semver' }], '2.10.3-beta.1', '2.10'],
    [
      'EachKey (V4)',
      { a: 1 },
      [{ match: 'eachKey', rules: [{ match: 'regex', regex: '[a-z]+' }] }, { match: 'values' }],
      { b: 2 },
      { B2: 2 },
    ],
    [
      'EachValue (V4)',
      { a: 'x' },
      [{ match: 'eachValue', rules: [{ match: 'type' }] }],
      { a: 'y', b: 'z' },
      { a: 1 },
    ],
  ])('%s', (_, example, matchers, accepted, refused) => {
    expect(fits(example, matchers, accepted)).toBe(true);
    expect(fits(example, matchers, refused)).toBe(false);
  });

  it('Boolean (V3) accepts the strings "true" and "false" too ("booleans and the string values")', () => {
    expect(fits(true, [{ match: 'boolean' }], 'false')).toBe(true);
  });

  it('ArrayContains (V4): every variant present, in any order, other items allowed', () => {
    const matchers: Json[] = [
      {
        match: 'arrayContains',
        variants: [
          { index: 0, rules: { '$.id': { matchers: [{ match: 'integer' }] } } },
          { index: 1, rules: {} },
        ],
      },
    ];
    const example = [{ id: 1 }, { id: 'fixed' }];

    expect(fits(example, matchers, [{ id: 'fixed' }, { id: 99 }, { other: true }])).toBe(true);
    expect(fits(example, matchers, [{ id: 99 }])).toBe(false);
  });

  it('combine OR: any one matcher of the list is enough', () => {
    const matchers = [
      { match: 'regex', regex: '\\d+' },
      { match: 'regex', regex: '[a-z]+' },
    ];
    const or = (actual: Json) =>
      check(
        {
          request: {
            ...bodyInteraction('1', []).request,
            matchingRules: { body: { '$.v': { combine: 'OR', matchers } } },
          },
        },
        request(
          'POST',
          '/m',
          { 'content-type': 'application/json' },
          JSON.stringify({ v: actual }),
        ),
      ).startsWith('fits');

    expect([or('123'), or('abc'), or('abc123')]).toEqual([true, true, false]);
  });
});
