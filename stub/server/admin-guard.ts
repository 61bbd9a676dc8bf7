/**
 * Who may use the admin API (/__stub/): the stub's own pages and tools such as curl, never
 * another site's page (CSRF). A browser lets any page send a "simple" cross-site POST (a form, or
 * fetch with `Content-Type: text/plain`) without asking the server first; it cannot send
 * `Content-Type: application/json` to another origin without a CORS preflight, and it always
 * says where a cross-origin request comes from (`Origin`, `Sec-Fetch-Site`). So:
 *  - a write (any method but GET, HEAD, OPTIONS) needs `Content-Type: application/json`;
 *  - a request carrying an `Origin` other than the stub's own (`http://` + its Host) is refused,
 *    preflights included, so no other origin gets CORS access to the admin API;
 *  - a write or a read of the journal that the browser marks as not same-origin
 *    (`Sec-Fetch-Site: same-site` or `cross-site`) is refused.
 * Navigations to admin pages (no Origin, `Sec-Fetch-Site: none` or a link) stay allowed: their
 * answer goes to the user, not to the page that linked there.
 */
import type { Problem } from '../engine';
import { problem } from '../front-door/problems';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes whose answer holds what clients sent (headers, bodies). */
const SENSITIVE_READS = new Set(['/__stub/requests']);
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

const refused = (detail: string): Problem => problem('ADMIN_REQUEST_REFUSED', detail);

/** Why an admin request is refused, or undefined when it may go on. `headers` have
 *  lower-cased names. */
export function adminRefusal(
  method: string,
  path: string,
  headers: Record<string, string | undefined>,
): Problem | undefined {
  const what = `${method} ${path}`;
  const origin = headers.origin;
  const own = headers.host === undefined ? undefined : `http://${headers.host.toLowerCase()}`;
  if (origin !== undefined && origin.toLowerCase() !== own) {
    return refused(
      `${what}: the admin API answers only the stub's own pages (${own ?? 'its own origin'}) and tools without an Origin such as curl, not a page of ${origin}; change the persona or state from the admin page, curl or the command line.`,
    );
  }
  const write = !READS.has(method);
  if (!write && !SENSITIVE_READS.has(path)) return undefined;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return refused(
      `${what}: the browser says this request comes from another site (Sec-Fetch-Site: ${site}); the admin API answers only the stub's own pages and tools such as curl.`,
    );
  }
  if (write && !JSON_MEDIA_TYPE.test(headers['content-type'] ?? '')) {
    return refused(
      `${what} needs Content-Type: application/json (a browser cannot send that to another site without asking first), not ${headers['content-type'] === undefined ? 'no Content-Type' : `'${headers['content-type']}'`}; e.g. curl -H 'Content-Type: application/json' -d '{…}'.`,
    );
  }
  return undefined;
}
