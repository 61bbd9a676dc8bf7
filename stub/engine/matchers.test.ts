import { checkDateValue, evaluateDateExpression, formatDate } from './datetime';
import { JsonComparator } from './matchers';
import { generateFromRegex } from './regex';
import { compileBodyRules } from './rules';
import type { JsonValue } from './types';

/** Mismatch reasons of `actual` against `expected` under body `rules` (request semantics). */
function compare(
  expected: JsonValue,
  actual: JsonValue,
  rules: Record<string, unknown> = {},
): string[] {
  return new JsonComparator(compileBodyRules(rules, 'rules'), false)
    .compare(expected, actual)
    .map((m) => `${m.path}: ${m.reason}`);
}

const rule = (...matchers: object[]) => ({ combine: 'AND', matchers });

describe('JSON body matching', () => {
  it.each<[string, JsonValue, JsonValue, Record<string, unknown>, string[]]>([
    ['equality by default', { a: 1 }, { a: 2 }, {}, ['$.a: expected 1 but got 2']],
    ['no unexpected keys in a request', { a: 1 }, { a: 1, b: 2 }, {}, ['$: unexpected key(s) b']],
    ['missing keys', { a: 1, b: 2 }, { a: 1 }, {}, ['$: missing key(s) b']],
    ['type', { a: 'x' }, { a: 'anything' }, { '$.a': rule({ match: 'type' }) }, []],
    [
      'type refuses another JSON type',
      { a: 'x' },
      { a: 3 },
      { '$.a': rule({ match: 'type' }) },
      ["$.a: expected a string like 'x' but got number 3"],
    ],
    [
      'type min on arrays',
      { a: [1] },
      { a: [] },
      { '$.a': rule({ match: 'type', min: 1 }) },
      ['$.a: expected at least 1 item(s) but got 0'],
    ],
    [
      'type max on arrays',
      { a: [1] },
      { a: [1, 2, 3] },
      { '$.a': rule({ match: 'type', max: 2 }) },
      ['$.a: expected at most 2 item(s) but got 3'],
    ],
    [
      'eachLike items follow the first example',
      { a: [{ c: 'en' }] },
      { a: [{ c: 'fr' }, { c: 'de' }] },
      { '$.a': rule({ match: 'type', min: 1 }), '$.a[*].c': rule({ match: 'type' }) },
      [],
    ],
    [
      'a type rule cascades to children',
      { a: { b: 1, c: 'x' } },
      { a: { b: 9, c: 'y' } },
      { '$.a': rule({ match: 'type' }) },
      [],
    ],
    [
      'regex',
      { a: 'abc' },
      { a: 'ABC' },
      { '$.a': rule({ match: 'regex', regex: '^[a-z]+$' }) },
      ["$.a: 'ABC' does not match /^[a-z]+$/"],
    ],
    [
      'integer',
      { a: 1 },
      { a: 1.5 },
      { '$.a': rule({ match: 'integer' }) },
      ['$.a: 1.5 is not an integer'],
    ],
    ['decimal', { a: 1.5 }, { a: 2.25 }, { '$.a': rule({ match: 'decimal' }) }, []],
    [
      'decimal refuses an integer',
      { a: 1.5 },
      { a: 2 },
      { '$.a': rule({ match: 'decimal' }) },
      ['$.a: 2 is not a decimal number'],
    ],
    [
      'number',
      { a: 1 },
      { a: '1' },
      { '$.a': rule({ match: 'number' }) },
      ["$.a: '1' is not a number"],
    ],
    ['boolean', { a: true }, { a: false }, { '$.a': rule({ match: 'boolean' }) }, []],
    ['null', { a: null }, { a: 0 }, { '$.a': rule({ match: 'null' }) }, ['$.a: 0 is not null']],
    [
      'include',
      { a: 'hello world' },
      { a: 'say hello' },
      { '$.a': rule({ match: 'include', value: 'hello' }) },
      [],
    ],
    [
      'date',
      { a: '2024-01-01' },
      { a: '2024-13-01' },
      { '$.a': rule({ match: 'date', format: 'yyyy-MM-dd' }) },
      ["$.a: '2024-13-01' has month 13, outside 1-12 (format 'yyyy-MM-dd')"],
    ],
    [
      'time',
      { a: '10:00' },
      { a: '23:59' },
      { '$.a': rule({ match: 'time', format: 'HH:mm' }) },
      [],
    ],
    [
      'datetime',
      { a: '2024-01-01T10:00:00Z' },
      { a: '2026-11-30T23:59:59Z' },
      { '$.a': rule({ match: 'datetime', format: "yyyy-MM-dd'T'HH:mm:ss'Z'" }) },
      [],
    ],
    [
      'V2 timestamp',
      { a: '2024-01-01 10:00' },
      { a: 'yesterday' },
      { '$.a': { match: 'timestamp', timestamp: 'yyyy-MM-dd HH:mm' } },
      ["$.a: 'yesterday' does not match the date/time format 'yyyy-MM-dd HH:mm'"],
    ],
    [
      'values: any keys, values like the example',
      { m: { k: 1 } },
      { m: { x: 2, y: 3 } },
      { '$.m': rule({ match: 'values' }), '$.m.*': rule({ match: 'integer' }) },
      [],
    ],
    [
      'eachKey',
      { m: { en: 'x' } },
      { m: { en: 'a', FR: 'b' } },
      { '$.m': rule({ match: 'eachKey', rules: [{ match: 'regex', regex: '^[a-z]{2}$' }] }) },
      ["$.m: key 'FR' does not match /^[a-z]{2}$/"],
    ],
    [
      'eachValue',
      { m: { en: 'x' } },
      { m: { en: 'a', fr: 7 } },
      { '$.m': rule({ match: 'eachValue', rules: [{ match: 'type' }] }) },
      ["$.m.fr: expected a string like 'x' but got number 7"],
    ],
    [
      'arrayContains finds each variant anywhere',
      { l: [{ kind: 'a' }, { kind: 'b', n: 1 }] },
      { l: [{ kind: 'z', n: 5 }, { kind: 'b', n: 9 }, { kind: 'a' }] },
      {
        '$.l': rule({
          match: 'arrayContains',
          variants: [
            { index: 0, rules: {} },
            { index: 1, rules: { '$.n': rule({ match: 'integer' }) } },
          ],
        }),
      },
      [],
    ],
    [
      'arrayContains reports a missing variant',
      { l: [{ kind: 'a' }] },
      { l: [{ kind: 'b' }] },
      { '$.l': rule({ match: 'arrayContains', variants: [{ index: 0, rules: {} }] }) },
      ['$.l: no item matches variant 0 ({"kind":"a"})'],
    ],
    [
      'OR combines',
      { a: 'x' },
      { a: 5 },
      {
        '$.a': {
          combine: 'OR',
          matchers: [{ match: 'integer' }, { match: 'regex', regex: '^x$' }],
        },
      },
      [],
    ],
    [
      'equality overrides a cascaded type rule',
      { a: { b: 'x' } },
      { a: { b: 'y' } },
      { '$.a': rule({ match: 'type' }), '$.a.b': rule({ match: 'equality' }) },
      ["$.a.b: expected 'x' but got 'y'"],
    ],
  ])('%s', (_name, expected, actual, rules, reasons) => {
    // Act / Assert
    expect(compare(expected, actual, rules)).toEqual(reasons);
  });
});

describe('dates and times', () => {
  it('formats Java patterns in UTC and validates them back', () => {
    // Arrange
    const when = new Date('2026-03-10T07:05:09.123Z');

    // Act
    const formatted = formatDate(when, "EEE, dd MMM yyyy HH:mm:ss.SSS'Z' a");

    // Assert
    expect(formatted).toBe('Tue, 10 Mar 2026 07:05:09.123Z AM');
    expect(checkDateValue(formatted, "EEE, dd MMM yyyy HH:mm:ss.SSS'Z' a")).toBeNull();
  });

  it('evaluates generator expressions relative to now', () => {
    // Arrange
    const now = new Date('2026-03-10T07:05:09Z');

    // Act / Assert
    expect(evaluateDateExpression('today + 2 days @ noon', now).toISOString()).toBe(
      '2026-03-12T12:00:00.000Z',
    );
    expect(evaluateDateExpression('now - 3 hours', now).toISOString()).toBe(
      '2026-03-10T04:05:09.000Z',
    );
    expect(evaluateDateExpression('tomorrow @ 2:30 pm', now).toISOString()).toBe(
      '2026-03-11T14:30:00.000Z',
    );
    expect(() => evaluateDateExpression('next blue moon', now)).toThrow('next blue moon');
  });
});

describe('regex generator', () => {
  it.each([
    '^[A-Za-z0-9]{32,64}$',
    '^(xTwitter|facebook|linkedin)$',
    '\\d{3}-\\w+',
    '^course-v1:[^/]+\\+[A-Z]{2,4}$',
  ])('generates values that match /%s/', (source) => {
    // Act
    const values = Array.from({ length: 20 }, () => generateFromRegex(source));

    // Assert
    for (const value of values) expect(value).toMatch(new RegExp(source));
  });
});
