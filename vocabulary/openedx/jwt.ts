/**
 * The Open edX JWT cookie's vocabulary: its name, its lifetime and the claims the LMS puts in it
 * (openedx-platform oauth_dispatch/jwt.py). `edx-jwt-cookie-header-payload` holds
 * `<base64url header>.<base64url payload>` with no signature, readable by JavaScript, which is
 * what @edx/frontend-platform decodes (jwt-decode, no signature check). One definition, which
 * the contracts mint their examples with and the stub mints its cookies with. Browser-safe (no
 * Node APIs).
 */
import type { UserParams } from './states';

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
