/**
 * The stub runner (stub/cli.ts), started as a child process on a free loopback port, as a
 * developer starts it with `npm start`. Run from source through tsx, so the test exercises the
 * stub of this checkout without a build step.
 */
import path from 'node:path';
import { freePort } from '../server/free-port';
import { type RunningProcess, startProcess } from './processes';
import { waitFor200 } from './wait-for-200';

const REPO_ROOT = path.resolve(__dirname, '../..');

export interface RunningStub {
  /** http://localhost:<port>: the LMS base URL an MFE on localhost uses (same cookie host). */
  url: string;
  port: number;
  process: RunningProcess;
  /** What the stub printed so far: its banner and its request log. */
  log(): string;
  stop(): Promise<void>;
}

export async function startStub(extraArgs: string[] = []): Promise<RunningStub> {
  const port = await freePort();
  // generated-pacts/ holds Studio's pacts too, which the stub serves on the CMS's own port
  // (18010) by default: a test takes a free one instead.
  const studioPort = extraArgs.includes('--provider')
    ? []
    : ['--backend-port', `cms=${await freePort()}`];
  const stub = startProcess(
    'stub',
    process.execPath,
    ['--import', 'tsx', 'stub/cli.ts', '--port', String(port), ...studioPort, ...extraArgs],
    { cwd: REPO_ROOT },
  );
  let exitCode: number | null | undefined;
  stub.exited.then((code) => {
    exitCode = code;
  });
  try {
    await waitFor200(`http://127.0.0.1:${port}/__stub/health`, 30_000, () =>
      exitCode === undefined ? undefined : `the stub exited with code ${exitCode}`,
    );
  } catch (error) {
    await stub.stop();
    throw new Error(`${(error as Error).message}\n[e2e] Stub output:\n${stub.output()}`);
  }
  return {
    url: `http://localhost:${port}`,
    port,
    process: stub,
    log: () => stub.output(),
    stop: () => stub.stop(),
  };
}
