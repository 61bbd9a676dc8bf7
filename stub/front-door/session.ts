/**
 * The login session, one for every backend served: the stub's own HttpOnly cookie names the
 * persona a browser logged in as (set by the LMS profile's /login, cleared by /logout). Cookies
 * ignore ports, so a browser logged in through the LMS stub is the same persona on every other
 * backend's port, as with a real deployment's shared session. msw has no cookie jar for
 * HttpOnly cookies: its handlers keep the session themselves and add the cookie to each
 * request (stub/msw/), so both transports read it here.
 */
import type { PersonaStates, StubRequest } from '../engine';
import { cookieValue, SESSION_COOKIE_NAME } from '../openedx/auth';

export { SESSION_COOKIE_NAME };

/** The persona whose login session the request carries, when it names one of the file. */
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
