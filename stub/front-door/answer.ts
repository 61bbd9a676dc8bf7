/**
 * The front door's answer to one request, whichever transport carried it: Node's HTTP server
 * (stub/server/) or msw's handlers (stub/msw/). It decides who asks (the login session's
 * persona, else the active one) and in which provider state (an X-Pact-Provider-State header,
 * else the active state), lets the backend profile's own routes answer theirs (the LMS's login
 * pages: stub/profiles/), and asks the responder (the engine) for the rest. It returns the response and what to record about it.
 * What belongs to a transport stays there: CORS and the admin API (HTTP only), reading bodies,
 * the browser's cookie jar (msw), logging and recording.
 *
 * Browser-safe (no Node APIs), and cheap on the HTTP hot path: no promise unless the responder
 * or a profile route needs one.
 */
import {
  BadQueryEncodingError,
  type HandleContext,
  type HandleResult,
  type InteractionSummary,
  type JsonValue,
  type PersonaStates,
  type Problem,
  parseQueryString,
  problemResponse,
  type Responder,
  type SelectionTier,
  type StateOverride,
  type StubRequest,
  type StubResponse,
} from '../engine';
import type { ProfileRoutes } from '../profiles/types';
import { problem } from './problems';
import { sessionPersona } from './session';
import { stateOverrideFromHeaders } from './state-header';

export type AnswerOutcome =
  /** An interaction of the pacts answered. */
  | 'matched'
  /** A route of the backend's profile answered (the LMS's /login_refresh, /login, /logout);
   *  `interaction` is set when its answer came from a contract, as for the refresh. */
  | 'auth'
  /** A static file of the backend (the LMS's logo, favicon, course image, stylesheet), a
   *  placeholder (stub/openedx/assets.ts). */
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
  /** Whose login sessions count: the persona file served. */
  personas: PersonaStates;
  /** The backend profile's own routes (the LMS's login pages), answered before the pacts. */
  routes: ProfileRoutes | undefined;
  /** Who a request without a login session is. */
  activePersona: string;
  /** The state served for every request (--state, POST /__stub/state, use({ state })). */
  activeState: StateOverride | undefined;
  /** The stub's base URL as this request reached it: mock-server URLs and redirects use it. */
  baseUrl: string;
  /** Clock for date generators; the current time when absent. */
  now?: Date;
}

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
  const session = sessionPersona(request, context.personas);
  const persona = session ?? context.activePersona;
  const override = stateOverrideFromHeaders(request.headers);
  if ('problem' in override) return refuse(override.problem, persona);
  const state = override.override ?? context.activeState;
  const own = context.routes?.answer({
    request,
    persona,
    session,
    activePersona: context.activePersona,
    state,
    baseUrl: context.baseUrl,
    responder: context.responder,
    ...(context.now && { now: context.now }),
  });
  if (own) return own;
  const handleContext: HandleContext = { persona, baseUrl: context.baseUrl };
  if (state) handleContext.state = state;
  if (context.now) handleContext.now = context.now;
  const result = context.responder.handle(request, handleContext);
  return isPromise(result)
    ? result.then((settled) => fromEngine(settled, persona))
    : fromEngine(result, persona);
}

/** Marks an answer chosen among several interactions that fit (see AnswerRecord.ambiguity). */
export const AMBIGUITY_HEADER = 'X-Pact-Stub-Warning';

/** A header value is Latin-1 without control characters: anything else becomes '?'. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, '?');

/** The front door's answer from the engine's; `note` marks a profile route's answer that a
 *  contract gave (the LMS's refresh). */
export function fromEngine(result: HandleResult, persona: string, note?: string): FrontDoorAnswer {
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
