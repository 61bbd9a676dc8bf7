/**
 * The two engines under differential test, driven with the same pact documents and the same
 * requests: the native engine in process (stub/engine), and pact-stub-server as a child process
 * over loopback HTTP. Each answer is reduced to an Outcome: which interaction answered (by its
 * `<source>#<index>` key) with what status and body, or a rejection.
 */
import * as http from 'node:http';
import { createEngine, type Engine, readPact } from '../engine';
import { type PersonaCatalog, readPersonas } from '../openedx/personas';
import { type PactStubServer, startPactStubServer } from '../reference/pact-stub-server';
import { type Json, type RawInteraction, toStubRequest, type WireRequest } from './requests';

/** Response header naming the interaction (added to every interaction the tests serve). */
export const KEY_HEADER = 'X-Conformance-Interaction';
/** pact-stub-server's provider-state header in the tests. */
export const PSS_STATE_HEADER = 'X-Conformance-State';

export type Outcome =
  | { kind: 'matched'; key: string; status: number; body: string }
  | { kind: 'rejected'; status: number; detail: string };

export interface PactDocument {
  /** Label used in interaction keys, e.g. `generated-pacts/frontend-platform-lms.json`. */
  source: string;
  doc: { interactions: RawInteraction[]; [field: string]: unknown };
}

export const keyOf = (source: string, index: number) => `${source}#${index}`;

/** A copy of the document whose every interaction answers with KEY_HEADER. */
export function withKeyHeaders(pact: PactDocument): PactDocument {
  const doc = structuredClone(pact.doc);
  doc.interactions.forEach((interaction, index) => {
    if (interaction.type !== undefined && interaction.type !== 'Synchronous/HTTP') return;
    interaction.response.headers = {
      ...interaction.response.headers,
      [KEY_HEADER]: [keyOf(pact.source, index)],
    };
  });
  return { source: pact.source, doc };
}

const bodyString = (body: string | Uint8Array | undefined) =>
  body === undefined ? '' : typeof body === 'string' ? body : Buffer.from(body).toString('utf8');

/** Only an anonymous visitor: the tests name states explicitly or use the default personas. */
export const ANONYMOUS_ONLY: PersonaCatalog = readPersonas(
  { personas: { anonymous: { user: null, description: 'nobody logged in' } } },
  'conformance (anonymous only)',
);

export class NativeUnderTest {
  readonly engine: Engine;

  constructor(
    pacts: PactDocument[],
    personas: PersonaCatalog = ANONYMOUS_ONLY,
    readonly persona?: string,
  ) {
    this.engine = createEngine({
      pacts: pacts.map((p) => readPact(p.doc, p.source)),
      personas,
    });
  }

  send(
    request: WireRequest,
    state?: { name: string; params?: Record<string, Json> },
    persona = this.persona,
  ): Outcome {
    const result = this.engine.handle(toStubRequest(request), {
      baseUrl: 'http://127.0.0.1:18000',
      now: new Date('2026-11-01T10:00:00Z'),
      ...(persona && { persona }),
      ...(state && {
        state: state.params ? { name: state.name, params: state.params } : { name: state.name },
      }),
    });
    if (result.kind === 'matched') {
      const marker = Object.entries(result.response.headers).find(
        ([name]) => name.toLowerCase() === KEY_HEADER.toLowerCase(),
      )?.[1][0];
      return {
        kind: 'matched',
        key: marker ?? result.interaction.id,
        status: result.response.status,
        body: bodyString(result.response.body),
      };
    }
    return {
      kind: 'rejected',
      status: result.problem.status,
      detail: `${result.problem.code}: ${result.problem.detail}`,
    };
  }
}

export class ReferenceUnderTest {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  private constructor(readonly server: PactStubServer) {}

  /** Starts pact-stub-server on the pact files (already written, with KEY_HEADER). */
  static async start(files: string[]): Promise<ReferenceUnderTest> {
    return new ReferenceUnderTest(
      await startPactStubServer({ files, providerStateHeader: PSS_STATE_HEADER }),
    );
  }

  /** `stateRegex` is sent as pact-stub-server's provider-state header (a regex). */
  send(request: WireRequest, stateRegex?: string): Promise<Outcome> {
    const query = Object.entries(request.query)
      .flatMap(([k, vs]) => vs.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`))
      .join('&');
    const headers: Record<string, string> = { ...request.headers };
    if (stateRegex) headers[PSS_STATE_HEADER] = stateRegex;
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    if (body) headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.server.port,
          agent: this.agent,
          method: request.method,
          path: query ? `${request.path}?${query}` : request.path,
          headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const key = res.headers[KEY_HEADER.toLowerCase()];
            const text = Buffer.concat(chunks).toString('utf8');
            resolve(
              typeof key === 'string'
                ? { kind: 'matched', key, status: res.statusCode ?? 0, body: text }
                : { kind: 'rejected', status: res.statusCode ?? 0, detail: text || '(empty body)' },
            );
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    await this.server.stop();
  }
}
