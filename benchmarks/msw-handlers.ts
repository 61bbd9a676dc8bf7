/**
 * Cost per request of the msw handlers (openedx-lms-contracts/msw), in process, over the pacts
 * this repository ships. Three ways for each request:
 *  - handler: msw's getResponse() over the handlers, with no interception (the engine, the
 *    Open edX bootstrap, the Fetch conversions and the recording);
 *  - intercepted: Node's fetch through msw's setupServer, as an MFE's Jest test pays it;
 *  - baseline: the same fetch through setupServer to a one-line msw handler that answers a
 *    fixed JSON body, i.e. what msw's interception costs without us.
 * Bounded: a fixed number of iterations per request, after a warm-up. Prints a table and, with
 * --json, one JSON line for `npm run bench`.
 *
 *   npx tsx benchmarks/msw-handlers.ts [--iterations 2000] [--json]
 */
import { performance } from 'node:perf_hooks';
import { getResponse, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createLmsHandlers } from '../stub/msw';

const LMS = 'http://localhost:18000';
const JWT = { 'USE-JWT-COOKIE': 'true' };

interface Sample {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
}

const SAMPLES: Sample[] = [
  {
    name: 'account (GET, persona values)',
    method: 'GET',
    path: '/api/user/v1/accounts/verified',
    headers: JWT,
    status: 200,
  },
  {
    name: 'preferences (PATCH, JSON body)',
    method: 'PATCH',
    path: '/api/user/v1/preferences/verified',
    headers: {
      ...JWT,
      'Content-Type': 'application/merge-patch+json',
      'X-CSRFToken': 'k3vbA1Qx9TzPw6nH0cYdR2mLs8fJu5Ge',
    },
    body: JSON.stringify({ time_zone: 'Europe/Paris' }),
    status: 204,
  },
  {
    name: 'learner dashboard (GET, large body)',
    method: 'GET',
    path: '/api/learner_home/init',
    headers: JWT,
    status: 200,
  },
  {
    name: 'login refresh (auth bootstrap, JWT minted)',
    method: 'POST',
    path: '/login_refresh',
    status: 200,
  },
  {
    name: 'unmatched (404 with the closest interactions)',
    method: 'GET',
    path: '/api/nothing/here',
    status: 404,
  },
];

interface Stats {
  /** CPU time of this process per request (user + system): less sensitive than wall time to
   *  other processes sharing the machine. */
  cpuUs: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
}

function stats(micros: number[], cpuMicros: number): Stats {
  const sorted = [...micros].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    cpuUs: round(cpuMicros / micros.length),
    meanUs: round(sorted.reduce((sum, n) => sum + n, 0) / sorted.length),
    p50Us: round(at(0.5)),
    p99Us: round(at(0.99)),
  };
}

const request = (sample: Sample) =>
  new Request(`${LMS}${sample.path}`, {
    method: sample.method,
    ...(sample.headers && { headers: sample.headers }),
    ...(sample.body && { body: sample.body }),
  });

async function measure(
  iterations: number,
  once: () => Promise<Response | undefined>,
  expected: number,
): Promise<Stats> {
  const warmUp = Math.max(50, Math.floor(iterations / 10));
  const micros: number[] = [];
  let cpuStart: NodeJS.CpuUsage | undefined;
  for (let i = 0; i < warmUp + iterations; i += 1) {
    if (i === warmUp) cpuStart = process.cpuUsage();
    const started = performance.now();
    const response = await once();
    await response?.arrayBuffer();
    const elapsed = (performance.now() - started) * 1000;
    if (response?.status !== expected)
      throw new Error(
        `[bench] Failed to measure: expected ${expected}, got ${response?.status ?? 'no response'}.`,
      );
    if (i >= warmUp) micros.push(elapsed);
  }
  const cpu = process.cpuUsage(cpuStart);
  return stats(micros, cpu.user + cpu.system);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const iterationsArg = args.indexOf('--iterations');
  const iterations = iterationsArg === -1 ? 2000 : Number(args[iterationsArg + 1]);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 100_000)
    throw new Error('[bench] Failed to start: --iterations must be an integer from 1 to 100000.');

  const created = performance.now();
  // 'warn' answers unmatched requests with the problem, as the HTTP stub does, instead of failing
  // them; console.warn is silenced so printing does not dominate the measure.
  const lms = createLmsHandlers({ lmsBaseUrl: LMS, onUnmatched: 'warn' });
  const createMs = performance.now() - created;
  const warn = console.warn;
  console.warn = () => undefined;

  const rows: Array<{ request: string; handler: Stats; intercepted: Stats; baseline: Stats }> = [];
  const server = setupServer();
  server.listen({ onUnhandledRequest: 'error' });
  try {
    for (const sample of SAMPLES) {
      const handler = await measure(
        iterations,
        async () => {
          lms.reset();
          return getResponse(lms.handlers, request(sample));
        },
        sample.status,
      );
      server.resetHandlers(...lms.handlers);
      const intercepted = await measure(
        iterations,
        async () => {
          lms.reset();
          return fetch(request(sample));
        },
        sample.status,
      );
      server.resetHandlers(
        http.all(`${LMS}/*`, () => HttpResponse.json({ fixed: true }, { status: sample.status })),
      );
      const baseline = await measure(iterations, () => fetch(request(sample)), sample.status);
      rows.push({ request: sample.name, handler, intercepted, baseline });
    }
  } finally {
    server.close();
    console.warn = warn;
  }

  const result = {
    benchmark: 'msw-handlers',
    node: process.version,
    interactions: lms.engine.interactions.length,
    iterations,
    createHandlersMs: Math.round(createMs * 10) / 10,
    rows,
  };
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write(
    `[bench] msw handlers over ${result.interactions} interactions, ${iterations} requests each, Node ${process.version}; createLmsHandlers() took ${result.createHandlersMs} ms\n`,
  );
  process.stdout.write(
    'request                                          handler cpu | p50/p99 µs    via setupServer cpu | p50/p99 µs   msw baseline cpu | p50/p99 µs\n',
  );
  for (const row of rows) {
    const cell = (s: Stats) => `${s.cpuUs} | ${s.p50Us} / ${s.p99Us}`.padEnd(34);
    process.stdout.write(
      `${row.request.padEnd(49)}${cell(row.handler)}${cell(row.intercepted)}${cell(row.baseline)}\n`,
    );
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
