/**
 * Helpers of the in-process benchmarks (engine-handle.ts, miss-cost.ts): the engine as the
 * stub's bundle has it, bundled by esbuild (tsx would add a name-keeping helper to every
 * closure, which costs time the stub does not spend), and requests built the way the front door
 * builds them (parsed query, lower-cased headers with a Host).
 */
import path from 'node:path';
import { buildSync } from 'esbuild';
import { parseQueryString, type StubRequest } from '../stub/engine';
import type { LoadRequest } from './load-worker';

const ROOT = path.resolve(__dirname, '..');

export function bundledEngine(name: string): typeof import('../stub/engine') {
  const outfile = path.join(ROOT, 'bench', '.build', name, 'engine.js');
  buildSync({
    entryPoints: [path.join(ROOT, 'stub', 'engine', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return require(outfile);
}

export function stubRequests(requests: readonly LoadRequest[]): StubRequest[] {
  return requests.map((r) => {
    const q = r.path.indexOf('?');
    const headers: Record<string, string> = {
      host: '127.0.0.1:18000',
      connection: 'keep-alive',
    };
    for (const [name, value] of Object.entries(r.headers ?? {}))
      headers[name.toLowerCase()] = value;
    return {
      method: r.method,
      path: q === -1 ? r.path : r.path.slice(0, q),
      query: parseQueryString(q === -1 ? '' : r.path.slice(q + 1)),
      headers,
      ...(r.body !== undefined && { body: new TextEncoder().encode(r.body) }),
    };
  });
}
