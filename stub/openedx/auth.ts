/**
 * The Open edX auth bootstrap: what a real LMS does around login that Pact cannot express.
 *  - `GET /login?next=…` shows a persona picker, or with `?persona=` logs in directly: an
 *    HttpOnly session cookie naming the persona, the JWT cookie minted for its user (exp one
 *    hour ahead, Path=/, Domain only with `--cookie-domain`), then a redirect to `next` when it
 *    is an allowed origin.
 *  - `POST /login_refresh` answers as its contract says for the session's persona, with a
 *    freshly minted cookie; without a session, as the "no user is logged in" interaction says,
 *    and marks the browser as a visitor: a session cookie naming the persona file's persona
 *    without a user, so the browser's next calls are answered as the LMS answers a visitor,
 *    whatever the active persona is (an LMS knows an anonymous browser from its missing session;
 *    the stub cannot tell a browser from curl without a cookie).
 *  - `GET /logout?redirect_url=…` clears both cookies, on the cookie domain too, and redirects
 *    (allowed origins only).
 * Browser-safe: it talks to a Responder and returns plain responses.
 */

import { JWT_COOKIE_NAME, JWT_LIFETIME_SECONDS } from '../../vocabulary/openedx/jwt';
import { STATES } from '../../vocabulary/openedx/states';
import {
  type HandleContext,
  type HandleResult,
  type HttpInteraction,
  type Problem,
  problemResponse,
  type Responder,
  type StubRequest,
  type StubResponse,
} from '../engine';
import { matchStringList } from '../engine/matchers';
import { problem } from '../front-door/problems';
import { unknownPersona } from '../front-door/selection';
import { hasSessionCookie, SESSION_COOKIE_NAME, sessionSetCookie } from '../front-door/session';
import { cookieDomainFor } from './cookie-domain';
import { clearCookie, jwtSetCookie } from './jwt';
import {
  ACCOUNT_FORM_PATHS,
  dashboardPage,
  decideAccountForm,
  isAccountFormRequest,
  LMS_DASHBOARD_PATH,
} from './login-session';
import { messagePage, pickerPage } from './pages';
import type { Persona, PersonaCatalog } from './personas';

export const AUTH_PATHS = [
  '/login',
  '/logout',
  '/login_refresh',
  LMS_DASHBOARD_PATH,
  ...ACCOUNT_FORM_PATHS,
] as const;

export interface AuthOutcome {
  response: StubResponse;
  /** The engine's answer when the response came from a contract (for the journal). */
  result?: HandleResult;
  /** What happened, for the log and the journal. */
  note: string;
  /** The login session after this answer, when it changed: the persona logged in, or null
   *  once logged out (what the Set-Cookie headers of the response tell a browser). */
  session?: string | null;
}

export interface OpenedxAuthOptions {
  personas: () => PersonaCatalog;
  /** Whether a `next`/`redirect_url` may be followed. */
  allowRedirect: (target: URL) => boolean;
  /** `--cookie-domain`: the Domain of the session and JWT cookies, when the request reached
   *  the stub by a name inside it (stub/openedx/cookie-domain.ts). */
  cookieDomain?: string;
  now?: () => Date;
}

const html = (
  status: number,
  body: string,
  headers: Record<string, string[]> = {},
): StubResponse => ({
  status,
  headers: {
    'Content-Type': ['text/html; charset=utf-8'],
    'Cache-Control': ['no-store'],
    ...headers,
  },
  body,
});

const redirect = (location: string, cookies: string[]): StubResponse => ({
  status: 302,
  headers: { Location: [location], 'Set-Cookie': cookies, 'Cache-Control': ['no-store'] },
});

export function createOpenedxAuth(options: OpenedxAuthOptions) {
  const now = options.now ?? (() => new Date());

  /** Clears the session and JWT cookies: host-only ones, and with a cookie domain the domain
   *  ones too (a browser only drops a cookie named with the Domain it was set with). */
  const clearedCookies = (domain: string | undefined) => [
    clearCookie(SESSION_COOKIE_NAME),
    clearCookie(JWT_COOKIE_NAME),
    ...(domain === undefined
      ? []
      : [clearCookie(SESSION_COOKIE_NAME, domain), clearCookie(JWT_COOKIE_NAME, domain)]),
  ];

  /** The persona of the file that stands for a visitor: the first one without a user. */
  function visitorPersona(): string | undefined {
    for (const persona of options.personas().personas.values()) {
      if (!persona.user) return persona.name;
    }
    return undefined;
  }

  /** The session cookie that marks a browser as a visitor, when the persona file has one; on
   *  the cookie domain as a login's is, so a later login replaces it rather than sitting beside it. */
  function visitorCookie(request: StubRequest, domain: string | undefined): string[] {
    const visitor = visitorPersona();
    if (visitor === undefined || hasSessionCookie(request)) return [];
    return [sessionSetCookie(visitor, domain)];
  }

  /** Resolves `next`/`redirect_url` against the stub; a problem when it may not be followed. */
  function target(raw: string | undefined, baseUrl: string): { url?: string; problem?: Problem } {
    if (!raw) return {};
    let url: URL;
    try {
      url = new URL(raw, baseUrl);
    } catch {
      return { problem: problem('REDIRECT_NOT_ALLOWED', `'${raw}' is not a URL.`) };
    }
    if (url.origin === new URL(baseUrl).origin || options.allowRedirect(url))
      return { url: url.toString() };
    return {
      problem: problem(
        'REDIRECT_NOT_ALLOWED',
        `The stub only redirects to allowed origins, and ${url.origin} is not one. Start the stub with --origin ${url.origin} to allow it.`,
      ),
    };
  }

  function login(request: StubRequest, context: HandleContext, activePersona: string): AuthOutcome {
    const catalog = options.personas();
    const next = target(request.query.next?.[0], context.baseUrl);
    if (next.problem) return { response: problemResponse(next.problem), note: next.problem.detail };
    const chosen = request.query.persona?.[0];
    if (chosen === undefined) {
      const page = pickerPage([...catalog.personas.values()], activePersona, next.url);
      return { response: html(200, page), note: 'persona picker' };
    }
    const unknown = unknownPersona(catalog, chosen);
    if (unknown) return { response: problemResponse(unknown), note: unknown.detail };
    const persona = catalog.personas.get(chosen) as Persona;
    const domain = cookieDomainFor(options.cookieDomain, context.baseUrl);
    const cookies = persona.user
      ? [sessionSetCookie(persona.name, domain), jwtSetCookie(persona.user, now(), domain)]
      : clearedCookies(domain);
    const note = persona.user
      ? `logged in as ${persona.name} (${persona.user.username})`
      : 'logged in as nobody (anonymous persona)';
    const session = persona.user ? persona.name : null;
    if (next.url)
      return {
        response: redirect(next.url, cookies),
        note: `${note}, redirecting to ${next.url}`,
        session,
      };
    return {
      response: html(200, messagePage('Logged in', `${note}.`), { 'Set-Cookie': cookies }),
      note,
      session,
    };
  }

  function logout(request: StubRequest, context: HandleContext): AuthOutcome {
    const next = target(
      request.query.redirect_url?.[0] ?? request.query.next?.[0],
      context.baseUrl,
    );
    if (next.problem) return { response: problemResponse(next.problem), note: next.problem.detail };
    const cookies = clearedCookies(cookieDomainFor(options.cookieDomain, context.baseUrl));
    if (next.url)
      return {
        response: redirect(next.url, cookies),
        note: `logged out, redirecting to ${next.url}`,
        session: null,
      };
    return {
      response: html(200, messagePage('Logged out', 'The session and JWT cookies are cleared.'), {
        'Set-Cookie': cookies,
      }),
      note: 'logged out',
      session: null,
    };
  }

  async function refresh(
    request: StubRequest,
    context: HandleContext,
    responder: Responder,
    personaName: string | undefined,
  ): Promise<AuthOutcome> {
    const user = personaName ? options.personas().personas.get(personaName)?.user : undefined;
    if (!personaName || !user) {
      // No session, or a visitor's: the contract of an anonymous refresh answers (401), and a
      // browser without a session cookie is marked as a visitor from now on.
      const visitor = visitorCookie(
        request,
        cookieDomainFor(options.cookieDomain, context.baseUrl),
      );
      const withVisitor = (response: StubResponse): StubResponse =>
        visitor.length === 0
          ? response
          : { ...response, headers: { ...response.headers, 'Set-Cookie': visitor } };
      const note = personaName ? `visitor session (${personaName})` : 'no session';
      const result = await responder.handle(request, {
        ...context,
        ...(personaName && { persona: personaName }),
        state: context.state ?? { name: STATES.noUserLoggedIn },
      });
      if (result.kind === 'matched')
        return { response: withVisitor(result.response), result, note };
      if (result.kind === 'bad-request' && result.problem.code === 'UNKNOWN_PROVIDER_STATE') {
        // No pact describes the anonymous refresh: answer as the LMS does rather than 400.
        return {
          response: withVisitor({
            status: 401,
            headers: { 'Content-Type': ['application/json'] },
            body: '"Unauthorized"',
          }),
          note: `${note} (no contract for it)`,
        };
      }
      return { response: problemResponse(result.problem), result, note };
    }
    const result = await responder.handle(request, { ...context, persona: personaName });
    if (result.kind !== 'matched') {
      return {
        response: problemResponse(result.problem),
        result,
        note: `session of ${personaName}`,
      };
    }
    const issued = now();
    const headers = { ...result.response.headers };
    const cookieHeader =
      Object.keys(headers).find((name) => name.toLowerCase() === 'set-cookie') ?? 'Set-Cookie';
    headers[cookieHeader] = [
      jwtSetCookie(user, issued, cookieDomainFor(options.cookieDomain, context.baseUrl)),
    ];
    return {
      response: { ...result.response, headers, body: freshTimes(result.response.body, issued) },
      result,
      note: `session of ${personaName}: minted a JWT cookie for ${user.username}`,
    };
  }

  /** The authn MFE's login, registration and validation forms (stub/openedx/login-session.ts):
   *  answered for the visitor, in the state the form is in, and a 200 of the login or the
   *  registration logs the browser in as a persona, with the cookies of `/login?persona=`. */
  async function accountForm(
    request: StubRequest,
    context: HandleContext,
    responder: Responder,
  ): Promise<AuthOutcome> {
    const explicit = context.state !== undefined;
    const decision = explicit
      ? undefined
      : decideAccountForm(
          request,
          options.personas(),
          (raw) =>
            target(raw, context.baseUrl).url ?? new URL(LMS_DASHBOARD_PATH, context.baseUrl).href,
        );
    // Whoever submits these forms is not logged in (yet), whatever the active persona is.
    const visitor = visitorPersona();
    const handleContext: HandleContext = {
      ...context,
      ...(visitor !== undefined && { persona: visitor }),
      ...(decision && { state: decision.state }),
    };
    const note =
      decision?.note ?? (explicit ? 'account form, state named by the request' : 'account form');
    const result = await responder.handle(request, handleContext);
    if (result.kind !== 'matched')
      return { response: problemResponse(result.problem), result, note };
    const persona = decision?.loginAs;
    if (!persona?.user || result.response.status !== 200)
      return { response: result.response, result, note };
    const domain = cookieDomainFor(options.cookieDomain, context.baseUrl);
    const headers = {
      ...result.response.headers,
      'Set-Cookie': [
        sessionSetCookie(persona.name, domain),
        jwtSetCookie(persona.user, now(), domain),
      ],
    };
    return {
      response: { ...result.response, headers },
      result,
      note: `${note}; logged in as ${persona.name} (${persona.user.username})`,
      session: persona.name,
    };
  }

  return {
    /** Answers the auth paths; undefined for any other request. `who`: the active persona, and
     *  the login session's (read by the front door: stub/front-door/session.ts). */
    async handle(
      request: StubRequest,
      context: HandleContext,
      responder: Responder,
      who: { activePersona: string; session: string | undefined },
    ): Promise<AuthOutcome | undefined> {
      if (request.method === 'GET' && request.path === '/login')
        return login(request, context, who.activePersona);
      if (request.method === 'GET' && request.path === '/logout') return logout(request, context);
      if (request.method === 'POST' && request.path === '/login_refresh')
        return refresh(request, context, responder, who.session);
      if (isAccountFormRequest(request)) return accountForm(request, context, responder);
      if (request.method === 'GET' && request.path === LMS_DASHBOARD_PATH) {
        const name = who.session;
        const persona = name === undefined ? undefined : options.personas().personas.get(name);
        return {
          response: html(200, dashboardPage(persona)),
          note: `the LMS dashboard page (${persona?.user ? persona.name : 'nobody logged in'})`,
        };
      }
      return undefined;
    },
  };
}

export type OpenedxAuth = ReturnType<typeof createOpenedxAuth>;

/** The contract's time fields of the refresh answer, set to now (the examples are fixed dates
 *  that would make frontend-platform log a clock skew). Types stay as the matchers say. */
function freshTimes(body: StubResponse['body'], now: Date): StubResponse['body'] {
  if (typeof body !== 'string') return body;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return body;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return body;
  const doc = json as Record<string, unknown>;
  const nowSeconds = now.getTime() / 1000;
  const expires = new Date(now.getTime() + JWT_LIFETIME_SECONDS * 1000);
  // Keep a fractional part so the value still satisfies a `decimal` matcher.
  if ('response_epoch_seconds' in doc)
    doc.response_epoch_seconds = Math.floor(nowSeconds) + (now.getTime() % 1000 || 1) / 1000;
  if ('response_http_date' in doc) doc.response_http_date = now.toUTCString();
  if ('expires_epoch_seconds' in doc)
    doc.expires_epoch_seconds = Math.floor(expires.getTime() / 1000);
  if ('expires' in doc) doc.expires = expires.toUTCString();
  return JSON.stringify(doc);
}

/**
 * Checks that the cookie the stub mints satisfies the Set-Cookie matcher of every
 * `POST /login_refresh` contract served. Returns the problems (empty when all hold) and how
 * many contracts were checked.
 */
export function checkMintedCookie(
  interactions: readonly HttpInteraction[],
  catalog: PersonaCatalog,
  now: Date = new Date(),
  /** `--cookie-domain`: the cookie is checked as the stub mints it with the Domain. */
  cookieDomain?: string,
): { checked: number; failures: string[] } {
  const failures: string[] = [];
  let checked = 0;
  const users = [...catalog.personas.values()].flatMap((p) => (p.user ? [p] : []));
  for (const interaction of interactions) {
    if (interaction.request.method !== 'POST' || interaction.request.path !== '/login_refresh')
      continue;
    const rules = interaction.response.rules.header.get('set-cookie');
    if (!rules) continue;
    checked += 1;
    const expected =
      Object.entries(interaction.response.headers)
        .find(([n]) => n.toLowerCase() === 'set-cookie')?.[1]
        .join(', ') ?? '';
    // Both cookies the stub may mint: host-only, and scoped to the cookie domain.
    for (const domain of cookieDomain === undefined ? [undefined] : [undefined, cookieDomain]) {
      for (const persona of users) {
        const minted = jwtSetCookie(persona.user as NonNullable<typeof persona.user>, now, domain);
        for (const reason of matchStringList(rules, expected, minted)) {
          failures.push(
            `persona '${persona.name}'${domain === undefined ? '' : ` (Domain=${domain})`}: ${reason} (contract "${interaction.description}" in ${interaction.source})`,
          );
        }
      }
    }
  }
  return { checked, failures };
}
