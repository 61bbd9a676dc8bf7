/**
 * What the engine knows of personas: their names, the default one, and which provider states
 * each satisfies with which parameter sets. A backend supplies it (the LMS's persona file:
 * stub/openedx/personas.ts); the engine has no idea what a user, a course or an enrollment is.
 * A state that no persona can satisfy is a request state: its interactions are served only when
 * a request (or `--state`) names it.
 */
import type { JsonValue } from './types';

/** One parameter set with which a persona satisfies a provider state. */
export type StateParams = Record<string, JsonValue>;

export interface PersonaStates {
  /** The personas by name (the engine reads only the names). */
  readonly personas: ReadonlyMap<string, { readonly name: string }>;
  readonly defaultPersona: string;
  /** Whether some persona can satisfy `state` (a persona state), rather than only a request
   *  that names it (a request state). */
  isPersonaState(state: string): boolean;
  /** The parameter sets with which the persona `name` satisfies each state it satisfies. */
  satisfiedBy(name: string): Map<string, StateParams[]>;
}
