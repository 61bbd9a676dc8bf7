/**
 * What the handlers saw and answered, in order, so a test can assert what its code sent
 * (the request), which contract answered (the interaction) and what came back (the response):
 * msw's view of the core's request records (stub/front-door/recorder.ts), the shape
 * docs/msw.md documents.
 */
import type {
  InteractionSummary,
  JsonValue,
  Problem,
  SelectionTier,
  StateOverride,
  StubResponse,
} from '../engine';
import { type AnswerOutcome, splitTarget } from '../front-door/answer';
import type { UnmatchedHandling } from '../front-door/record';
import type { Recorded } from '../front-door/recorder';
import { bodyText } from './fetch-conversion';

export type { UnmatchedHandling };

/** What answered a call: `matched` (an interaction), `auth` (the Open edX auth bootstrap), or
 *  why nothing did: `unmatched`, `ambiguous`, `bad-request`. The front door's own outcomes. */
export type CallOutcome = AnswerOutcome;

export interface RecordedRequest {
  method: string;
  /** The full URL as the client sent it. */
  url: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string[]>;
  /** Lower-cased names; `cookie` is the list a browser would send. */
  headers: Record<string, string>;
  body?: string;
  /** The body parsed, when it is JSON. */
  json?: JsonValue;
}

export interface RecordedResponse {
  status: number;
  /** Header names as the contract spells them. */
  headers: Record<string, string[]>;
  body?: string;
  /** The body parsed, when it is JSON. */
  json?: JsonValue;
}

export interface RecordedCall {
  /** 1, 2, 3... in the order requests reached the handlers; reset() starts again at 1. */
  seq: number;
  outcome: CallOutcome;
  /** The persona the request was answered for. */
  persona: string;
  /** The backend (its provider) whose handler answered, when the handlers serve several. */
  backend?: string;
  /** The interaction that answered. */
  interaction?: InteractionSummary;
  /** Why that interaction was chosen: an explicit state, the persona, or stateless. */
  tier?: SelectionTier;
  /** The provider-state parameters the response was generated with. */
  stateParams?: Record<string, JsonValue>;
  request: RecordedRequest;
  /** Absent when the request failed (`onUnmatched: 'error'`) or was passed on ('bypass'). */
  response?: RecordedResponse;
  problem?: Problem;
  handling?: UnmatchedHandling;
  /** What the auth bootstrap did, e.g. "minted a JWT cookie for verified". */
  note?: string;
  /** Generators that could not run for this response. */
  warnings?: string[];
}

/** What `subscribe()` tells: a call recorded, the persona or state changed, a reset. */
export type HandlersEvent =
  | { type: 'request'; call: RecordedCall }
  | { type: 'selection'; persona: string; state: StateOverride | undefined }
  | { type: 'reset' };

export function parseJsonBody(
  body: string | undefined,
  contentType: string | undefined,
): JsonValue | undefined {
  if (body === undefined || !contentType || !/json/i.test(contentType)) return undefined;
  try {
    return JSON.parse(body) as JsonValue;
  } catch {
    return undefined;
  }
}

function recordedResponse(response: StubResponse): RecordedResponse {
  const body = bodyText(response.body);
  const contentType = Object.entries(response.headers).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1][0];
  const json = parseJsonBody(body, contentType);
  return {
    status: response.status,
    headers: response.headers,
    ...(body !== undefined && { body }),
    ...(json !== undefined && { json }),
  };
}

/** How the handlers show their records. */
export interface CallView {
  /** The recorder's number of the last record before the last reset(): calls count from it. */
  seqBase: number;
  /** The base URL's origin of the backend that answered (the record keeps the target). */
  origin: string;
  /** Name the backend in each call (when the handlers serve several). */
  labelBackend: boolean;
}

/** A core record as a recorded call (done when the calls are read, not for every request). */
export function recordedCall(record: Recorded, view: CallView): RecordedCall {
  const {
    seq,
    timeMs: _timeMs,
    durationMs: _durationMs,
    status: _status,
    origin: _origin,
    method,
    url,
    backend,
    request,
    response,
    ...answer
  } = record;
  const target = splitTarget(method, url);
  const { path, query } =
    'problem' in target ? { path: url.split('?')[0] ?? url, query: {} } : target;
  const json = parseJsonBody(request.body, request.headers['content-type']);
  return {
    seq: seq - view.seqBase,
    ...(answer as Omit<RecordedCall, 'seq' | 'request'>),
    ...(view.labelBackend && backend !== undefined && { backend }),
    request: {
      method,
      url: `${view.origin}${url}`,
      path,
      query,
      headers: request.headers,
      ...(request.body !== undefined && { body: request.body }),
      ...(json !== undefined && { json }),
    },
    ...(response && { response: recordedResponse(response) }),
  };
}
