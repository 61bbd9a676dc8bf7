/**
 * The core of one running stub, whichever transport carries its requests and however many
 * backends it serves: who a request without a login session is and which state is served (the
 * selection), what was asked and answered (the recorder), and the events that tell listeners
 * about both. The HTTP server (stub/server/runtime.ts, shared by the backends of one
 * `npm start`) and msw's handlers (stub/msw/) each make one and only convert requests and
 * responses around it. Browser-safe.
 */
import type { StateOverride } from '../engine';
import { CoreEvents, type CoreListener } from './events';
import { RECORD_LIMIT, RequestRecorder } from './recorder';
import { Selection } from './selection';

export class StubCore {
  readonly events = new CoreEvents();
  readonly selection: Selection;
  readonly recorder: RequestRecorder;

  constructor(persona: string, state: StateOverride | undefined, recordLimit = RECORD_LIMIT) {
    this.selection = new Selection(persona, state, this.events);
    this.recorder = new RequestRecorder(this.events, recordLimit);
  }

  /** Calls `listener` for every request recorded, selection change and reset from now on;
   *  returns the unsubscribe. */
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
