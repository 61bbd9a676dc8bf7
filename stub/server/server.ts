/**
 * The HTTP transport of the front door: Node's http server on 127.0.0.1 by default. It reads
 * each request into the engine's plain StubRequest, answers CORS preflights and the admin API
 * itself, and hands everything else to the transport-neutral front door
 * (stub/front-door/answer.ts: login session, X-Pact-Provider-State, the Open edX auth paths, the
 * engine), which the msw handlers share. It adds credentialed CORS headers for allowed origins,
 * logs, and records every request in the journal. A bad request gets a 4xx problem and the
 * server keeps serving.
 *
 * Every request pays for what happens here, so it does only what the request needs: no body
 * read when none is announced, no promise when the responder answers at once, the journal's
 * date formatted when the journal is read, log lines built only when they are printed.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  PROBLEM_CONTENT_TYPE,
  type Problem,
  problemResponse,
  type StateOverride,
  type StubRequest,
  type StubResponse,
} from '../engine';
import { answerRequest, type FrontDoorAnswer, refuse, splitTarget } from '../front-door/answer';
import { explainProblem } from '../front-door/explain';
import { createOriginPolicy, type OriginPolicy } from '../front-door/origin-policy';
import { problem } from '../front-door/problems';
import { type BackendProfile, genericProfile } from '../profiles';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import { adminRefusal } from './admin-guard';
import { ADMIN_PAGE_BARE } from './admin-page';
import { createBaseUrlResolver } from './base-url';
import { corsPreflightHeaders, withCorsHeaders } from './cors';
import { EVENTS_PATH, openEventStream } from './events';
import { createHostCheck, stubHostNames } from './host-check';
import { type JournalRecord, sentRequest } from './journal';
import type { Logger } from './logger';
import { type ServedSet, StubRuntime } from './runtime';

export interface StubServerOptions {
  served: ServedSet;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Starting persona; defaults to the persona file's default. */
  persona?: string;
  /** Starting provider-state override (--state). */
  state?: StateOverride;
  /** Extra allowed origins (--origin). */
  origins?: string[];
  /** More host names the stub answers to (--allowed-host, the --tutor preset's local.openedx.io),
   *  besides the loopback names, the bound host and the hosts of the allowed origins: a request
   *  whose Host names one gets links, redirects and cookies on that name. */
  allowedHosts?: string[];
  /** The Domain of the login cookies (--cookie-domain), for requests that reached the stub by
   *  a name inside it. */
  cookieDomain?: string;
  /** The backend served: its own routes (the LMS's login pages) answer before the pacts.
   *  Default: the generic profile (the pacts answer everything). */
  profile?: BackendProfile;
  /** Another backend's server of the same `npm start`: this one shares its journal, active
   *  persona and state (the login session is the browser's cookie, shared by every port). */
  shareWith?: StubServer;
  /** Name the backend in each journal entry (when one `npm start` serves several). */
  labelJournal?: boolean;
  log: Logger;
  maxBodyBytes?: number;
  maxHeaderBytes?: number;
  /** How long a client may take to send a whole request, body included (Node's default is
   *  300 s: a slow client would hold a connection that long). */
  requestTimeoutMs?: number;
  /** How long it may take to send the request line and headers. */
  headersTimeoutMs?: number;
  /** How many bytes of each request body the journal keeps (--journal-body-bytes). */
  journalBodyBytes?: number;
  /** Keep Cookie and Authorization values in the journal (--journal-credentials). */
  journalCredentials?: boolean;
}

export interface StubServer {
  readonly url: string;
  readonly port: number;
  readonly runtime: StubRuntime;
  readonly cors: OriginPolicy;
  /** Serves a new set; `changed` names the file whose change caused it (--watch). */
  replace(served: ServedSet, changed?: string): void;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;
const DEFAULT_MAX_HEADERS = 16 * 1024;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;

/** A problem written straight to a socket: for what never becomes a request (unparseable
 *  bytes, a timeout, CONNECT). */
function rawProblem(p: Problem, reason: string): string {
  const body = JSON.stringify(p);
  return (
    `HTTP/1.1 ${p.status} ${reason}\r\n` +
    `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}
/** Disallowed origins are warned about once each; past this many, each is warned about again
 *  rather than remembered forever. */
const MAX_WARNED_ORIGINS = 1000;
/** Distinct ambiguous requests warned about, at most (the log stays bounded). */
const MAX_AMBIGUITY_WARNINGS = 1000;

/** The path of a request target, without its query. */
const pathOf = (url: string) => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

/** The journal's summary of a problem: its code, detail and closest interactions. */
const problemSummary = (p: Problem): NonNullable<JournalRecord['problem']> => {
  const closest = p.closest ?? p.candidates;
  return closest === undefined
    ? { code: p.code, detail: p.detail }
    : { code: p.code, detail: p.detail, closest };
};

/** A response, and the journal fields known once it is chosen (the rest are added as it goes). */
interface Answered {
  response: StubResponse;
  entry: Partial<JournalRecord> & { persona: string };
  /** The request body, when one was read. */
  body?: Uint8Array;
}

/** The journal fields of a front-door answer. */
function fromAnswer({ response, record }: FrontDoorAnswer): Answered {
  const entry: Answered['entry'] = {
    outcome: record.outcome,
    persona: record.persona,
  };
  if (record.interaction) entry.interaction = record.interaction;
  if (record.tier) entry.tier = record.tier;
  // The engine's own frozen object, kept as it is: no copy on the hot path.
  if (record.stateParams) entry.stateParams = record.stateParams;
  if (record.problem) entry.problem = problemSummary(record.problem);
  if (record.note !== undefined) entry.note = record.note;
  if (record.ambiguity !== undefined) entry.warning = record.ambiguity;
  return { response, entry };
}

/** The admin page and the endpoints added for it are for the stub's own origin: no CORS. */
const SAME_ORIGIN_ONLY = new Set([
  '/__stub',
  '/__stub/',
  '/__stub/page.js',
  '/__stub/page.css',
  '/__stub/served',
]);
const isSameOriginOnly = (url: string) =>
  url.startsWith(ADMIN_PREFIX) || url === '/__stub'
    ? SAME_ORIGIN_ONLY.has(url.split('?')[0] as string)
    : false;

class TooLargeError extends Error {}

/** A body the stub need not read: what it reads of it is dropped, only its size is kept. */
const DRAINED = Symbol('drained');
/** Up to this many bytes, a body nothing can match is still kept whole, so the explanation of
 *  the miss and the journal have it; past it, the rest is dropped as it arrives. */
const UNMATCHABLE_BODY_KEPT = 64 * 1024;

/**
 * Reads a body up to `limit` bytes (over it: TooLargeError). With `drainOver`, a body longer
 * than that is not kept at all: its bytes are counted and dropped as they arrive, and the
 * result is DRAINED with its size, whatever `limit` says.
 */
function readBody(
  req: http.IncomingMessage,
  limit: number,
  drainOver?: number,
): Promise<Buffer | { [DRAINED]: number }> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | undefined = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (chunks === undefined) return;
      if (drainOver !== undefined && size > drainOver) {
        chunks = undefined;
        return;
      }
      if (size > limit) {
        reject(new TooLargeError(`the body is over ${limit} bytes`));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (chunks === undefined) resolve({ [DRAINED]: size });
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Whether the request says it has a body; most (GET) do not, and skip reading one. */
function announcesBody(headers: Record<string, string>): boolean {
  const length = headers['content-length'];
  return length === undefined ? headers['transfer-encoding'] !== undefined : length !== '0';
}

/** Node's parsed headers (lower-cased names), used as they are: Node already joins repeated
 *  headers into one value, except `set-cookie`, which it keeps as a list. */
function requestHeaders(req: http.IncomingMessage): Record<string, string> {
  const headers = req.headers as Record<string, string | string[]>;
  const setCookie = headers['set-cookie'];
  if (Array.isArray(setCookie)) headers['set-cookie'] = setCookie.join(', ');
  return headers as Record<string, string>;
}

/** The active state, where this backend's interactions declare it: one `npm start` shares it
 *  between backends, and a backend that knows nothing of it answers by persona instead. */
function servedState(runtime: StubRuntime): StateOverride | undefined {
  const state = runtime.activeState;
  return state && runtime.stateNames().has(state.name) ? state : undefined;
}

export function startStubServer(options: StubServerOptions): Promise<StubServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const profile = options.profile ?? genericProfile('lms');
  const cors = createOriginPolicy(options.origins ?? []);
  const runtime = new StubRuntime(
    options.served,
    options.persona ?? options.served.personas.defaultPersona,
    options.state,
    log,
    options.journalBodyBytes,
    options.shareWith?.runtime,
  );
  const routes = profile.routes?.({
    personas: () => runtime.personas(),
    allowRedirect: (target) => cors.decide(target.origin).allowed,
    ...(options.cookieDomain !== undefined && { cookieDomain: options.cookieDomain }),
  });
  const warnedOrigins = new Set<string>();
  const hostNames = stubHostNames({
    host,
    originHosts: cors.hosts(),
    allowedHosts: options.allowedHosts ?? [],
  });
  const checkHost = createHostCheck(hostNames);
  const warnedHosts = new Set<string>();
  const keepCredentials = options.journalCredentials ?? false;

  /** Answers everything but CORS preflights: a bad query, the admin API, then the front door. */
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
    let body: Buffer | undefined;
    let drained: number | undefined;
    if (announcesBody(headers)) {
      // When no interaction has this method and path, the body cannot change the answer: a big
      // one is dropped as it arrives instead of being held, parsed and compared.
      const unmatchable =
        runtime.mayAnswer !== undefined &&
        !target.path.startsWith(ADMIN_PREFIX) &&
        !routes?.owns(target.path) &&
        !runtime.mayAnswer(method, target.path);
      try {
        const read = await readBody(req, maxBody, unmatchable ? UNMATCHABLE_BODY_KEPT : undefined);
        if (Buffer.isBuffer(read)) body = read;
        else drained = read[DRAINED];
      } catch (error) {
        if (!(error instanceof TooLargeError)) throw error;
        res.setHeader('Connection', 'close');
        const p = problem(
          'PAYLOAD_TOO_LARGE',
          `${method} ${target.path}: ${error.message}. The stub accepts bodies up to ${maxBody} bytes.`,
        );
        return explained(method, url, refuse(p, persona));
      }
    }
    if (body?.length === 0) body = undefined;
    const request: StubRequest = { method, path: target.path, query: target.query, headers };
    if (body) request.body = body;
    if (target.path.startsWith(ADMIN_PREFIX) || target.path === ADMIN_PAGE_BARE)
      return {
        response: handleAdmin(request, runtime),
        entry: { outcome: 'admin', persona },
        body,
      };
    const answered = answerRequest(request, {
      responder: runtime.responder,
      personas: runtime.personas(),
      routes,
      activePersona: persona,
      activeState: servedState(runtime),
      baseUrl: baseUrlOf(headers.host),
    });
    const settled = explained(method, url, answered instanceof Promise ? await answered : answered);
    settled.body = body;
    if (drained !== undefined)
      settled.entry.note = `body of ${drained} bytes dropped unread: no interaction has this method and path`;
    return settled;
  }

  const warnedAmbiguity = new Set<string>();

  /** Logs what the terminal shows of an answer (generator warnings, the explanation of a
   *  request no contract answers) and returns its journal fields. */
  function explained(method: string, url: string, answered: FrontDoorAnswer): Answered {
    const { record } = answered;
    // An ambiguous request is logged once (per answering interaction), not on every repeat.
    if (record.ambiguity !== undefined && record.interaction) {
      const key = `${method} ${url.split('?')[0]} ${record.interaction.id}`;
      if (!warnedAmbiguity.has(key) && warnedAmbiguity.size < MAX_AMBIGUITY_WARNINGS) {
        warnedAmbiguity.add(key);
        log.warn(`${method} ${url}: ${record.ambiguity}.`);
      }
    }
    if (record.warnings)
      for (const warning of record.warnings)
        log.warn(`${method} ${url} ("${record.interaction?.description}"): ${warning}.`);
    if (record.problem) {
      const block = explainProblem(method, url, record.problem, 'terminal');
      if (record.outcome === 'bad-request') log.warn(block);
      else log.error(block);
    }
    return fromAnswer(answered);
  }

  /** The Host the client used when it names this stub, so generated URLs (and cookies) stay
   *  on the host it knows; the bound URL otherwise (set once the server listens). */
  let baseUrlOf: (host: string | undefined) => string = () => runtime.url;

  async function respond(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const headers = requestHeaders(req);
    const origin = headers.origin;
    const decision = origin === undefined ? undefined : cors.decide(origin);
    const persona = runtime.activePersona;
    if (method === 'GET' && url === EVENTS_PATH) {
      // The admin page's live journal: a stream held open, neither journaled nor CORS'd.
      openEventStream(req, res, runtime, baseUrlOf(headers.host));
      return;
    }
    let response: StubResponse;
    let entry: Answered['entry'];
    let body: Uint8Array | undefined;

    if (origin !== undefined && decision && !decision.allowed && !warnedOrigins.has(origin)) {
      if (warnedOrigins.size < MAX_WARNED_ORIGINS) warnedOrigins.add(origin);
      log.warn(`No CORS headers for ${origin}: ${decision.reason}.`);
    }
    const preflightMethod =
      method === 'OPTIONS' && origin !== undefined
        ? headers['access-control-request-method']
        : undefined;
    // Refused before anything else is read: a Host the stub does not answer to (DNS
    // rebinding), an admin request another site's page could have sent (CSRF).
    const refusal =
      checkHost(headers.host).problem ??
      (url.startsWith(ADMIN_PREFIX) ? adminRefusal(method, pathOf(url), headers) : undefined);
    try {
      if (refusal !== undefined) {
        response = problemResponse(refusal);
        entry = { outcome: 'refused', persona, problem: problemSummary(refusal) };
        const key = `${refusal.code} ${headers.host} ${origin}`;
        if (!warnedHosts.has(key)) {
          if (warnedHosts.size < MAX_WARNED_ORIGINS) warnedHosts.add(key);
          log.warn(`${refusal.status} ${method} ${url}: ${refusal.detail}`);
        }
      } else if (preflightMethod !== undefined && origin !== undefined) {
        if (decision?.allowed) {
          response = {
            status: 204,
            headers: corsPreflightHeaders(
              origin,
              preflightMethod,
              headers['access-control-request-headers'],
            ),
          };
          entry = { outcome: 'preflight', persona };
        } else {
          response = problemResponse(
            problem('ORIGIN_NOT_ALLOWED', `${decision?.reason ?? 'origin not allowed'}.`),
          );
          entry = { outcome: 'preflight', persona, note: 'origin not allowed' };
        }
      } else {
        ({ response, entry, body } = await answer(req, res, method, url, headers, persona));
      }
    } catch (error) {
      log.error(
        `Failed to answer ${method} ${url}: ${(error as Error).stack ?? String(error)}. This is a bug of the stub; the server keeps serving.`,
      );
      response = {
        status: 500,
        headers: { 'Content-Type': ['text/plain'] },
        body: 'The stub failed on this request; see its terminal.\n',
      };
      entry = { outcome: 'error', persona, note: String(error) };
    }

    const outHeaders =
      origin !== undefined &&
      decision?.allowed &&
      preflightMethod === undefined &&
      refusal === undefined &&
      !isSameOriginOnly(url)
        ? withCorsHeaders(response.headers, origin)
        : response.headers;
    // setHeader, not writeHead(status, headers): end() then still knows the body and sends a
    // Content-Length (writeHead would commit to chunked encoding first).
    res.statusCode = response.status;
    for (const name in outHeaders) {
      const values = outHeaders[name] as string[];
      res.setHeader(name, values.length === 1 ? (values[0] as string) : values);
    }
    res.end(response.body);

    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    const record = entry as JournalRecord;
    record.timeMs = Date.now();
    record.method = method;
    record.url = url;
    record.status = response.status;
    record.durationMs = durationMs;
    if (origin !== undefined) record.origin = origin;
    if (options.labelJournal) record.backend = profile.provider;
    record.request = sentRequest(headers, body, runtime.journalBodyBytes, keepCredentials);
    runtime.journal.record(record);
    if (log.level === 'info' || log.level === 'debug') {
      if (record.outcome === 'matched' || record.outcome === 'auth') {
        const what = record.interaction
          ? ` "${record.interaction.description}"`
          : record.note
            ? ` (${record.note})`
            : '';
        log.info(
          `${method} ${url} → ${response.status}${what} [${record.persona}] ${durationMs} ms`,
        );
      } else {
        log.debug(`${method} ${url} → ${response.status} (${record.outcome}) ${durationMs} ms`);
      }
    }
  }

  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(
    options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
    requestTimeout,
  );
  const server = http.createServer(
    {
      maxHeaderSize: options.maxHeaderBytes ?? DEFAULT_MAX_HEADERS,
      requestTimeout,
      headersTimeout,
      // Node checks the timeouts above this often (30 s by default, which would stretch them).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))),
    },
    (req, res) => {
      respond(req, res).catch((error) => {
        log.error(`Failed to answer ${req.method} ${req.url}: ${String(error)}.`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    },
  );

  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      const p = problem(
        'REQUEST_TIMEOUT',
        `The request was not complete within ${requestTimeout} ms (headers within ${headersTimeout} ms); the stub closed the connection.`,
      );
      log.warn(`Closed a connection: ${p.detail}`);
      socket.end(rawProblem(p, 'Request Timeout'));
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const p = tooLarge
      ? problem(
          'HEADERS_TOO_LARGE',
          `The request headers are over ${options.maxHeaderBytes ?? DEFAULT_MAX_HEADERS} bytes.`,
        )
      : problem(
          'MALFORMED_REQUEST',
          `The request could not be parsed as HTTP (${error.code ?? error.message}): e.g. an unknown method or a bad request line.`,
        );
    log.warn(`Rejected a request that is not valid HTTP: ${p.detail}`);
    socket.end(rawProblem(p, tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'));
  });

  // CONNECT asks for a tunnel; without this listener Node drops the connection unanswered.
  server.on('connect', (req: http.IncomingMessage, socket: Duplex) => {
    const p = problem(
      'METHOD_NOT_ALLOWED',
      `CONNECT ${req.url}: the stub is not a proxy. Point the client at the stub's URL itself.`,
    );
    log.warn(`Refused CONNECT ${req.url}: the stub is not a proxy.`);
    socket.on('error', () => socket.destroy());
    socket.end(rawProblem(p, 'Method Not Allowed'));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 18000, host, () => {
      server.off('error', reject);
      server.on('error', (error) => log.error(`Server error: ${String(error)}.`));
      const { port } = server.address() as AddressInfo;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      runtime.url = url;
      baseUrlOf = createBaseUrlResolver({ boundUrl: url, port, host, allowedHosts: hostNames });
      resolve({
        url,
        port,
        runtime,
        cors,
        replace: (served, changed) => runtime.replace(served, changed),
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
