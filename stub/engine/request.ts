/**
 * Helpers that turn transport-level pieces into the engine's plain request and context:
 * query strings, and the provider-state override headers.
 */
import { dict } from './dict';
import { problem } from './problem';
import type { JsonValue, Problem, StateOverride } from './types';

/** Exact name of the state to serve, e.g. `X-Pact-Provider-State: no user is logged in`. */
export const STATE_HEADER = 'x-pact-provider-state';
/** Parameters of that state as a JSON object, e.g. `{"username": "ghost"}`. */
export const STATE_PARAMS_HEADER = 'x-pact-provider-state-params';

export class BadQueryEncodingError extends Error {}

/** `a=1&b=x%20y&a=2` → `{ a: ['1', '2'], b: ['x y'] }` (`+` is a space, as forms send it). */
export function parseQueryString(search: string): Record<string, string[]> {
  const text = search.startsWith('?') ? search.slice(1) : search;
  const query = dict<string[]>();
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    try {
      const name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      const value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
      const values = query[name];
      if (values) values.push(value);
      else query[name] = [value];
    } catch {
      throw new BadQueryEncodingError(`the query parameter '${part}' has bad percent-encoding`);
    }
  }
  return query;
}

/** Reads the override headers (lower-cased names). */
export function stateOverrideFromHeaders(
  headers: Record<string, string | undefined>,
): { override: StateOverride | undefined } | { problem: Problem } {
  const name = headers[STATE_HEADER]?.trim();
  const rawParams = headers[STATE_PARAMS_HEADER];
  if (!name) {
    if (rawParams !== undefined) {
      return {
        problem: problem(
          'INVALID_PROVIDER_STATE_PARAMS',
          `${STATE_PARAMS_HEADER} was sent without ${STATE_HEADER}.`,
        ),
      };
    }
    return { override: undefined };
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
