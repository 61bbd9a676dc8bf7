/**
 * The engine's error answers: RFC 9457 problem details with a stable `code`, each documented in
 * docs/stub-errors.md (the `type` points at its section). The codes of what the engine never
 * sees (a body too large, a refused origin, an admin request, the state headers, a persona the
 * file lacks: the engine answers only for personas the front door checked) belong to the
 * front door (stub/front-door/problems.ts), which builds its problems with `problemOf`.
 */
import type { Problem, StubResponse } from './types';

/** How a problem code answers: its HTTP status and title. */
export interface ProblemKind {
  readonly status: number;
  readonly title: string;
}

export const ENGINE_PROBLEM_CODES = {
  NO_INTERACTION_MATCHED: { status: 404, title: 'No interaction matched the request' },
  AMBIGUOUS_INTERACTION: {
    // Only with --strict: the request is fine, but it conflicts with several interactions.
    status: 409,
    title: 'Several interactions with different responses matched',
  },
  UNKNOWN_PROVIDER_STATE: { status: 400, title: 'Unknown provider state' },
  MALFORMED_REQUEST: { status: 400, title: 'Malformed request' },
} as const satisfies Record<string, ProblemKind>;

export type EngineProblemCode = keyof typeof ENGINE_PROBLEM_CODES;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  code: EngineProblemCode,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem {
  return problemOf(code, ENGINE_PROBLEM_CODES[code], detail, extensions);
}

/** A problem of any code table (the engine's, the front door's). */
export function problemOf(
  code: string,
  { status, title }: ProblemKind,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem {
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
