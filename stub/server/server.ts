/**
 * The HTTP front door: Node's http server on 127.0.0.1 by default. It turns each request into
 * the engine's plain StubRequest, answers CORS preflights, the admin API and the Open edX auth
 * paths itself, asks the responder for everything else, adds credentialed CORS headers for
 * allowed origins, and records every request in the journal. A bad request gets a 4xx problem
 * and the server keeps serving.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BadQueryEncodingError,
  type HandleResult,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  parseQueryString,
  problem,
  problemResponse,
  type StateOverride,
  type StubRequest,
  type StubResponse,
  stateOverrideFromHeaders,
} from '../engine';
import { AUTH_PATHS, createOpenedxAuth } from '../openedx/auth';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import {
  type CorsPolicy,
  corsPreflightHeaders,
  corsResponseHeaders,
  createCorsPolicy,
} from './cors';
import type { JournalEntry } from './journal';
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
  /** Serve the Open edX login bootstrap (/login, /logout, /login_refresh). */
  openedx?: boolean;
  log: Logger;
  maxBodyBytes?: number;
  maxHeaderBytes?: number;
}

export interface StubServer {
  readonly url: string;
  readonly port: number;
  readonly runtime: StubRuntime;
  readonly cors: CorsPolicy;
  replace(served: ServedSet): void;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;
const DEFAULT_MAX_HEADERS = 16 * 1024;

class TooLargeError extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new TooLargeError(`the body is over ${limit} bytes`));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function flatHeaders(req: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function formatUnmatched(method: string, url: string, p: Problem): string {
  const lines = [`${p.status} ${method} ${url}: ${p.title.toLowerCase()} (${p.code}).`, p.detail];
  const closest = (p.closest ?? p.candidates) as
    | Array<{ description: string; source: string; reasons?: string[] }>
    | undefined;
  closest?.forEach((c, i) => {
    lines.push(`  ${i + 1}. "${c.description}" (${c.source})`);
    for (const reason of c.reasons ?? []) lines.push(`       - ${reason}`);
  });
  return lines.join('\n');
}

export function startStubServer(options: StubServerOptions): Promise<StubServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const cors = createCorsPolicy(options.origins ?? []);
  const runtime = new StubRuntime(
    options.served,
    options.persona ?? options.served.personas.defaultPersona,
    options.state,
    log,
  );
  const auth = createOpenedxAuth({
    personas: () => runtime.personas(),
    allowRedirect: (target) => cors.decide(target.origin).allowed,
  });
  const warnedOrigins = new Set<string>();

  async function respond(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const headers = flatHeaders(req);
    const origin = headers.origin;
    const decision = origin ? cors.decide(origin) : undefined;
    let persona = runtime.activePersona;
    let entry: Omit<
      JournalEntry,
      'seq' | 'time' | 'method' | 'url' | 'status' | 'durationMs' | 'persona'
    > = { outcome: 'error' };
    let response: StubResponse;

    try {
      if (origin && decision && !decision.allowed && !warnedOrigins.has(origin)) {
        warnedOrigins.add(origin);
        log.warn(`No CORS headers for ${origin}: ${decision.reason}.`);
      }
      const preflightMethod = headers['access-control-request-method'];
      if (method === 'OPTIONS' && origin && preflightMethod) {
        if (decision?.allowed) {
          response = {
            status: 204,
            headers: corsPreflightHeaders(
              origin,
              preflightMethod,
              headers['access-control-request-headers'],
            ),
          };
          entry = { outcome: 'preflight' };
        } else {
          response = problemResponse(
            problem('ORIGIN_NOT_ALLOWED', `${decision?.reason ?? 'origin not allowed'}.`),
          );
          entry = { outcome: 'preflight', note: 'origin not allowed' };
        }
      } else {
        const q = url.indexOf('?');
        const path = q === -1 ? url : url.slice(0, q);
        let query: Record<string, string[]>;
        try {
          query = parseQueryString(q === -1 ? '' : url.slice(q + 1));
        } catch (error) {
          if (!(error instanceof BadQueryEncodingError)) throw error;
          const p = problem('MALFORMED_REQUEST', `${method} ${url}: ${error.message}.`);
          throw Object.assign(new Error(p.detail), { problem: p });
        }
        let body: Buffer;
        try {
          body = await readBody(req, maxBody);
        } catch (error) {
          if (!(error instanceof TooLargeError)) throw error;
          res.setHeader('Connection', 'close');
          const p = problem(
            'PAYLOAD_TOO_LARGE',
            `${method} ${path}: ${error.message}. The stub accepts bodies up to ${maxBody} bytes.`,
          );
          throw Object.assign(new Error(p.detail), { problem: p });
        }
        const request: StubRequest = {
          method,
          path,
          query,
          headers,
          ...(body.length > 0 && { body: new Uint8Array(body) }),
        };
        // The Host the client used, so generated URLs (and cookies) stay on the host it knows.
        const baseUrl = /^[A-Za-z0-9.[\]:-]+$/.test(headers.host ?? '')
          ? `http://${headers.host}`
          : runtime.url;

        if (path.startsWith(ADMIN_PREFIX)) {
          response = handleAdmin(request, runtime);
          entry = { outcome: 'admin' };
        } else {
          persona = auth.sessionPersona(request) ?? runtime.activePersona;
          const override = stateOverrideFromHeaders(headers);
          if ('problem' in override) {
            response = problemResponse(override.problem);
            entry = {
              outcome: 'bad-request',
              problem: { code: override.problem.code, detail: override.problem.detail },
            };
          } else {
            const context = {
              persona,
              baseUrl,
              ...((override.override ?? runtime.activeState) && {
                state: override.override ?? runtime.activeState,
              }),
            };
            const outcome =
              options.openedx && (AUTH_PATHS as readonly string[]).includes(path)
                ? await auth.handle(request, context, runtime.responder, runtime.activePersona)
                : undefined;
            let result: HandleResult | undefined;
            if (outcome) {
              response = outcome.response;
              result = outcome.result;
              entry = { outcome: 'auth', note: outcome.note };
            } else {
              result = await runtime.responder.handle(request, context);
              response =
                result.kind === 'matched' ? result.response : problemResponse(result.problem);
            }
            if (result?.kind === 'matched') {
              entry = {
                ...entry,
                outcome: outcome ? 'auth' : 'matched',
                interaction: result.interaction,
                tier: result.tier,
              };
              for (const warning of result.warnings)
                log.warn(`${method} ${url} ("${result.interaction.description}"): ${warning}.`);
            } else if (result) {
              entry = {
                ...entry,
                outcome: result.kind,
                problem: {
                  code: result.problem.code,
                  detail: result.problem.detail,
                  closest: result.problem.closest ?? result.problem.candidates,
                },
              };
              const block = formatUnmatched(method, url, result.problem);
              if (result.kind === 'bad-request') log.warn(block);
              else log.error(block);
            }
          }
        }
      }
    } catch (error) {
      const p = (error as { problem?: Problem }).problem;
      if (p) {
        response = problemResponse(p);
        entry = { outcome: 'bad-request', problem: { code: p.code, detail: p.detail } };
        log.warn(formatUnmatched(method, url, p));
      } else {
        log.error(
          `Failed to answer ${method} ${url}: ${(error as Error).stack ?? String(error)}. This is a bug of the stub; the server keeps serving.`,
        );
        response = {
          status: 500,
          headers: { 'Content-Type': ['text/plain'] },
          body: 'The stub failed on this request; see its terminal.\n',
        };
        entry = { outcome: 'error', note: String(error) };
      }
    }

    const outHeaders: Record<string, string[]> = { ...response.headers };
    if (
      origin &&
      decision?.allowed &&
      !(method === 'OPTIONS' && headers['access-control-request-method'])
    ) {
      Object.assign(outHeaders, corsResponseHeaders(origin));
    }
    res.statusCode = response.status;
    for (const [name, values] of Object.entries(outHeaders))
      res.setHeader(name, values.length === 1 ? (values[0] as string) : values);
    res.end(
      response.body === undefined
        ? undefined
        : typeof response.body === 'string'
          ? response.body
          : Buffer.from(response.body),
    );

    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    runtime.journal.record({
      time: new Date().toISOString(),
      method,
      url,
      status: response.status,
      durationMs,
      persona,
      ...(origin && { origin }),
      ...entry,
    });
    if (entry.outcome === 'matched' || entry.outcome === 'auth') {
      const what = entry.interaction
        ? ` "${entry.interaction.description}"`
        : entry.note
          ? ` (${entry.note})`
          : '';
      log.info(`${method} ${url} → ${response.status}${what} [${persona}] ${durationMs} ms`);
    } else {
      log.debug(`${method} ${url} → ${response.status} (${entry.outcome}) ${durationMs} ms`);
    }
  }

  const server = http.createServer(
    { maxHeaderSize: options.maxHeaderBytes ?? DEFAULT_MAX_HEADERS },
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
    const body = JSON.stringify(p);
    log.warn(`Rejected a request that is not valid HTTP: ${p.detail}`);
    socket.end(
      `HTTP/1.1 ${p.status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 18000, host, () => {
      server.off('error', reject);
      server.on('error', (error) => log.error(`Server error: ${String(error)}.`));
      const { port } = server.address() as AddressInfo;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      runtime.url = url;
      resolve({
        url,
        port,
        runtime,
        cors,
        replace: (served) => runtime.replace(served),
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
