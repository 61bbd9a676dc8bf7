/**
 * Pact matching rules: read from pact JSON (V2 flat `$.body.x` keys or V3/V4 categories) into
 * compiled rules, with a clear error for anything the engine does not implement. Reading them
 * all at load time means a request never meets a rule the engine cannot apply.
 */
import { compileDateFormat, DateFormatSupportError } from './datetime';
import { PathSyntaxError, type PathToken, parsePath } from './json-path';
import { compileRegex, type PactRegex, RegexSupportError } from './regex';

export type Rule =
  | { kind: 'equality' }
  | { kind: 'regex'; source: string; regex: PactRegex }
  | { kind: 'type'; min?: number; max?: number }
  | { kind: 'integer' }
  | { kind: 'decimal' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'include'; value: string }
  | { kind: 'date' | 'time' | 'datetime'; format: string | undefined }
  | { kind: 'values' }
  | { kind: 'notEmpty' }
  | { kind: 'semver' }
  | { kind: 'eachKey'; rules: Rule[] }
  | { kind: 'eachValue'; rules: Rule[] }
  | { kind: 'arrayContains'; variants: Array<{ index: number; rules: BodyRules }> }
  | { kind: 'statusCode'; status: string | number[] }
  /** The detected type of the body's bytes (content-type.ts) must be this media type. */
  | { kind: 'contentType'; value: string };

export interface RuleList {
  rules: Rule[];
  combine: 'AND' | 'OR';
}

export interface BodyRuleEntry {
  expression: string;
  tokens: PathToken[];
  list: RuleList;
}

export type BodyRules = BodyRuleEntry[];

export interface CompiledRules {
  path: RuleList | undefined;
  /** Keyed by lower-cased header name. */
  header: Map<string, RuleList>;
  query: Map<string, RuleList>;
  body: BodyRules;
  status: RuleList | undefined;
}

/** A rule that cannot be read or is not supported; `at` is a JSON path inside the pact. */
export class RuleError extends Error {
  constructor(
    readonly at: string,
    reason: string,
  ) {
    super(reason);
  }
}

export const emptyRules = (): CompiledRules => ({
  path: undefined,
  header: new Map(),
  query: new Map(),
  body: [],
  status: undefined,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SUPPORTED =
  'equality, regex, type (min/max), integer, decimal, number, boolean, null, include, date, ' +
  'time, datetime/timestamp, values, notEmpty, semver, eachKey, eachValue, arrayContains, statusCode, contentType';

function count(value: unknown, at: string, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RuleError(`${at}.${field}`, `'${field}' must be a non-negative integer`);
  }
  return value;
}

/** Reads one matcher object, e.g. `{ "match": "type", "min": 1 }`. */
export function compileRule(json: unknown, at: string): Rule {
  if (!isObject(json)) throw new RuleError(at, 'a matcher must be a JSON object');
  let match = json.match;
  if (match === undefined) {
    // V2 matchers have no `match`: the keys say what they are.
    if ('regex' in json) match = 'regex';
    else if ('min' in json || 'max' in json) match = 'type';
    else if ('timestamp' in json) match = 'timestamp';
    else if ('date' in json) match = 'date';
    else if ('time' in json) match = 'time';
    else throw new RuleError(at, `matcher ${JSON.stringify(json)} has no "match" type`);
  }
  if (typeof match !== 'string') throw new RuleError(`${at}.match`, '"match" must be a string');
  switch (match) {
    case 'equality':
      return { kind: 'equality' };
    case 'regex': {
      if (typeof json.regex !== 'string')
        throw new RuleError(`${at}.regex`, 'regex matcher without a "regex" string');
      try {
        return { kind: 'regex', source: json.regex, regex: compileRegex(json.regex) };
      } catch (error) {
        if (error instanceof RegexSupportError) throw new RuleError(`${at}.regex`, error.message);
        throw error;
      }
    }
    case 'type':
    case 'min':
    case 'max': {
      const min = count(json.min, at, 'min');
      const max = count(json.max, at, 'max');
      return { kind: 'type', ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
    }
    case 'integer':
    case 'decimal':
    case 'number':
    case 'boolean':
    case 'null':
    case 'values':
    case 'notEmpty':
    case 'semver':
      return { kind: match };
    case 'real':
      return { kind: 'decimal' };
    case 'include':
      if (typeof json.value !== 'string')
        throw new RuleError(`${at}.value`, 'include matcher without a "value" string');
      return { kind: 'include', value: json.value };
    case 'date':
    case 'time':
    case 'datetime':
    case 'timestamp': {
      const kind = match === 'timestamp' ? 'datetime' : match;
      const format = json.format ?? json[match] ?? json.timestamp;
      if (format !== undefined && typeof format !== 'string') {
        throw new RuleError(`${at}.format`, 'the date/time format must be a string');
      }
      if (format !== undefined) {
        try {
          compileDateFormat(format);
        } catch (error) {
          if (error instanceof DateFormatSupportError) {
            throw new RuleError(`${at}.format`, `unsupported date/time format: ${error.message}`);
          }
          throw error;
        }
      }
      return { kind, format };
    }
    case 'eachKey':
    case 'eachValue': {
      if (!Array.isArray(json.rules))
        throw new RuleError(`${at}.rules`, `${match} matcher without a "rules" list`);
      const rules = json.rules.map((rule, i) => compileRule(rule, `${at}.rules[${i}]`));
      return { kind: match, rules };
    }
    case 'arrayContains': {
      if (!Array.isArray(json.variants)) {
        throw new RuleError(`${at}.variants`, 'arrayContains matcher without a "variants" list');
      }
      const variants = json.variants.map((variant, i) => {
        const vat = `${at}.variants[${i}]`;
        if (!isObject(variant) || typeof variant.index !== 'number') {
          throw new RuleError(vat, 'a variant needs a numeric "index"');
        }
        return {
          index: variant.index,
          rules: compileBodyRules(variant.rules ?? {}, `${vat}.rules`),
        };
      });
      return { kind: 'arrayContains', variants };
    }
    case 'contentType':
      if (typeof json.value !== 'string')
        throw new RuleError(`${at}.value`, 'contentType matcher without a "value" string');
      return { kind: 'contentType', value: json.value };
    case 'statusCode': {
      const status = json.status;
      if (
        typeof status !== 'string' &&
        !(Array.isArray(status) && status.every((s) => typeof s === 'number'))
      ) {
        throw new RuleError(
          `${at}.status`,
          'statusCode matcher needs a class name or a list of codes',
        );
      }
      return { kind: 'statusCode', status: status as string | number[] };
    }
    default:
      throw new RuleError(
        `${at}.match`,
        `unsupported matcher '${match}' (the stub supports ${SUPPORTED})`,
      );
  }
}

/** Reads `{ "combine": "AND", "matchers": [...] }` (V3/V4) or a bare V2 matcher object. */
export function compileRuleList(json: unknown, at: string): RuleList {
  if (!isObject(json)) throw new RuleError(at, 'matching rules must be a JSON object');
  if (!('matchers' in json)) return { rules: [compileRule(json, at)], combine: 'AND' };
  if (!Array.isArray(json.matchers))
    throw new RuleError(`${at}.matchers`, '"matchers" must be a list');
  const combine = String(json.combine ?? 'AND').toUpperCase();
  if (combine !== 'AND' && combine !== 'OR') {
    throw new RuleError(`${at}.combine`, `"combine" must be AND or OR, not '${combine}'`);
  }
  return {
    rules: json.matchers.map((rule, i) => compileRule(rule, `${at}.matchers[${i}]`)),
    combine,
  };
}

export function compileBodyRules(json: unknown, at: string): BodyRules {
  if (!isObject(json)) throw new RuleError(at, 'body rules must be a JSON object keyed by path');
  return Object.entries(json).map(([expression, list]) => {
    let tokens: PathToken[];
    try {
      tokens = parsePath(expression);
    } catch (error) {
      if (error instanceof PathSyntaxError)
        throw new RuleError(`${at}['${expression}']`, error.message);
      throw error;
    }
    return { expression, tokens, list: compileRuleList(list, `${at}['${expression}']`) };
  });
}

function compileNamed(json: unknown, at: string, lowerCase: boolean): Map<string, RuleList> {
  if (!isObject(json)) throw new RuleError(at, 'rules must be a JSON object keyed by name');
  const map = new Map<string, RuleList>();
  for (const [name, list] of Object.entries(json)) {
    map.set(lowerCase ? name.toLowerCase() : name, compileRuleList(list, `${at}['${name}']`));
  }
  return map;
}

/** Reads the `matchingRules` of a request or response, V2 or V3/V4. */
export function compileMatchingRules(json: unknown, at: string): CompiledRules {
  const rules = emptyRules();
  if (json === undefined || json === null) return rules;
  if (!isObject(json)) throw new RuleError(at, '"matchingRules" must be a JSON object');
  const keys = Object.keys(json);
  if (keys.some((key) => key.startsWith('$'))) {
    compileV2Rules(json, at, rules);
    return rules;
  }
  for (const [category, value] of Object.entries(json)) {
    const cat = `${at}.${category}`;
    switch (category) {
      case 'path':
        rules.path = compileRuleList(value, cat);
        break;
      case 'header':
      case 'headers':
        rules.header = compileNamed(value, cat, true);
        break;
      case 'query':
        rules.query = compileNamed(value, cat, false);
        break;
      case 'body':
        rules.body = compileBodyRules(value, cat);
        break;
      case 'status':
        rules.status = compileRuleList(value, cat);
        break;
      case 'method':
      case 'metadata':
        break;
      default:
        throw new RuleError(cat, `unknown matching-rule category '${category}'`);
    }
  }
  return rules;
}

function compileV2Rules(json: Record<string, unknown>, at: string, rules: CompiledRules): void {
  for (const [key, value] of Object.entries(json)) {
    const kat = `${at}['${key}']`;
    const list = compileRuleList(value, kat);
    if (key === '$.path') rules.path = list;
    else if (key.startsWith('$.headers.') || key.startsWith('$.header.')) {
      rules.header.set(key.slice(key.indexOf('.', 2) + 1).toLowerCase(), list);
    } else if (key.startsWith('$.query.')) rules.query.set(key.slice('$.query.'.length), list);
    else if (key === '$.body' || key.startsWith('$.body.') || key.startsWith('$.body[')) {
      const expression = `$${key.slice('$.body'.length)}`;
      let tokens: PathToken[];
      try {
        tokens = parsePath(expression);
      } catch (error) {
        if (error instanceof PathSyntaxError) throw new RuleError(kat, error.message);
        throw error;
      }
      rules.body.push({ expression, tokens, list });
    } else if (key === '$.status') rules.status = list;
    else throw new RuleError(kat, `unknown V2 matching-rule path '${key}'`);
  }
}

/** The kinds whose meaning is about a collection's keys or members, not its own value. */
export const isValuesKind = (rule: Rule): boolean =>
  rule.kind === 'values' || rule.kind === 'eachKey' || rule.kind === 'eachValue';

export function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case 'regex':
      return `regex /${rule.source}/`;
    case 'type':
      return rule.min !== undefined || rule.max !== undefined
        ? `type (min ${rule.min ?? 0}, max ${rule.max ?? '∞'})`
        : 'type';
    case 'include':
      return `include '${rule.value}'`;
    case 'date':
    case 'time':
    case 'datetime':
      return `${rule.kind} '${rule.format ?? 'ISO 8601'}'`;
    default:
      return rule.kind;
  }
}
