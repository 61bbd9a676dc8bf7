/**
 * The JWT cookie is the real contract of Open edX login: the LMS sets
 * `edx-jwt-cookie-header-payload=<b64url header>.<b64url payload>` (no signature, readable by
 * JavaScript) and frontend-platform decodes the payload with jwt-decode, without checking any
 * signature. These helpers build such values and the matcher that describes them.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import {
  JWT_COOKIE_NAME,
  JWT_LIFETIME_SECONDS,
  mintJwtHeaderPayload,
} from '../../vocabulary/openedx/jwt';
import type { UserParams } from '../../vocabulary/openedx/states';

/** Far in the future, so a committed example never expires (the stub mints a fresh `exp`). */
export const EXAMPLE_JWT_EXPIRY = 4_102_444_800; // 2100-01-01T00:00:00Z

/** The example cookie is minted by the same minter as the stub's (vocabulary/openedx/jwt.ts, one
 *  definition of the claims the LMS puts there), at the instant that makes its `exp` EXAMPLE_JWT_EXPIRY. */
const EXAMPLE_MINTED_AT = new Date((EXAMPLE_JWT_EXPIRY - JWT_LIFETIME_SECONDS) * 1000);

export function jwtHeaderPayloadFor(user: UserParams): string {
  return mintJwtHeaderPayload(user, EXAMPLE_MINTED_AT);
}

/** Shape of the Set-Cookie header /login_refresh answers with; the stub checks its own cookie
 *  against this same regex at start-up. */
export const JWT_SET_COOKIE_PATTERN = `^${JWT_COOKIE_NAME}=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(;.*)?$`;

export function jwtSetCookieMatcher(user: UserParams): MatchersV3.V3RegexMatcher {
  return MatchersV3.regex(
    JWT_SET_COOKIE_PATTERN,
    `${JWT_COOKIE_NAME}=${jwtHeaderPayloadFor(user)}; Path=/; Max-Age=3600`,
  );
}

/** Puts a valid JWT cookie in the page, as a logged-in browser has, so a test can exercise a
 *  call without the refresh that would otherwise precede it (frontend-platform's own tests do
 *  the same with setJwtCookieTo). */
export function seedJwtCookie(user: UserParams): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the platform reads document.cookie, so tests write it.
  document.cookie = `${JWT_COOKIE_NAME}=${jwtHeaderPayloadFor(user)}; path=/`;
}

export function clearCookies(): void {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    // biome-ignore lint/suspicious/noDocumentCookie: clearing what the platform reads.
    if (name) document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
}
