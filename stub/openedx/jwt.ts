/**
 * The stub's Set-Cookie headers for the Open edX JWT cookie. The cookie's name, lifetime and
 * claims are the shared vocabulary (vocabulary/openedx/jwt.ts); this module only says how the
 * stub scopes and clears it. Browser-safe (no Node APIs).
 */
import {
  JWT_COOKIE_NAME,
  JWT_LIFETIME_SECONDS,
  mintJwtHeaderPayload,
} from '../../vocabulary/openedx/jwt';
import type { UserParams } from '../../vocabulary/openedx/states';

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
