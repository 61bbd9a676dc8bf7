/**
 * Keeps what resolveStates() found for an interaction, a persona and the values the request
 * path binds: that is all it depends on when no state is requested by name, and the persona
 * catalog does not change during an engine's life (a reload builds a new engine). Switching
 * persona reads another entry. The kept parameters are frozen: the same object is handed to
 * every caller (as `stateParams`) and keys what is built from it, so none may change it.
 */
import { type Resolution, resolveStates } from './select';
import type { HttpInteraction, JsonValue } from './types';

type Params = Record<string, JsonValue>;

/** Path values come from the client, so how many are kept per interaction and persona is
 *  bounded; past that, the kept ones are dropped and resolved again when asked. */
export const MAX_BINDINGS = 256;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** One key per binding: '' for none (literal paths), the values otherwise. */
function bindingKey(binding: Record<string, string>): string {
  let first: string | undefined;
  let count = 0;
  for (const name in binding) {
    count += 1;
    if (count === 1) first = binding[name];
    else break;
  }
  if (count === 0) return '';
  return count === 1 ? `=${first}` : JSON.stringify(Object.values(binding));
}

export class SelectionCache {
  private readonly byInteraction = new Map<HttpInteraction, Map<string, Map<string, Resolution>>>();

  constructor(private readonly isPersonaState: (state: string) => boolean) {}

  /** resolveStates() without a requested state, kept. */
  resolve(
    interaction: HttpInteraction,
    binding: Record<string, string>,
    personaName: string,
    satisfied: Map<string, Params[]>,
  ): Resolution {
    let byPersona = this.byInteraction.get(interaction);
    if (!byPersona) {
      byPersona = new Map();
      this.byInteraction.set(interaction, byPersona);
    }
    let byBinding = byPersona.get(personaName);
    if (!byBinding) {
      byBinding = new Map();
      byPersona.set(personaName, byBinding);
    }
    const key = bindingKey(binding);
    const kept = byBinding.get(key);
    if (kept) return kept;
    const resolution = deepFreeze(
      resolveStates(interaction, binding, personaName, satisfied, undefined, this.isPersonaState),
    );
    if (byBinding.size >= MAX_BINDINGS) byBinding.clear();
    byBinding.set(key, resolution);
    return resolution;
  }
}
