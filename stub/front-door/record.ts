/**
 * The record of one request, one type from the moment it is answered to the recorder: the
 * front door fills in what answered (AnswerRecord, stub/front-door/answer.ts), the transport
 * adds what it saw (method, URL, status, time, the headers and body sent) to the same object,
 * and the core's recorder (stub/front-door/recorder.ts) keeps it as it is. Each transport reads
 * it through its own view: the HTTP journal's entries (stub/server/journal.ts), msw's recorded
 * calls (stub/msw/recorded-calls.ts).
 *
 * What a record keeps of credentials is decided here, once: unless the transport keeps them
 * (--journal-credentials; msw, whose calls never leave the test process), the values of
 * `Cookie`, `Authorization` and `Proxy-Authorization`, and password-like fields of a form or
 * JSON body, are redacted before the record is kept.
 */
import type { StubResponse } from '../engine';
import type { AnswerRecord } from './answer';

/** What a transport answers itself, before the front door: its admin API, a CORS preflight, a
 *  request refused at the door (a Host or an admin request from another site), its own bug. */
export type TransportOutcome = 'admin' | 'preflight' | 'refused' | 'error';

/** What is known of a request once answered, by the front door or by the transport itself. */
export type AnsweredRecord =
  | AnswerRecord
  | (Omit<AnswerRecord, 'outcome'> & { outcome: TransportOutcome });

/** The headers of a request and the start of its body, as the record keeps them. */
export interface SentRequest {
  /** Lower-cased names, as sent, except that credentials are redacted (see the top). */
  headers: Record<string, string>;
  /** The body as UTF-8 text, up to the body limit, password-like fields redacted. */
  body?: string;
  /** The size of the whole body in bytes, when there is one. */
  bodyBytes?: number;
  /** Set when `body` is only the first bytes of the body (`--journal-body-bytes`). */
  bodyTruncated?: true;
}

/** What a transport does with a request no contract answered: msw may fail it or pass it on
 *  (its `onUnmatched`); the HTTP stub always answers it. */
export type UnmatchedHandling = 'failed' | 'answered' | 'bypassed';

/** What the transport saw of the request and its answer. */
export interface SeenByTransport {
  /** When it arrived, as epoch milliseconds (formatted only when a view is read). */
  timeMs: number;
  method: string;
  /** The request target as sent (path and query). */
  url: string;
  status: number;
  durationMs: number;
  origin?: string;
  /** The backend that answered (its provider), when the transport serves several. */
  backend?: string;
  request: SentRequest;
  /** The response itself, kept by msw for a test's assertions (the HTTP journal keeps only
   *  its status); absent when none was sent. */
  response?: StubResponse;
  /** Set by msw for a request no contract answered. */
  handling?: UnmatchedHandling;
}

export type RequestRecord = AnsweredRecord & SeenByTransport;

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

/** Body fields whose values are secrets: any name with `password` in it (the authn MFE's login,
 *  registration and validation forms send `password`: stub/openedx/login-session.ts; a password
 *  reset sends `new_password1`/`new_password2`) or `secret` (an OAuth client's). */
const SECRET_NAME = /password|secret/i;
/** `password=…` of a form, up to the next field (or the end of a cut body). */
const SECRET_FORM_FIELD = /(^|&)([^&=]*(?:password|secret)[^&=]*)=[^&]*/gi;
/** `"password": "…"` of JSON, at any depth; a string value cut by the body limit included. */
const SECRET_JSON_FIELD =
  /("[^"\\]*(?:password|secret)[^"\\]*"\s*:\s*)(?:"(?:[^"\\]|\\.)*(?:"|\\?$)|-?\d[\d.eE+-]*)/gi;

/** The body with password-like fields redacted, for a form or JSON body; as it is otherwise. */
export function redactBody(text: string, contentType: string | undefined): string {
  if (!SECRET_NAME.test(text)) return text;
  if (/^application\/x-www-form-urlencoded/i.test(contentType ?? ''))
    return text.replace(SECRET_FORM_FIELD, `$1$2=${REDACTED}`);
  if (/json/i.test(contentType ?? '')) return text.replace(SECRET_JSON_FIELD, `$1"${REDACTED}"`);
  return text;
}

const decoder = new TextDecoder();

/** The record's copy of a request: its headers, the first `limit` bytes of its body decoded at
 *  once (a view of Node's buffer would keep the whole buffer alive), credentials redacted
 *  unless `keepCredentials`. */
export function sentRequest(
  sentHeaders: Record<string, string>,
  body: Uint8Array | undefined,
  limit: number,
  keepCredentials: boolean,
): SentRequest {
  const headers = keepCredentials ? sentHeaders : redactHeaders(sentHeaders);
  if (body === undefined || body.length === 0) return { headers };
  const text = decoder.decode(body.length > limit ? body.subarray(0, limit) : body);
  const sent: SentRequest = {
    headers,
    body: keepCredentials ? text : redactBody(text, sentHeaders['content-type']),
    bodyBytes: body.length,
  };
  if (body.length > limit) sent.bodyTruncated = true;
  return sent;
}
