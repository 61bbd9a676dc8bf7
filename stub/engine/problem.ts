/**
 * The stub's error answers: RFC 9457 problem details with a stable `code`, each documented in
 * docs/stub-errors.md (the `type` points at its section).
 */
import type { Problem, StubResponse } from './types';

export const PROBLEM_CODES = {
  NO_INTERACTION_MATCHED: { status: 404, title: 'No interaction matched the request' },
  AMBIGUOUS_INTERACTION: {
    // Only with --strict: the request is fine, but it conflicts with several interactions.
    status: 409,
    title: 'Several interactions with different responses matched',
  },
  UNKNOWN_PERSONA: { status: 400, title: 'Unknown persona' },
  UNKNOWN_PROVIDER_STATE: { status: 400, title: 'Unknown provider state' },
  INVALID_PROVIDER_STATE_PARAMS: { status: 400, title: 'Invalid provider-state parameters' },
  MALFORMED_REQUEST: { status: 400, title: 'Malformed request' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  HEADERS_TOO_LARGE: { status: 431, title: 'Request headers too large' },
  ORIGIN_NOT_ALLOWED: { status: 403, title: 'Origin not allowed' },
  REDIRECT_NOT_ALLOWED: { status: 400, title: 'Redirect target not allowed' },
  INVALID_ADMIN_REQUEST: { status: 400, title: 'Invalid admin request' },
  ADMIN_REQUEST_REFUSED: { status: 403, title: 'Admin request refused' },
  HOST_NOT_ALLOWED: { status: 421, title: 'Host not allowed' },
  REQUEST_TIMEOUT: { status: 408, title: 'Request timeout' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  code: ProblemCode,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem {
  const { status, title } = PROBLEM_CODES[code];
  return {
    type: `docs/stub-errors.md#${code.toLowerCase()}`,
    title,
    status,
    code,
    detail,
    ...extensions,
  };
}

export function problemResponse(p: Problem): StubResponse {
  return {
    status: p.status,
    headers: { 'Content-Type': [PROBLEM_CONTENT_TYPE], 'Cache-Control': ['no-store'] },
    body: `${JSON.stringify(p, null, 2)}\n`,
  };
}
