/**
 * The load generator: autocannon, run in its own process so the server under test never shares
 * an event loop with its client. Reads a job (JSON file path as argv[2]), runs it, prints one
 * JSON line with the result.
 *
 * Latency comes from autocannon's per-response event (fractional milliseconds), not from its
 * summary histogram, which rounds to whole milliseconds: sub-millisecond p50s would all read 0.
 */
import { readFileSync } from 'node:fs';

export interface LoadRequest {
  method: string;
  /** Path and query, e.g. `/api/mfe_config/v1?mfe=learning`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadJob {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration?: number;
  /** Stop after this many responses. */
  amount?: number;
  /** Give up on one request after this many seconds. */
  timeout?: number;
  requests: LoadRequest[];
}

export interface LoadResult {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Responses by status code. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

interface AutocannonInstance {
  on(
    event: 'response',
    listener: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
  on(event: 'done', listener: (result: AutocannonSummary) => void): void;
}
interface AutocannonSummary {
  duration: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => AutocannonInstance;

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number);
const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function runLoad(job: LoadJob): Promise<LoadResult> {
  const autocannon = require('autocannon') as Autocannon;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const statuses: Record<string, number> = {};
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const instance = autocannon({
      url: job.url,
      connections: job.connections,
      ...(job.amount ? { amount: job.amount } : { duration: job.duration ?? 3 }),
      timeout: job.timeout ?? 10,
      requests: job.requests.map((r) => ({
        method: r.method,
        path: r.path,
        headers: r.headers,
        ...(r.body !== undefined ? { body: r.body } : {}),
      })),
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count] = ms;
      count += 1;
    });
    instance.on('done', (summary) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const sorted = latencies.slice(0, count).sort();
      resolve({
        connections: job.connections,
        durationSeconds: round3(seconds),
        requests: count,
        requestsPerSecond: Math.round((count / seconds) * 10) / 10,
        latencyMs: {
          p50: round3(percentile(sorted, 0.5)),
          p99: round3(percentile(sorted, 0.99)),
          max: round3(count ? (sorted[count - 1] as number) : Number.NaN),
        },
        statuses,
        errors: summary.errors,
        timeouts: summary.timeouts,
      });
    });
  });
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write(
      '[bench] Failed to run the load: give the job file as the first argument.\n',
    );
    process.exit(2);
  }
  const job = JSON.parse(readFileSync(file, 'utf8')) as LoadJob;
  runLoad(job).then((result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  });
}
