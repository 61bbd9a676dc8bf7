/**
 * The request journal (the last N requests with what answered them) and contract coverage
 * (hits per interaction, unmatched requests). Both are bounded, so a long-running stub keeps a
 * flat memory profile under load.
 */
import type { InteractionSummary, Problem } from '../engine';
import type { AnswerRecord } from '../front-door/answer';
import type { RequestRecord, SeenByTransport, SentRequest } from '../front-door/record';

/** A journal entry as the admin API and page read it: the request record (stub/front-door/
 *  record.ts), numbered, its time formatted, its problem summed up. `outcome` is one of
 *  `matched`, `unmatched`, `ambiguous`, `bad-request`, `auth`, `asset`, `admin`, `preflight`,
 *  `refused` (a Host the stub does not answer to, an admin request from another site), `error`. */
export type JournalEntry = Omit<SeenByTransport, 'timeMs'> &
  Omit<AnswerRecord, 'outcome' | 'problem' | 'ambiguity'> & {
    seq: number;
    time: string;
    outcome: string;
    problem?: { code: string; detail: string; closest?: unknown };
    /** Set when several interactions fit and the first in pact order answered (the
     *  response's X-Pact-Stub-Warning header says the same). */
    warning?: string;
  };

export type { SentRequest };

/** 16 KiB of each body: a form or JSON call whole, the start of an upload. */
export const DEFAULT_JOURNAL_BODY_BYTES = 16 * 1024;

const decoder = new TextDecoder();

export const REDACTED = '[redacted]';

/** `a=1; b=2` → `a=[redacted]; b=[redacted]`: which cookies were sent, not their values. */
const redactCookies = (value: string) =>
  value
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? pair : `${pair.slice(0, eq)}=${REDACTED}`;
    })
    .join(';');

/** `Bearer abc` → `Bearer [redacted]`: the scheme, not the credential. */
const redactCredentials = (value: string) => {
  const space = value.indexOf(' ');
  return space === -1 ? REDACTED : `${value.slice(0, space)} ${REDACTED}`;
};

const CREDENTIAL_HEADERS: Record<string, (value: string) => string> = {
  cookie: redactCookies,
  authorization: redactCredentials,
  'proxy-authorization': redactCredentials,
};

/** The headers with credential values redacted; the same object when there are none (most
 *  requests), a copy otherwise. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  let redacted: Record<string, string> | undefined;
  for (const name in CREDENTIAL_HEADERS) {
    const value = headers[name];
    if (typeof value !== 'string') continue;
    redacted ??= { ...headers };
    redacted[name] = (CREDENTIAL_HEADERS[name] as (value: string) => string)(value);
  }
  return redacted ?? headers;
}

/** The journal's copy of a request: its headers (credentials redacted unless
 *  `keepCredentials`), the first `limit` bytes of its body decoded at once (a view of Node's
 *  buffer would keep the whole buffer alive). */
export function sentRequest(
  sentHeaders: Record<string, string>,
  body: Uint8Array | undefined,
  limit: number,
  keepCredentials = false,
): SentRequest {
  const headers = keepCredentials ? sentHeaders : redactHeaders(sentHeaders);
  if (body === undefined || body.length === 0) return { headers };
  const sent: SentRequest = {
    headers,
    body: decoder.decode(body.length > limit ? body.subarray(0, limit) : body),
    bodyBytes: body.length,
  };
  if (body.length > limit) sent.bodyTruncated = true;
  return sent;
}

/** What the journal keeps of a request: its record, as the transport completed it. Kept for
 *  the callers that name it so. */
export type JournalRecord = RequestRecord;

type Stored = RequestRecord & { seq: number };

/** The journal's summary of a problem: its code, detail and closest interactions. */
const problemSummary = (p: Problem): NonNullable<JournalEntry['problem']> => {
  const closest = p.closest ?? p.candidates;
  return closest === undefined
    ? { code: p.code, detail: p.detail }
    : { code: p.code, detail: p.detail, closest };
};

/** A journal entry as readers see it: numbered, its time formatted, its problem summed up (done
 *  when the journal is read, not for every request). */
const view = ({ seq, timeMs, problem, ambiguity, ...rest }: Stored): JournalEntry => {
  const entry: JournalEntry = { seq, time: new Date(timeMs).toISOString(), ...rest };
  if (problem) entry.problem = problemSummary(problem);
  if (ambiguity !== undefined) entry.warning = ambiguity;
  return entry;
};

/** Told of every entry as it is recorded, and of a reset (the admin page's live list). */
export type JournalListener = (event: { entry: JournalEntry } | { reset: true }) => void;

export const JOURNAL_LIMIT = 1000;
const UNMATCHED_LIMIT = 1000;

export class Journal {
  private entries: Stored[] = [];
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

  private listeners = new Set<JournalListener>();

  constructor(private readonly limit: number = JOURNAL_LIMIT) {}

  /** How many listeners are subscribed (open admin pages). */
  get listening(): number {
    return this.listeners.size;
  }

  /** Calls `listener` for every entry recorded from now on; returns the unsubscribe. */
  subscribe(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

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
      const key = `${entry.backend ?? ''} ${entry.method} ${path}`;
      const seen = this.unmatched.get(key);
      if (seen) {
        seen.count += 1;
        seen.lastSeenMs = entry.timeMs;
      } else if (this.unmatched.size < UNMATCHED_LIMIT) {
        this.unmatched.set(key, {
          method: entry.method,
          path,
          ...(entry.backend !== undefined && { backend: entry.backend }),
          count: 1,
          lastSeenMs: entry.timeMs,
          code: entry.problem?.code ?? '',
        });
      }
    }
    // Nothing is formatted unless someone listens (the admin page is open).
    if (this.listeners.size > 0) {
      const event = { entry: view(full) };
      for (const listener of this.listeners) listener(event);
    }
  }

  /** Newest first. */
  list(): JournalEntry[] {
    return [...this.entries].sort((a, b) => b.seq - a.seq).map(view);
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

  reset(): void {
    this.entries = [];
    this.next = 0;
    this.hits.clear();
    this.unmatched.clear();
    for (const listener of this.listeners) listener({ reset: true });
  }
}
