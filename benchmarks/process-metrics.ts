/**
 * Memory of a server under test, read from Linux's /proc: the resident set now (VmRSS) and its
 * high-water mark (VmHWM, kept by the kernel, so no sampling can miss a peak). A server made of
 * several processes (the stub's front door and its pact-stub-server child) is the sum of its
 * process tree.
 */
import { readFileSync } from 'node:fs';

export interface Memory {
  /** Resident set size now, in MiB. */
  rssMiB: number;
  /** Peak resident set size since the process started, in MiB. */
  peakRssMiB: number;
  /** Processes summed. */
  pids: number[];
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(text);
  return match ? Number(match[1]) / 1024 : undefined;
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** `pid` and all its descendants that are alive. */
export function processTree(pid: number): number[] {
  const all: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift() as number;
    if (statusField(next, 'VmRSS') === undefined) continue;
    all.push(next);
    queue.push(...children(next));
  }
  return all;
}

export function readMemory(pid: number): Memory | undefined {
  const pids = processTree(pid);
  if (pids.length === 0) return undefined;
  let rss = 0;
  let peak = 0;
  for (const p of pids) {
    rss += statusField(p, 'VmRSS') ?? 0;
    peak += statusField(p, 'VmHWM') ?? 0;
  }
  return { rssMiB: round1(rss), peakRssMiB: round1(peak), pids };
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ): 100 on Linux. */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) the process tree has used so far. The difference across a load
 * phase, divided by the requests answered, is the server's CPU cost per request: unlike
 * requests per second, it does not depend on how fast the load generator (on the same cores)
 * can send.
 */
export function readCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone meanwhile.
    }
  }
  return ticks / TICKS_PER_SECOND;
}
