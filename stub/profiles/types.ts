/**
 * A backend profile: the unit of "a service we stub". The engine answers from any backend's
 * pacts alike; what differs between the LMS, Studio (CMS), the Pact Broker and a pact of
 * unknown origin is here, and only here:
 *  - which pacts it serves (their provider name) and where (its default port);
 *  - how the personas of the persona file satisfy its provider states (with what it knows of
 *    the other backends served: the LMS's runtime config names Studio);
 *  - its own routes, answered before the pacts (the LMS's /login, /login_refresh, /logout and
 *    static files);
 *  - what the banner says about pointing a front end at it;
 *  - what it checks at start-up (the LMS's minted JWT cookie against the refresh contract).
 * A profile is plain data and functions; the transports (stub/server/, stub/msw/) never test a
 * provider's name, they ask its profile.
 */
import type {
  HttpInteraction,
  PersonaStates,
  Responder,
  StateOverride,
  StubRequest,
} from '../engine';
import type { FrontDoorAnswer } from '../front-door/answer';
import type { PersonaCatalog } from '../openedx/personas';
import type { Deployment } from '../openedx/runtime-config';

export type { Deployment } from '../openedx/runtime-config';

/** What a profile's routes need from the stub that serves them. */
export interface RouteDeps {
  /** The persona file served now (it changes under --watch). */
  personas: () => PersonaCatalog;
  /** Whether a redirect (`next`, `redirect_url`) may go to this URL: the origin policy. */
  allowRedirect: (target: URL) => boolean;
  /** `--cookie-domain`, with its leading dot. */
  cookieDomain?: string;
  now?: () => Date;
}

/** One request as a profile's routes see it, with what the front door already decided. */
export interface RouteRequest {
  request: StubRequest;
  /** Who asks: the login session's persona, else the active one. */
  persona: string;
  /** The login session's persona, when the request carries one (stub/front-door/session.ts). */
  session: string | undefined;
  /** The persona of a request without a login session. */
  activePersona: string;
  /** The state asked for (X-Pact-Provider-State, --state), if any. */
  state: StateOverride | undefined;
  /** The stub's base URL as the request reached it. */
  baseUrl: string;
  now?: Date;
  /** The backend's pacts, for a route whose answer comes from a contract (the refresh). */
  responder: Responder;
}

/** A backend's own routes, answered before its pacts. */
export interface ProfileRoutes {
  /** Whether a path is one of these routes (its request body is then always read). */
  owns(path: string): boolean;
  /** The answer, or undefined to let the pacts answer (another method on the path, an asset
   *  the profile has no placeholder for). */
  answer(route: RouteRequest): FrontDoorAnswer | Promise<FrontDoorAnswer> | undefined;
}

/** What a backend's banner lines may use: the URLs front ends use for every backend served. */
export interface BannerInput extends Deployment {
  /** Port of this backend. */
  port: number;
  cookieDomain: string | undefined;
}

/** The outcome of a profile's start-up check (see BackendProfile.checkStartup). */
export interface StartupCheck {
  /** What was checked, as in "Failed to check <what>". */
  what: string;
  /** How many contracts were checked. */
  checked: number;
  /** One line per failure; any failure stops the start. */
  failures: string[];
  /** The banner's line when it held, e.g. "The minted JWT cookie satisfies ...". */
  summary?: string;
  /** What to fix, after the failures, when it did not hold. */
  advice?: string;
}

export interface BackendProfile {
  /** The provider name of its pacts: `lms`, `cms`, `pact-broker`, or a foreign pact's. */
  readonly provider: string;
  /** How the banner and messages name it: `LMS`, `Studio (CMS)`, `Pact Broker`. */
  readonly title: string;
  /** Where `npm start` serves it unless told otherwise; undefined: only with --port. */
  readonly defaultPort?: number;
  /** Served by `npm start` without --provider whenever a loaded pact is for it (the Open edX
   *  backends); otherwise only when named with --provider. */
  readonly servedByDefault: boolean;
  /** How the personas satisfy this backend's provider states (the engine's only view of
   *  them); `deployment` says where the other backends served are (the LMS's runtime config
   *  names Studio's URL). */
  personaStates(catalog: PersonaCatalog, deployment: Deployment): PersonaStates;
  /** The path of its login page (the LMS's `/login`), which the banner points at; undefined:
   *  it has none (a browser logs in at the LMS). */
  readonly loginPath?: string;
  /** Its own routes, answered before the pacts; undefined: the pacts answer everything. */
  routes?(deps: RouteDeps): ProfileRoutes;
  /** The banner's "point a front end at it" lines. */
  bannerLines?(input: BannerInput): string[];
  /** A start-up check of what the stub makes up against the contracts served (the LMS's
   *  minted JWT cookie against the refresh contracts); undefined: nothing to check. */
  checkStartup?(
    interactions: readonly HttpInteraction[],
    catalog: PersonaCatalog,
    cookieDomain: string | undefined,
  ): StartupCheck;
}
