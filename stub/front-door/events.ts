/**
 * What the core tells whoever listens: a request recorded, the active persona or state
 * changed, a reset. The HTTP transport turns them into the admin page's server-sent events
 * (stub/server/events.ts); msw's handlers pass them on to a test or a page
 * (`subscribe()`, docs/msw.md). Browser-safe.
 */
import type { StateOverride } from '../engine';
import type { Recorded } from './recorder';

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
