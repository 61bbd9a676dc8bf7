/**
 * Credentialed CORS for MFE origins the origin policy allows (stub/front-door/origin-policy.ts).
 * frontend-platform sends its refresh, CSRF and API calls with `withCredentials`, so the stub
 * must echo the exact Origin with `Access-Control-Allow-Credentials: true` (a browser refuses
 * `*` for credentialed calls) and answer preflights with the method and headers asked for. A
 * disallowed origin gets no CORS headers at all. HTTP only: under msw the page's own origin
 * asks, and msw answers without CORS.
 */

/** Headers for an actual (non-preflight) response to an allowed origin. */
export function corsResponseHeaders(origin: string): Record<string, string[]> {
  return {
    'Access-Control-Allow-Origin': [origin],
    'Access-Control-Allow-Credentials': ['true'],
    Vary: ['Origin'],
  };
}

/** Headers answering a preflight from an allowed origin. */
export function corsPreflightHeaders(
  origin: string,
  method: string,
  requestHeaders: string | undefined,
): Record<string, string[]> {
  return {
    ...corsResponseHeaders(origin),
    'Access-Control-Allow-Methods': [method],
    ...(requestHeaders && { 'Access-Control-Allow-Headers': [requestHeaders] }),
    'Access-Control-Max-Age': ['600'],
    Vary: ['Origin, Access-Control-Request-Method, Access-Control-Request-Headers'],
  };
}

const CORS_RESPONSE_HEADERS = new Set([
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'vary',
]);

/**
 * A response's headers with the CORS headers for an allowed origin, which replace any header
 * of the same name (in any case) the response had. A new object: the response's own headers may
 * be shared with other answers.
 */
export function withCorsHeaders(
  headers: Record<string, string[]>,
  origin: string,
): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const name in headers) {
    if (!CORS_RESPONSE_HEADERS.has(name.toLowerCase())) merged[name] = headers[name] as string[];
  }
  merged['Access-Control-Allow-Origin'] = [origin];
  merged['Access-Control-Allow-Credentials'] = ['true'];
  merged.Vary = ['Origin'];
  return merged;
}
