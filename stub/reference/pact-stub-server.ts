/**
 * Runs pact-stub-server (`pact stub`, the Pact Foundation's own stub) as a child process on a
 * private port, for the reference engine, the conformance tests and the benchmark.
 *
 * The child never outlives us:
 *  - on Linux it is started through util-linux's `setpriv --pdeathsig SIGKILL`, which execs the
 *    binary (same pid) with a parent-death signal: the kernel kills it when this process dies,
 *    whatever the cause (Ctrl-C, SIGTERM, a crash, even SIGKILL);
 *  - everywhere, a process 'exit' hook kills every child still running (Node runs it on a normal
 *    exit and on an uncaught exception).
 * A child that dies on its own is reported through `exited` (code, signal, last output); it is
 * never restarted here: the caller decides (the stub CLI stops with an error).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from '../server/free-port';
import { CONFINED_PORT, confinedCommandLine, confinement } from './confine';
import { pactBinaryPath } from './pact-binary';

export interface PactStubServerOptions {
  /** Pact files to load (`-f`). */
  files?: string[];
  /** Folders of pact files to load (`-d`, recursive, `.json` only). */
  dirs?: string[];
  /** Port to bind; default a free port chosen just before the start. */
  port?: number;
  /** Request header whose value pact-stub-server reads as a provider-state regex. */
  providerStateHeader?: string;
  /** Answer unmatched preflights itself (`--cors`). The front door does CORS, so default off. */
  cors?: boolean;
  /** pact-stub-server's own log level; `error` by default (its `info` logs every request). */
  logLevel?: 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'none';
  /** How long to wait for the port to accept connections. Default 15 s. */
  startTimeoutMs?: number;
  /** Run it in a network namespace of its own, reachable only through this Unix socket
   *  (confine.ts); needs `confinement()` to be available. */
  socketPath?: string;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when we stopped it (stop() or the exit hook); false when it died on its own. */
  requested: boolean;
  /** The last lines it printed, for the report. */
  output: string;
}

export interface PactStubServer {
  readonly pid: number;
  /** The port it listens on (inside its own network namespace when `socketPath` is set). */
  readonly port: number;
  /** `http://127.0.0.1:<port>`; unreachable when `socketPath` is set. */
  readonly url: string;
  /** The Unix socket that reaches it when it runs confined. */
  readonly socketPath?: string;
  /** Resolves once the child has exited, for whatever reason. */
  readonly exited: Promise<ChildExit>;
  output(): string;
  /** SIGTERM, then SIGKILL after a grace period; resolves when the child is gone. */
  stop(): Promise<void>;
}

const MAX_OUTPUT_CHARS = 20_000;
const SETPRIV = '/usr/bin/setpriv';
const running = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

const canConnect = (target: { port: number } | { path: string }) =>
  new Promise<boolean>((resolve) => {
    const socket = connect('path' in target ? target : { host: '127.0.0.1', ...target });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** The command line: the binary itself, under setpriv's parent-death signal where available. */
function commandLine(args: string[]): { command: string; args: string[] } {
  const binary = pactBinaryPath();
  if (process.platform === 'linux' && existsSync(SETPRIV)) {
    return { command: SETPRIV, args: ['--pdeathsig', 'SIGKILL', '--', binary, ...args] };
  }
  return { command: binary, args };
}

export function pactStubArgs(options: PactStubServerOptions, port: number): string[] {
  const args = ['stub', '-p', String(port), '-l', options.logLevel ?? 'error'];
  for (const file of options.files ?? []) args.push('-f', file);
  for (const dir of options.dirs ?? []) args.push('-d', dir);
  if (options.providerStateHeader) {
    args.push('--provider-state-header-name', options.providerStateHeader);
  }
  if (options.cors) args.push('--cors');
  return args;
}

export async function startPactStubServer(options: PactStubServerOptions): Promise<PactStubServer> {
  if (!options.files?.length && !options.dirs?.length) {
    throw new Error(
      '[stub] Failed to start pact-stub-server: give at least one pact file or folder.',
    );
  }
  const { socketPath } = options;
  const tools = socketPath === undefined ? undefined : confinement().command;
  if (socketPath !== undefined && !tools)
    throw new Error(
      `[stub] Failed to confine pact-stub-server: ${confinement().reason ?? 'not supported'}.`,
    );
  const port = tools ? CONFINED_PORT : (options.port ?? (await freePort()));
  const direct = commandLine(pactStubArgs(options, port));
  const { command, args } =
    tools && socketPath !== undefined
      ? confinedCommandLine(tools, socketPath, direct.command, direct.args)
      : direct;
  // Confined, its relay ends it when its stdin closes: when this process is gone.
  const child = spawn(command, args, { stdio: [tools ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) {
    throw new Error(`[stub] Failed to start pact-stub-server: ${command} could not be spawned.`);
  }
  running.add(child);
  const pid = child.pid;
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT_CHARS);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let requested = false;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, requested, output });
    });
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    requested = true;
    child.kill('SIGTERM');
    const grace = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), 2_000).unref(),
    );
    if ((await Promise.race([exited, grace])) === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 15_000);
  let early: ChildExit | undefined;
  exited.then((exit) => {
    early = exit;
  });
  const target = socketPath === undefined ? { port } : { path: socketPath };
  while (!(await canConnect(target))) {
    if (early) {
      throw new Error(
        `[stub] Failed to start pact-stub-server on port ${port}: it exited with ${describeExit(early)}` +
          ` (3 = a pact could not be loaded, 1 = the port is taken). Its output:\n${early.output.trim()}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `[stub] Failed to start pact-stub-server: port ${port} did not open within ` +
          `${options.startTimeoutMs ?? 15_000} ms. Its output:\n${output.trim()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  return {
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    ...(socketPath !== undefined && { socketPath }),
    exited,
    output: () => output,
    stop,
  };
}

export function describeExit(exit: Pick<ChildExit, 'code' | 'signal'>): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}
