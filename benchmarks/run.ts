/**
 * `npm run bench`: the native engine against pact-stub-server and a bare-Node ceiling, in one
 * run, on this machine, over loopback, bounded in time (about three minutes).
 *
 * For each pact set (generated-pacts/, and the synthetic 115-interaction LMS pact) and each
 * server (native stub; pact-stub-server behind the same front door; pact-stub-server bare; a
 * bare Node http server answering the same bytes), it measures start-up to the first 200,
 * requests per second with p50/p99 latency at 1 and 20 connections (autocannon, in another
 * process), peak RSS, and RSS after 100,000 requests. It prints a table and writes the whole
 * result as JSON under bench/ (ignored by git).
 *
 *   npm run bench [-- --seconds 3] [-- --skip-extras]
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';
import { writeSyntheticPact } from '../scripts/generate-synthetic-pact';
import type { RecordedResponse } from './ceiling-server';
import type { LoadJob, LoadRequest, LoadResult } from './load-worker';
import { type PactSet, PERSONAS, pactSet } from './mix';
import { readCpuSeconds, readMemory } from './process-metrics';
import { type BenchReport, machine, type RunResult, ratiosAndTargets, table } from './report';
import {
  bareReferencePlan,
  ceilingPlan,
  nativePlan,
  referenceFrontDoorPlan,
  type ServerPlan,
  startServer,
} from './servers';

const ROOT = path.resolve(__dirname, '..');
const BENCH_DIR = path.join(ROOT, 'bench');
const BUILD_DIR = path.join(BENCH_DIR, '.build');
const HUNDRED_K = 100_000;
/** Run the 100,000-request phase only when it should take at most this long. */
const HUNDRED_K_MAX_SECONDS = 45;
const WARMUP_SECONDS = 1;

const say = (text: string) => process.stderr.write(`[bench] ${text}\n`);

function build(): { cli: string; worker: string; ceiling: string } {
  const { buildStub } = require('../stub/build.js') as { buildStub: (outdir: string) => string };
  const cli = buildStub(path.join(BUILD_DIR, 'stub'));
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  } as const;
  const worker = path.join(BUILD_DIR, 'load-worker.js');
  const ceiling = path.join(BUILD_DIR, 'ceiling-server.js');
  buildSync({ ...common, entryPoints: [path.join(__dirname, 'load-worker.ts')], outfile: worker });
  buildSync({
    ...common,
    entryPoints: [path.join(__dirname, 'ceiling-server.ts')],
    outfile: ceiling,
  });
  return { cli, worker, ceiling };
}

/** Runs autocannon in its own process and returns its result. */
function load(worker: string, job: LoadJob): Promise<LoadResult> {
  const file = path.join(BUILD_DIR, `job-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('exit', (code) => {
      if (code !== 0)
        reject(new Error(`[bench] Failed to run the load generator: exit code ${code}.`));
      else resolve(JSON.parse(out.trim().split('\n').pop() as string) as LoadResult);
    });
  });
}

/** Sends each request once; returns the answers (for the ceiling) and drops non-2xx ones. */
async function record(url: string, requests: LoadRequest[]): Promise<RecordedResponse[]> {
  const recorded: RecordedResponse[] = [];
  for (const request of requests) {
    const response = await fetch(`${url}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && { body: request.body }),
    });
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string[]> = {};
    response.headers.forEach((value, name) => {
      headers[name] = name === 'set-cookie' ? response.headers.getSetCookie() : [value];
    });
    recorded.push({
      method: request.method,
      url: request.path,
      status: response.status,
      headers,
      bodyBase64: body.toString('base64'),
    });
  }
  return recorded;
}

/** Waits (at most a minute) until the server answers a fresh request: its queue is empty. */
async function drain(url: string, request: LoadRequest): Promise<number> {
  await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined && { body: request.body }),
    signal: AbortSignal.timeout(60_000),
  }).then((response) => response.arrayBuffer());
  return 1;
}

async function measure(
  plan: ServerPlan,
  set: PactSet,
  worker: string,
  seconds: number,
): Promise<{ result: RunResult; recorded?: RecordedResponse[] }> {
  const requests = set.requests;
  const server = await startServer(plan, requests[0] as LoadRequest);
  try {
    say(`${plan.kind} on ${set.name}: first 200 after ${server.startupMs} ms`);
    let recorded: RecordedResponse[] | undefined;
    if (plan.kind === 'native') {
      recorded = await record(server.url, requests);
      const bad = recorded.filter((r) => r.status < 200 || r.status >= 300);
      if (bad.length) {
        throw new Error(
          `[bench] Failed to check the ${set.name} mix: the native stub answered ${bad.map((b) => `${b.status} ${b.method} ${b.url}`).join(', ')}.`,
        );
      }
    }
    const job = (connections: number, extra: Partial<LoadJob>): LoadJob => ({
      url: server.url,
      connections,
      requests,
      timeout: 30,
      ...extra,
    });
    let served = recorded?.length ?? 0;
    // One connection for the warm-up, and a drained queue after each phase: autocannon stops at
    // its deadline, but a slow server keeps working on the requests it had queued, which would
    // stall the next phase (pact-stub-server on 115 interactions queues seconds of work).
    const warm = await load(worker, job(1, { duration: WARMUP_SECONDS }));
    served += warm.requests + (await drain(server.url, requests[0] as LoadRequest));
    const c1 = await load(worker, job(1, { duration: seconds }));
    served += c1.requests + (await drain(server.url, requests[0] as LoadRequest));
    const cpuBefore = readCpuSeconds(server.pid);
    const c20 = await load(worker, job(20, { duration: seconds }));
    const cpuUsPerRequest =
      c20.requests > 0
        ? Math.round(((readCpuSeconds(server.pid) - cpuBefore) * 1e6) / c20.requests)
        : Number.NaN;
    served += c20.requests + (await drain(server.url, requests[0] as LoadRequest));
    say(
      `${plan.kind} on ${set.name}: ${c1.requestsPerSecond} req/s (1 conn), ${c20.requestsPerSecond} req/s (20 conns)`,
    );
    const projected =
      c20.requestsPerSecond > 0 ? HUNDRED_K / c20.requestsPerSecond : Number.POSITIVE_INFINITY;
    let hundredK: LoadResult | null = null;
    let hundredKSkipped: string | undefined;
    if (projected <= HUNDRED_K_MAX_SECONDS) {
      hundredK = await load(worker, job(20, { amount: HUNDRED_K }));
      served += hundredK.requests;
    } else {
      hundredKSkipped = `100,000 requests would take about ${Math.round(projected / 60)} min at ${c20.requestsPerSecond} req/s; RSS is read after the ${served} requests served`;
      say(`${plan.kind} on ${set.name}: ${hundredKSkipped}`);
    }
    const memory = readMemory(server.pid);
    return {
      result: {
        server: plan.kind,
        set: set.name,
        startupMs: server.startupMs,
        c1,
        c20,
        cpuUsPerRequest,
        hundredK,
        ...(hundredKSkipped && { hundredKSkipped }),
        peakRssMiB: memory?.peakRssMiB ?? Number.NaN,
        rssAfterMiB: memory?.rssMiB ?? Number.NaN,
        requestsServed: served,
        processes: memory?.pids.length ?? 0,
      },
      ...(recorded && { recorded }),
    };
  } finally {
    await server.stop();
  }
}

/** Other benchmarks of the repository, each with its own bound; a failure is reported, not fatal. */
function extras(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const run = (name: string, file: string, args: string[], timeoutMs: number) => {
    if (!existsSync(path.join(__dirname, file))) return;
    say(`running benchmarks/${file} (bounded to ${timeoutMs / 1000} s)`);
    try {
      const stdout = execFileSync(
        process.execPath,
        [require.resolve('tsx/cli'), path.join(__dirname, file), ...args],
        { cwd: ROOT, timeout: timeoutMs, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        out[name] = JSON.parse(last);
      } catch {
        out[name] = { output: stdout.trim().slice(-2_000) };
      }
    } catch (error) {
      out[name] = { failed: (error as Error).message.split('\n')[0] };
      say(`benchmarks/${file} failed: ${(error as Error).message.split('\n')[0]}`);
    }
  };
  run('engineHandle', 'engine-handle.ts', ['--json'], 60_000);
  run('missCost', 'miss-cost.ts', ['--json'], 120_000);
  run('mswHandlers', 'msw-handlers.ts', ['--json'], 120_000);
  run('browserBoot', 'browser-boot.ts', ['--json'], 180_000);
  return out;
}

async function main() {
  const { values } = parseArgs({
    options: { seconds: { type: 'string' }, 'skip-extras': { type: 'boolean' } },
  });
  const seconds = Number(values.seconds ?? '3');
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 30) {
    throw new Error(
      `[bench] Failed to read --seconds: '${values.seconds}' is not a number of seconds from 1 to 30.`,
    );
  }
  mkdirSync(BUILD_DIR, { recursive: true });
  const started = Date.now();
  const { cli, worker, ceiling } = build();
  const synthetic = writeSyntheticPact(path.join(BENCH_DIR, 'pacts'));
  const sets = [
    pactSet(
      'generated-pacts',
      [path.join(ROOT, 'generated-pacts')],
      'the committed contracts, provider lms',
    ),
    pactSet(
      'synthetic',
      [synthetic.file],
      `scripts/generate-synthetic-pact.ts, ${synthetic.interactions} LMS-shaped interactions`,
    ),
  ];
  const runs: RunResult[] = [];
  for (const set of sets) {
    say(`${set.name}: ${set.interactions} interactions, a mix of ${set.requests.length} requests`);
    const pactArgs = set.files.flatMap((file) => ['--pacts', file]);
    const native = await measure(nativePlan(cli, pactArgs, PERSONAS), set, worker, seconds);
    runs.push(native.result);
    const responsesFile = path.join(BUILD_DIR, `responses-${set.name}.json`);
    writeFileSync(responsesFile, JSON.stringify(native.recorded));
    runs.push((await measure(ceilingPlan(ceiling, responsesFile), set, worker, seconds)).result);
    runs.push(
      (await measure(referenceFrontDoorPlan(cli, pactArgs, PERSONAS), set, worker, seconds)).result,
    );
    runs.push((await measure(bareReferencePlan(set.files), set, worker, seconds)).result);
  }
  const { ratios, targets } = ratiosAndTargets({ runs }, 'synthetic');
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: machine(),
    settings: { secondsPerPhase: seconds, warmupSeconds: WARMUP_SECONDS, connections: [1, 20] },
    sets: sets.map((s) => ({
      name: s.name,
      interactions: s.interactions,
      requests: s.requests.length,
      note: s.note,
    })),
    runs,
    ratios,
    targets,
    extra: values['skip-extras'] ? {} : extras(),
  };
  const stamp = report.date.replace(/[:.]/g, '-');
  const file = path.join(BENCH_DIR, `results-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(BENCH_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${table(report)}\n\n`);
  say(
    `Wrote ${path.relative(ROOT, file)} (and bench/latest.json) in ${Math.round((Date.now() - started) / 1000)} s.`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
