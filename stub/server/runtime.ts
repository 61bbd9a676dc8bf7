/**
 * The mutable state of a running HTTP stub, shared by its backends and the admin API: what is
 * served (swapped whole by --watch), and the core (stub/front-door/core.ts: the active persona
 * and state, the recorder the journal reads, their events).
 */
import type {
  HttpInteraction,
  InteractionSummary,
  LoadedPact,
  Responder,
  StateOverride,
} from '../engine';
import { summarize } from '../engine';
import { StubCore } from '../front-door/core';
import type { PersonaCatalog } from '../openedx/personas';
import { DEFAULT_JOURNAL_BODY_BYTES } from './journal';
import type { Logger } from './logger';

/** Everything served at one time; --watch replaces it in one step. */
export interface ServedSet {
  responder: Responder;
  pacts: readonly LoadedPact[];
  interactions: readonly HttpInteraction[];
  personas: PersonaCatalog;
  stateNames: ReadonlySet<string>;
  /** Whether any interaction has this method and path (false: no body can change the
   *  answer). Absent when the responder cannot say, as for the reference engine. */
  mayAnswer?: (method: string, path: string) => boolean;
  /** What loading left out or could not serve, one sentence each (the admin page lists them). */
  warnings?: readonly string[];
}

/** Where the served set comes from, as the admin page shows it (set by the CLI). */
export interface ServedSource {
  /** --pacts as given (files or folders), or the broker's download folder. */
  pacts: string[];
  personasFile: string;
  provider: string;
  /** --broker-url (without credentials) and --branch/--environment, when the pacts came from a broker. */
  broker?: { url: string; selection: string };
  watch: boolean;
}

/** The last reload under --watch: when, after a change to which file, and whether it worked. */
export interface ReloadRecord {
  at: string;
  changed: string;
  ok: boolean;
  /** Why it failed (the last good set keeps serving). */
  error?: string;
}

export class StubRuntime {
  url = '';
  /** The active persona and state, the recorder and their events: one for every backend
   *  served, so switching persona on the admin page switches it everywhere. */
  readonly core: StubCore;
  /** Set by the CLI; the admin page shows it under "the set served". */
  source: ServedSource | undefined;
  loadedAt = new Date().toISOString();
  lastReload: ReloadRecord | undefined;
  /** Every backend of one `npm start`, this one included, in the order they started (the
   *  primary first): what the admin API's coverage counts. */
  readonly backends: StubRuntime[];
  private servedListeners = new Set<() => void>();

  constructor(
    private served: ServedSet,
    initialPersona: string,
    initialState: StateOverride | undefined,
    readonly log: Logger,
    /** How many bytes of each request body the journal keeps. */
    readonly journalBodyBytes: number = DEFAULT_JOURNAL_BODY_BYTES,
    /** Another backend's runtime whose core this one shares. */
    shareWith?: StubRuntime,
  ) {
    this.core = shareWith?.core ?? new StubCore(initialPersona, initialState);
    this.core.selection.serve(() => this.served);
    this.backends = shareWith?.backends ?? [];
    this.backends.push(this);
  }

  get activePersona(): string {
    return this.core.selection.persona;
  }

  get activeState(): StateOverride | undefined {
    return this.core.selection.state;
  }

  get responder(): Responder {
    return this.served.responder;
  }

  get mayAnswer(): ServedSet['mayAnswer'] {
    return this.served.mayAnswer;
  }

  personas(): PersonaCatalog {
    return this.served.personas;
  }

  interactions(): readonly HttpInteraction[] {
    return this.served.interactions;
  }

  /** The interactions of every backend of this `npm start` (they share one journal). */
  allInteractions(): readonly HttpInteraction[] {
    return this.backends.flatMap((backend) => backend.interactions());
  }

  stateNames(): ReadonlySet<string> {
    return this.served.stateNames;
  }

  summarize(interaction: HttpInteraction): InteractionSummary {
    return summarize(interaction);
  }

  pactSummaries() {
    return this.served.pacts.map((pact) => ({
      source: pact.source,
      consumer: pact.consumer,
      provider: pact.provider,
      specification: pact.specification,
      interactions: pact.interactions.length,
    }));
  }

  warnings(): readonly string[] {
    return this.served.warnings ?? [];
  }

  /** Calls `listener` after every reload attempt (the admin page's event stream). */
  onServedChange(listener: () => void): () => void {
    this.servedListeners.add(listener);
    return () => this.servedListeners.delete(listener);
  }

  /** Serves a new set (--watch); `changed` names the file whose change caused it. */
  replace(served: ServedSet, changed?: string): void {
    this.served = served;
    this.core.selection.afterReload();
    this.loadedAt = new Date().toISOString();
    if (changed !== undefined) this.lastReload = { at: this.loadedAt, changed, ok: true };
    for (const listener of this.servedListeners) listener();
  }

  /** A reload that failed: the last good set keeps serving, and the page says why. */
  reloadFailed(changed: string, error: string): void {
    this.lastReload = { at: new Date().toISOString(), changed, ok: false, error };
    for (const listener of this.servedListeners) listener();
  }

  reset(): void {
    this.core.reset();
  }
}
