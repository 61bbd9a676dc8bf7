/**
 * The core of one running stub, whichever transport carries its requests and however many
 * backends it serves: who a request without a login session is and which state is served (the
 * selection), what was asked and answered (the recorder), and the events that tell listeners
 * about both. The HTTP server (stub/server/runtime.ts, shared by the backends of one
 * `npm start`) and msw's handlers (stub/msw/) each make one and only convert requests and
 * responses around it: the HTTP stub turns the events into the admin page's server-sent events
 * (stub/server/events.ts), msw's handlers pass them on (`subscribe()`, docs/msw.md).
 * Browser-safe.
 */
import type { StateOverride } from '../engine';
import { RECORD_LIMIT, type Recorded, RequestRecorder } from './recorder';
import { Selection } from './selection';

export type CoreEvent =
  /** A request was answered and recorded. */
  | { type: 'request'; record: Recorded }
  /** The active persona or state changed (the admin API, use(), a reset, a reload). */
  | { type: 'selection'; persona: string; state: StateOverride | undefined }
  /** The records and coverage were cleared, and the selection went back to its start. */
  | { type: 'reset' };

export type CoreListener = (event: CoreEvent) => void;

export class CoreEvents {
  private listeners = new Set<CoreListener>();

  /** How many listeners are subscribed: an event is only built when someone listens. */
  get listening(): number {
    return this.listeners.size;
  }

  /** Calls `listener` for every event from now on; returns the unsubscribe. */
  subscribe(listener: CoreListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: CoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

export class StubCore {
  readonly events = new CoreEvents();
  readonly selection: Selection;
  readonly recorder: RequestRecorder;

  constructor(persona: string, state: StateOverride | undefined, recordLimit = RECORD_LIMIT) {
    this.selection = new Selection(persona, state, this.events);
    this.recorder = new RequestRecorder(this.events, recordLimit);
  }

  /** Calls `listener` for every event from now on; returns the unsubscribe. */
  subscribe(listener: CoreListener): () => void {
    return this.events.subscribe(listener);
  }

  /** Forgets the records and coverage, and goes back to the persona and state of the start. */
  reset(): void {
    this.recorder.clear();
    this.selection.reset();
    this.events.emit({ type: 'reset' });
  }
}
