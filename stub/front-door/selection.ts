/**
 * Who a request without a login session is (the active persona) and which provider state is
 * served to every request (the active state): one selection per running stub, shared by every
 * backend it serves and by both transports (the admin API and --persona/--state over HTTP,
 * use() and reset() under msw). The one place that says whether a persona or a state exists.
 */
import type { PersonaStates, Problem, StateOverride } from '../engine';
import type { CoreEvents } from './core';
import { problem } from './problems';

/** What a backend serves, as far as the selection cares. */
export interface SelectableSet {
  personas: PersonaStates;
  stateNames: ReadonlySet<string>;
}

/** The problem when `name` is no persona of the file. */
export function unknownPersona(personas: PersonaStates, name: string): Problem | undefined {
  if (personas.personas.has(name)) return undefined;
  return problem(
    'UNKNOWN_PERSONA',
    `There is no persona '${name}'. Personas: ${[...personas.personas.keys()].join(', ')}.`,
  );
}

export class Selection {
  private active: { persona: string; state: StateOverride | undefined };
  private readonly sets: (() => SelectableSet)[] = [];

  constructor(
    private initialPersona: string,
    private initialState: StateOverride | undefined,
    /** Told of every change of persona or state (stub/front-door/core.ts). */
    private readonly events: CoreEvents,
  ) {
    this.active = { persona: initialPersona, state: initialState };
  }

  get persona(): string {
    return this.active.persona;
  }

  get state(): StateOverride | undefined {
    return this.active.state;
  }

  private set(persona: string, state: StateOverride | undefined): void {
    if (persona === this.active.persona && state === this.active.state) return;
    this.active = { persona, state };
    this.events.emit({ type: 'selection', persona, state });
  }

  /** Adds a backend whose set the selection is checked against (the first one's personas are
   *  everyone's: one persona file). */
  serve(set: () => SelectableSet): void {
    this.sets.push(set);
  }

  private get personas(): PersonaStates {
    const first = this.sets[0];
    if (!first) throw new Error('the selection serves no backend yet');
    return first().personas;
  }

  /** Makes `name` the active persona, or returns why it cannot be. */
  choosePersona(name: string): Problem | undefined {
    const unknown = unknownPersona(this.personas, name);
    if (!unknown) this.set(name, this.state);
    return unknown;
  }

  /** Serves `state` to every request (null: the persona decides again), or returns why it
   *  cannot: no backend's interaction declares it. */
  chooseState(state: StateOverride | null): Problem | undefined {
    if (state === null) {
      this.set(this.persona, undefined);
      return undefined;
    }
    const known = this.sets.flatMap((set) => [...set().stateNames]);
    if (!known.includes(state.name))
      return problem(
        'UNKNOWN_PROVIDER_STATE',
        `No served interaction declares the provider state '${state.name}'. States: ${[...new Set(known)].sort().join('; ')}.`,
      );
    this.set(this.persona, state);
    return undefined;
  }

  /** The persona and state now active become the ones reset() goes back to. */
  markInitial(): void {
    this.initialPersona = this.persona;
    this.initialState = this.state;
  }

  /** Back to the persona and state the stub started with (a persona that is gone since gives
   *  way to the file's default). */
  reset(): void {
    this.set(this.initialPersona, this.initialState);
    this.afterReload();
  }

  /** After the persona file changed: an active persona that is gone gives way to the default. */
  afterReload(): void {
    const { personas } = this;
    if (!personas.personas.has(this.persona)) this.set(personas.defaultPersona, this.state);
  }
}
