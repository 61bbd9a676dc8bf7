/**
 * The request journal of the HTTP stub: its view of the core's recorder
 * (stub/front-door/recorder.ts), as GET /__stub/requests, the event stream and the admin page
 * read it. The records themselves, their bound and their redaction are the core's.
 */
import type { Problem } from '../engine';
import type { AnswerRecord } from '../front-door/answer';
import type { SeenByTransport } from '../front-door/record';
import type { Recorded, RequestRecorder } from '../front-door/recorder';

export { REDACTED, type SentRequest } from '../front-door/record';

/** A journal entry as the admin API and page read it: the request record, numbered, its time
 *  formatted, its problem summed up. `outcome` is one of `matched`, `unmatched`, `ambiguous`,
 *  `bad-request`, `auth`, `asset`, `admin`, `preflight`, `refused` (a Host the stub does not
 *  answer to, an admin request from another site), `error`. */
export type JournalEntry = Omit<SeenByTransport, 'timeMs' | 'response' | 'handling'> &
  Omit<AnswerRecord, 'outcome' | 'problem' | 'ambiguity'> & {
    seq: number;
    time: string;
    outcome: string;
    problem?: { code: string; detail: string; closest?: unknown };
    /** Set when several interactions fit and the first in pact order answered (the
     *  response's X-Pact-Stub-Warning header says the same). */
    warning?: string;
  };

/** 16 KiB of each body: a form or JSON call whole, the start of an upload. */
export const DEFAULT_JOURNAL_BODY_BYTES = 16 * 1024;

/** The journal's summary of a problem: its code, detail and closest interactions. */
const problemSummary = (p: Problem): NonNullable<JournalEntry['problem']> => {
  const closest = p.closest ?? p.candidates;
  return closest === undefined
    ? { code: p.code, detail: p.detail }
    : { code: p.code, detail: p.detail, closest };
};

/** A record as the journal shows it (done when the journal is read, not for every request). */
export function journalEntry({
  seq,
  timeMs,
  problem,
  ambiguity,
  response: _response,
  handling: _handling,
  ...rest
}: Recorded): JournalEntry {
  const entry: JournalEntry = { seq, time: new Date(timeMs).toISOString(), ...rest };
  if (problem) entry.problem = problemSummary(problem);
  if (ambiguity !== undefined) entry.warning = ambiguity;
  return entry;
}

/** The journal, newest first. */
export const journalEntries = (recorder: RequestRecorder): JournalEntry[] =>
  recorder.list().reverse().map(journalEntry);
