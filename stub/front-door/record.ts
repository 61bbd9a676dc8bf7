/**
 * The record of one request, one type from the moment it is answered to the journal: the front
 * door fills in what answered (AnswerRecord, stub/front-door/answer.ts), the transport adds what
 * it saw (method, URL, status, time, the headers and body sent) to the same object, and the
 * journal keeps it as it is. Readers get a view of it (stub/server/journal.ts).
 */
import type { AnswerRecord } from './answer';

/** What a transport answers itself, before the front door: its admin API, a CORS preflight, a
 *  request refused at the door (a Host or an admin request from another site), its own bug. */
export type TransportOutcome = 'admin' | 'preflight' | 'refused' | 'error';

/** What is known of a request once answered, by the front door or by the transport itself. */
export type AnsweredRecord =
  | AnswerRecord
  | (Omit<AnswerRecord, 'outcome'> & { outcome: TransportOutcome });

/** The headers of a request and the start of its body, as the journal keeps them. */
export interface SentRequest {
  /** Lower-cased names, as sent, except that the values of `Cookie`, `Authorization` and
   *  `Proxy-Authorization` are redacted unless the stub runs with --journal-credentials. */
  headers: Record<string, string>;
  /** The body as UTF-8 text, up to the journal's body limit. */
  body?: string;
  /** The size of the whole body in bytes, when there is one. */
  bodyBytes?: number;
  /** Set when `body` is only the first bytes of the body (`--journal-body-bytes`). */
  bodyTruncated?: true;
}

/** What the transport saw of the request and its answer. */
export interface SeenByTransport {
  /** When it arrived, as epoch milliseconds (formatted only when the journal is read). */
  timeMs: number;
  method: string;
  /** The request target as sent (path and query). */
  url: string;
  status: number;
  durationMs: number;
  origin?: string;
  /** The backend that answered (its provider), when one `npm start` serves several. */
  backend?: string;
  request: SentRequest;
}

export type RequestRecord = AnsweredRecord & SeenByTransport;
