/**
 * The HTTP transport of the front door: Node's http server on 127.0.0.1 by default, one per
 * backend served. This module sets up the server (its limits, its socket-level problems, its
 * listening address) and the per-server pieces a request needs: the runtime (what is served,
 * the active persona and state, the journal; shared between the backends of one `npm start`),
 * the origin policy, the Host check and the backend profile's routes. A request itself goes
 * through stub/server/respond.ts.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StateOverride } from '../engine';
import { createOriginPolicy, type OriginPolicy } from '../front-door/origin-policy';
import { type BackendProfile, genericProfile } from '../profiles';
import { createBaseUrlResolver } from './base-url';
import { createHostCheck, stubHostNames } from './host-check';
import type { Logger } from './logger';
import { createRespond } from './respond';
import { type ServedSet, StubRuntime } from './runtime';
import { answerSocketProblems } from './socket-problems';

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
  /** Keep Cookie and Authorization values and bodies' password fields in the journal
   *  (--journal-credentials). */
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

export function startStubServer(options: StubServerOptions): Promise<StubServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log;
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
  const hostNames = stubHostNames({
    host,
    originHosts: cors.hosts(),
    allowedHosts: options.allowedHosts ?? [],
  });
  /** The Host the client used when it names this stub, so generated URLs (and cookies) stay
   *  on the host it knows; the bound URL otherwise (set once the server listens). */
  let baseUrlOf: (host: string | undefined) => string = () => runtime.url;
  const respond = createRespond({
    runtime,
    log,
    origins: cors,
    routes: profile.routes?.({
      personas: () => runtime.personas(),
      allowRedirect: (target) => cors.decide(target.origin).allowed,
      ...(options.cookieDomain !== undefined && { cookieDomain: options.cookieDomain }),
    }),
    checkHost: createHostCheck(hostNames),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY,
    keepCredentials: options.journalCredentials ?? false,
    backend: options.labelJournal ? profile.provider : undefined,
    baseUrlOf: (header) => baseUrlOf(header),
  });

  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(
    options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
    requestTimeout,
  );
  const maxHeaderBytes = options.maxHeaderBytes ?? DEFAULT_MAX_HEADERS;
  const server = http.createServer(
    {
      maxHeaderSize: maxHeaderBytes,
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
  answerSocketProblems(server, log, { requestTimeout, headersTimeout, maxHeaderBytes });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? profile.defaultPort ?? 18000, host, () => {
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
