/**
 * One HTTP request, start to journal: refused at the door (a Host the stub does not answer to,
 * an admin request another site could have sent), a CORS preflight, the admin API, or the
 * transport-neutral front door (stub/front-door/answer.ts) for everything else; then the
 * response is written with credentialed CORS headers for an allowed origin, and the request's
 * record (one object from the answer to the core's recorder: stub/front-door/record.ts) is
 * completed and recorded. A bad request gets a 4xx problem and the server keeps serving.
 *
 * Every request pays for what happens here, so it does only what the request needs: no body
 * read when none is announced, no promise when the responder answers at once, the journal's
 * date formatted when the journal is read, log lines built only when they are printed.
 */
import type * as http from 'node:http';
import {
  type Problem,
  problemResponse,
  type StateOverride,
  type StubRequest,
  type StubResponse,
} from '../engine';
import { answerRequest, type FrontDoorAnswer, refuse, splitTarget } from '../front-door/answer';
import { explainProblem } from '../front-door/explain';
import type { OriginDecision, OriginPolicy } from '../front-door/origin-policy';
import { problem } from '../front-door/problems';
import { type AnsweredRecord, type RequestRecord, sentRequest } from '../front-door/record';
import type { ProfileRoutes } from '../profiles/types';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import { adminRefusal } from './admin-guard';
import { ADMIN_PAGE_BARE } from './admin-page';
import { corsPreflightHeaders, withCorsHeaders } from './cors';
import { EVENTS_PATH, openEventStream } from './events';
import type { createHostCheck } from './host-check';
import type { Logger } from './logger';
import {
  announcesBody,
  DRAINED,
  readBody,
  requestHeaders,
  TooLargeError,
  UNMATCHABLE_BODY_KEPT,
} from './request-body';
import type { StubRuntime } from './runtime';

export interface RespondContext {
  runtime: StubRuntime;
  log: Logger;
  origins: OriginPolicy;
  /** The backend profile's own routes (the LMS's login pages). */
  routes: ProfileRoutes | undefined;
  checkHost: ReturnType<typeof createHostCheck>;
  maxBodyBytes: number;
  keepCredentials: boolean;
  /** Set when one `npm start` serves several backends: the journal names this one. */
  backend: string | undefined;
  /** The stub's base URL for a request's Host (set once the server listens). */
  baseUrlOf: (host: string | undefined) => string;
}

/** Warned-about things are remembered up to this many each (the log stays bounded); past it,
 *  each is warned about again rather than remembered forever. */
const MAX_WARNED = 1000;

/** A bounded "first time?" check, for warnings logged once per origin, Host or request. */
function firstTime(): (key: string) => boolean {
  const seen = new Set<string>();
  return (key) => {
    if (seen.has(key)) return false;
    if (seen.size < MAX_WARNED) seen.add(key);
    return true;
  };
}

/** The path of a request target, without its query. */
const pathOf = (url: string) => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

/** The admin page and the endpoints added for it are for the stub's own origin: no CORS. */
const SAME_ORIGIN_ONLY = new Set([
  '/__stub',
  '/__stub/',
  '/__stub/page.js',
  '/__stub/page.css',
  '/__stub/served',
]);
const isSameOriginOnly = (url: string) =>
  url.startsWith(ADMIN_PREFIX) || url === '/__stub' ? SAME_ORIGIN_ONLY.has(pathOf(url)) : false;

/** A response, what to record of it, and the request body when one was read. */
interface Answered {
  response: StubResponse;
  record: AnsweredRecord;
  body?: Uint8Array;
}

/** The active state, where this backend's interactions declare it: one `npm start` shares it
 *  between backends, and a backend that knows nothing of it answers by persona instead. */
function servedState(runtime: StubRuntime): StateOverride | undefined {
  const state = runtime.activeState;
  return state && runtime.stateNames().has(state.name) ? state : undefined;
}

export function createRespond(
  context: RespondContext,
): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  const { runtime, log, origins, routes } = context;
  const warnOrigin = firstTime();
  const warnRefusal = firstTime();
  const warnAmbiguity = firstTime();

  /** Logs what the terminal shows of an answer: an ambiguity (once per answering
   *  interaction), generator warnings, the explanation of a request no contract answers. */
  function logAnswer(method: string, url: string, { record }: FrontDoorAnswer): void {
    if (
      record.ambiguity !== undefined &&
      record.interaction &&
      warnAmbiguity(`${method} ${pathOf(url)} ${record.interaction.id}`)
    )
      log.warn(`${method} ${url}: ${record.ambiguity}.`);
    if (record.warnings)
      for (const warning of record.warnings)
        log.warn(`${method} ${url} ("${record.interaction?.description}"): ${warning}.`);
    if (record.problem) {
      const block = explainProblem(method, url, record.problem, 'terminal');
      if (record.outcome === 'bad-request') log.warn(block);
      else log.error(block);
    }
  }

  const explained = (method: string, url: string, answer: FrontDoorAnswer): Answered => {
    logAnswer(method, url, answer);
    return answer;
  };

  /** Reads the body when one is announced: kept, dropped unread when no interaction can
   *  match it, or refused when too large. */
  async function bodyOf(
    req: http.IncomingMessage,
    method: string,
    path: string,
    headers: Record<string, string>,
  ): Promise<{ body?: Buffer; drained?: number } | { tooLarge: string }> {
    if (!announcesBody(headers)) return {};
    // When no interaction has this method and path, the body cannot change the answer: a big
    // one is dropped as it arrives instead of being held, parsed and compared.
    const unmatchable =
      runtime.mayAnswer !== undefined &&
      !path.startsWith(ADMIN_PREFIX) &&
      !routes?.owns(path) &&
      !runtime.mayAnswer(method, path);
    try {
      const read = await readBody(
        req,
        context.maxBodyBytes,
        unmatchable ? UNMATCHABLE_BODY_KEPT : undefined,
      );
      if (!Buffer.isBuffer(read)) return { drained: read[DRAINED] };
      return read.length === 0 ? {} : { body: read };
    } catch (error) {
      if (!(error instanceof TooLargeError)) throw error;
      return { tooLarge: error.message };
    }
  }

  /** Answers everything past the door: a bad query, the admin API, then the front door. */
  async function answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    url: string,
    headers: Record<string, string>,
    persona: string,
  ): Promise<Answered> {
    const target = splitTarget(method, url);
    if ('problem' in target) return explained(method, url, refuse(target.problem, persona));
    const read = await bodyOf(req, method, target.path, headers);
    if ('tooLarge' in read) {
      res.setHeader('Connection', 'close');
      const p = problem(
        'PAYLOAD_TOO_LARGE',
        `${method} ${target.path}: ${read.tooLarge}. The stub accepts bodies up to ${context.maxBodyBytes} bytes.`,
      );
      return explained(method, url, refuse(p, persona));
    }
    const { body } = read;
    const request: StubRequest = { method, path: target.path, query: target.query, headers };
    if (body) request.body = body;
    if (target.path.startsWith(ADMIN_PREFIX) || target.path === ADMIN_PAGE_BARE)
      return {
        response: handleAdmin(request, runtime),
        record: { outcome: 'admin', persona },
        body,
      };
    const answered = answerRequest(request, {
      responder: runtime.responder,
      personas: runtime.personas(),
      routes,
      activePersona: persona,
      activeState: servedState(runtime),
      baseUrl: context.baseUrlOf(headers.host),
    });
    const settled: Answered = explained(
      method,
      url,
      answered instanceof Promise ? await answered : answered,
    );
    settled.body = body;
    if (read.drained !== undefined)
      settled.record.note = `body of ${read.drained} bytes dropped unread: no interaction has this method and path`;
    return settled;
  }

  /** A CORS preflight: allowed origins get the method and headers they asked for. */
  function preflight(
    origin: string,
    decision: OriginDecision | undefined,
    method: string,
    headers: Record<string, string>,
    persona: string,
  ): Answered {
    if (!decision?.allowed)
      return {
        response: problemResponse(
          problem('ORIGIN_NOT_ALLOWED', `${decision?.reason ?? 'origin not allowed'}.`),
        ),
        record: { outcome: 'preflight', persona, note: 'origin not allowed' },
      };
    return {
      response: {
        status: 204,
        headers: corsPreflightHeaders(origin, method, headers['access-control-request-headers']),
      },
      record: { outcome: 'preflight', persona },
    };
  }

  function refused(
    refusal: Problem,
    method: string,
    url: string,
    headers: Record<string, string>,
    persona: string,
  ): Answered {
    if (warnRefusal(`${refusal.code} ${headers.host} ${headers.origin}`))
      log.warn(`${refusal.status} ${method} ${url}: ${refusal.detail}`);
    return {
      response: problemResponse(refusal),
      record: { outcome: 'refused', persona, problem: refusal },
    };
  }

  function write(res: http.ServerResponse, response: StubResponse, corsOrigin: string | undefined) {
    const headers =
      corsOrigin === undefined ? response.headers : withCorsHeaders(response.headers, corsOrigin);
    // setHeader, not writeHead(status, headers): end() then still knows the body and sends a
    // Content-Length (writeHead would commit to chunked encoding first).
    res.statusCode = response.status;
    for (const name in headers) {
      const values = headers[name] as string[];
      res.setHeader(name, values.length === 1 ? (values[0] as string) : values);
    }
    res.end(response.body);
  }

  /** Completes the answer's record with what the transport saw, and hands it to the core. */
  function complete(
    answered: Answered,
    seen: { started: number; method: string; url: string; headers: Record<string, string> },
  ): RequestRecord {
    const { method, url, headers } = seen;
    const completed: RequestRecord = Object.assign(answered.record, {
      timeMs: Date.now(),
      method,
      url,
      status: answered.response.status,
      durationMs: Math.round((performance.now() - seen.started) * 100) / 100,
      request: sentRequest(
        headers,
        answered.body,
        runtime.journalBodyBytes,
        context.keepCredentials,
      ),
    });
    if (headers.origin !== undefined) completed.origin = headers.origin;
    if (context.backend !== undefined) completed.backend = context.backend;
    return runtime.core.recorder.record(completed);
  }

  function logLine(record: RequestRecord): void {
    const { method, url, status, durationMs } = record;
    if (record.outcome === 'matched' || record.outcome === 'auth') {
      const what = record.interaction
        ? ` "${record.interaction.description}"`
        : record.note
          ? ` (${record.note})`
          : '';
      log.info(`${method} ${url} → ${status}${what} [${record.persona}] ${durationMs} ms`);
    } else {
      log.debug(`${method} ${url} → ${status} (${record.outcome}) ${durationMs} ms`);
    }
  }

  return async function respond(req, res) {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const headers = requestHeaders(req);
    if (method === 'GET' && url === EVENTS_PATH) {
      // The admin page's live journal: a stream held open, neither journaled nor CORS'd.
      openEventStream(req, res, runtime, context.baseUrlOf(headers.host));
      return;
    }
    const origin = headers.origin;
    const decision = origin === undefined ? undefined : origins.decide(origin);
    if (origin !== undefined && decision && !decision.allowed && warnOrigin(origin))
      log.warn(`No CORS headers for ${origin}: ${decision.reason}.`);
    const persona = runtime.activePersona;
    const preflightMethod =
      method === 'OPTIONS' && origin !== undefined
        ? headers['access-control-request-method']
        : undefined;
    // Refused before anything else is read: a Host the stub does not answer to (DNS
    // rebinding), an admin request another site's page could have sent (CSRF).
    const refusal =
      context.checkHost(headers.host).problem ??
      (url.startsWith(ADMIN_PREFIX) ? adminRefusal(method, pathOf(url), headers) : undefined);
    let answered: Answered;
    try {
      if (refusal !== undefined) answered = refused(refusal, method, url, headers, persona);
      else if (preflightMethod !== undefined && origin !== undefined)
        answered = preflight(origin, decision, preflightMethod, headers, persona);
      else answered = await answer(req, res, method, url, headers, persona);
    } catch (error) {
      log.error(
        `Failed to answer ${method} ${url}: ${(error as Error).stack ?? String(error)}. This is a bug of the stub; the server keeps serving.`,
      );
      answered = {
        response: {
          status: 500,
          headers: { 'Content-Type': ['text/plain'] },
          body: 'The stub failed on this request; see its terminal.\n',
        },
        record: { outcome: 'error', persona, note: String(error) },
      };
    }
    const withCors =
      decision?.allowed &&
      preflightMethod === undefined &&
      refusal === undefined &&
      !isSameOriginOnly(url);
    write(res, answered.response, withCors ? origin : undefined);
    const recorded = complete(answered, { started, method, url, headers });
    if (log.level === 'info' || log.level === 'debug') logLine(recorded);
  };
}
