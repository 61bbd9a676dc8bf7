/**
 * The Open edX JWT cookie, minted by the stub: `edx-jwt-cookie-header-payload` holds
 * `<base64url header>.<base64url payload>` with no signature, readable by JavaScript, which is
 * what @edx/frontend-platform decodes (jwt-decode, no signature check). Same claims as the LMS
 * puts there (openedx-platform oauth_dispatch/jwt.py). Browser-safe (no Node APIs).
 */
import type { UserParams } from '../../contracts/support/states';

export const JWT_COOKIE_NAME = 'edx-jwt-cookie-header-payload';
/** One hour, as the LMS's JWT_IN_COOKIE_EXPIRATION. */
export const JWT_LIFETIME_SECONDS = 3600;

function base64Url(value: object): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function jwtClaims(user: UserParams, nowSeconds: number): Record<string, unknown> {
  return {
    preferred_username: user.username,
    user_id: user.user_id,
    email: user.email,
    name: user.name,
    administrator: user.administrator,
    roles: user.roles,
    iat: nowSeconds,
    exp: nowSeconds + JWT_LIFETIME_SECONDS,
  };
}

export function mintJwtHeaderPayload(user: UserParams, now: Date): string {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return `${base64Url({ alg: 'RS512', typ: 'JWT' })}.${base64Url(jwtClaims(user, nowSeconds))}`;
}

/** The `; Domain=…` attribute of a cookie scoped like a real deployment's (`--cookie-domain`),
 *  or nothing: a host-only cookie. */
const domainAttribute = (domain: string | undefined): string =>
  domain === undefined ? '' : `; Domain=${domain}`;

/** The Set-Cookie value: `Path=/`, so an MFE on another port of the same host reads it (cookies
 *  ignore ports); not HttpOnly, or the MFE could not read it. No `Domain` unless one is given:
 *  with `--cookie-domain .local.openedx.io` a site on apps.local.openedx.io reads the cookie the
 *  LMS on local.openedx.io set, as Tutor's LMS scopes it. */
export function jwtSetCookie(user: UserParams, now: Date, domain?: string): string {
  const expires = new Date(now.getTime() + JWT_LIFETIME_SECONDS * 1000).toUTCString();
  return `${JWT_COOKIE_NAME}=${mintJwtHeaderPayload(user, now)}; Path=/${domainAttribute(domain)}; Max-Age=${JWT_LIFETIME_SECONDS}; Expires=${expires}; SameSite=Lax`;
}

/** Clears a cookie; a browser only drops it when the Domain is the one it was set with. */
export const clearCookie = (name: string, domain?: string): string =>
  `${name}=; Path=/${domainAttribute(domain)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax`;
