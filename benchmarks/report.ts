/**
 * The benchmark's results: one JSON document per run (bench/, ignored by git) and the table
 * printed at the end, with the targets of the issue checked as ratios of this one run.
 */
import { cpus, release, totalmem } from 'node:os';
import type { LoadResult } from './load-worker';
import type { ServerKind } from './servers';

export interface RunResult {
  server: ServerKind;
  set: string;
  startupMs: number;
  c1: LoadResult;
  c20: LoadResult;
  /** Server CPU (user + system, whole process tree) per request in the 20-connection phase. */
  cpuUsPerRequest: number;
  /** 100,000 requests at 20 connections; null when it would not fit the time bound. */
  hundredK: LoadResult | null;
  hundredKSkipped?: string;
  peakRssMiB: number;
  rssAfterMiB: number;
  /** Every request the server answered in this run (warm-up included). */
  requestsServed: number;
  processes: number;
}

export interface TargetCheck {
  name: string;
  target: string;
  value: string;
  met: boolean;
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; model: string; memoryGiB: number; node: string; kernel: string };
  settings: { secondsPerPhase: number; warmupSeconds: number; connections: [number, number] };
  sets: Array<{ name: string; interactions: number; requests: number; note: string }>;
  runs: RunResult[];
  ratios: Record<string, number | null>;
  targets: TargetCheck[];
  extra: Record<string, unknown>;
}

export function machine(): BenchReport['machine'] {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
  };
}

const fmt = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits);
const non2xx = (r: LoadResult | null) =>
  r
    ? Object.entries(r.statuses)
        .filter(([status]) => !status.startsWith('2'))
        .reduce((sum, [, count]) => sum + count, 0) + r.errors
    : 0;

export function table(report: BenchReport): string {
  const header = [
    'server',
    'set',
    'start→200 ms',
    'c=1 req/s',
    'c=1 p50/p99 ms',
    'c=20 req/s',
    'c=20 p50/p99 ms',
    'n (c=20)',
    'CPU µs/req',
    'peak RSS MiB',
    'RSS after 100k MiB',
    'errors/non-2xx',
  ];
  const rows = report.runs.map((r) => [
    r.server,
    r.set,
    fmt(r.startupMs, 0),
    fmt(r.c1.requestsPerSecond, 0),
    `${fmt(r.c1.latencyMs.p50, 2)} / ${fmt(r.c1.latencyMs.p99, 2)}`,
    fmt(r.c20.requestsPerSecond, 0),
    `${fmt(r.c20.latencyMs.p50, 2)} / ${fmt(r.c20.latencyMs.p99, 2)}`,
    String(r.c20.requests),
    fmt(r.cpuUsPerRequest, 0),
    fmt(r.peakRssMiB),
    r.hundredK ? fmt(r.rssAfterMiB) : `n/a (${fmt(r.rssAfterMiB)} after ${r.requestsServed})`,
    String(non2xx(r.c1) + non2xx(r.c20) + non2xx(r.hundredK)),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] as string).length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  const out = [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ];
  out.push(...extrasLines(report.extra));
  out.push('', 'Targets (synthetic set, this run):');
  for (const t of report.targets)
    out.push(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.name}: ${t.value} (target ${t.target})`);
  return out.join('\n');
}

/** One line per other benchmark of the repository (their full output is in the JSON file). */
function extrasLines(extra: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const boot = extra.browserBoot as
    | { loginRedirect?: { medianMs: number }; loggedIn?: { medianMs: number }; failed?: string }
    | undefined;
  if (boot) {
    lines.push(
      boot.failed
        ? `Browser boot (benchmarks/browser-boot.ts): failed: ${boot.failed}`
        : `Browser boot (benchmarks/browser-boot.ts), median: first visit with login redirect ${fmt(boot.loginRedirect?.medianMs, 0)} ms, logged-in visit ${fmt(boot.loggedIn?.medianMs, 0)} ms`,
    );
  }
  const engine = extra.engineHandle as
    | {
        results?: Array<{ set: string; interactions: number; cpuUsPerRequest: number }>;
        failed?: string;
      }
    | undefined;
  if (engine?.failed)
    lines.push(`Engine alone (benchmarks/engine-handle.ts): failed: ${engine.failed}`);
  for (const row of engine?.results ?? []) {
    lines.push(
      `Engine alone (benchmarks/engine-handle.ts), ${row.set} (${row.interactions} interactions): ${fmt(row.cpuUsPerRequest, 1)} µs CPU per engine.handle(), in process`,
    );
  }
  const misses = extra.missCost as
    | {
        interactions?: number;
        targetUsPerMiss?: number;
        meetsTarget?: boolean;
        miss?: { cpuUsPerRequest: number; p99Us: number; requests: number };
        hit?: { cpuUsPerRequest: number };
        failed?: string;
      }
    | undefined;
  if (misses?.failed) lines.push(`Misses (benchmarks/miss-cost.ts): failed: ${misses.failed}`);
  else if (misses?.miss)
    lines.push(
      `Misses (benchmarks/miss-cost.ts), ${misses.interactions} interactions, mix of ${misses.miss.requests}: ${fmt(misses.miss.cpuUsPerRequest, 1)} µs CPU per miss, p99 ${fmt(misses.miss.p99Us, 0)} µs (target < ${misses.targetUsPerMiss} µs: ${misses.meetsTarget ? 'met' : 'NOT met'}); a hit: ${fmt(misses.hit?.cpuUsPerRequest, 1)} µs, in process`,
    );
  const msw = extra.mswHandlers as
    | {
        rows?: Array<{
          request: string;
          intercepted: { meanUs: number };
          baseline: { meanUs: number };
        }>;
        failed?: string;
      }
    | undefined;
  if (msw?.failed) lines.push(`msw handlers (benchmarks/msw-handlers.ts): failed: ${msw.failed}`);
  for (const row of msw?.rows ?? []) {
    lines.push(
      `msw handlers (benchmarks/msw-handlers.ts), ${row.request}: ${fmt(row.intercepted.meanUs, 0)} µs mean through setupServer (a one-line msw handler: ${fmt(row.baseline.meanUs, 0)} µs)`,
    );
  }
  return lines.length ? ['', ...lines] : [];
}

const find = (report: Pick<BenchReport, 'runs'>, server: ServerKind, set: string) =>
  report.runs.find((r) => r.server === server && r.set === set);

export function ratiosAndTargets(report: Pick<BenchReport, 'runs'>, set: string) {
  const native = find(report, 'native', set);
  const front = find(report, 'pact-stub-server (front door)', set);
  const bare = find(report, 'pact-stub-server (bare)', set);
  const ceiling = find(report, 'ceiling', set);
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && b > 0 ? Math.round((a / b) * 100) / 100 : null;
  const rps = (r: RunResult | undefined) => r?.c20.requestsPerSecond;
  const ratios = {
    nativeOverReferenceFrontDoor: ratio(rps(native), rps(front)),
    nativeOverReferenceBare: ratio(rps(native), rps(bare)),
    nativeOverCeiling: ratio(rps(native), rps(ceiling)),
    nativeOverReferenceFrontDoorOneConnection: ratio(
      native?.c1.requestsPerSecond,
      front?.c1.requestsPerSecond,
    ),
    /** Server CPU per request of the ceiling ÷ that of the native stub: the ratio of their
     *  capacities if both were CPU-bound (the load generator shares the cores). */
    ceilingCpuOverNativeCpu: ratio(ceiling?.cpuUsPerRequest, native?.cpuUsPerRequest),
  };
  const targets: TargetCheck[] = [
    {
      name: 'native req/s ÷ pact-stub-server req/s (both behind the front door, 20 connections)',
      target: '≥ 100',
      value: fmt(ratios.nativeOverReferenceFrontDoor, 0),
      met: (ratios.nativeOverReferenceFrontDoor ?? 0) >= 100,
    },
    {
      name: 'native req/s ÷ pact-stub-server bare req/s (20 connections)',
      target: '≥ 100',
      value: fmt(ratios.nativeOverReferenceBare, 0),
      met: (ratios.nativeOverReferenceBare ?? 0) >= 100,
    },
    {
      name: 'native req/s ÷ bare Node ceiling req/s (20 connections)',
      target: '≥ 0.5',
      value: fmt(ratios.nativeOverCeiling, 2),
      met: (ratios.nativeOverCeiling ?? 0) >= 0.5,
    },
    {
      name: 'native p99 latency at 20 connections',
      target: '< 10 ms',
      value: `${fmt(native?.c20.latencyMs.p99, 2)} ms`,
      met: (native?.c20.latencyMs.p99 ?? Number.POSITIVE_INFINITY) < 10,
    },
    {
      name: 'native start-up to first 200',
      target: '< 500 ms',
      value: `${fmt(native?.startupMs, 0)} ms`,
      met: (native?.startupMs ?? Number.POSITIVE_INFINITY) < 500,
    },
    {
      // 120 MB read as 120 × 10^6 bytes, the stricter reading (114.4 MiB).
      name: 'native RSS after 100,000 requests',
      target: '< 120 MB',
      value: native?.hundredK
        ? `${fmt(native.rssAfterMiB)} MiB = ${fmt((native.rssAfterMiB * 2 ** 20) / 1e6)} MB`
        : 'not measured',
      met:
        native?.hundredK !== null &&
        native?.hundredK !== undefined &&
        native.rssAfterMiB * 2 ** 20 < 120e6,
    },
  ];
  return { ratios, targets };
}
