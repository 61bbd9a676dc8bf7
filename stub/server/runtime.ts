/**
 * The mutable state of a running stub, shared by the front door and the admin API: what is
 * served (swapped whole by --watch), the active persona and state, and the journal.
 */
import type {
  HttpInteraction,
  InteractionSummary,
  LoadedPact,
  PersonaCatalog,
  Responder,
  StateOverride,
} from '../engine';
import { summarize } from '../engine';
import { DEFAULT_JOURNAL_BODY_BYTES, JOURNAL_LIMIT, Journal } from './journal';
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
}

export class StubRuntime {
  url = '';
  activePersona: string;
  activeState: StateOverride | undefined;
  readonly journal: Journal;
  readonly journalLimit = JOURNAL_LIMIT;

  constructor(
    private served: ServedSet,
    private readonly initialPersona: string,
    private readonly initialState: StateOverride | undefined,
    readonly log: Logger,
    /** How many bytes of each request body the journal keeps. */
    readonly journalBodyBytes: number = DEFAULT_JOURNAL_BODY_BYTES,
  ) {
    this.activePersona = initialPersona;
    this.activeState = initialState;
    this.journal = new Journal(this.journalLimit);
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

  replace(served: ServedSet): void {
    this.served = served;
    if (!served.personas.personas.has(this.activePersona))
      this.activePersona = served.personas.defaultPersona;
  }

  reset(): void {
    this.journal.reset();
    this.activePersona = this.served.personas.personas.has(this.initialPersona)
      ? this.initialPersona
      : this.served.personas.defaultPersona;
    this.activeState = this.initialState;
  }
}
