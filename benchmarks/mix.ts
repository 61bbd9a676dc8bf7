/**
 * The request mix of a pact set: what the load generator sends, identical for every server.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exampleRequest, type RawInteraction } from '../stub/conformance/requests';
import { createEngine } from '../stub/engine';
import { listPactFiles, loadPacts } from '../stub/load/pact-files';
import { loadPersonaFile } from '../stub/load/personas';
import { AUTH_PATHS } from '../stub/openedx/auth';
import type { LoadRequest } from './load-worker';

const ROOT = path.resolve(__dirname, '..');
export const PERSONAS = path.join(ROOT, 'stub', 'personas', 'default.yaml');

export const toLoadRequest = (raw: RawInteraction): LoadRequest => {
  const request = exampleRequest(raw);
  const query = Object.entries(request.query)
    .flatMap(([k, vs]) => vs.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`))
    .join('&');
  return {
    method: request.method,
    path: query ? `${request.path}?${query}` : request.path,
    headers: request.headers,
    ...(request.body !== undefined && { body: request.body }),
  };
};

export interface PactSet {
  name: string;
  /** Files of provider `lms`, as the stub serves them. */
  files: string[];
  interactions: number;
  requests: LoadRequest[];
  note: string;
}

/**
 * The request mix of a set: the example request of every interaction the native stub answers
 * with a 2xx for its default persona (others need another persona or a named state), once each,
 * leaving out the login bootstrap paths that the front door answers without the engine.
 */
export function pactSet(name: string, sources: string[], note: string): PactSet {
  const personas = loadPersonaFile(PERSONAS);
  const pacts = loadPacts(sources, ROOT).filter((p) => p.provider === 'lms');
  const files = listPactFiles(sources, ROOT).filter((file) =>
    pacts.some((p) => path.resolve(ROOT, p.source) === file),
  );
  const engine = createEngine({ pacts, personas });
  const seen = new Set<string>();
  const requests: LoadRequest[] = [];
  for (const file of files) {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { interactions: RawInteraction[] };
    for (const raw of doc.interactions) {
      if (raw.type !== undefined && raw.type !== 'Synchronous/HTTP') continue;
      // The Open edX login bootstrap answers these itself (a session, not the engine, decides).
      if ((AUTH_PATHS as readonly string[]).includes(raw.request.path)) continue;
      const request = toLoadRequest(raw);
      const key = JSON.stringify(request);
      if (seen.has(key)) continue;
      seen.add(key);
      const wire = exampleRequest(raw);
      const result = engine.handle(
        {
          method: wire.method,
          path: wire.path,
          query: wire.query,
          headers: wire.headers,
          ...(wire.body !== undefined && { body: wire.body }),
        },
        { baseUrl: 'http://127.0.0.1:18000' },
      );
      if (
        result.kind === 'matched' &&
        result.response.status >= 200 &&
        result.response.status < 300
      ) {
        requests.push(request);
      }
    }
  }
  if (requests.length === 0)
    throw new Error(`[bench] Failed to build the ${name} request mix: no request is answered 2xx.`);
  return { name, files, interactions: engine.interactions.length, requests, note };
}
