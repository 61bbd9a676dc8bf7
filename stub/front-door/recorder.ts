/**
 * The core's request recorder: the last N request records, numbered, with contract coverage
 * (hits per interaction, unmatched requests). One for every transport: the HTTP journal and
 * its admin API read it (stub/server/journal.ts), and so do msw's recorded calls
 * (stub/msw/recorded-calls.ts), each through its own view. Bounded, so a long-running stub or
 * a long test file keeps a flat memory profile. Browser-safe.
 */
import type { InteractionSummary } from '../engine';
import type { CoreEvents } from './core';
import type { RequestRecord } from './record';

/** A record as the recorder keeps it: numbered 1, 2, 3... from the recorder's creation. */
export type Recorded = RequestRecord & { seq: number };

export const RECORD_LIMIT = 1000;
const UNMATCHED_LIMIT = 1000;

export class RequestRecorder {
  private entries: Recorded[] = [];
  private next = 0;
  private seq = 0;
  private hits = new Map<string, number>();
  private unmatched = new Map<
    string,
    {
      method: string;
      path: string;
      /** The backend asked, when one `npm start` serves several. */
      backend?: string;
      count: number;
      lastSeenMs: number;
      code: string;
    }
  >();

  constructor(
    private readonly events: CoreEvents,
    readonly limit: number = RECORD_LIMIT,
  ) {}

  /** The number of the last record (0 before the first); clear() does not restart it. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Keeps the record itself (numbered in place), so the caller must not reuse it. */
  record(record: RequestRecord): Recorded {
    this.seq += 1;
    const kept = record as Recorded;
    kept.seq = this.seq;
    // A ring buffer: overwrite the oldest record once full.
    if (this.entries.length < this.limit) this.entries.push(kept);
    else this.entries[this.next] = kept;
    this.next = (this.next + 1) % this.limit;
    if (record.interaction)
      this.hits.set(record.interaction.id, (this.hits.get(record.interaction.id) ?? 0) + 1);
    if (record.outcome === 'unmatched' || record.outcome === 'ambiguous') this.countMiss(kept);
    // No event object is made unless someone listens (the admin page is open).
    if (this.events.listening > 0) this.events.emit({ type: 'request', record: kept });
    return kept;
  }

  private countMiss(record: Recorded): void {
    const path = record.url.split('?')[0] ?? record.url;
    const key = `${record.backend ?? ''} ${record.method} ${path}`;
    const seen = this.unmatched.get(key);
    if (seen) {
      seen.count += 1;
      seen.lastSeenMs = record.timeMs;
    } else if (this.unmatched.size < UNMATCHED_LIMIT) {
      this.unmatched.set(key, {
        method: record.method,
        path,
        ...(record.backend !== undefined && { backend: record.backend }),
        count: 1,
        lastSeenMs: record.timeMs,
        code: record.problem?.code ?? '',
      });
    }
  }

  /** Oldest first, a copy: later requests do not change an array a caller already holds. */
  list(): Recorded[] {
    return this.entries.length < this.limit
      ? [...this.entries]
      : [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
  }

  /** `interactions` may carry more fields (the endpoint); each row keeps them. */
  coverage<T extends InteractionSummary>(interactions: readonly T[]) {
    const rows = interactions.map((interaction) => ({
      ...interaction,
      hits: this.hits.get(interaction.id) ?? 0,
    }));
    return {
      interactions: rows,
      total: rows.length,
      covered: rows.filter((row) => row.hits > 0).length,
      unmatched: [...this.unmatched.values()]
        .sort((a, b) => b.count - a.count)
        .map(({ lastSeenMs, ...rest }) => ({
          ...rest,
          lastSeen: new Date(lastSeenMs).toISOString(),
        })),
    };
  }

  /** Forgets the records and the coverage (the numbering goes on: see lastSeq). */
  clear(): void {
    this.entries = [];
    this.next = 0;
    this.hits.clear();
    this.unmatched.clear();
  }
}
