/**
 * `--engine pact-stub-server`: pact-stub-server behind the front door, run from the built
 * bundle as users run it, and the life of its child process: stopped with the runner however
 * the runner ends, reported (not restarted) when it dies on its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
} from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { send } from '../testing/http';
import { DEFAULT_PERSONAS, PLATFORM_PACT, REPO_ROOT } from '../testing/start-stub';
import { confinement } from './confine';

const { buildStub } = require('../build.js') as { buildStub: (outdir: string) => string };

let outdir: string;
let cli: string;
let crashingRunner: string;
const started: ChildProcess[] = [];

beforeAll(() => {
  mkdirSync(path.join(REPO_ROOT, 'dist'), { recursive: true });
  // Inside the repository, as the package ships it: the bundle finds node_modules from there.
  outdir = mkdtempSync(path.join(REPO_ROOT, 'dist', 'test-reference-'));
  cli = buildStub(outdir);
  mkdirSync(path.join(outdir, 'tmp'));
  crashingRunner = path.join(outdir, 'crash-after-start.js');
  buildSync({
    entryPoints: [path.join(__dirname, '__fixtures__', 'crash-after-start.ts')],
    outfile: crashingRunner,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
});

afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(outdir, { recursive: true, force: true });
});

interface Runner {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function startRunner(script: string, args: string[] = []): Promise<Runner> {
  const child = spawn(
    process.execPath,
    [
      script,
      '--engine',
      'pact-stub-server',
      '--port',
      '0',
      '--personas',
      DEFAULT_PERSONAS,
      '--pacts',
      PLATFORM_PACT,
      ...args,
    ],
    // The pact copies go to a temporary folder of this test: a runner killed with SIGKILL
    // cannot remove its own.
    { cwd: REPO_ROOT, env: { ...process.env, TMPDIR: path.join(outdir, 'tmp') } },
  );
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // The banner (stdout) and the engine's start-up line (stderr) come through separate pipes.
  await waitFor(
    () =>
      (/serving at http:\/\/127\.0\.0\.1:\d+/.test(output) &&
        /Engine: pact-stub-server \(pid \d+/.test(output)) ||
      child.exitCode !== null,
    () => output,
  );
  const url = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  if (!url) throw new Error(`the stub did not start:\n${output}`);
  return { child, url, output: () => output, exited };
}

async function waitFor(check: () => boolean, explain: () => string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The pact-stub-server child of the runner, as its start-up line names it. */
function referenceChild(runner: Runner): number {
  const pid = /Engine: pact-stub-server \(pid (\d+)/.exec(runner.output())?.[1];
  if (!pid) throw new Error(`no pact-stub-server pid in the output:\n${runner.output()}`);
  return Number(pid);
}

/** Gone, or a zombie: dead, and only waiting for a parent (or a sandbox's init) to reap it. */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = `/proc/${pid}/stat`;
  try {
    return (
      existsSync(stat) && (readFileSync(stat, 'utf8').split(') ')[1]?.startsWith('Z') ?? false)
    );
  } catch {
    return true;
  }
}

/** Every process below `pid`, with its executable's name. */
function descendants(pid: number): Array<{ pid: number; exe: string }> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const found: Array<{ pid: number; exe: string }> = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent) continue;
      let exe = '';
      try {
        exe = path.basename(readlinkSync(`/proc/${child}/exe`));
      } catch {
        // Gone meanwhile.
      }
      found.push({ pid: child, exe });
      walk(child);
    }
  };
  walk(pid);
  return found;
}

describe('--engine pact-stub-server', () => {
  it('answers through the front door: credentialed CORS, journal, problem+json when nothing matches', async () => {
    const runner = await startRunner(cli);
    const origin = 'http://localhost:1996';

    const token = await send('GET', `${runner.url}/csrf/api/v1/token`, {
      'USE-JWT-COOKIE': 'true',
      Origin: origin,
    });
    const none = await send('DELETE', `${runner.url}/no/such/path`);
    const journal = await send('GET', `${runner.url}/__stub/requests`);
    runner.child.kill('SIGTERM');

    expect(token.status).toBe(200);
    expect(token.json()).toEqual({ csrfToken: expect.stringMatching(/^[A-Za-z0-9]{32,64}$/) });
    expect(token.headers['access-control-allow-origin']).toBe(origin);
    expect(token.headers['access-control-allow-credentials']).toBe('true');
    expect(none.status).toBe(404);
    expect(none.json()).toMatchObject({
      code: 'NO_INTERACTION_MATCHED',
      engine: 'pact-stub-server',
    });
    expect(journal.json().entries).toContainEqual(
      expect.objectContaining({
        url: '/csrf/api/v1/token',
        outcome: 'matched',
        interaction: expect.objectContaining({
          description: expect.stringContaining('CSRF token'),
        }),
      }),
    );
    expect(runner.output()).toContain('Engine: pact-stub-server (pid');
    expect(await runner.exited).toBe(0);
  });

  it('serves the first backend only, and says which it leaves out and what to do', async () => {
    const studioPact = path.join(REPO_ROOT, 'generated-pacts', 'frontend-app-authoring-cms.json');
    const runner = await startRunner(cli, ['--pacts', studioPact, '--backend-port', 'cms=0']);

    const health = await send('GET', `${runner.url}/__stub/health`);
    runner.child.kill('SIGTERM');

    expect(health.json().pacts.map((p: { provider: string }) => p.provider)).toEqual(['lms']);
    expect(runner.output()).toContain(
      '--engine pact-stub-server serves one backend: LMS only. Not served, nothing listens on its port: Studio (CMS). For it, use the native engine (leave --engine out), or start a second stub with --provider cms --engine pact-stub-server',
    );
    expect(runner.output()).not.toContain('Studio (CMS) stub serving at');
    expect(await runner.exited).toBe(0);
  });

  it.each([
    ['Ctrl-C (SIGINT)', 'SIGINT'],
    ['SIGTERM', 'SIGTERM'],
    ['SIGKILL, which no handler sees', 'SIGKILL'],
  ] as const)(
    'leaves no pact-stub-server behind when the runner gets %s',
    async (_name, signal) => {
      const runner = await startRunner(cli);
      const child = referenceChild(runner);
      // The child and, when it runs confined, its relay's pact-stub-server.
      const family = [child, ...descendants(child).map(({ pid }) => pid)];
      expect(isGone(child)).toBe(false);

      runner.child.kill(signal);
      await runner.exited;

      await waitFor(
        () => family.every(isGone),
        () => `pact-stub-server ${family.filter((pid) => !isGone(pid)).join(', ')} still running`,
        3_000,
      );
    },
  );

  it('leaves no pact-stub-server behind when the runner crashes (uncaught exception)', async () => {
    const runner = await startRunner(crashingRunner);
    const child = referenceChild(runner);

    const code = await runner.exited;

    expect(code).toBe(1);
    expect(runner.output()).toContain('deliberate crash');
    await waitFor(
      () => isGone(child),
      () => `pact-stub-server ${child} is still running`,
      3_000,
    );
  });

  it('reports a pact-stub-server that dies and stops with exit code 1, without restarting it', async () => {
    const runner = await startRunner(cli);
    const child = referenceChild(runner);

    process.kill(child, 'SIGKILL');
    const code = await runner.exited;

    expect(code).toBe(1);
    expect(runner.output()).toContain(
      `Failed to keep pact-stub-server (pid ${child}) running: it exited with signal SIGKILL`,
    );
    expect(runner.output()).not.toMatch(/Engine: pact-stub-server[\s\S]*Engine: pact-stub-server/);
  });

  it('keeps pact-stub-server off the network: in a network namespace of its own, or says loudly that it cannot', async () => {
    // Arrange
    const runner = await startRunner(cli);
    const child = referenceChild(runner);

    // Act
    const pact = [{ pid: child, exe: '' }, ...descendants(child)].find(({ pid }) => {
      try {
        return path.basename(readlinkSync(`/proc/${pid}/exe`)) === 'pact';
      } catch {
        return false;
      }
    });
    const namespaceOf = (pid: number | string) => readlinkSync(`/proc/${pid}/ns/net`);
    const pactNamespace = pact && namespaceOf(pact.pid);
    runner.child.kill('SIGTERM');
    await runner.exited;

    // Assert
    expect(pact).toBeDefined();
    if (confinement().command) {
      // pact-stub-server binds 0.0.0.0, but that 0.0.0.0 is its namespace's alone.
      expect(pactNamespace).not.toBe(namespaceOf('self'));
      expect(runner.output()).toContain('in a network namespace of its own');
    } else {
      expect(runner.output()).toContain('so other machines can reach it past this front door');
    }
  });

  it('leaves no run folder behind a SIGKILL once the next one starts', async () => {
    // Arrange
    const tmp = path.join(outdir, 'tmp');
    const killed = await startRunner(cli);
    killed.child.kill('SIGKILL');
    await killed.exited;

    // Act
    const next = await startRunner(cli);
    const folders = readdirSync(tmp, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.relative(tmp, path.join(entry.parentPath, entry.name)));
    next.child.kill('SIGTERM');
    await next.exited;

    // Assert: the stale folder is gone; what is left belongs to the runner still running.
    const left = folders.filter((folder) => folder.includes(path.sep));
    expect(left.length).toBeGreaterThan(0);
    for (const folder of left)
      expect(folder).toMatch(new RegExp(`^openedx-stub-reference-\\d+/${next.child.pid}-`));
    expect(
      folders.filter((f) => !f.includes(path.sep) && !/^openedx-stub-reference-\d+$/.test(f)),
    ).toEqual([]);
  });

  it('refuses an unknown engine, and --watch with the reference engine', async () => {
    const unknown = spawn(process.execPath, [cli, '--engine', 'wiremock'], { cwd: REPO_ROOT });
    const watch = spawn(process.execPath, [cli, '--engine', 'pact-stub-server', '--watch'], {
      cwd: REPO_ROOT,
    });
    const collect = (child: ChildProcess) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        let err = '';
        child.stderr?.on('data', (chunk) => {
          err += chunk;
        });
        child.on('exit', (code) => resolve({ code, err }));
      });

    const [a, b] = await Promise.all([collect(unknown), collect(watch)]);

    expect(a).toEqual({
      code: 1,
      err: expect.stringContaining(
        "--engine must be one of native, pact-stub-server, not 'wiremock'",
      ),
    });
    expect(b).toEqual({
      code: 1,
      err: expect.stringContaining('--watch works with the native engine only'),
    });
  });
});
