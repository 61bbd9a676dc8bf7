/**
 * Runs `pact broker <subcommand>` with the `pact` binary that @pact-foundation/pact-cli installs
 * for this platform (no global install, no Docker, no Ruby). Output is captured for error
 * analysis and, when asked, echoed through the secret mask as it arrives.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { BrokerConnection } from './config';
import { failure } from './errors';

/** Path of the `pact` binary inside `@pact-foundation/pact-cli-<os>-<arch>`. */
export function pactBinary(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@pact-foundation/pact-cli-${os}-${process.arch}`;
  let manifest: string;
  try {
    manifest = require.resolve(`${pkg}/package.json`);
  } catch {
    throw failure(
      'find the pact CLI',
      `${pkg} is not installed (it is an optional dependency of @pact-foundation/pact-cli)`,
      'Run `npm ci` on a supported platform (linux, darwin or windows; x64 or arm64).',
    );
  }
  const exe = process.platform === 'win32' ? 'pact.exe' : 'pact';
  return path.join(path.dirname(manifest), 'standalone', exe);
}

export interface BrokerRun {
  /** Exit code; -1 when the process could not start or was killed on timeout. */
  code: number;
  /** stdout and stderr as received, masked. */
  output: string;
  stdout: string;
  timedOut: boolean;
}

export interface RunOptions {
  connection: BrokerConnection;
  /** Print the (masked) command line and output while the CLI runs. */
  echo?: (text: string) => void;
  /** Echo the CLI's output too, not only the command line (default true). */
  echoOutput?: boolean;
  /** Kill the CLI after this long; a hung broker must not hang the build. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

export function runBroker(args: string[], options: RunOptions): Promise<BrokerRun> {
  const { connection, echo } = options;
  const { mask } = connection;
  const binary = pactBinary();
  echo?.(mask(`[ci] $ ${formatCommand(args)}\n`));
  return new Promise((resolve) => {
    const child = spawn(binary, ['broker', ...args], {
      env: { ...connection.env, NO_COLOR: '1', CLICOLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stdout = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const take = (isStdout: boolean) => (chunk: Buffer) => {
      const text = mask(chunk.toString('utf8'));
      output += text;
      if (isStdout) stdout += text;
      if (options.echoOutput !== false) echo?.(text);
    };
    child.stdout.on('data', take(true));
    child.stderr.on('data', take(false));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, output: `${output}${mask(String(error))}`, stdout, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output, stdout, timedOut });
    });
  });
}

/** `pact broker <args>` as a shell would need it typed. */
export function formatCommand(args: readonly string[]): string {
  return `pact broker ${args.map(quote).join(' ')}`;
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
