/**
 * Applying matching rules: to single values (strings of paths, headers and queries; JSON
 * values of bodies) and to whole JSON documents, following pact_matching's algorithm:
 * the heaviest rule whose path covers a value applies; a rule inherited from a parent path is
 * "cascaded" (it no longer checks array lengths); request bodies allow no unexpected keys.
 */
import { checkDateValue, impossibleDay } from './datetime';
import { formatPath, pathWeight } from './json-path';
import { type BodyRules, describeRule, isValuesKind, type Rule, type RuleList } from './rules';
import type { JsonValue } from './types';

const ISO_FORMATS = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$/,
  datetime: /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$/,
};
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

export const show = (value: unknown): string => {
  const text = typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? 'undefined');
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

const jsonType = (value: JsonValue): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => deepEqual(item, other[i]));
  }
  const ak = Object.keys(a as object);
  const bk = Object.keys(b as object);
  return (
    ak.length === bk.length &&
    ak.every((k) => Object.hasOwn(b as object, k) && deepEqual((a as never)[k], (b as never)[k]))
  );
}

function checkDate(kind: 'date' | 'time' | 'datetime', format: string | undefined, text: string) {
  if (format) return checkDateValue(text, format);
  if (!ISO_FORMATS[kind].test(text)) return `'${text}' is not an ISO 8601 ${kind}`;
  // The shape is right: the calendar and the clock must be too (no 2023-02-30, no 25:00).
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (month < 1 || month > 12 || day < 1)
      return `'${text}' is not a date: month ${month}, day ${day}`;
    const impossible = impossibleDay(text, year, month, day);
    if (impossible) return impossible;
  }
  const clock = /(?:^|[T ])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(kind === 'date' ? '' : text);
  if (clock && (Number(clock[1]) > 23 || Number(clock[2]) > 59 || Number(clock[3] ?? 0) > 60))
    return `'${text}' is not a time of day`;
  return null;
}

/** Null when `actual` satisfies `rule` (compared with `expected`), else the reason. */
export function matchString(rule: Rule, expected: string, actual: string): string | null {
  switch (rule.kind) {
    case 'equality':
      return expected === actual ? null : `expected ${show(expected)} but got ${show(actual)}`;
    case 'regex':
      return rule.regex.matches(actual) ? null : `${show(actual)} does not match /${rule.source}/`;
    case 'type':
    case 'values':
      return null;
    case 'include':
      return actual.includes(rule.value)
        ? null
        : `${show(actual)} does not include ${show(rule.value)}`;
    case 'integer':
      return /^-?\d+$/.test(actual) ? null : `${show(actual)} is not an integer`;
    case 'decimal':
      return /^-?\d+\.\d+$/.test(actual) ? null : `${show(actual)} is not a decimal number`;
    case 'number':
      return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(actual)
        ? null
        : `${show(actual)} is not a number`;
    case 'boolean':
      return actual === 'true' || actual === 'false' ? null : `${show(actual)} is not a boolean`;
    case 'null':
      return `${show(actual)} is not null`;
    case 'notEmpty':
      return actual.length > 0 ? null : 'the value is empty';
    case 'semver':
      return SEMVER.test(actual) ? null : `${show(actual)} is not a semantic version`;
    case 'contentType':
      return null;
    case 'date':
    case 'time':
    case 'datetime':
      return checkDate(rule.kind, rule.format, actual);
    default:
      return `the ${describeRule(rule)} matcher does not apply to a string value`;
  }
}

/** Applies a rule list (AND/OR) to a string value. */
export function matchStringList(list: RuleList, expected: string, actual: string): string[] {
  const reasons: string[] = [];
  for (const rule of list.rules) {
    const reason = matchString(rule, expected, actual);
    if (reason === null && list.combine === 'OR') return [];
    if (reason !== null) reasons.push(reason);
  }
  return reasons;
}

/** One JSON value (not a container's members) against one rule. */
function matchJsonValue(
  rule: Rule,
  expected: JsonValue,
  actual: JsonValue,
  cascaded: boolean,
): string | null {
  const asText = typeof actual === 'string' ? actual : JSON.stringify(actual);
  const isContainer = typeof actual === 'object' && actual !== null;
  switch (rule.kind) {
    case 'equality':
      return deepEqual(expected, actual)
        ? null
        : `expected ${show(expected)} but got ${show(actual)}`;
    case 'values':
    case 'eachKey':
    case 'eachValue':
    case 'arrayContains':
      return isContainer || cascaded
        ? null
        : `the ${rule.kind} matcher needs an object or array, got ${show(actual)}`;
    case 'regex':
      return isContainer
        ? `the regex matcher does not apply to ${jsonType(actual)} ${show(actual)}`
        : rule.regex.matches(asText)
          ? null
          : `${show(actual)} does not match /${rule.source}/`;
    case 'include':
      return asText.includes(rule.value)
        ? null
        : `${show(actual)} does not include ${show(rule.value)}`;
    case 'type': {
      if (jsonType(expected) !== jsonType(actual)) {
        return `expected a ${jsonType(expected)} like ${show(expected)} but got ${jsonType(actual)} ${show(actual)}`;
      }
      if (!cascaded && isContainer) {
        const size = Array.isArray(actual) ? actual.length : Object.keys(actual).length;
        if (rule.min !== undefined && size < rule.min)
          return `expected at least ${rule.min} item(s) but got ${size}`;
        if (rule.max !== undefined && size > rule.max)
          return `expected at most ${rule.max} item(s) but got ${size}`;
      }
      return null;
    }
    case 'integer':
      return typeof actual === 'number' && Number.isInteger(actual)
        ? null
        : `${show(actual)} is not an integer`;
    case 'decimal':
      return typeof actual === 'number' && !Number.isInteger(actual)
        ? null
        : `${show(actual)} is not a decimal number`;
    case 'number':
      return typeof actual === 'number' ? null : `${show(actual)} is not a number`;
    case 'boolean':
      return typeof actual === 'boolean' || actual === 'true' || actual === 'false'
        ? null
        : `${show(actual)} is not a boolean`;
    case 'null':
      return actual === null ? null : `${show(actual)} is not null`;
    case 'notEmpty':
      if (actual === null || actual === '') return `${show(actual)} is empty`;
      if (Array.isArray(actual)) return actual.length ? null : 'the array is empty';
      if (isContainer) return Object.keys(actual).length ? null : 'the object is empty';
      return null;
    case 'semver':
      return typeof actual === 'string' && SEMVER.test(actual)
        ? null
        : `${show(actual)} is not a semantic version`;
    case 'date':
    case 'time':
    case 'datetime':
      return typeof actual === 'string'
        ? checkDate(rule.kind, rule.format, actual)
        : `${show(actual)} is not a ${rule.kind} string`;
    case 'statusCode':
      return 'the statusCode matcher only applies to a response status';
    case 'contentType':
      // Applies to whole text or binary bodies and multipart files: matchBody detects the type
      // of the bytes (content-type.ts). Inside a JSON document there are no bytes to detect.
      return null;
  }
}

export interface BodyMismatch {
  path: string;
  reason: string;
}

interface Selected {
  list: RuleList;
  cascaded: boolean;
}

/** Compares JSON documents with body rules. */
export class JsonComparator {
  constructor(
    private readonly rules: BodyRules,
    private readonly allowUnexpectedKeys: boolean,
  ) {}

  compare(expected: JsonValue, actual: JsonValue): BodyMismatch[] {
    const out: BodyMismatch[] = [];
    this.walk(['$'], expected, actual, out);
    return out;
  }

  private best(path: string[]): Selected | undefined {
    let chosen: Selected | undefined;
    let score = 0;
    for (const entry of this.rules) {
      const weight = pathWeight(entry.tokens, path) * entry.tokens.length;
      if (weight > score) {
        score = weight;
        chosen = { list: entry.list, cascaded: entry.tokens.length !== path.length };
      }
    }
    return chosen;
  }

  private walk(path: string[], expected: JsonValue, actual: JsonValue, out: BodyMismatch[]): void {
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual)) {
        out.push({
          path: formatPath(path),
          reason: `expected an array but got ${jsonType(actual)} ${show(actual)}`,
        });
      } else this.lists(path, expected, actual, out);
    } else if (typeof expected === 'object' && expected !== null) {
      if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
        out.push({
          path: formatPath(path),
          reason: `expected an object but got ${jsonType(actual)} ${show(actual)}`,
        });
      } else this.maps(path, expected, actual, out);
    } else {
      const selected = this.best(path);
      if (!selected) {
        if (!deepEqual(expected, actual))
          out.push({
            path: formatPath(path),
            reason: `expected ${show(expected)} but got ${show(actual)}`,
          });
        return;
      }
      const reasons = this.applyList(selected, expected, actual);
      for (const reason of reasons) out.push({ path: formatPath(path), reason });
    }
  }

  private applyList(selected: Selected, expected: JsonValue, actual: JsonValue): string[] {
    const reasons: string[] = [];
    for (const rule of selected.list.rules) {
      const reason = matchJsonValue(rule, expected, actual, selected.cascaded);
      if (reason === null && selected.list.combine === 'OR') return [];
      if (reason !== null) reasons.push(reason);
    }
    return reasons;
  }

  private maps(
    path: string[],
    expected: { [key: string]: JsonValue },
    actual: { [key: string]: JsonValue },
    out: BodyMismatch[],
  ): void {
    // Only a mismatch needs the readable path.
    const where = () => formatPath(path);
    const expectedKeys = Object.keys(expected);
    const actualKeys = Object.keys(actual);
    if (
      expectedKeys.length === 0 &&
      !this.allowUnexpectedKeys &&
      actualKeys.length > 0 &&
      !this.best(path)
    ) {
      out.push({
        path: where(),
        reason: `expected an empty object but got keys ${actualKeys.join(', ')}`,
      });
      return;
    }
    const selected = this.best(path);
    // values, eachKey and eachValue may come together (eachKey + eachValue is how pact-js
    // writes a map with rules on both its keys and its values): every one of them applies.
    const valuesRules =
      selected && !selected.cascaded ? selected.list.rules.filter(isValuesKind) : [];
    if (selected) {
      for (const rule of selected.list.rules) {
        if (isValuesKind(rule) && !selected.cascaded) continue;
        const reason = matchJsonValue(rule, expected, actual, selected.cascaded);
        if (reason) out.push({ path: where(), reason });
      }
    }
    if (valuesRules.length > 0) {
      // Any key is allowed; every value is compared with the expected one of the same key, or
      // with the first expected value (eachValue adds its own rules on every member).
      const first = expected[expectedKeys[0] as string];
      const eachValueRules = valuesRules.flatMap((rule) =>
        rule.kind === 'eachValue' ? rule.rules : [],
      );
      const sub =
        eachValueRules.length > 0
          ? new JsonComparator(
              [
                ...this.rules,
                {
                  expression: `${where()}.*`,
                  tokens: [...pathTokens(path), { kind: 'star' }],
                  list: { rules: eachValueRules, combine: 'AND' },
                },
              ],
              this.allowUnexpectedKeys,
            )
          : this;
      for (const key of actualKeys) {
        const template = Object.hasOwn(expected, key) ? expected[key] : first;
        if (template !== undefined)
          sub.walk([...path, key], template as JsonValue, actual[key] as JsonValue, out);
      }
      for (const rule of valuesRules)
        if (rule.kind === 'eachKey') this.eachKey(where(), rule.rules, actualKeys, out);
      return;
    }
    // Lists made only when a key is missing or unexpected: a fitting body allocates none.
    if (expectedKeys.some((key) => !Object.hasOwn(actual, key))) {
      const missing = expectedKeys.filter((key) => !Object.hasOwn(actual, key));
      out.push({ path: where(), reason: `missing key(s) ${missing.join(', ')}` });
    }
    if (!this.allowUnexpectedKeys && actualKeys.some((key) => !Object.hasOwn(expected, key))) {
      const unexpected = actualKeys.filter((key) => !Object.hasOwn(expected, key));
      out.push({ path: where(), reason: `unexpected key(s) ${unexpected.join(', ')}` });
    }
    for (const key of expectedKeys) {
      if (Object.hasOwn(actual, key))
        this.walk([...path, key], expected[key] as JsonValue, actual[key] as JsonValue, out);
    }
  }

  private eachKey(where: string, rules: Rule[], keys: string[], out: BodyMismatch[]): void {
    for (const key of keys) {
      for (const rule of rules) {
        const reason = matchString(rule, key, key);
        if (reason) out.push({ path: where, reason: `key ${reason}` });
      }
    }
  }

  private lists(
    path: string[],
    expected: JsonValue[],
    actual: JsonValue[],
    out: BodyMismatch[],
  ): void {
    // Only a mismatch needs the readable path.
    const where = () => formatPath(path);
    const selected = this.best(path);
    if (!selected) {
      if (expected.length === 0 && actual.length > 0) {
        out.push({
          path: where(),
          reason: `expected an empty array but got ${actual.length} item(s)`,
        });
        return;
      }
      for (let i = 0; i < expected.length; i += 1) {
        if (i < actual.length)
          this.walk([...path, String(i)], expected[i] as JsonValue, actual[i] as JsonValue, out);
        else out.push({ path: where(), reason: `missing item ${i} (${show(expected[i])})` });
      }
      if (expected.length !== actual.length) {
        out.push({
          path: where(),
          reason: `expected ${expected.length} item(s) but got ${actual.length}`,
        });
      }
      return;
    }
    if (expected.length === 0) return;
    const perRule: BodyMismatch[][] = selected.list.rules.map((rule) => {
      const found: BodyMismatch[] = [];
      if (rule.kind === 'arrayContains') {
        this.arrayContains(where(), rule.variants, expected, actual, found);
      } else if (rule.kind === 'eachValue' && !selected.cascaded) {
        const sub = new JsonComparator(
          [
            ...this.rules,
            {
              expression: `${where()}[*]`,
              tokens: [...pathTokens(path), { kind: 'starIndex' }],
              list: { rules: rule.rules, combine: 'AND' },
            },
          ],
          this.allowUnexpectedKeys,
        );
        sub.listContents(path, expected, actual, found);
      } else {
        const reason = matchJsonValue(rule, expected, actual, selected.cascaded);
        if (reason) found.push({ path: where(), reason });
        this.listContents(path, expected, actual, found);
      }
      return found;
    });
    if (selected.list.combine === 'OR' && perRule.some((found) => found.length === 0)) return;
    for (const found of perRule) out.push(...found);
  }

  private listContents(
    path: string[],
    expected: JsonValue[],
    actual: JsonValue[],
    out: BodyMismatch[],
  ): void {
    const length = Math.max(expected.length, actual.length);
    for (let i = 0; i < length; i += 1) {
      const template = i < expected.length ? expected[i] : expected[0];
      const itemPath = [...path, String(i)];
      if (i < actual.length)
        this.walk(itemPath, template as JsonValue, actual[i] as JsonValue, out);
      else if (!this.best(itemPath)) {
        out.push({ path: formatPath(path), reason: `missing item ${i} (${show(template)})` });
      }
    }
  }

  private arrayContains(
    where: string,
    variants: Array<{ index: number; rules: BodyRules }>,
    expected: JsonValue[],
    actual: JsonValue[],
    out: BodyMismatch[],
  ): void {
    const list =
      variants.length > 0
        ? variants
        : expected.map((_, index) => ({ index, rules: [] as BodyRules }));
    for (const variant of list) {
      const wanted = expected[variant.index];
      if (wanted === undefined) {
        out.push({ path: where, reason: `arrayContains variant ${variant.index} has no example` });
        continue;
      }
      const comparator = new JsonComparator(variant.rules, this.allowUnexpectedKeys);
      if (!actual.some((item) => comparator.compare(wanted, item).length === 0)) {
        out.push({
          path: where,
          reason: `no item matches variant ${variant.index} (${show(wanted)})`,
        });
      }
    }
  }
}

function pathTokens(path: string[]) {
  return path.map((fragment, i) =>
    i === 0
      ? ({ kind: 'root' } as const)
      : /^[0-9]+$/.test(fragment)
        ? ({ kind: 'index', index: Number(fragment) } as const)
        : ({ kind: 'field', name: fragment } as const),
  );
}

/** Null when every rule/expected pair for a list of string values (query, form field) holds. */
export function matchStringValues(
  list: RuleList | undefined,
  expected: string[],
  actual: string[],
  label: string,
): string[] {
  if (!list) {
    if (expected.length !== actual.length || expected.some((value, i) => value !== actual[i])) {
      const text = (values: string[]) => (values.length === 1 ? show(values[0]) : show(values));
      return [`${label}: expected ${text(expected)} but got ${text(actual)}`];
    }
    return [];
  }
  const reasons: string[] = [];
  const typeRule = list.rules.find((rule) => rule.kind === 'type');
  if (typeRule?.kind === 'type') {
    if (typeRule.min !== undefined && actual.length < typeRule.min)
      reasons.push(`${label}: expected at least ${typeRule.min} value(s)`);
    if (typeRule.max !== undefined && actual.length > typeRule.max)
      reasons.push(`${label}: expected at most ${typeRule.max} value(s)`);
  }
  actual.forEach((value, i) => {
    const template = expected[i] ?? expected[0] ?? '';
    for (const reason of matchStringList(list, template, value))
      reasons.push(`${label}: ${reason}`);
  });
  return reasons;
}
