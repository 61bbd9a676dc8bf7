/**
 * Plain data shapes of the engine's public API. Everything here is JSON-friendly or a
 * Uint8Array, so the same objects travel through Node's http server, an msw handler in a
 * service worker, or a differential test against pact-stub-server.
 */
import type { CompiledRules } from './rules';

/** A request as the engine sees it. The front door (or an msw wrapper) builds it. */
export interface StubRequest {
  /** Upper-case HTTP method, e.g. `GET`. */
  method: string;
  /** The path as sent, still percent-encoded, without the query string (`/api/user/v1/x`). */
  path: string;
  /** Decoded query parameters, in the order they were sent. Use `parseQueryString()` to build. */
  query: Record<string, string[]>;
  /** Header names lower-cased; repeated headers joined with `, ` (as Node does). */
  headers: Record<string, string>;
  /** Raw body; `undefined` or empty when the request has none. */
  body?: string | Uint8Array;
}

/** A response the engine built. Header names keep the case the pact used. */
export interface StubResponse {
  status: number;
  headers: Record<string, string[]>;
  /** A string for text bodies (JSON included), bytes for binary or base64-encoded ones. */
  body?: string | Uint8Array;
}

/** RFC 9457 problem details; `code` is one of the codes of docs/stub-errors.md. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  [extension: string]: unknown;
}

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

export interface ProviderState {
  name: string;
  params: Record<string, JsonValue>;
}

/** The body of one side of an interaction, normalised from V2/V3/V4 shapes. */
export type PactBody =
  | { kind: 'absent' }
  | { kind: 'json'; value: JsonValue; contentType: string }
  | { kind: 'text'; text: string; contentType: string | undefined }
  | { kind: 'bytes'; bytes: Uint8Array; contentType: string | undefined };

/** One generator of a response (or of the request path), normalised. */
export interface Generator {
  type: string;
  [field: string]: unknown;
}

export interface GeneratorCategories {
  body: Map<string, Generator>;
  header: Map<string, Generator>;
  status: Generator | undefined;
  path: Generator | undefined;
  query: Map<string, Generator>;
}

export interface PactRequestModel {
  method: string;
  /** Literal path of the pact (already decoded as the pact stores it). */
  path: string;
  query: Record<string, string[]> | undefined;
  /** Expected headers keyed by lower-cased name. */
  headers: Map<string, { name: string; values: string[] }>;
  body: PactBody;
  rules: CompiledRules;
  generators: GeneratorCategories;
}

export interface PactResponseModel {
  status: number;
  headers: Record<string, string[]>;
  body: PactBody;
  rules: CompiledRules;
  generators: GeneratorCategories;
}

/** A Synchronous/HTTP interaction, validated and ready to match. */
export interface HttpInteraction {
  /** Stable id: `<source>#<index>` (index in the file's interaction list). */
  id: string;
  description: string;
  consumer: string;
  provider: string;
  /** Where it came from: a file path for files, any label for in-memory pacts. */
  source: string;
  index: number;
  providerStates: ProviderState[];
  request: PactRequestModel;
  response: PactResponseModel;
  /** JSON of the raw response and its generators: two interactions with the same key answer
   *  the same way, so a tie between them is not an ambiguity. */
  responseKey: string;
}

/** A pact file after validation. */
export interface LoadedPact {
  source: string;
  consumer: string;
  provider: string;
  specification: string;
  interactions: HttpInteraction[];
  /** Interactions that are not Synchronous/HTTP (messages): kept out, counted for the banner. */
  skipped: number;
}

/** What a caller can ask of a single request besides the request itself. */
export interface HandleContext {
  /** Persona name; defaults to the engine's default persona. */
  persona?: string;
  /** Explicit provider state (X-Pact-Provider-State header or --state). */
  state?: StateOverride;
  /** The stub's own base URL, e.g. `http://localhost:18000`: MockServerURL generators use it. */
  baseUrl: string;
  /** Clock for date/time generators; defaults to the current time. */
  now?: Date;
}

export interface StateOverride {
  name: string;
  /** Parameters for that state; absent means "take them from the request path or the pact". */
  params?: Record<string, JsonValue>;
}

/** Short, JSON-friendly description of an interaction, used in answers and logs. */
export interface InteractionSummary {
  id: string;
  description: string;
  consumer: string;
  provider: string;
  source: string;
  providerStates: string[];
}

/**
 * An answer. The engine keeps what does not change between requests, so `interaction`,
 * `stateParams` and `response` (its headers included) may be the same objects for several
 * requests: they are frozen; copy them before changing anything (`{ ...response, headers }`).
 */
export interface MatchedResult {
  kind: 'matched';
  interaction: InteractionSummary;
  response: StubResponse;
  /** Why this one was chosen: `override` (explicit state), `persona`, or `stateless`. */
  tier: SelectionTier;
  /** The provider-state parameters the response was generated with. */
  stateParams: Record<string, JsonValue>;
  /** Generators that could not run (e.g. a ProviderState expression without a value). */
  warnings: string[];
  /** Set when other interactions of the same tier fit too, with other responses: this one is
   *  the first of them in pact order. Transports mark the answer (X-Pact-Stub-Warning). */
  ambiguity?: { candidates: InteractionSummary[]; warning: string };
}

export interface ProblemResult {
  /** `unmatched` 404, `ambiguous` 409 (only with `ambiguity: 'refuse'`), `bad-request` 400. */
  kind: 'unmatched' | 'ambiguous' | 'bad-request';
  problem: Problem;
}

export type HandleResult = MatchedResult | ProblemResult;

export type SelectionTier = 'override' | 'persona' | 'stateless';

/** Anything that answers requests the way the engine does: the native engine, or a reference
 *  engine (pact-stub-server) put behind the same front door. */
export interface Responder {
  handle(request: StubRequest, context: HandleContext): HandleResult | Promise<HandleResult>;
}
