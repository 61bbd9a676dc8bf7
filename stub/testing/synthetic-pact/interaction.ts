/**
 * Builds one V4 `Synchronous/HTTP` interaction, as pact-js would write it, from a short spec
 * whose values may carry matchers (see ./template.ts).
 */
import {
  type CompiledBody,
  compileBody,
  exampleOf,
  type GeneratorJson,
  generatorOf,
  type Json,
  matcherOf,
  type RuleList,
  type StringTemplate,
  type Template,
} from './template';

export type Given = readonly [name: string, params?: Record<string, Json>];

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A literal path, a `regex(...)` path or a `fromState('/x/${param}', example)` path. */
  path: StringTemplate;
  query?: Record<string, StringTemplate>;
  headers?: Record<string, StringTemplate>;
  body?: { json: Template; contentType?: string } | { form: Record<string, StringTemplate> };
}

export interface ResponseSpec {
  status: number;
  headers?: Record<string, string>;
  body?: Template;
}

export interface InteractionSpec {
  description: string;
  given: readonly Given[];
  request: RequestSpec;
  response: ResponseSpec;
}

const rule = (matcher: RuleList['matchers'][number]): RuleList => ({
  combine: 'AND',
  matchers: [matcher],
});

/** Splits flat string templates into example values (as Pact's one-element lists) and rules. */
function flatten(templates: Record<string, StringTemplate> | undefined) {
  if (!templates) return undefined;
  const values: Record<string, string[]> = {};
  const rules: Record<string, RuleList> = {};
  for (const [name, template] of Object.entries(templates)) {
    values[name] = [exampleOf(template)];
    const matcher = matcherOf(template);
    if (matcher) rules[name] = rule(matcher);
  }
  return { values, rules };
}

const bodyJson = (content: Json | string, contentType: string) => ({
  content,
  contentType,
  encoded: false,
});

function formBody(fields: Record<string, StringTemplate>): CompiledBody & { text: string } {
  const params = new URLSearchParams();
  const rules: Record<string, RuleList> = {};
  for (const [name, template] of Object.entries(fields)) {
    params.append(name, exampleOf(template));
    const matcher = matcherOf(template);
    if (matcher) rules[`$.${name}`] = rule(matcher);
  }
  const text = params.toString();
  return { content: text, text, rules, generators: {} };
}

/** Drops empty sections, so the JSON looks like what pact-js writes. */
function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out as Partial<T>;
}

function buildRequest(spec: RequestSpec) {
  const query = flatten(spec.query);
  const headers = flatten(spec.headers);
  const pathMatcher = matcherOf(spec.path);
  const pathGenerator = generatorOf(spec.path);
  const generators: Record<string, unknown> = {};
  if (pathGenerator) generators.path = pathGenerator;

  let body: unknown;
  let bodyRules: Record<string, RuleList> = {};
  let contentType: string | undefined;
  if (spec.body && 'json' in spec.body) {
    const compiled = compileBody(spec.body.json);
    contentType = spec.body.contentType ?? 'application/json';
    body = bodyJson(compiled.content, contentType);
    bodyRules = compiled.rules;
    if (Object.keys(compiled.generators).length > 0) generators.body = compiled.generators;
  } else if (spec.body && 'form' in spec.body) {
    const compiled = formBody(spec.body.form);
    contentType = 'application/x-www-form-urlencoded';
    body = bodyJson(compiled.text, contentType);
    bodyRules = compiled.rules;
  }
  const headerValues = { ...headers?.values };
  if (contentType && !Object.keys(headerValues).some((h) => h.toLowerCase() === 'content-type')) {
    headerValues['Content-Type'] = [contentType];
  }

  return compact({
    body,
    generators,
    headers: headerValues,
    matchingRules: compact({
      body: bodyRules,
      header: headers?.rules,
      path: pathMatcher ? rule(pathMatcher) : undefined,
      query: query?.rules,
    }),
    method: spec.method,
    path: exampleOf(spec.path),
    query: query?.values,
  });
}

function buildResponse(spec: ResponseSpec) {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(spec.headers ?? {})) headers[name] = [value];
  if (spec.body === undefined) {
    return compact({ headers, status: spec.status });
  }
  const compiled = compileBody(spec.body);
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = ['application/json'];
  }
  return compact({
    body: bodyJson(compiled.content, 'application/json'),
    generators: compact({ body: compiled.generators as Record<string, GeneratorJson> }),
    headers,
    matchingRules: compact({ body: compiled.rules }),
    status: spec.status,
  });
}

export function buildInteraction(spec: InteractionSpec) {
  return {
    description: spec.description,
    pending: false,
    providerStates: spec.given.map(([name, params]) => (params ? { name, params } : { name })),
    request: buildRequest(spec.request),
    response: buildResponse(spec.response),
    type: 'Synchronous/HTTP',
  };
}
