/**
 * CPU time of the native engine alone (`engine.handle()`), in process, on the request mix of
 * `npm run bench` (the synthetic 115-interaction set and generated-pacts/): no HTTP, no front
 * door, so a change to the engine shows without the load generator's noise. Requests are built
 * the way the front door builds them (parsed query, lower-cased headers with a Host), and each
 * answer is checked to be the 2xx the mix was chosen for. The engine is bundled by esbuild as
 * the stub's own bundle is (tsx would add a name-keeping helper to every closure, which costs
 * time the stub does not spend). Bounded: a fixed number of rounds over the mix after a
 * warm-up. Prints one line per set and, with --json, one JSON line.
 *
 *   npx tsx benchmarks/engine-handle.ts [--rounds 2000] [--json]
 *   node --import tsx --cpu-prof benchmarks/engine-handle.ts   # a V8 CPU profile of the same
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { writeSyntheticPact } from '../scripts/generate-synthetic-pact';
import { loadPacts } from '../stub/load/pact-files';
import { loadPersonaFile } from '../stub/load/personas';
import { bundledEngine, stubRequests } from './in-process';
import { PERSONAS, pactSet } from './mix';

const ROOT = path.resolve(__dirname, '..');
const BASE_URL = 'http://127.0.0.1:18000';

function measureSet(
  engineModule: typeof import('../stub/engine'),
  name: string,
  sources: string[],
  rounds: number,
) {
  const set = pactSet(name, sources, '');
  const engine = engineModule.createEngine({
    pacts: loadPacts(sources, ROOT).filter((p) => p.provider === 'lms'),
    personas: loadPersonaFile(PERSONAS),
  });
  const requests = stubRequests(set.requests);
  const context = { baseUrl: BASE_URL };
  const run = (n: number) => {
    for (let round = 0; round < n; round += 1) {
      for (const request of requests) {
        const result = engine.handle(request, context);
        if (result.kind !== 'matched' || result.response.status >= 300) {
          throw new Error(
            `[bench] Failed to serve the ${name} mix in process: ${request.method} ${request.path} got ${result.kind}.`,
          );
        }
      }
    }
  };
  run(Math.max(1, Math.floor(rounds / 10)));
  const cpu = process.cpuUsage();
  const started = performance.now();
  run(rounds);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const count = rounds * requests.length;
  return {
    set: name,
    interactions: engine.interactions.length,
    requests: requests.length,
    handled: count,
    cpuUsPerRequest: Math.round(((used.user + used.system) / count) * 100) / 100,
    wallUsPerRequest: Math.round(((wallMs * 1000) / count) * 100) / 100,
  };
}

function main() {
  const { values } = parseArgs({
    options: { rounds: { type: 'string' }, json: { type: 'boolean' } },
  });
  const rounds = Number(values.rounds ?? '2000');
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1_000_000) {
    throw new Error(
      `[bench] Failed to read --rounds: '${values.rounds}' is not a whole number from 1 to 1000000.`,
    );
  }
  const synthetic = writeSyntheticPact(path.join(ROOT, 'bench', 'pacts'));
  const engineModule = bundledEngine('engine-handle');
  const results = [
    measureSet(engineModule, 'synthetic', [synthetic.file], rounds),
    measureSet(engineModule, 'generated-pacts', [path.join(ROOT, 'generated-pacts')], rounds),
  ];
  for (const r of results) {
    process.stderr.write(
      `[bench] engine.handle() on ${r.set} (${r.interactions} interactions, mix of ${r.requests}): ${r.cpuUsPerRequest} µs CPU, ${r.wallUsPerRequest} µs wall per request over ${r.handled} requests\n`,
    );
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ rounds, results })}\n`);
}

main();
