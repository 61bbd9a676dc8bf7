/**
 * Which of the interactions that fit a request answers it, by provider state:
 *  1. an explicit state (X-Pact-Provider-State header or --state) picks the interactions that
 *     declare it;
 *  2. else the interactions whose every state the persona satisfies (with one consistent set of
 *     parameters that also agrees with the values the request path binds);
 *  3. else the stateless ones.
 * Within the first non-empty tier, the interactions whose recorded state parameters are
 * closest to the values served win (a contract records the persona it was written for: the
 * audit learner's dashboard has `mode: audit`). Several winners with different responses are
 * a tie, reported as AMBIGUOUS_INTERACTION rather than guessed.
 */
import { deepEqual, show } from './matchers';
import type { HttpInteraction, JsonValue, SelectionTier, StateOverride } from './types';

type Params = Record<string, JsonValue>;

export type Resolution =
  | {
      ok: true;
      tier: SelectionTier;
      params: Params;
      /** How many parameters recorded in the pact's states equal the values served: the
       *  interaction written for this persona (same enrollment mode, same admin flag) scores
       *  highest. */
      closeness: number;
    }
  | { ok: false; reason: string; tier?: SelectionTier };

const fits = (value: JsonValue | undefined, bound: string) =>
  value === undefined ||
  (typeof value === 'string'
    ? value === bound
    : JSON.stringify(value) === bound || String(value) === bound);

/**
 * Resolves the states of `interaction` for a persona (its satisfied states and parameter sets)
 * and an optional override, given the path binding of the request.
 */
export function resolveStates(
  interaction: HttpInteraction,
  binding: Record<string, string>,
  personaName: string,
  satisfied: Map<string, Params[]>,
  override: StateOverride | undefined,
  isPersonaState: (state: string) => boolean,
): Resolution {
  const states = interaction.providerStates;
  if (states.length === 0) {
    return { ok: true, tier: 'stateless', params: { ...binding }, closeness: 0 };
  }
  const overridden = override ? states.find((s) => s.name === override.name) : undefined;
  const tier: SelectionTier = overridden ? 'override' : 'persona';
  const requestParams: Params = {};
  if (overridden && override) {
    const given = override.params ?? {};
    for (const key of new Set([...Object.keys(overridden.params), ...Object.keys(given)])) {
      const own = (source: Record<string, unknown>) =>
        Object.hasOwn(source, key) ? source[key] : undefined;
      requestParams[key] = (own(given) ?? own(binding) ?? own(overridden.params)) as JsonValue;
    }
  }
  const personaStates = states.filter((s) => s !== overridden);
  for (const state of personaStates) {
    if (!isPersonaState(state.name)) {
      return {
        ok: false,
        tier,
        reason: `needs the request state '${state.name}' (ask with the header X-Pact-Provider-State: ${state.name})`,
      };
    }
    if (!satisfied.has(state.name)) {
      return {
        ok: false,
        tier,
        reason: `persona '${personaName}' does not satisfy the state '${state.name}'`,
      };
    }
  }
  // Backtracking over one parameter set per persona state: shared keys (username, course_id)
  // must agree, and so must the values the path binds (unless an explicit state set them).
  let conflict = '';
  const chosen: Params = {};
  const search = (i: number): boolean => {
    if (i === personaStates.length) return true;
    const state = personaStates[i] as (typeof personaStates)[number];
    for (const set of satisfied.get(state.name) ?? []) {
      const clash = Object.entries(set).find(
        ([key, value]) => Object.hasOwn(chosen, key) && !deepEqual(chosen[key], value),
      );
      if (clash) {
        conflict ||= `the persona's '${state.name}' has ${clash[0]}=${show(clash[1])} but another of its states has ${show(chosen[clash[0]])}`;
        continue;
      }
      const bound = Object.entries(binding).find(
        ([key, value]) => !(key in requestParams) && key in set && !fits(set[key], value),
      );
      if (bound) {
        conflict ||= `the path gives ${bound[0]}=${show(bound[1])} but persona '${personaName}' has ${show(set[bound[0]])} for '${state.name}'`;
        continue;
      }
      const added = Object.keys(set).filter((key) => !Object.hasOwn(chosen, key));
      for (const key of added) chosen[key] = set[key] as JsonValue;
      if (search(i + 1)) return true;
      for (const key of added) delete chosen[key];
    }
    return false;
  };
  if (!search(0))
    return {
      ok: false,
      tier,
      reason: conflict || `persona '${personaName}' cannot satisfy these states together`,
    };
  const params: Params = { ...chosen, ...requestParams };
  for (const [key, value] of Object.entries(binding)) {
    if (!(key in params)) params[key] = value;
    else if (!fits(params[key], value)) {
      return {
        ok: false,
        tier,
        reason: `the path gives ${key}=${show(value)} but the requested state has ${show(params[key])}`,
      };
    }
  }
  let closeness = 0;
  for (const state of states) {
    for (const [key, recorded] of Object.entries(state.params))
      if (deepEqual(params[key], recorded)) closeness += 1;
  }
  return { ok: true, tier, params, closeness };
}
