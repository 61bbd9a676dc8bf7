/**
 * What the handlers saw and answered, in order, so a test can assert what its code sent
 * (the request), which contract answered (the interaction) and what came back (the response).
 */
import type {
  InteractionSummary,
  JsonValue,
  Problem,
  SelectionTier,
  StubRequest,
  StubResponse,
} from '../engine';
import type { AnswerOutcome } from '../front-door/answer';
import { bodyText } from './fetch-conversion';

/** What answered a call: `matched` (an interaction), `auth` (the Open edX auth bootstrap), or
 *  why nothing did: `unmatched`, `ambiguous`, `bad-request`. The front door's own outcomes. */
export type CallOutcome = AnswerOutcome;

/** What the handlers did with a request the contracts do not answer (see `onUnmatched`). */
export type UnmatchedHandling = 'failed' | 'answered' | 'bypassed';

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

/** The request as the client sent it (`url` in full, the rest as the engine read it). */
export function recordRequest(url: string, stub: StubRequest): RecordedRequest {
  const body = bodyText(stub.body);
  const json = parseJsonBody(body, stub.headers['content-type']);
  return {
    method: stub.method,
    url,
    path: stub.path,
    query: stub.query,
    headers: stub.headers,
    ...(body !== undefined && { body }),
    ...(json !== undefined && { json }),
  };
}

export function recordResponse(response: StubResponse): RecordedResponse {
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

export class CallRecorder {
  private recorded: RecordedCall[] = [];

  record(call: Omit<RecordedCall, 'seq'>): RecordedCall {
    const full = { seq: this.recorded.length + 1, ...call };
    this.recorded.push(full);
    return full;
  }

  /** A copy, oldest first: later requests do not change an array a test already holds. */
  list(): RecordedCall[] {
    return [...this.recorded];
  }

  clear(): void {
    this.recorded = [];
  }
}
