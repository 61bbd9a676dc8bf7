/**
 * The servers under test, each started as its own process, with the time from spawn() to the
 * first 200 answer of the benchmark's first request:
 *  - native: the stub (front door + native engine), from its esbuild bundle as `npm start` runs it;
 *  - pact-stub-server behind the front door (`--engine pact-stub-server`);
 *  - pact-stub-server bare: the `pact stub` binary, nothing in front;
 *  - the ceiling: a bare Node http server answering the same bytes with no matching at all.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as http from 'node:http';
import { pactBinaryPath } from '../stub/reference/pact-binary';
import { pactStubArgs } from '../stub/reference/pact-stub-server';
import { freePort } from '../stub/server/free-port';
import type { LoadRequest } from './load-worker';

export type ServerKind =
  | 'native'
  | 'pact-stub-server (front door)'
  | 'pact-stub-server (bare)'
  | 'ceiling';

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  port: number;
  url: string;
  /** Milliseconds from spawn() to the first 200 answer to the first benchmark request. */
  startupMs: number;
  output(): string;
  stop(): Promise<void>;
}

export interface ServerPlan {
  kind: ServerKind;
  command: string;
  args: (port: number) => string[];
}

const SETPRIV = '/usr/bin/setpriv';

/** Children die with the bench (the kernel's parent-death signal), even if it is killed. */
function guarded(command: string, args: string[]): { command: string; args: string[] } {
  if (process.platform === 'linux' && existsSync(SETPRIV)) {
    return { command: SETPRIV, args: ['--pdeathsig', 'SIGKILL', '--', command, ...args] };
  }
  return { command, args };
}

export function nativePlan(cli: string, pactArgs: string[], personas: string): ServerPlan {
  return {
    kind: 'native',
    command: process.execPath,
    // The same V8 flag as `npm start` (package.json): a 4 MB semi-space keeps the young
    // generation, which otherwise grows to ~35 MB under load, from dominating RSS.
    args: (port) => [
      '--max-semi-space-size=4',
      cli,
      '--port',
      String(port),
      ...pactArgs,
      '--personas',
      personas,
      '--log-level',
      'error',
    ],
  };
}

export function referenceFrontDoorPlan(
  cli: string,
  pactArgs: string[],
  personas: string,
): ServerPlan {
  const native = nativePlan(cli, pactArgs, personas);
  return {
    kind: 'pact-stub-server (front door)',
    command: native.command,
    args: (port) => [...native.args(port), '--engine', 'pact-stub-server'],
  };
}

export function bareReferencePlan(files: string[]): ServerPlan {
  return {
    kind: 'pact-stub-server (bare)',
    command: pactBinaryPath(),
    args: (port) => pactStubArgs({ files }, port),
  };
}

export function ceilingPlan(script: string, responsesFile: string): ServerPlan {
  return {
    kind: 'ceiling',
    command: process.execPath,
    args: (port) => [script, String(port), responsesFile],
  };
}

function probe(port: number, request: LoadRequest): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(request.body);
  });
}

export async function startServer(
  plan: ServerPlan,
  first: LoadRequest,
  timeoutMs = 30_000,
): Promise<RunningServer> {
  const port = await freePort();
  const { command, args } = guarded(plan.command, plan.args(port));
  const t0 = performance.now();
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const grace = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 3_000).unref());
    if ((await Promise.race([exited, grace])) === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  };
  for (;;) {
    const status = await probe(port, first);
    if (status === 200) break;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `[bench] Failed to start ${plan.kind}: it exited (${child.exitCode ?? child.signalCode}). Its output:\n${output}`,
      );
    }
    if (status !== 0) {
      await stop();
      throw new Error(
        `[bench] Failed to start ${plan.kind}: the first benchmark request got ${status}, not 200 (${first.method} ${first.path}). Its output:\n${output}`,
      );
    }
    if (performance.now() - t0 > timeoutMs) {
      await stop();
      throw new Error(
        `[bench] Failed to start ${plan.kind}: no 200 within ${timeoutMs} ms. Its output:\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const startupMs = Math.round((performance.now() - t0) * 10) / 10;
  return {
    kind: plan.kind,
    pid: child.pid as number,
    port,
    url: `http://127.0.0.1:${port}`,
    startupMs,
    output: () => output,
    stop,
  };
}
