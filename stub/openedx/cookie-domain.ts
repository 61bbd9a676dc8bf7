/**
 * `--cookie-domain`: the `Domain` a real deployment scopes its login cookies to. Tutor's LMS on
 * local.openedx.io sets the JWT cookie with `Domain=.local.openedx.io`, so a site on
 * apps.local.openedx.io can read it; without it the site logs "Access token is still null after
 * successful refresh" and renders nothing.
 *
 * A browser drops a Set-Cookie whose Domain does not cover the host it asked, so the stub adds
 * the Domain only when the request reached it by a name inside the domain: the same stub still
 * logs in a browser that reaches it as localhost (host-only cookies, as without the flag).
 * Browser-safe (no Node APIs).
 */

export class CookieDomainError extends Error {}

/** A DNS name of two labels at least (browsers refuse a Domain of one label or an address). */
const DOMAIN = /^\.?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const IPV4 = /^\.?\d+\.\d+\.\d+\.\d+$/;

/** The flag's value as a cookie Domain: lower case, with its leading dot (how the LMS writes
 *  SESSION_COOKIE_DOMAIN); throws a CookieDomainError saying what is wrong. */
export function parseCookieDomain(value: string): string {
  const domain = value.trim().toLowerCase();
  if (!DOMAIN.test(domain) || IPV4.test(domain))
    throw new CookieDomainError(
      `'${value}' is not a cookie domain: give a host name of two labels or more, such as .local.openedx.io (no scheme, no port, no address)`,
    );
  return domain.startsWith('.') ? domain : `.${domain}`;
}

/** Whether a browser that asked `host` accepts a cookie with this Domain (RFC 6265 5.1.3). */
export function domainCovers(domain: string, host: string): boolean {
  const bare = domain.slice(1);
  const name = host.toLowerCase();
  return name === bare || name.endsWith(domain);
}

/** The Domain to put on cookies answering a request that reached the stub at `baseUrl`. */
export function cookieDomainFor(domain: string | undefined, baseUrl: string): string | undefined {
  if (domain === undefined) return undefined;
  let host: string;
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    return undefined;
  }
  return domainCovers(domain, host) ? domain : undefined;
}
