/**
 * A response compiled once per interaction, so a request pays only for the values that
 * really change: the JSON body is serialised at load time around "holes" (the places its
 * generators fill), and at request time only the holes are serialised and joined in.
 *
 * Holes come in three kinds, by what their value depends on:
 *  - `state`: a ProviderState expression, filled from the selected state parameters;
 *  - `url`: a MockServerURL, pointed at the base URL the request came in on;
 *  - `live`: dates and times relative to now, random values: computed for every request.
 * `respond()` fills the `state` and `url` holes once per parameter object and base URL and
 * keeps the result (the engine hands the same frozen parameter object for the same persona
 * and path, see selection-cache.ts), then fills the `live` holes, if any, for each request.
 *
 * `buildResponse()` (generators.ts) stays the definition of the answer: an interaction whose
 * generator paths could touch each other (`$.a` and `$.a.b`, or wildcards that may meet) is
 * built by it on every request, and so is the rare answer whose generated value has no JSON
 * form. The differential test in response-template.test.ts holds the two to the same bytes.
 */
import {
  buildResponse,
  buildResponseHead,
  type GenerationContext,
  generateValue,
} from './generators';
import { type PathToken, parsePath } from './json-path';
import type { Generator, HttpInteraction, JsonValue, StubResponse } from './types';

type HoleKind = 'state' | 'url' | 'live';

const kindOf = (generator: Generator): HoleKind =>
  generator.type === 'ProviderState'
    ? 'state'
    : generator.type === 'MockServerURL'
      ? 'url'
      : 'live';

interface Hole {
  generator: Generator;
  kind: HoleKind;
  /** The pact's value at this place: what the generator replaces (or keeps, with a warning). */
  example: JsonValue;
  /** `body $.a.b`, as warnings name it. */
  where: string;
  /** Serialises a generated value into the body's text: JSON, or the text body as is. */
  encode: (value: JsonValue) => string | undefined;
}

/** The response with its `state` and `url` holes filled for one parameter set and base URL. */
export interface PreparedResponse {
  /** Set when nothing is left to fill: the same frozen answer for every request. */
  complete: { response: StubResponse; warnings: readonly string[] } | undefined;
  /** Status and headers, when no generator of theirs is live. */
  head: { status: number; headers: Record<string, string[]>; warnings: string[] } | undefined;
  /** Serialised value of each hole (undefined for live ones), in hole order. */
  values: Array<string | undefined>;
  warnings: Array<string | undefined>;
  /** A filled value had no JSON form: build this answer with buildResponse(). */
  legacy: boolean;
}

/**
 * Base URLs follow the request's Host header and parameter sets the values a path binds, so
 * how many there are is up to the clients: an interaction keeps answers for at most this many
 * of each (a few personas on one or two host names in practice) and starts over when full.
 * Worst case, about 115 interactions x 32 x 4 bodies of a few kB: tens of MB.
 */
export const MAX_KEPT_PARAMS = 32;
export const MAX_KEPT_BASE_URLS = 4;
const NO_PARAMS = Object.freeze({});

const MARKER_PREFIX = '\u0000pact-stub-hole-';
const markerOf = (i: number) => `${MARKER_PREFIX}${i}\u0000`;

/** Could two generator paths designate the same value, or one a value inside the other's? */
function mayOverlap(a: readonly PathToken[], b: readonly PathToken[]): boolean {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i += 1) {
    const x = a[i] as PathToken;
    const y = b[i] as PathToken;
    if (x.kind === 'star' || y.kind === 'star' || x.kind === 'root' || y.kind === 'root') continue;
    if (x.kind === 'starIndex' || y.kind === 'starIndex') {
      if (x.kind === 'field' || y.kind === 'field') return false;
      continue;
    }
    if (x.kind !== y.kind) return false;
    if (x.kind === 'field' && y.kind === 'field' && x.name !== y.name) return false;
    if (x.kind === 'index' && y.kind === 'index' && x.index !== y.index) return false;
  }
  return true;
}

type Key = string | number;

/** The places `tokens` designate in `root`, in the order buildResponse() visits them. */
function locate(root: JsonValue, tokens: readonly PathToken[]): Key[][] {
  if (tokens.length <= 1) return [[]];
  const found: Key[][] = [];
  const visit = (node: JsonValue, depth: number, at: Key[]): void => {
    if (typeof node !== 'object' || node === null) return;
    const token = tokens[depth] as PathToken;
    const keys: Key[] = [];
    if (token.kind === 'field' && !Array.isArray(node) && token.name in node) keys.push(token.name);
    else if (token.kind === 'index' && Array.isArray(node) && token.index < node.length)
      keys.push(token.index);
    else if (token.kind === 'star' || token.kind === 'starIndex') {
      if (Array.isArray(node)) keys.push(...node.keys());
      else if (token.kind === 'star') keys.push(...Object.keys(node));
    }
    for (const key of keys) {
      const child = (node as Record<Key, JsonValue>)[key] as JsonValue;
      if (depth === tokens.length - 1) found.push([...at, key]);
      else visit(child, depth + 1, [...at, key]);
    }
  };
  visit(root, 1, []);
  return found;
}

const valueAt = (root: JsonValue, at: Key[]): JsonValue =>
  at.reduce<JsonValue>((node, key) => (node as Record<Key, JsonValue>)[key] as JsonValue, root);

function setAt(root: JsonValue, at: Key[], value: JsonValue): JsonValue {
  if (at.length === 0) return value;
  const parent = valueAt(root, at.slice(0, -1)) as Record<Key, JsonValue>;
  parent[at[at.length - 1] as Key] = value;
  return root;
}

const freezeHeaders = (headers: Record<string, string[]>) => {
  for (const values of Object.values(headers)) Object.freeze(values);
  return Object.freeze(headers);
};

/** The context of a head that has no generators: buildResponseHead() never reads it. */
const NO_HEAD_GENERATORS: GenerationContext = { params: {}, baseUrl: '', now: new Date(0) };

export class ResponseTemplate {
  /** Body text around the holes: `chunks[0] + hole + chunks[1] + ... + chunks[n]`. */
  private readonly chunks: string[] = [];
  /** Which hole fills the gap after `chunks[i]`. */
  private readonly order: number[] = [];
  /** Holes in the order buildResponse() applies their generators. */
  private readonly holes: Hole[] = [];
  /** The body when it has no holes (undefined: no body). */
  private readonly fixedBody: string | Uint8Array | undefined;
  private readonly headLive: boolean;
  /** Status and headers when no generator touches them (undefined: built per answer). */
  private readonly fixedHead: { status: number; headers: Record<string, string[]> } | undefined;
  /** False when the holes cannot be told apart: every answer comes from buildResponse(). */
  readonly exact: boolean;
  readonly dependsOnParams: boolean;
  readonly dependsOnBaseUrl: boolean;
  private readonly kept = new Map<object, Map<string, PreparedResponse>>();

  constructor(readonly interaction: HttpInteraction) {
    const { response } = interaction;
    const headGenerators = [
      ...(response.generators.status ? [response.generators.status] : []),
      ...response.generators.header.values(),
    ];
    this.headLive = headGenerators.some((g) => kindOf(g) === 'live');
    if (headGenerators.length === 0) {
      const { status, headers } = buildResponseHead(interaction, NO_HEAD_GENERATORS, []);
      this.fixedHead = { status, headers: freezeHeaders(headers) };
    }
    const body = response.body;

    let exact = true;
    if (body.kind === 'json' && response.generators.body.size > 0) {
      exact = this.compileJson(body.value);
    } else if (body.kind === 'text' && response.generators.body.has('$')) {
      const generator = response.generators.body.get('$') as Generator;
      this.holes.push({
        generator,
        kind: kindOf(generator),
        example: body.text,
        where: 'body $',
        encode: (value) => String(value),
      });
      this.chunks.push('', '');
      this.order.push(0);
    }
    this.exact = exact;
    this.fixedBody =
      body.kind === 'json'
        ? JSON.stringify(body.value)
        : body.kind === 'text'
          ? body.text
          : body.kind === 'bytes'
            ? body.bytes
            : undefined;
    const kinds = new Set([...this.holes.map((h) => h.kind), ...headGenerators.map(kindOf)]);
    this.dependsOnParams = kinds.has('state');
    this.dependsOnBaseUrl = kinds.has('url');
  }

  /** Splits the serialised body around the generators' places; false when they may overlap. */
  private compileJson(value: JsonValue): boolean {
    const generators = [...this.interaction.response.generators.body];
    const paths = generators.map(([expression]) => parsePath(expression));
    for (let i = 0; i < paths.length; i += 1)
      for (let j = i + 1; j < paths.length; j += 1)
        if (mayOverlap(paths[i] as PathToken[], paths[j] as PathToken[])) return false;
    let marked = structuredClone(value);
    generators.forEach(([expression, generator], g) => {
      for (const at of locate(value, paths[g] as PathToken[])) {
        const index = this.holes.length;
        this.holes.push({
          generator,
          kind: kindOf(generator),
          example: valueAt(value, at),
          where: `body ${expression}`,
          encode: (v) => JSON.stringify(v),
        });
        marked = setAt(marked, at, markerOf(index));
      }
    });
    const text = JSON.stringify(marked);
    const plain = JSON.stringify(value);
    const quotedPrefix = JSON.stringify(MARKER_PREFIX).slice(1, -1);
    if (plain.includes(quotedPrefix)) return false;
    const pattern = new RegExp(`"${quotedPrefix.replace(/\\/g, '\\\\')}(\\d+)\\\\u0000"`, 'g');
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      this.chunks.push(text.slice(last, m.index));
      this.order.push(Number(m[1]));
      last = (m.index as number) + m[0].length;
    }
    this.chunks.push(text.slice(last));
    return this.order.length === this.holes.length;
  }

  /**
   * The answer for these parameters and base URL with everything but live values filled;
   * kept (per parameter object, per base URL) when `keep` is set.
   */
  private prepare(
    params: Record<string, JsonValue>,
    baseUrl: string,
    keep: boolean,
  ): PreparedResponse {
    const paramsKey = this.dependsOnParams ? params : NO_PARAMS;
    const urlKey = this.dependsOnBaseUrl ? baseUrl : '';
    let byUrl = keep ? this.kept.get(paramsKey) : undefined;
    const kept = byUrl?.get(urlKey);
    if (kept) return kept;
    const prepared = this.fill(params, baseUrl);
    if (keep) {
      if (!byUrl) {
        if (this.kept.size >= MAX_KEPT_PARAMS) this.kept.clear();
        byUrl = new Map();
        this.kept.set(paramsKey, byUrl);
      } else if (byUrl.size >= MAX_KEPT_BASE_URLS) byUrl.clear();
      byUrl.set(urlKey, prepared);
    }
    return prepared;
  }

  private fill(params: Record<string, JsonValue>, baseUrl: string): PreparedResponse {
    // `now` is never read here: only live generators use it, and respond() fills those.
    const context: GenerationContext = { params, baseUrl, now: new Date(0) };
    const values: Array<string | undefined> = [];
    const warnings: Array<string | undefined> = [];
    let legacy = false;
    for (const hole of this.holes) {
      if (hole.kind === 'live') {
        values.push(undefined);
        warnings.push(undefined);
        continue;
      }
      const result = generateValue(hole.generator, hole.example, context);
      const text = hole.encode(result.value);
      if (text === undefined) legacy = true;
      values.push(text);
      warnings.push(result.warning && `${hole.where}: ${result.warning}`);
    }
    const head = this.headLive ? undefined : this.head(context);
    const prepared: PreparedResponse = { complete: undefined, head, values, warnings, legacy };
    if (!legacy && head && !this.holes.some((h) => h.kind === 'live')) {
      const response: StubResponse = { status: head.status, headers: head.headers };
      const body = this.holes.length === 0 ? this.fixedBody : this.join(values);
      if (body !== undefined) response.body = body;
      prepared.complete = {
        response: Object.freeze(response),
        warnings: Object.freeze([
          ...head.warnings,
          ...warnings.filter((w): w is string => w !== undefined),
        ]),
      };
    }
    return prepared;
  }

  /** Status and headers, their generators applied (the same steps as buildResponse()). */
  private head(context: GenerationContext): {
    status: number;
    headers: Record<string, string[]>;
    warnings: string[];
  } {
    if (this.fixedHead) return { ...this.fixedHead, warnings: [] };
    const warnings: string[] = [];
    const { status, headers } = buildResponseHead(this.interaction, context, warnings);
    return { status, headers: freezeHeaders(headers), warnings };
  }

  private join(values: ReadonlyArray<string | undefined>): string {
    let text = this.chunks[0] as string;
    for (let i = 0; i < this.order.length; i += 1)
      text += (values[this.order[i] as number] as string) + (this.chunks[i + 1] as string);
    return text;
  }

  /**
   * The answer for one request. With `keep`, what does not change between requests is kept
   * for the next request with the same parameter object and base URL.
   */
  respond(
    request: {
      params: Record<string, JsonValue>;
      baseUrl: string;
      now?: Date;
      random?: () => number;
    },
    keep: boolean,
  ): { response: StubResponse; warnings: readonly string[] } {
    const { params, baseUrl } = request;
    if (!this.exact) return buildResponse(this.interaction, this.context(request));
    const prepared = this.prepare(params, baseUrl, keep);
    if (prepared.complete) return prepared.complete;
    const context = this.context(request);
    if (prepared.legacy) return buildResponse(this.interaction, context);
    const head = prepared.head ?? this.head(context);
    const warnings = [...head.warnings];
    const values = [...prepared.values];
    for (let i = 0; i < this.holes.length; i += 1) {
      const hole = this.holes[i] as Hole;
      if (hole.kind === 'live') {
        const result = generateValue(hole.generator, hole.example, context);
        const text = hole.encode(result.value);
        if (text === undefined) return buildResponse(this.interaction, context);
        values[i] = text;
        if (result.warning) warnings.push(`${hole.where}: ${result.warning}`);
      } else {
        const warning = prepared.warnings[i];
        if (warning) warnings.push(warning);
      }
    }
    const response: StubResponse = { status: head.status, headers: head.headers };
    const body = this.holes.length === 0 ? this.fixedBody : this.join(values);
    if (body !== undefined) response.body = body;
    return { response, warnings };
  }

  private context(request: {
    params: Record<string, JsonValue>;
    baseUrl: string;
    now?: Date;
    random?: () => number;
  }): GenerationContext {
    return {
      params: request.params,
      baseUrl: request.baseUrl,
      now: request.now ?? new Date(),
      ...(request.random && { random: request.random }),
    };
  }
}
