/**
 * The login session, one for every backend served: the stub's own HttpOnly cookie names the
 * persona a browser logged in as (set by the LMS profile's /login, cleared by /logout). Cookies
 * ignore ports, so a browser logged in through the LMS stub is the same persona on every other
 * backend's port, as with a real deployment's shared session. msw has no cookie jar for
 * HttpOnly cookies: its handlers keep the session themselves and add the cookie to each
 * request (stub/msw/). This module is the one that reads, writes and replaces that cookie.
 */
import type { PersonaStates, StubRequest } from '../engine';

export const SESSION_COOKIE_NAME = 'lms-stub-session';

/** The value of one cookie of a `Cookie` header (the last one when it repeats), read without
 *  building a map of all of them: every request of a logged-in browser goes through here. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined || !header.includes(name)) return undefined;
  let value: string | undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) value = part.slice(eq + 1).trim();
  }
  return value;
}

/** Whether the request carries a session cookie at all (one naming no persona included). */
export const hasSessionCookie = (request: StubRequest): boolean =>
  cookieValue(request.headers.cookie, SESSION_COOKIE_NAME) !== undefined;

/** The persona whose login session the request carries, when it names one of the file: a
 *  persona with a user (logged in), or the visitor persona the anonymous refresh set. */
export function sessionPersona(request: StubRequest, personas: PersonaStates): string | undefined {
  const raw = cookieValue(request.headers.cookie, SESSION_COOKIE_NAME);
  if (!raw) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return personas.personas.has(name) ? name : undefined;
}

/** The Set-Cookie of a login session for `persona`: HttpOnly, the stub's own; on `domain`
 *  (--cookie-domain) when given. */
export const sessionSetCookie = (persona: string, domain: string | undefined): string =>
  `${SESSION_COOKIE_NAME}=${encodeURIComponent(persona)}; Path=/${domain === undefined ? '' : `; Domain=${domain}`}; HttpOnly; SameSite=Lax`;

/** The request with `session`'s cookie in place of any it carried (none when undefined). */
export function withSessionCookie(request: StubRequest, session: string | undefined): StubRequest {
  const cookies = (request.headers.cookie ?? '')
    .split('; ')
    .filter((pair) => pair && !pair.startsWith(`${SESSION_COOKIE_NAME}=`));
  if (session) cookies.push(`${SESSION_COOKIE_NAME}=${encodeURIComponent(session)}`);
  const headers: Record<string, string> = Object.assign(Object.create(null), request.headers);
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  else delete headers.cookie;
  return { ...request, headers };
}
