/**
 * The reference engine: pact-stub-server behind our front door. It answers the front door's
 * `Responder` calls by forwarding each request to a pact-stub-server child on a private port,
 * so CORS, the Open edX auth bootstrap, the admin API and the journal stay ours while the
 * choice of interaction is the Pact Foundation's.
 *
 * To tell which interaction pact-stub-server chose (for the journal, and for the conformance
 * tests), it serves copies of the pact files in which every response carries one extra header,
 * X-Pact-Stub-Reference-Interaction, naming the interaction; the header is removed before the
 * answer leaves. Headers never take part in choosing a response, so the marker changes nothing
 * of pact-stub-server's choice.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import path from 'node:path';
import {
  type HandleContext,
  type HandleResult,
  type HttpInteraction,
  type LoadedPact,
  type Responder,
  type StubRequest,
  summarize,
} from '../engine';
import { problem } from '../front-door/problems';
import { STATE_HEADER, STATE_PARAMS_HEADER } from '../front-door/state-header';
import { confinement } from './confine';
import {
  type ChildExit,
  describeExit,
  type PactStubServer,
  startPactStubServer,
} from './pact-stub-server';
import { createRunFolder } from './run-folder';

export const MARKER_HEADER = 'X-Pact-Stub-Reference-Interaction';
/** The header pact-stub-server reads a provider-state regex from (ours, not the client's). */
export const REFERENCE_STATE_HEADER = 'X-Pact-Stub-Reference-State';

const DROPPED_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  STATE_HEADER,
  STATE_PARAMS_HEADER,
  REFERENCE_STATE_HEADER.toLowerCase(),
]);
/** pact-stub-server adds `Access-Control-Allow-Origin: *` to every answer; CORS is the front
 *  door's job (with credentials, which `*` forbids), so its CORS headers are dropped. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'date',
  'access-control-allow-origin',
  MARKER_HEADER.toLowerCase(),
]);

export interface ReferencePact {
  /** The file on disk. */
  file: string;
  /** The same file as the native engine read it (for interaction summaries). */
  pact: LoadedPact;
}

export interface ReferenceResponder extends Responder {
  readonly server: PactStubServer;
  /** Why the child could not be confined to its own network namespace (it then listens on
   *  every interface); undefined when it is confined. */
  readonly unconfined?: string;
  /** Resolves when the pact-stub-server child exits for any reason. */
  readonly exited: Promise<ChildExit>;
  close(): Promise<void>;
}

/** `^name$` with every regex character escaped: pact-stub-server reads the header as a regex. */
export const exactStateRegex = (name: string) => `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/** Writes marked copies of the pact files into `dir`; returns the marker → interaction map. */
export function writeMarkedPacts(
  pacts: ReferencePact[],
  dir: string,
): {
  dir: string;
  byMarker: Map<string, HttpInteraction>;
} {
  mkdirSync(dir, { recursive: true });
  const byMarker = new Map<string, HttpInteraction>();
  pacts.forEach(({ file, pact }, fileIndex) => {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      interactions?: Array<{ response?: { headers?: Record<string, unknown> } }>;
    };
    const byIndex = new Map(pact.interactions.map((i) => [i.index, i]));
    doc.interactions?.forEach((interaction, index) => {
      const known = byIndex.get(index);
      if (!known || !interaction.response) return;
      const marker = `${fileIndex}:${index}`;
      byMarker.set(marker, known);
      const headers = interaction.response.headers ?? {};
      // V4 stores header values as lists, V2/V3 as strings.
      const listValued = Object.values(headers).some(Array.isArray);
      headers[MARKER_HEADER] = listValued ? [marker] : marker;
      interaction.response.headers = headers;
    });
    writeFileSync(
      path.join(dir, `${String(fileIndex).padStart(3, '0')}.json`),
      JSON.stringify(doc),
    );
  });
  return { dir, byMarker };
}

const encodeQuery = (query: Record<string, string[]>) =>
  Object.entries(query)
    .flatMap(([name, values]) =>
      values.map((value) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
    )
    .join('&');

interface RawAnswer {
  status: number;
  headers: Record<string, string[]>;
  body: Buffer;
  marker: string | undefined;
}

function forward(
  agent: http.Agent,
  server: Pick<PactStubServer, 'port' | 'socketPath'>,
  request: StubRequest,
  state: string | undefined,
): Promise<RawAnswer> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!DROPPED_REQUEST_HEADERS.has(name)) headers[name] = value;
  }
  if (state) headers[REFERENCE_STATE_HEADER] = exactStateRegex(state);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  if (body) headers['content-length'] = String(body.length);
  const query = encodeQuery(request.query);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        ...(server.socketPath === undefined
          ? { host: '127.0.0.1', port: server.port }
          : { socketPath: server.socketPath }),
        agent,
        method: request.method,
        path: query ? `${request.path}?${query}` : request.path,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const out: Record<string, string[]> = {};
          let marker: string | undefined;
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i] as string;
            const value = res.rawHeaders[i + 1] as string;
            const lower = name.toLowerCase();
            if (lower === MARKER_HEADER.toLowerCase()) marker = value;
            if (DROPPED_RESPONSE_HEADERS.has(lower)) continue;
            const values = out[name];
            if (values) values.push(value);
            else out[name] = [value];
          }
          resolve({
            status: res.statusCode ?? 502,
            headers: out,
            body: Buffer.concat(chunks),
            marker,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Starts pact-stub-server on the given pacts and returns a Responder for the front door.
 * The child is not restarted when it dies: `exited` reports it and every later request fails
 * with a message that says so.
 */
export async function createReferenceResponder(
  pacts: ReferencePact[],
): Promise<ReferenceResponder> {
  const run = createRunFolder();
  const { dir, byMarker } = writeMarkedPacts(pacts, path.join(run.dir, 'pacts'));
  const { command: confined, reason: unconfined } = confinement();
  let server: PactStubServer;
  try {
    server = await startPactStubServer({
      dirs: [dir],
      providerStateHeader: REFERENCE_STATE_HEADER,
      ...(confined && { socketPath: path.join(run.dir, 'pact-stub-server.sock') }),
    });
  } catch (error) {
    run.remove();
    throw error;
  }
  // pact-stub-server has read them (it reloads nothing without --watch): nothing to leave behind.
  rmSync(dir, { recursive: true, force: true });
  const removeCopies = run.remove;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let death: ChildExit | undefined;
  const exited = server.exited.then((exit) => {
    death = exit;
    agent.destroy();
    return exit;
  });
  const total = pacts.reduce((n, p) => n + p.pact.interactions.length, 0);

  async function handle(request: StubRequest, context: HandleContext): Promise<HandleResult> {
    if (death) {
      throw new Error(
        `pact-stub-server (pid ${server.pid}) is not running: it exited with ${describeExit(death)}. Restart the stub`,
      );
    }
    const answer = await forward(agent, server, request, context.state?.name);
    const interaction = answer.marker ? byMarker.get(answer.marker) : undefined;
    if (!interaction) {
      return {
        kind: 'unmatched',
        problem: problem(
          'NO_INTERACTION_MATCHED',
          `pact-stub-server (the reference engine) matched none of the ${total} interactions for ${request.method} ${request.path}` +
            `${context.state ? ` in the state '${context.state.name}'` : ''}. It does not say why; run the native engine (--engine native) for the closest interactions and the reasons.`,
          { engine: 'pact-stub-server', status: answer.status },
        ),
      };
    }
    return {
      kind: 'matched',
      interaction: summarize(interaction),
      response: {
        status: answer.status,
        headers: answer.headers,
        ...(answer.body.length > 0 && { body: new Uint8Array(answer.body) }),
      },
      // pact-stub-server picks by matching alone, or within the requested state.
      tier: context.state ? 'override' : 'stateless',
      stateParams: {},
      warnings: [],
    };
  }

  return {
    server,
    ...(unconfined !== undefined && { unconfined }),
    exited,
    handle,
    async close() {
      agent.destroy();
      await server.stop();
      removeCopies();
    },
  };
}
