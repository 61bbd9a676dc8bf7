/**
 * What a request no contract answers costs the engine, at 5,000 interactions: the large
 * synthetic set (stub/testing/synthetic-pact/large-set.ts) and a mix of misses of every kind the
 * stub meets (an unknown path under a known one, a wrong method on a known path, a known path
 * without its required headers, a path of no contract at all), each checked to be unmatched,
 * against the hit mix of the same set for comparison. In process (`engine.handle()`), the
 * engine bundled as the stub's is; bounded by a fixed number of rounds. Target: under 1 ms per
 * miss. Prints one line per mix and, with --json, one JSON line.
 *
 *   npx tsx benchmarks/miss-cost.ts [--rounds 10] [--interactions 5000] [--misses 300] [--json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { HandleResult, StubRequest } from '../stub/engine';
import { loadPacts } from '../stub/load/pact-files';
import { loadPersonaFile } from '../stub/load/personas';
import { buildLargeSyntheticPact } from '../stub/testing/synthetic-pact/large-set';
import { bundledEngine, stubRequests } from './in-process';
import type { LoadRequest } from './load-worker';
import { PERSONAS, pactSet } from './mix';

const ROOT = path.resolve(__dirname, '..');
const BASE_URL = 'http://127.0.0.1:18000';
export const MISS_TARGET_US = 1_000;

/** Paths of no contract: what scanners and stray tools send to any local port. */
const FOREIGN: LoadRequest[] = [
  { method: 'GET', path: '/wp-login.php', headers: {} },
  { method: 'GET', path: '/.env', headers: {} },
  { method: 'POST', path: '/graphql', headers: { 'Content-Type': 'application/json' }, body: '{}' },
  { method: 'GET', path: '/favicon.ico', headers: {} },
];

/** Misses built from the hit mix, one of each kind per tenth request. */
function missCandidates(hits: readonly LoadRequest[]): LoadRequest[] {
  const misses: LoadRequest[] = [...FOREIGN];
  hits.forEach((hit, i) => {
    if (i % 10 !== 0) return;
    const [pathname, query] = hit.path.split('?');
    misses.push({ ...hit, path: `${pathname}/unknown${query ? `?${query}` : ''}` });
    misses.push({ ...hit, method: hit.method === 'GET' ? 'DELETE' : 'GET' });
    if (Object.keys(hit.headers).length > 0) misses.push({ ...hit, headers: {} });
  });
  return misses;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

function measure(
  handle: (request: StubRequest) => HandleResult,
  requests: StubRequest[],
  rounds: number,
  expect: (result: HandleResult) => boolean,
  what: string,
) {
  const durations: number[] = [];
  const cpu = process.cpuUsage();
  for (let round = 0; round < rounds; round += 1) {
    for (const request of requests) {
      const started = performance.now();
      const result = handle(request);
      durations.push((performance.now() - started) * 1000);
      if (!expect(result))
        throw new Error(
          `[bench] Failed to run the ${what} mix: ${request.method} ${request.path} got ${result.kind}.`,
        );
    }
  }
  const used = process.cpuUsage(cpu);
  durations.sort((a, b) => a - b);
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: requests.length,
    handled: durations.length,
    cpuUsPerRequest: round2((used.user + used.system) / durations.length),
    p50Us: round2(percentile(durations, 50)),
    p99Us: round2(percentile(durations, 99)),
    maxUs: round2(durations[durations.length - 1] as number),
  };
}

function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string' },
      interactions: { type: 'string' },
      misses: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const rounds = Number(values.rounds ?? '10');
  const wanted = Number(values.interactions ?? '5000');
  const missCount = Number(values.misses ?? '300');
  if (!Number.isInteger(missCount) || missCount < 1)
    throw new Error(`[bench] Failed to read --misses: '${values.misses}' is not a whole number.`);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10_000)
    throw new Error(`[bench] Failed to read --rounds: '${values.rounds}' is not from 1 to 10000.`);
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 100_000)
    throw new Error(
      `[bench] Failed to read --interactions: '${values.interactions}' is not from 1 to 100000.`,
    );
  const dir = path.join(ROOT, 'bench', 'pacts-large');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'synthetic-lms-sites-lms.json');
  writeFileSync(file, JSON.stringify(buildLargeSyntheticPact(wanted)));

  const engineModule = bundledEngine('miss-cost');
  const engine = engineModule.createEngine({
    pacts: loadPacts([file], ROOT),
    personas: loadPersonaFile(PERSONAS),
  });
  const handle = (request: StubRequest) => engine.handle(request, { baseUrl: BASE_URL });
  const set = pactSet('large', [file], '');
  const hits = stubRequests(set.requests);
  // An even sample of the candidates: the whole list is ~1,500 requests, which costs minutes
  // with an engine that scores every interaction per miss.
  const candidates = missCandidates(set.requests);
  const step = Math.max(1, Math.ceil(candidates.length / missCount));
  const misses = stubRequests(candidates.filter((_, i) => i % step === 0)).filter(
    (request) => handle(request).kind === 'unmatched',
  );
  const miss = measure(handle, misses, rounds, (r) => r.kind === 'unmatched', 'miss');
  const hit = measure(handle, hits, rounds, (r) => r.kind === 'matched', 'hit');
  const result = {
    interactions: engine.interactions.length,
    rounds,
    targetUsPerMiss: MISS_TARGET_US,
    meetsTarget: miss.cpuUsPerRequest < MISS_TARGET_US,
    miss,
    hit,
  };
  process.stderr.write(
    `[bench] misses at ${result.interactions} interactions (mix of ${miss.requests}): ${miss.cpuUsPerRequest} µs CPU per miss, p50 ${miss.p50Us} µs, p99 ${miss.p99Us} µs (target < ${MISS_TARGET_US} µs: ${result.meetsTarget ? 'met' : 'NOT met'})\n` +
      `[bench] hits at ${result.interactions} interactions (mix of ${hit.requests}): ${hit.cpuUsPerRequest} µs CPU per hit, p50 ${hit.p50Us} µs, p99 ${hit.p99Us} µs\n`,
  );
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
