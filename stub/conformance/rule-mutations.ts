/**
 * Mutations generated from an interaction's own matching rules: for each rule, values just
 * outside (and just inside) what it allows, so that the two engines must agree on the rule's
 * semantics, not only on gross changes. A regex gets the example with a character appended and
 * prepended (a substring search would accept both), a number rule a value of the wrong numeric
 * kind, a date rule an impossible date, a min/max rule one item too few and too many, eachKey a
 * key the key rules refuse, eachValue a member of the wrong type, and so on; and values inside
 * the rule other than the example (another valid date, a key the key regex generates, exactly
 * max items), which both engines must accept.
 *
 * Header rules are left out: pact-stub-server never refuses a candidate for a header
 * (HEADERS_RANK), so a header mutation could not show a difference of rule semantics.
 */
import { formatDate } from '../engine/datetime';
import { type PathToken, parsePath } from '../engine/json-path';
import { generateFromRegex } from '../engine/regex';
import type { Json, RawInteraction, WireRequest } from './requests';

export interface RuleMutation {
  name: string;
  request: WireRequest;
}

type Matcher = { match?: string; regex?: string; min?: number; max?: number; [k: string]: unknown };
type RuleMap = Record<string, { matchers?: Matcher[] }>;

/** A day that exists only in leap years, at a time with every field non-zero. */
const LEAP_DAY = new Date(Date.UTC(2024, 1, 29, 13, 14, 15));

/** A repeatable pseudo-random source, so the same pact always gives the same mutations. */
function seeded(text: string): () => number {
  let state = [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

const clone = (request: WireRequest): WireRequest => ({
  ...request,
  query: Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, [...v]])),
  headers: { ...request.headers },
});

/** Replacements of one string value that test one matcher's edges (name → value). */
function stringEdges(matcher: Matcher, value: string): Array<[string, string]> {
  switch (matcher.match ?? (matcher.regex !== undefined ? 'regex' : 'type')) {
    case 'regex':
      return [
        ['regex-suffix', `${value}X`],
        ['regex-prefix', `X${value}`],
        ['regex-empty', ''],
      ];
    case 'integer':
      return [
        ['integer-decimal', '1.5'],
        ['integer-text', 'abc'],
      ];
    case 'decimal':
      return [['decimal-integer', '12']];
    case 'number':
      return [['number-text', 'abc']];
    case 'boolean':
      return [['boolean-other', 'yes']];
    case 'date':
    case 'time':
    case 'datetime':
    case 'timestamp':
      return [
        ['date-impossible', value.replace(/\d/g, '9')],
        ['date-suffix', `${value}X`],
      ];
    case 'type':
      return [['type-other-string', `${value}-other`]];
    case 'include':
      return [['include-missing', '']];
    case 'semver':
      return [['semver-short', '1.2']];
    case 'notEmpty':
      return [['not-empty-empty', '']];
    default:
      return [];
  }
}

/** A JSON value of another type than `value`. */
function otherType(value: Json): Json {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'not a boolean';
  if (value === null) return 'not null';
  if (Array.isArray(value)) return { not: 'a list' };
  return ['not an object'];
}

/** Replacements of one JSON value at a rule's path (name → value). */
function jsonEdges(matcher: Matcher, value: Json): Array<[string, Json]> {
  const kind = matcher.match ?? (matcher.regex !== undefined ? 'regex' : 'type');
  const out: Array<[string, Json]> = [];
  if (typeof value === 'string') out.push(...stringEdges(matcher, value));
  if (typeof value === 'number') {
    if (kind === 'regex') out.push(['regex-number-suffix', Number(`${value}1`)]);
    if (kind === 'integer') out.push(['integer-decimal', 1.5]);
    if (kind === 'decimal') out.push(['decimal-integer', 12]);
    if (kind === 'number' || kind === 'integer' || kind === 'decimal')
      out.push(['number-as-string', String(value)]);
  }
  if (kind === 'type' || kind === 'integer' || kind === 'number' || kind === 'boolean')
    out.push(['type-other', otherType(value)]);
  if (kind === 'null') out.push(['null-other', 0]);
  // Values inside the rule, but other than the example: both engines should accept them.
  if (kind === 'integer') out.push(['integer-other', 7]);
  if (kind === 'decimal') out.push(['decimal-other', 7.25]);
  if (kind === 'boolean' && typeof value === 'boolean') out.push(['boolean-other-value', !value]);
  if (
    (kind === 'date' || kind === 'time' || kind === 'datetime' || kind === 'timestamp') &&
    typeof matcher.format === 'string'
  )
    out.push(['date-other-valid', formatDate(LEAP_DAY, matcher.format)]);
  if (Array.isArray(value) && value.length > 0 && typeof matcher.max === 'number')
    out.push([
      'max-exactly',
      Array.from({ length: matcher.max }, (_, i) => value[i % value.length] as Json),
    ]);
  if (Array.isArray(value) && value.length > 0) {
    if (typeof matcher.min === 'number' && matcher.min > 0)
      out.push(['min-one-too-few', value.slice(0, matcher.min - 1)]);
    if (typeof matcher.max === 'number')
      out.push([
        'max-one-too-many',
        Array.from({ length: matcher.max + 1 }, (_, i) => value[i % value.length] as Json),
      ]);
    if (kind === 'type' || kind === 'eachValue') out.push(['array-empty', []]);
  }
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isObject) {
    const [first] = Object.entries(value);
    const keyRegex = (matcher.rules as Matcher[] | undefined)?.find(
      (r) => r.match === 'regex',
    )?.regex;
    if (first && kind === 'eachKey' && typeof keyRegex === 'string') {
      const key = generateFromRegex(keyRegex, seeded(keyRegex));
      out.push(['eachKey-good-key', { ...value, [key]: first[1] }]);
    }
    if (first && (kind === 'eachKey' || kind === 'values' || kind === 'eachValue')) {
      out.push([`${kind}-bad-key`, { ...value, 'conformance bad key!': first[1] }]);
      out.push([`${kind}-wrong-value`, { ...value, [first[0]]: otherType(first[1]) }]);
    }
  }
  if (Array.isArray(value) && value.length > 0 && kind === 'eachValue')
    out.push(['eachValue-wrong-item', [otherType(value[0] as Json), ...value.slice(1)]]);
  if (kind === 'notEmpty') out.push(['not-empty-empty', Array.isArray(value) ? [] : '']);
  return out;
}

/** The first concrete location a rule path reaches in `value` (a wildcard takes the first). */
function locate(value: Json, tokens: PathToken[]): Array<string | number> | undefined {
  const where: Array<string | number> = [];
  let current: Json = value;
  for (const token of tokens.slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      const index =
        token.kind === 'index'
          ? token.index
          : token.kind === 'starIndex' || token.kind === 'star'
            ? 0
            : -1;
      if (index < 0 || index >= current.length) return undefined;
      where.push(index);
      current = current[index] as Json;
    } else {
      const key =
        token.kind === 'field'
          ? token.name
          : token.kind === 'star'
            ? Object.keys(current)[0]
            : undefined;
      if (key === undefined || !Object.hasOwn(current, key)) return undefined;
      where.push(key);
      current = current[key] as Json;
    }
  }
  return where;
}

function getAt(value: Json, where: Array<string | number>): Json {
  return where.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k] as Json, value);
}

function setAt(value: Json, where: Array<string | number>, replacement: Json): Json {
  if (where.length === 0) return replacement;
  const [head, ...rest] = where as [string | number, ...Array<string | number>];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setAt(copy[head as number] as Json, rest, replacement);
    return copy;
  }
  const object = value as Record<string, Json>;
  return { ...object, [head]: setAt(object[head as string] as Json, rest, replacement) };
}

const matchersOf = (rules: RuleMap | undefined) =>
  Object.entries(rules ?? {}).flatMap(([key, rule]) =>
    (rule.matchers ?? []).map((matcher) => [key, matcher] as const),
  );

/** The rule-derived mutations of an interaction's example request `base`. */
export function ruleMutations(interaction: RawInteraction, base: WireRequest): RuleMutation[] {
  const out: RuleMutation[] = [];
  const rules = interaction.request.matchingRules ?? {};
  const seen = new Set<string>();
  const add = (name: string, request: WireRequest) => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, request });
  };

  // Query parameters: every value of the parameter replaced.
  for (const [name, matcher] of matchersOf(rules.query as RuleMap)) {
    const values = base.query[name];
    if (!values) continue;
    for (const [edge, value] of stringEdges(matcher, values[0] ?? '')) {
      const changed = clone(base);
      changed.query[name] = values.map(() => value);
      add(`rule:query:${name}:${edge}`, changed);
    }
    if (typeof matcher.min === 'number' && matcher.min > 0 && values.length >= matcher.min) {
      const changed = clone(base);
      changed.query[name] = values.slice(0, matcher.min - 1);
      if (changed.query[name]?.length === 0) delete changed.query[name];
      add(`rule:query:${name}:min-one-too-few`, changed);
    }
    if (typeof matcher.max === 'number') {
      const changed = clone(base);
      changed.query[name] = Array.from(
        { length: matcher.max + 1 },
        (_, i) => values[i % values.length] as string,
      );
      add(`rule:query:${name}:max-one-too-many`, changed);
    }
  }

  // The path (a regex on the whole path): the decoded example with a character appended.
  for (const [, matcher] of matchersOf({ path: rules.path ?? {} } as RuleMap)) {
    if ((matcher.match ?? 'regex') !== 'regex' || matcher.regex === undefined) continue;
    add('rule:path:regex-suffix', { ...clone(base), path: `${base.path}X` });
    add('rule:path:regex-inner-prefix', { ...clone(base), path: base.path.replace(/^\//, '/X') });
  }

  // JSON bodies: the value at each rule's path replaced (wildcards take the first member).
  const content = interaction.request.body?.content;
  const isJson = base.body !== undefined && /json/i.test(base.headers['content-type'] ?? '');
  if (isJson && content !== undefined && typeof content === 'object') {
    for (const [path, matcher] of matchersOf(rules.body as RuleMap)) {
      let tokens: PathToken[];
      try {
        tokens = parsePath(path);
      } catch {
        continue;
      }
      const where = locate(content as Json, tokens);
      if (!where) continue;
      for (const [edge, value] of jsonEdges(matcher, getAt(content as Json, where))) {
        const changed = clone(base);
        changed.body = JSON.stringify(setAt(content as Json, where, value));
        add(`rule:body:${path}:${edge}`, changed);
      }
    }
  }

  // URL-encoded form bodies: `$.field` rules apply to the field's values.
  if (
    base.body !== undefined &&
    /x-www-form-urlencoded/i.test(base.headers['content-type'] ?? '')
  ) {
    for (const [path, matcher] of matchersOf(rules.body as RuleMap)) {
      const field = /^\$\.([\w-]+)$/.exec(path)?.[1];
      if (!field) continue;
      const form = new URLSearchParams(base.body);
      const current = form.get(field);
      if (current === null) continue;
      for (const [edge, value] of stringEdges(matcher, current)) {
        const changed = new URLSearchParams(base.body);
        changed.set(field, value);
        add(`rule:form:${field}:${edge}`, { ...clone(base), body: changed.toString() });
      }
    }
  }
  return out;
}
