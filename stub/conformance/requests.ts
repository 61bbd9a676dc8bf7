/**
 * The request an interaction describes, rebuilt from the raw pact JSON (not from the native
 * engine's model, so that a parsing mistake of the engine cannot hide in the test's input), and
 * the few mutations the differential tests send besides it.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

import type { StubRequest } from '../engine';
import { ruleMutations } from './rule-mutations';

/** A request as it goes on the wire: path percent-encoded, query decoded, one value per header. */

export interface WireRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
  body?: string;
}

/** The same request as the engine takes it. */
export const toStubRequest = (request: WireRequest): StubRequest => ({
  method: request.method,
  path: request.path,
  query: request.query,
  headers: request.headers,
  ...(request.body !== undefined && { body: request.body }),
});

export interface RawInteraction {
  description: string;
  type?: string;
  providerStates?: Array<{ name: string; params?: Record<string, Json> }>;
  request: {
    method: string;
    path: string;
    query?: Record<string, string[] | string>;
    headers?: Record<string, string[] | string>;
    body?: { content?: Json; contentType?: string; encoded?: boolean | string };
    matchingRules?: {
      path?: { matchers?: Array<{ match: string; regex?: string }> };
      query?: Record<string, { matchers?: Array<{ match: string; regex?: string }> }>;
      header?: Record<string, { matchers?: Array<{ match: string; regex?: string }> }>;
      body?: Record<string, { matchers?: Array<{ match: string; regex?: string }> }>;
    };
    generators?: { path?: { type: string; expression?: string } };
  };
  response: {
    status: number;
    headers?: Record<string, string[] | string>;
    body?: { content?: Json; contentType?: string; encoded?: boolean | string };
    generators?: { body?: Record<string, unknown>; header?: Record<string, unknown> };
  };
}

const single = (value: string[] | string) => (Array.isArray(value) ? value.join(', ') : value);

/** `encodeURI` keeps `:`, `+` and `@`, which Open edX course and usage keys are made of. */
const encodePath = (path: string) => encodeURI(path);

export function bodyText(body: RawInteraction['request']['body']): string | undefined {
  if (!body || body.content === undefined) return undefined;
  if (body.encoded === 'base64' || body.encoded === true) {
    return Buffer.from(String(body.content), 'base64').toString('utf8');
  }
  return typeof body.content === 'string' ? body.content : JSON.stringify(body.content);
}

/** The example request of a V4 interaction, as a consumer would send it. */
export function exampleRequest(interaction: RawInteraction): WireRequest {
  const { request } = interaction;
  const query: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(request.query ?? {})) {
    query[name] = Array.isArray(values) ? [...values] : [values];
  }
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = single(values);
  }
  const body = bodyText(request.body);
  if (body !== undefined && !headers['content-type'] && request.body?.contentType) {
    headers['content-type'] = request.body.contentType;
  }
  return {
    method: request.method.toUpperCase(),
    path: encodePath(request.path),
    query,
    headers,
    ...(body !== undefined && { body }),
  };
}

export interface Mutation {
  /** Short, stable name, e.g. `drop-query:browser_timezone`. */
  name: string;
  request: WireRequest;
}

const clone = (request: WireRequest): WireRequest => ({
  ...request,
  query: Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, [...v]])),
  headers: { ...request.headers },
});

/** A JSON value of another type than `value` (a string for a number, a number for a string). */
function wrongType(value: Json): Json {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'not a boolean';
  if (value === null) return 'not null';
  if (Array.isArray(value)) return 'not a list';
  return 'not an object';
}

/** The path to the first leaf (or array) of a JSON object, e.g. ['course_id']. */
function firstLeaf(value: Json): string[] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const [key] = Object.keys(value);
  if (key === undefined) return undefined;
  const child = value[key] as Json;
  if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
    const deeper = firstLeaf(child);
    return deeper ? [key, ...deeper] : [key];
  }
  return [key];
}

function setAt(value: Json, path: string[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  const object = value as Record<string, Json>;
  return { ...object, [head]: setAt(object[head] as Json, rest, replacement) };
}

/** Another segment the path matcher allows (a course or usage key of another run), if any. */
function otherKeySegment(segment: string): string | undefined {
  const decoded = decodeURIComponent(segment);
  const replaced = decoded.replace(/^((?:course|block)-v1:[^+]+)\+([^+]+)/, '$1+Other$2');
  return replaced === decoded ? undefined : encodeURI(replaced);
}

/**
 * The mutations of an interaction's request: each one changes one thing a consumer could get
 * wrong, so that the engines must agree on what the contract allows.
 */
export function mutations(interaction: RawInteraction, base: WireRequest): Mutation[] {
  const out: Mutation[] = [];
  const rules = interaction.request.matchingRules ?? {};

  // A query parameter missing; another with a value its rule refuses; one more than declared.
  const [firstQuery] = Object.keys(base.query);
  if (firstQuery !== undefined) {
    const dropped = clone(base);
    delete dropped.query[firstQuery];
    out.push({ name: `drop-query:${firstQuery}`, request: dropped });
    if (rules.query?.[firstQuery]?.matchers?.some((m) => m.match === 'regex')) {
      const bad = clone(base);
      bad.query[firstQuery] = ['!!!'];
      out.push({ name: `bad-query-value:${firstQuery}`, request: bad });
    }
  }
  const extra = clone(base);
  extra.query.conformance_extra = ['1'];
  out.push({ name: 'extra-query', request: extra });

  // A header changed (the first the contract names, Content-Type aside).
  const header = Object.keys(base.headers).find((h) => h !== 'content-type');
  if (header !== undefined) {
    const changed = clone(base);
    changed.headers[header] = 'conformance-changed';
    out.push({ name: `change-header:${header}`, request: changed });
  }

  // A body sent as another media type, and a body left out.
  if (base.body !== undefined) {
    const text = clone(base);
    text.headers['content-type'] = 'text/plain';
    out.push({ name: 'body-content-type:text/plain', request: text });
    const empty = clone(base);
    delete empty.body;
    delete empty.headers['content-type'];
    out.push({ name: 'body-missing', request: empty });
  }

  // A body field of the wrong type (JSON bodies).
  const content = interaction.request.body?.content;
  if (base.body !== undefined && content !== null && typeof content === 'object') {
    const leaf = firstLeaf(content as Json);
    if (leaf) {
      const object = content as Json;
      const current = leaf.reduce<Json>((v, k) => (v as Record<string, Json>)[k] as Json, object);
      const wrong = clone(base);
      wrong.body = JSON.stringify(setAt(object, leaf, wrongType(current)));
      out.push({ name: `wrong-type-body:${leaf.join('.')}`, request: wrong });
    }
  }

  // A different path segment: one the path matcher may allow (another course run, another
  // username), and one no matcher of ours allows (a version segment changed).
  const segments = base.path.split('/');
  const last = segments.length - 1;
  const keyIndex = segments.findIndex((s) => otherKeySegment(s) !== undefined);
  if (keyIndex > 0) {
    const other = [...segments];
    other[keyIndex] = otherKeySegment(segments[keyIndex] as string) as string;
    out.push({ name: 'path:other-course-run', request: { ...clone(base), path: other.join('/') } });
  } else if (last > 0 && segments[last] !== '') {
    const other = [...segments];
    other[last] = `${segments[last]}-other`;
    out.push({
      name: 'path:last-segment-changed',
      request: { ...clone(base), path: other.join('/') },
    });
  }
  const versionIndex = segments.findIndex((s) => /^v\d+$/.test(s));
  if (versionIndex > 0) {
    const other = [...segments];
    other[versionIndex] = 'v99';
    out.push({ name: 'path:version-changed', request: { ...clone(base), path: other.join('/') } });
  }
  // And the edges of each of the interaction's own matching rules.
  out.push(...ruleMutations(interaction, base));
  return out;
}
