/**
 * The front door's answer to one request, whichever transport carried it: Node's HTTP server
 * (stub/server/) or msw's handlers (stub/msw/). It decides who asks (the login session's
 * persona, else the active one) and in which provider state (an X-Pact-Provider-State header,
 * else the active state), lets the Open edX auth bootstrap answer its paths, and asks the
 * responder (the engine) for the rest. It returns the response and what to record about it.
 * What belongs to a transport stays there: CORS and the admin API (HTTP only), reading bodies,
 * the browser's cookie jar (msw), logging and recording.
 *
 * Browser-safe (no Node APIs), and cheap on the HTTP hot path: no promise unless the responder
 * or the auth bootstrap needs one.
 */
import {
  BadQueryEncodingError,
  type HandleContext,
  type HandleResult,
  type InteractionSummary,
  type JsonValue,
  type Problem,
  parseQueryString,
  problem,
  problemResponse,
  type Responder,
  type SelectionTier,
  type StateOverride,
  type StubRequest,
  type StubResponse,
  stateOverrideFromHeaders,
} from '../engine';
import { assetResponse, isAssetRequest } from '../openedx/assets';
import { AUTH_PATHS, type AuthOutcome, type OpenedxAuth } from '../openedx/auth';

export type AnswerOutcome =
  /** An interaction of the pacts answered. */
  | 'matched'
  /** The Open edX auth bootstrap answered (/login_refresh, /login, /logout); `interaction` is
   *  set when its answer came from a contract, as for the refresh. */
  | 'auth'
  /** A static file of the LMS (logo, favicon, course image, stylesheet), a placeholder
   *  (stub/openedx/assets.ts). */
  | 'asset'
  /** No interaction fits the request. */
  | 'unmatched'
  /** Several interactions with different responses fit it. */
  | 'ambiguous'
  /** The request itself is wrong (bad JSON, unknown state in X-Pact-Provider-State, ...). */
  | 'bad-request';

/** What a transport records about an answer (the HTTP journal, msw's recorded calls). */
export interface AnswerRecord {
  outcome: AnswerOutcome;
  /** The persona the request was answered for. */
  persona: string;
  interaction?: InteractionSummary;
  /** Why that interaction was chosen: an explicit state, the persona, or stateless. */
  tier?: SelectionTier;
  /** The provider-state parameters the response was generated with. */
  stateParams?: Record<string, JsonValue>;
  /** Generators that could not run for this response; absent when all ran. */
  warnings?: string[];
  /** Set when several interactions with different responses fit and the first in pact order
   *  answered (the response carries the same text in X-Pact-Stub-Warning). */
  ambiguity?: string;
  problem?: Problem;
  /** What the auth bootstrap did, e.g. "minted a JWT cookie for verified". */
  note?: string;
}

export interface FrontDoorAnswer {
  response: StubResponse;
  record: AnswerRecord;
  /** Set when the auth bootstrap changed the login session: the persona a browser is now
   *  logged in as, or null once logged out. A transport that keeps the browser's cookies
   *  itself (msw) follows it; a real browser follows the Set-Cookie headers. */
  session?: string | null;
}

export interface AnswerContext {
  /** What chooses the interaction: the native engine, or the reference engine. */
  responder: Responder;
  /** Reads the login session from the request's cookies; answers the auth paths. */
  auth: OpenedxAuth;
  /** Answer /login, /login_refresh and /logout with the auth bootstrap (the LMS only). */
  openedx: boolean;
  /** Who a request without a login session is. */
  activePersona: string;
  /** The state served for every request (--state, POST /__stub/state, use({ state })). */
  activeState: StateOverride | undefined;
  /** The stub's base URL as this request reached it: mock-server URLs and redirects use it. */
  baseUrl: string;
  /** Clock for date generators; the current time when absent. */
  now?: Date;
}

export const isAuthPath = (path: string) => (AUTH_PATHS as readonly string[]).includes(path);

/** Path and query of a request target (`/path?a=1`, or a full URL's pathname and search), or
 *  the problem when the query's percent-encoding is broken. `url` names the request in it. */
export function splitTarget(
  method: string,
  target: string,
  url: string = target,
): { path: string; query: Record<string, string[]> } | { problem: Problem } {
  const q = target.indexOf('?');
  try {
    return {
      path: q === -1 ? target : target.slice(0, q),
      query: q === -1 ? {} : parseQueryString(target.slice(q + 1)),
    };
  } catch (error) {
    if (!(error instanceof BadQueryEncodingError)) throw error;
    return { problem: problem('MALFORMED_REQUEST', `${method} ${url}: ${error.message}.`) };
  }
}

/** The answer to a request that is wrong in itself, before any interaction is considered. */
export function refuse(p: Problem, persona: string): FrontDoorAnswer {
  return { response: problemResponse(p), record: { outcome: 'bad-request', persona, problem: p } };
}

export function answerRequest(
  request: StubRequest,
  context: AnswerContext,
): FrontDoorAnswer | Promise<FrontDoorAnswer> {
  // A browser keeps the persona it logged in as; anything without that cookie (curl, a test
  // client, a fresh browser) is the active persona.
  const persona = context.auth.sessionPersona(request) ?? context.activePersona;
  const override = stateOverrideFromHeaders(request.headers);
  if ('problem' in override) return refuse(override.problem, persona);
  const state = override.override ?? context.activeState;
  const handleContext: HandleContext = { persona, baseUrl: context.baseUrl };
  if (state) handleContext.state = state;
  if (context.now) handleContext.now = context.now;
  if (context.openedx && isAuthPath(request.path))
    return answerAuthPath(request, handleContext, context, persona);
  if (context.openedx && isAssetRequest(request)) {
    const asset = assetResponse(request);
    if (asset) return { response: asset, record: { outcome: 'asset', persona } };
  }
  const result = context.responder.handle(request, handleContext);
  return isPromise(result)
    ? result.then((settled) => fromEngine(settled, persona))
    : fromEngine(result, persona);
}

async function answerAuthPath(
  request: StubRequest,
  handleContext: HandleContext,
  context: AnswerContext,
  persona: string,
): Promise<FrontDoorAnswer> {
  const outcome: AuthOutcome | undefined = await context.auth.handle(
    request,
    handleContext,
    context.responder,
    context.activePersona,
  );
  // Another method on an auth path (GET /login_refresh...): the contracts decide.
  if (!outcome) return fromEngine(await context.responder.handle(request, handleContext), persona);
  const answer: FrontDoorAnswer = outcome.result
    ? fromEngine(outcome.result, persona, outcome.note)
    : { response: outcome.response, record: { outcome: 'auth', persona, note: outcome.note } };
  // The bootstrap's response, not the contract's: it carries the freshly minted cookie.
  answer.response = outcome.response;
  if (outcome.session !== undefined) answer.session = outcome.session;
  return answer;
}

/** Marks an answer chosen among several interactions that fit (see AnswerRecord.ambiguity). */
export const AMBIGUITY_HEADER = 'X-Pact-Stub-Warning';

/** A header value is Latin-1 without control characters: anything else becomes '?'. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, '?');

function fromEngine(result: HandleResult, persona: string, note?: string): FrontDoorAnswer {
  if (result.kind === 'matched') {
    const record: AnswerRecord = {
      outcome: note === undefined ? 'matched' : 'auth',
      persona,
      interaction: result.interaction,
      tier: result.tier,
      stateParams: result.stateParams,
    };
    if (result.warnings.length > 0) record.warnings = result.warnings;
    if (note !== undefined) record.note = note;
    if (result.ambiguity) {
      record.ambiguity = result.ambiguity.warning;
      // The engine's response is shared between requests: mark a copy.
      const headers = {
        ...result.response.headers,
        [AMBIGUITY_HEADER]: [headerSafe(result.ambiguity.warning)],
      };
      return { response: { ...result.response, headers }, record };
    }
    return { response: result.response, record };
  }
  const record: AnswerRecord = { outcome: result.kind, persona, problem: result.problem };
  if (note !== undefined) record.note = note;
  return { response: problemResponse(result.problem), record };
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
}
