/**
 * Every problem code the stub answers with: the engine's (a request no interaction answers, an
 * unknown state, a malformed request) and the front door's own, for what the engine never
 * sees: a persona the file lacks (stub/front-door/selection.ts says which exist), a body or
 * headers too large, a refused origin, Host or redirect, an admin request, the provider-state
 * headers. Each is documented in docs/stub-errors.md.
 */
import { ENGINE_PROBLEM_CODES, type Problem, type ProblemKind, problemOf } from '../engine';

export const FRONT_DOOR_PROBLEM_CODES = {
  UNKNOWN_PERSONA: { status: 400, title: 'Unknown persona' },
  INVALID_PROVIDER_STATE_PARAMS: { status: 400, title: 'Invalid provider-state parameters' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  HEADERS_TOO_LARGE: { status: 431, title: 'Request headers too large' },
  ORIGIN_NOT_ALLOWED: { status: 403, title: 'Origin not allowed' },
  REDIRECT_NOT_ALLOWED: { status: 400, title: 'Redirect target not allowed' },
  INVALID_ADMIN_REQUEST: { status: 400, title: 'Invalid admin request' },
  ADMIN_REQUEST_REFUSED: { status: 403, title: 'Admin request refused' },
  HOST_NOT_ALLOWED: { status: 421, title: 'Host not allowed' },
  REQUEST_TIMEOUT: { status: 408, title: 'Request timeout' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
} as const satisfies Record<string, ProblemKind>;

export const PROBLEM_CODES = { ...ENGINE_PROBLEM_CODES, ...FRONT_DOOR_PROBLEM_CODES };

export type ProblemCode = keyof typeof PROBLEM_CODES;

export function problem(
  code: ProblemCode,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem {
  return problemOf(code, PROBLEM_CODES[code], detail, extensions);
}
