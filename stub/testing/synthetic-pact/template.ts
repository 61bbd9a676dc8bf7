/**
 * A tiny Pact V4 template language for the synthetic pact: a body is written as plain data with
 * matcher markers (`like`, `regex`, `eachLike`, `fromState`, `mockUrl`...), and `compileBody`
 * turns it into the three things a V4 pact stores: the example content, the matching rules by
 * JSON path, and the generators by JSON path. pact-js does the same through its Rust core; we
 * write JSON directly because the synthetic pact must be produced without running a consumer.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One V4 matcher as it appears in a pact file (`{"match": "type"}`). */
export type MatcherJson = { match: string } & Record<string, Json>;
export interface RuleList {
  combine: 'AND';
  matchers: MatcherJson[];
}
export type GeneratorJson = { type: string } & Record<string, Json>;

const MARK = Symbol('synthetic-pact-template');

interface Marked {
  [MARK]: true;
  example: Template;
  matcher?: MatcherJson;
  generator?: GeneratorJson;
  /** eachLike: the example is one element; the rule checks the array and cascades into it. */
  each?: { min: number };
}

export type Template = Json | Marked | Template[] | { [key: string]: Template };

const mark = (fields: Omit<Marked, typeof MARK>): Marked => ({ [MARK]: true, ...fields });
const isMarked = (value: unknown): value is Marked =>
  typeof value === 'object' && value !== null && MARK in value;

export const like = (example: Template) => mark({ example, matcher: { match: 'type' } });
export const regex = (pattern: string, example: string) =>
  mark({ example, matcher: { match: 'regex', regex: pattern } });
export const integer = (example: number) => mark({ example, matcher: { match: 'integer' } });
export const decimal = (example: number) => mark({ example, matcher: { match: 'decimal' } });
export const boolean = (example: boolean) => mark({ example, matcher: { match: 'boolean' } });
export const nullValue = () => mark({ example: null, matcher: { match: 'null' } });
export const includes = (value: string) =>
  mark({ example: value, matcher: { match: 'include', value } });
export const datetime = (format: string, example: string) =>
  mark({ example, matcher: { match: 'datetime', format } });
/** A date-time the provider generates (relative to now): the example is only a placeholder. */
export const generatedDatetime = (format: string, example: string, expression: string) =>
  mark({
    example,
    matcher: { match: 'datetime', format },
    generator: { type: 'DateTime', format, expression },
  });
export const eachLike = (element: Template, min = 1) => mark({ example: element, each: { min } });
/** A value taken from a provider-state parameter (pact-js `fromProviderState`). */
export const fromState = (expression: string, example: Json) =>
  mark({
    example,
    matcher: { match: 'type' },
    generator: { type: 'ProviderState', expression },
  });
/** An absolute LMS URL that a mock server (and our stub) rewrites to its own base URL. */
export const mockUrl = (path: string, examplePathPattern = escapeRegex(path)) =>
  mark({
    example: `http://localhost:8080${path}`,
    matcher: { match: 'regex', regex: `.*(${examplePathPattern})$` },
    generator: {
      type: 'MockServerURL',
      example: `http://localhost:8080${path}`,
      regex: `.*(${examplePathPattern})$`,
    },
  });

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const childPath = (parent: string, key: string) =>
  IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}['${key}']`;

export interface CompiledBody {
  content: Json;
  rules: Record<string, RuleList>;
  generators: Record<string, GeneratorJson>;
}

/** Example content, matching rules and generators of a body template. */
export function compileBody(template: Template): CompiledBody {
  const rules: Record<string, RuleList> = {};
  const generators: Record<string, GeneratorJson> = {};
  const walk = (node: Template, path: string): Json => {
    if (isMarked(node)) {
      if (node.each) {
        rules[path] = { combine: 'AND', matchers: [{ match: 'type', min: node.each.min }] };
        return [walk(node.example, `${path}[*]`)];
      }
      if (node.matcher) rules[path] = { combine: 'AND', matchers: [node.matcher] };
      if (node.generator) generators[path] = node.generator;
      return walk(node.example, path);
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}[${i}]`));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, Json> = {};
      for (const [key, value] of Object.entries(node)) out[key] = walk(value, childPath(path, key));
      return out;
    }
    return node;
  };
  return { content: walk(template, '$'), rules, generators };
}

/**
 * A flat string template (query parameters, headers, form fields, a path): each value is a
 * string or a marker whose example is a string.
 */
export type StringTemplate = string | Marked;

export function exampleOf(value: StringTemplate): string {
  if (!isMarked(value)) return value;
  if (typeof value.example !== 'string') {
    throw new Error(
      `[bench] Failed to build a synthetic pact: ${JSON.stringify(value)} is not a string.`,
    );
  }
  return value.example;
}

export function matcherOf(value: StringTemplate): MatcherJson | undefined {
  return isMarked(value) ? value.matcher : undefined;
}

export function generatorOf(value: StringTemplate): GeneratorJson | undefined {
  return isMarked(value) ? value.generator : undefined;
}
