/**
 * The provider-state override a request may carry: `X-Pact-Provider-State` names the state to
 * serve, `X-Pact-Provider-State-Params` its parameters as a JSON object. Read by the front door,
 * for any transport; the engine takes the result as its context's `state`.
 */
import type { JsonValue, Problem, StateOverride } from '../engine';
import { problem } from './problems';

/** Exact name of the state to serve, e.g. `X-Pact-Provider-State: no user is logged in`. */
export const STATE_HEADER = 'x-pact-provider-state';
/** Parameters of that state as a JSON object, e.g. `{"username": "ghost"}`. */
export const STATE_PARAMS_HEADER = 'x-pact-provider-state-params';

/** Reads the override headers (lower-cased names). */
export function stateOverrideFromHeaders(
  headers: Record<string, string | undefined>,
): { override: StateOverride | undefined } | { problem: Problem } {
  const name = headers[STATE_HEADER]?.trim();
  const rawParams = headers[STATE_PARAMS_HEADER];
  if (!name) {
    if (rawParams === undefined) return { override: undefined };
    return {
      problem: problem(
        'INVALID_PROVIDER_STATE_PARAMS',
        `${STATE_PARAMS_HEADER} was sent without ${STATE_HEADER}.`,
      ),
    };
  }
  if (rawParams === undefined) return { override: { name } };
  let params: unknown;
  try {
    params = JSON.parse(rawParams);
  } catch (error) {
    return {
      problem: problem(
        'INVALID_PROVIDER_STATE_PARAMS',
        `${STATE_PARAMS_HEADER} is not valid JSON: ${(error as Error).message}. Send a JSON object such as {"username":"ghost"}.`,
      ),
    };
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return {
      problem: problem(
        'INVALID_PROVIDER_STATE_PARAMS',
        `${STATE_PARAMS_HEADER} must be a JSON object such as {"username":"ghost"}.`,
      ),
    };
  }
  return { override: { name, params: params as Record<string, JsonValue> } };
}
