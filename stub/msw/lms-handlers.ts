/**
 * The stub LMS as msw 2 request handlers: the same engine, personas and Open edX auth bootstrap
 * as the HTTP stub, run in-process for an MFE's unit tests (`setupServer`) and its dev server
 * (`setupWorker`). Requests to the configured LMS origin are answered from the pacts and
 * recorded; requests to any other origin are left to other handlers.
 *
 * The handlers act as a browser that logged in as the persona: the refresh mints that persona's
 * JWT cookie (msw writes it to document.cookie), and every call is answered for it. As with the
 * HTTP stub, `/login?persona=` and `/logout` change who the refresh logs in, and an
 * `X-Pact-Provider-State` header asks for one state.
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import { JWT_COOKIE_NAME } from '../../vocabulary/openedx/jwt';
import { createEngine, type Engine, type StateOverride } from '../engine';
import { answerRequest, refuse } from '../front-door/answer';
import { StubCore } from '../front-door/core';
import { explainProblem } from '../front-door/explain';
import { createOriginPolicy } from '../front-door/origin-policy';
import { sentRequest, type UnmatchedHandling } from '../front-door/record';
import type { Recorded } from '../front-door/recorder';
import { SESSION_COOKIE_NAME, withSessionCookie } from '../front-door/session';
import { type BackendProfile, genericProfile, profileFor } from '../profiles';
import { toFetchResponse, toStubRequest } from './fetch-conversion';
import {
  fail,
  LmsHandlersError,
  lmsOrigin,
  loadPacts,
  loadPersonas,
  type PactInput,
} from './load-options';
import {
  type CallOutcome,
  type HandlersEvent,
  type RecordedCall,
  recordedCall,
} from './recorded-calls';

export { LmsHandlersError, type PactInput } from './load-options';

export type UnmatchedPolicy = 'error' | 'warn' | 'bypass';

export interface LmsHandlersOptions {
  /** Pacts to serve (parsed JSON). Default: the pacts this package ships. */
  pacts?: PactInput[];
  /** A persona document, shaped as stub/personas/default.yaml, already parsed (from YAML or
   *  JSON). Default: the personas this package ships. */
  personas?: unknown;
  /** Who is logged in. Default: the persona document's `default_persona`. */
  persona?: string;
  /** Serve the interactions of this provider state for every request, as the HTTP stub's
   *  `--state`. Default: none (interactions are chosen by persona). */
  state?: string | StateOverride;
  /** The LMS_BASE_URL the MFE is configured with; requests to this origin are answered.
   *  Default: `http://localhost:18000`. */
  lmsBaseUrl?: string;
  /**
   * A request no interaction answers (or that several answer differently, or a bad one):
   *  - `error` (default): print the explanation with console.error and fail the request with a
   *    network error, as msw's own `onUnhandledRequest: 'error'` does;
   *  - `warn`: print it with console.warn and answer what the HTTP stub answers (a 404, 409 or
   *    400 problem+json);
   *  - `bypass`: pass the request on to the next handler, silently.
   * Every such request is recorded either way.
   */
  onUnmatched?: UnmatchedPolicy;
  /** Serve only pacts of this provider. Default: `lms`. */
  provider?: string;
  /** Refuse a request that several interactions with different responses fit (409
   *  AMBIGUOUS_INTERACTION), as the HTTP stub's `--strict`. Default: false, the first
   *  interaction in pact order answers and the response carries X-Pact-Stub-Warning. */
  strict?: boolean;
  /** The backend served: its own routes (the LMS's /login_refresh, /login, /logout) answer
   *  before the pacts, and its start-up check runs. Default: the profile of `provider`. */
  profile?: BackendProfile;
  /** `false`: serve the pacts alone, as a backend without a profile of its own (the generic
   *  profile). Kept for existing callers; prefer `profile`. */
  openedx?: boolean;
  /** Clock for the JWT cookie and date generators. Default: the current time. */
  now?: () => Date;
}

export interface PersonaSelection {
  /** Who is logged in from now on (the refresh mints this persona's cookie). */
  persona?: string;
  /** A state to serve for every request; `null` goes back to choosing by persona. */
  state?: string | StateOverride | null;
}

export interface LmsHandlers {
  /** Pass these to msw's setupServer() or setupWorker(). */
  readonly handlers: RequestHandler[];
  /** The engine serving the pacts (of the first backend): its interactions, personas and
   *  state names. */
  readonly engine: Engine;
  /** The engine of each backend served, by provider. */
  readonly engines: ReadonlyMap<string, Engine>;
  /** The persona requests are answered for now. */
  readonly persona: string;
  /** The requests the handlers saw since the last reset(), oldest first (the last 1,000). */
  calls(): RecordedCall[];
  /** The calls an interaction answered, by its description; throws when no served interaction
   *  has that description, so a typo cannot pass as "never called". */
  callsTo(description: string): RecordedCall[];
  /** The calls no interaction answered (unmatched, ambiguous, bad requests). */
  unmatched(): RecordedCall[];
  /** Throws with every explanation when any request was not answered by a contract. */
  assertAllMatched(): void;
  /** Switches persona and/or state for the requests that follow. */
  use(selection: PersonaSelection): void;
  /** Forgets the recorded calls and goes back to the persona and state the handlers were
   *  created with. */
  reset(): void;
  /** Calls `listener` for every call recorded, persona or state change and reset from now on
   *  (the core's events: stub/front-door/core.ts); returns the unsubscribe. */
  subscribe(listener: (event: HandlersEvent) => void): () => void;
}

const DEFAULT_LMS_BASE_URL = 'http://localhost:18000';
const UNMATCHED_POLICIES: readonly UnmatchedPolicy[] = ['error', 'warn', 'bypass'];
const PROBLEM_OUTCOMES: ReadonlySet<CallOutcome> = new Set([
  'unmatched',
  'ambiguous',
  'bad-request',
]);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Options of handlers serving several backends at once (the LMS and Studio, say). */
export interface HandlersOptions
  extends Omit<LmsHandlersOptions, 'lmsBaseUrl' | 'provider' | 'profile' | 'openedx'> {
  /** The base URL the MFE is configured with for each backend served, by provider, e.g.
   *  `{ lms: 'http://localhost:18000', cms: 'http://localhost:18010' }`. Each backend serves
   *  the pacts of its provider with its profile (stub/profiles/); all share the persona, the
   *  state, the login session and the recorded calls. */
  backends: Record<string, string>;
}

/** A backend as the handlers serve it. */
interface ServedBackend {
  profile: BackendProfile;
  origin: string;
  engine: Engine;
}

export function createLmsHandlers(options: LmsHandlersOptions = {}): LmsHandlers {
  const provider = options.profile?.provider ?? options.provider ?? 'lms';
  const profile =
    options.profile ??
    (options.openedx === false ? genericProfile(provider) : profileFor(provider));
  return serve(options, [[profile, options.lmsBaseUrl ?? DEFAULT_LMS_BASE_URL]]);
}

/** Handlers for every backend of `options.backends`, each on its own base URL. */
export function createHandlers(options: HandlersOptions): LmsHandlers {
  const entries = Object.entries(options.backends ?? {});
  if (entries.length === 0)
    fail(
      'create the handlers',
      'the backends option names no backend',
      "Give each backend's base URL by provider, e.g. { lms: 'http://localhost:18000' }",
    );
  return serve(
    options,
    entries.map(([provider, url]) => [profileFor(provider), url]),
  );
}

function serve(
  options: Omit<HandlersOptions, 'backends'>,
  wanted: readonly (readonly [BackendProfile, string])[],
): LmsHandlers {
  const onUnmatched = options.onUnmatched ?? 'error';
  if (!UNMATCHED_POLICIES.includes(onUnmatched))
    fail(
      'create the LMS handlers',
      `onUnmatched '${String(onUnmatched)}' is not a policy`,
      `Use one of ${UNMATCHED_POLICIES.join(', ')}`,
    );
  const pacts = loadPacts(options.pacts);
  const personas = loadPersonas(options.personas);
  // Where each backend is: the LMS's runtime config names the Studio served here.
  const deployment = {
    urls: new Map(wanted.map(([profile, baseUrl]) => [profile.provider, lmsOrigin(baseUrl)])),
    tutor: false,
  };
  const backends: ServedBackend[] = wanted.map(([profile, baseUrl]) => {
    const origin = lmsOrigin(baseUrl);
    const { provider } = profile;
    const engine = createEngine({
      pacts,
      personas: profile.personaStates(personas, deployment),
      provider,
      ambiguity: options.strict ? 'refuse' : 'first',
    });
    if (engine.interactions.length === 0) {
      const found = [...new Set(pacts.map((p) => `${p.source} (provider '${p.provider}')`))];
      fail(
        'create the LMS handlers',
        `none of the ${pacts.length} pacts has an HTTP interaction with provider '${provider}'${found.length ? `: ${found.join(', ')}` : ''}`,
        `Give pacts whose provider is '${provider}', or set the provider option`,
      );
    }
    const check = profile.checkStartup?.(engine.interactions, personas, undefined);
    if (check && check.failures.length > 0)
      fail(
        'create the LMS handlers',
        `the check of ${check.what} failed:\n${check.failures.join('\n')}`,
        `${check.advice ?? 'Fix the contract'} Or serve the pacts alone: openedx: false`,
      );
    return { profile, origin, engine };
  });
  const interactions = backends.flatMap((backend) => backend.engine.interactions);

  // Who asks and in which state, and what was asked: one core for every backend.
  const core = new StubCore(personas.defaultPersona, undefined);
  const { selection, recorder } = core;
  for (const backend of backends)
    selection.serve(() => ({ personas, stateNames: backend.engine.stateNames }));
  const choosePersona = (name: string) => {
    if (selection.choosePersona(name))
      fail(
        'select a persona',
        `there is no persona '${name}' in ${personas.source}`,
        `Personas: ${[...personas.personas.keys()].join(', ')}`,
      );
  };
  const chooseState = (state: string | StateOverride | null) => {
    const override = typeof state === 'string' ? { name: state } : state;
    if (selection.chooseState(override) && override)
      fail(
        'select a provider state',
        `no served interaction declares the state '${override.name}'`,
        `Known states: ${[...new Set(backends.flatMap((b) => [...b.engine.stateNames]))].sort().join('; ')}`,
      );
  };
  /** The persona a browser logged in as: the one whose session cookie it holds. */
  const sessionOf = (persona: string): string | undefined =>
    personas.personas.get(persona)?.user ? persona : undefined;

  choosePersona(options.persona ?? personas.defaultPersona);
  if (options.state !== undefined) chooseState(options.state);
  selection.markInitial();
  // One login session for every backend, as a browser's cookies are shared by their ports.
  let session = sessionOf(selection.persona);

  const cors = createOriginPolicy([]);
  const now = options.now;
  const routeDeps = {
    personas: () => personas,
    // As the HTTP stub: redirect to its default MFE hosts, and to the page under test.
    allowRedirect: (target: URL) =>
      cors.decide(target.origin).allowed ||
      (typeof location !== 'undefined' && target.origin === location.origin),
    ...(now && { now }),
  };

  function handlerOf(backend: ServedBackend): RequestHandler {
    const routes = backend.profile.routes?.(routeDeps);
    const { engine, origin } = backend;

    async function answer(
      request: Request,
      cookies: Record<string, string>,
    ): Promise<Response | undefined> {
      const started = performance.now();
      const sent = { ...cookies };
      delete sent[SESSION_COOKIE_NAME];
      const stub = await toStubRequest(request, sent);
      const answered =
        'problem' in stub
          ? refuse(stub.problem, selection.persona)
          : await answerRequest(withSessionCookie(stub.request, session), {
              responder: engine,
              personas,
              routes,
              activePersona: selection.persona,
              // The shared state, where this backend declares it (as the HTTP stub does).
              activeState:
                selection.state && engine.stateNames.has(selection.state.name)
                  ? selection.state
                  : undefined,
              baseUrl: origin,
              ...(now && { now: now() }),
            });
      // As a browser keeps the session cookie of /login and drops it at /logout.
      if (answered.session !== undefined) session = answered.session ?? undefined;
      const { response, record } = answered;
      // A problem on the record means no contract answered (an auth page's own 400 has none).
      const handling: UnmatchedHandling | undefined = record.problem
        ? { error: 'failed' as const, warn: 'answered' as const, bypass: 'bypassed' as const }[
            onUnmatched
          ]
        : undefined;
      const recorded = 'problem' in stub ? stub.seen : stub.request;
      const { pathname, search } = new URL(request.url);
      // The calls stay in the test's process: they keep credentials and whole bodies.
      recorder.record(
        Object.assign(record, {
          timeMs: Date.now(),
          method: recorded.method,
          url: `${pathname}${search}`,
          status: response.status,
          durationMs: Math.round((performance.now() - started) * 100) / 100,
          backend: backend.profile.provider,
          // toStubRequest reads the body as bytes.
          request: sentRequest(recorded.headers, recorded.body as Uint8Array, Infinity, true),
          ...((handling === undefined || handling === 'answered') && { response }),
          ...(handling && { handling }),
        }),
      );

      if (record.problem) {
        const explanation = explainProblem(recorded.method, request.url, record.problem, 'failure');
        if (handling === 'failed') {
          console.error(explanation);
          return HttpResponse.error();
        }
        if (handling === 'bypassed') return undefined;
        console.warn(explanation);
      }
      return toFetchResponse(response);
    }

    return http.all(new RegExp(`^${escapeRegExp(origin)}(?:/|$)`), ({ request, cookies }) =>
      answer(request, cookies),
    );
  }

  const origins = new Map(backends.map((backend) => [backend.profile.provider, backend.origin]));
  /** calls() counts from the last reset(); the core's recorder numbers on. */
  let seqBase = 0;
  const callOf = (record: Recorded): RecordedCall =>
    recordedCall(record, {
      seqBase,
      origin: origins.get(record.backend as string) as string,
      labelBackend: backends.length > 1,
    });
  const calls = () => recorder.list().map(callOf);
  const recordedProblems = () => calls().filter((call) => PROBLEM_OUTCOMES.has(call.outcome));

  return {
    handlers: backends.map(handlerOf),
    engine: (backends[0] as ServedBackend).engine,
    engines: new Map(backends.map((backend) => [backend.profile.provider, backend.engine])),
    get persona() {
      return selection.persona;
    },
    calls,
    callsTo(description) {
      if (!interactions.some((i) => i.description === description)) {
        const near = interactions
          .map((i) => i.description)
          .filter((d) => d.toLowerCase().includes(description.toLowerCase().slice(0, 20)))
          .slice(0, 5);
        fail(
          'find calls',
          `no served interaction is described as "${description}"`,
          near.length
            ? `Did you mean: ${near.map((d) => `"${d}"`).join(', ')}`
            : 'See lms.engine.interactions for the descriptions served',
        );
      }
      return calls().filter((call) => call.interaction?.description === description);
    },
    unmatched: recordedProblems,
    assertAllMatched() {
      const problems = recordedProblems();
      if (problems.length === 0) return;
      throw new LmsHandlersError(
        `[stub] ${problems.length} request(s) were not answered by a contract:\n\n${problems
          .map((call) =>
            explainProblem(
              call.request.method,
              call.request.url,
              call.problem as NonNullable<RecordedCall['problem']>,
              'failure',
            ),
          )
          .join('\n\n')}`,
      );
    },
    use({ persona, state }) {
      if (persona !== undefined) {
        choosePersona(persona);
        session = sessionOf(selection.persona);
        forgetJwtCookie();
      }
      if (state !== undefined) chooseState(state);
    },
    reset() {
      seqBase = recorder.lastSeq;
      core.reset();
      session = sessionOf(selection.persona);
      forgetJwtCookie();
    },
    subscribe(listener) {
      return core.subscribe((event) =>
        listener(
          event.type === 'request' ? { type: 'request', call: callOf(event.record) } : event,
        ),
      );
    },
  };
}

/**
 * Removes the JWT cookie from the page (when there is one), as logging in as someone else
 * replaces it: the platform then refreshes, and gets the cookie of the persona now active.
 */
function forgetJwtCookie(): void {
  if (typeof document === 'undefined') return;
  // biome-ignore lint/suspicious/noDocumentCookie: the platform reads the JWT from document.cookie.
  document.cookie = `${JWT_COOKIE_NAME}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}

/** Just the handlers, for a test that does not look at the recorded calls. */
export function lmsHandlers(options: LmsHandlersOptions = {}): RequestHandler[] {
  return createLmsHandlers(options).handlers;
}
