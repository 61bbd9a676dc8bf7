/**
 * The request journal (the last N requests with what answered them) and contract coverage
 * (hits per interaction, unmatched requests). Both are bounded, so a long-running stub keeps a
 * flat memory profile under load.
 */
import type { InteractionSummary, SelectionTier } from '../engine';

export interface JournalEntry {
  seq: number;
  time: string;
  method: string;
  url: string;
  status: number;
  durationMs: number;
  persona: string;
  origin?: string;
  /** `matched`, `unmatched`, `ambiguous`, `bad-request`, `auth`, `admin`, `preflight`, `error` */
  outcome: string;
  interaction?: InteractionSummary;
  tier?: SelectionTier;
  problem?: { code: string; detail: string; closest?: unknown };
  note?: string;
  /** Set when several interactions fit and the first in pact order answered (the response's
   *  X-Pact-Stub-Warning header says the same). */
  warning?: string;
  /** What the client sent besides the request line. */
  request: SentRequest;
}

/** The headers of a request and the start of its body, as the journal keeps them. */
export interface SentRequest {
  /** Lower-cased names, as sent (credentials included: the journal is the stub's own). */
  headers: Record<string, string>;
  /** The body as UTF-8 text, up to the journal's body limit. */
  body?: string;
  /** The size of the whole body in bytes, when there is one. */
  bodyBytes?: number;
  /** Set when `body` is only the first bytes of the body (`--journal-body-bytes`). */
  bodyTruncated?: true;
}

/** 16 KiB of each body: a form or JSON call whole, the start of an upload. */
export const DEFAULT_JOURNAL_BODY_BYTES = 16 * 1024;

const decoder = new TextDecoder();

/** The journal's copy of a request: its headers as they are, the first `limit` bytes of its
 *  body decoded at once (a view of Node's buffer would keep the whole buffer alive). */
export function sentRequest(
  headers: Record<string, string>,
  body: Uint8Array | undefined,
  limit: number,
): SentRequest {
  if (body === undefined || body.length === 0) return { headers };
  const sent: SentRequest = {
    headers,
    body: decoder.decode(body.length > limit ? body.subarray(0, limit) : body),
    bodyBytes: body.length,
  };
  if (body.length > limit) sent.bodyTruncated = true;
  return sent;
}

/** What the front door hands the journal for one request: the entry without its number, and
 *  its time as epoch milliseconds, formatted only when the journal is read (formatting a date
 *  costs more than the rest of the bookkeeping of a request). */
export type JournalRecord = Omit<JournalEntry, 'seq' | 'time'> & { timeMs: number };

type Stored = JournalRecord & { seq: number };

export const JOURNAL_LIMIT = 1000;
const UNMATCHED_LIMIT = 1000;

export class Journal {
  private entries: Stored[] = [];
  private next = 0;
  private seq = 0;
  private hits = new Map<string, number>();
  private unmatched = new Map<
    string,
    { method: string; path: string; count: number; lastSeenMs: number; code: string }
  >();

  constructor(private readonly limit: number = JOURNAL_LIMIT) {}

  /** Keeps the entry itself (numbered in place), so the caller must not reuse it. */
  record(entry: JournalRecord): void {
    this.seq += 1;
    const full = entry as Stored;
    full.seq = this.seq;
    // A ring buffer: overwrite the oldest entry once full.
    if (this.entries.length < this.limit) this.entries.push(full);
    else this.entries[this.next] = full;
    this.next = (this.next + 1) % this.limit;
    if (entry.interaction)
      this.hits.set(entry.interaction.id, (this.hits.get(entry.interaction.id) ?? 0) + 1);
    if (entry.outcome === 'unmatched' || entry.outcome === 'ambiguous') {
      const path = entry.url.split('?')[0] ?? entry.url;
      const key = `${entry.method} ${path}`;
      const seen = this.unmatched.get(key);
      if (seen) {
        seen.count += 1;
        seen.lastSeenMs = entry.timeMs;
      } else if (this.unmatched.size < UNMATCHED_LIMIT) {
        this.unmatched.set(key, {
          method: entry.method,
          path,
          count: 1,
          lastSeenMs: entry.timeMs,
          code: entry.problem?.code ?? '',
        });
      }
    }
  }

  /** Newest first. */
  list(): JournalEntry[] {
    return [...this.entries]
      .sort((a, b) => b.seq - a.seq)
      .map(({ seq, timeMs, ...rest }) => ({ seq, time: new Date(timeMs).toISOString(), ...rest }));
  }

  coverage(interactions: readonly InteractionSummary[]) {
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

  reset(): void {
    this.entries = [];
    this.next = 0;
    this.hits.clear();
    this.unmatched.clear();
  }
}
