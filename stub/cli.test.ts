import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CliIo, type CliRun, startCli } from './cli';
import { send } from './testing/http';
import { DEFAULT_PERSONAS, PLATFORM_PACT, REPO_ROOT } from './testing/start-stub';

let tmp: string;
let running: CliRun | undefined;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-stub-'));
});

afterEach(async () => {
  if (running && running.exitCode === undefined) await running.stop();
  running = undefined;
  fs.rmSync(tmp, { recursive: true, force: true });
});

function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    cwd: REPO_ROOT,
    stdout: () => out,
    stderr: () => err,
  };
}

async function run(args: string[], io = captureIo()) {
  running = await startCli(args, io);
  return { run: running, io };
}

const waitFor = async (check: () => boolean | Promise<boolean>, what: string) => {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('lms-stub start-up', () => {
  it('prints every flag with its default for --help', async () => {
    // Act
    const { run: result, io } = await run(['--help']);

    // Assert
    expect(result.exitCode).toBe(0);
    for (const flag of [
      '--port',
      '--host',
      '--pacts',
      '--provider',
      '--persona',
      '--personas',
      '--state',
      '--origin',
      '--cookie-domain',
      '--tutor',
      '--watch',
      '--log-level',
    ]) {
      expect(io.stdout()).toMatch(new RegExp(`\\n  ${flag}\\b.*\\(default: `));
    }
  });

  it('prints the URL, pacts with interaction counts, the persona and the lines for .env.private', async () => {
    // Act
    const { run: result, io } = await run(['--port', '0', '--pacts', PLATFORM_PACT]);

    // Assert
    expect(result.exitCode).toBeUndefined();
    if (result.exitCode !== undefined) return;
    const port = result.server.port;
    const banner = io.stdout();
    expect(banner).toContain(
      `LMS stub serving at http://127.0.0.1:${port} (also http://localhost:${port})`,
    );
    expect(banner).toMatch(
      /generated-pacts\/frontend-platform-lms\.json {2}frontend-platform → lms, spec 4\.0, 7 interaction\(s\)/,
    );
    expect(banner).toContain('Persona: verified-learner');
    expect(banner).toContain('.env.private');
    expect(banner).toContain('not .env.development.local');
    for (const line of [
      `LMS_BASE_URL=http://localhost:${port}`,
      `LOGIN_URL=http://localhost:${port}/login`,
      `LOGOUT_URL=http://localhost:${port}/logout`,
      `REFRESH_ACCESS_TOKEN_ENDPOINT=http://localhost:${port}/login_refresh`,
      'ACCESS_TOKEN_COOKIE_NAME=edx-jwt-cookie-header-payload',
      'CSRF_TOKEN_API_PATH=/csrf/api/v1/token',
      `MFE_CONFIG_API_URL=http://localhost:${port}/api/mfe_config/v1`,
    ]) {
      expect(banner).toContain(`    ${line}\n`);
    }
    expect((await send('GET', `${result.server.url}/__stub/health`)).status).toBe(200);
  });

  it.each<[string, (dir: string) => string[], RegExp]>([
    [
      'a pact that is not JSON',
      (dir) => {
        fs.writeFileSync(
          path.join(dir, 'broken.json'),
          '{\n  "consumer": {"name": "x"},\n  oops\n}',
        );
        return ['--pacts', dir];
      },
      /Failed to load pact .*broken\.json at \$: not valid JSON: .* at line 3, column 3/,
    ],
    [
      'a pact with an unsupported rule',
      (dir) => {
        const pact = JSON.parse(fs.readFileSync(PLATFORM_PACT, 'utf8'));
        pact.interactions[0].request.matchingRules.body['$.time_zone'].matchers[0] = {
          match: 'equalsIgnoreOrder',
        };
        fs.writeFileSync(path.join(dir, 'rule.json'), JSON.stringify(pact));
        return ['--pacts', dir];
      },
      /Failed to load pact .*rule\.json \(interaction "a merge-patch of the logged-in user's preferences"\) at \$\.interactions\[0\]\.request\.matchingRules\.body\['\$\.time_zone'\]\.matchers\[0\]\.match: unsupported matcher 'equalsIgnoreOrder'/,
    ],
    [
      'a pact of an unknown specification version',
      (dir) => {
        const pact = JSON.parse(fs.readFileSync(PLATFORM_PACT, 'utf8'));
        pact.metadata.pactSpecification.version = '9.0';
        fs.writeFileSync(path.join(dir, 'future.json'), JSON.stringify(pact));
        return ['--pacts', dir];
      },
      /Failed to load pact .*future\.json at \$\.metadata\.pactSpecification\.version: unknown Pact specification version "9\.0"; the stub reads versions 1 to 4/,
    ],
    [
      'a missing folder',
      (dir) => ['--pacts', path.join(dir, 'nope')],
      /Failed to find pacts: .*nope does not exist\. Check --pacts\./,
    ],
    [
      'an unknown persona',
      () => ['--persona', 'ghost'],
      /Failed to start as persona 'ghost': there is no such persona in stub\/personas\/default\.yaml\. Personas: verified-learner, /,
    ],
    [
      'an unknown --state',
      () => ['--state', 'a typo'],
      /Failed to serve --state 'a typo': no served interaction declares it/,
    ],
    [
      'a bad --origin',
      () => ['--origin', 'localhost:2000/path'],
      /Failed to read --origin: 'localhost:2000\/path' is not an origin/,
    ],
    [
      'an unknown flag',
      () => ['--prot', '1'],
      /Failed to read the options: Unknown option '--prot'/,
    ],
    [
      'a persona file with an error',
      (dir) => {
        fs.writeFileSync(
          path.join(dir, 'p.yaml'),
          'users: []\npersonas:\n  learner: { user: nobody }\n',
        );
        return ['--personas', path.join(dir, 'p.yaml')];
      },
      /Failed to load personas .*p\.yaml at \$\.personas\['learner'\]\.user: no user 'nobody' in users\. Fix the persona file\./,
    ],
  ])('exits 1 with a clear message for %s, serving nothing', async (_name, argsFor, message) => {
    // Act
    const { run: result, io } = await run(['--port', '0', ...argsFor(tmp)]);

    // Assert
    expect(result.exitCode).toBe(1);
    expect(io.stderr()).toMatch(message);
    expect(io.stdout()).toBe('');
  });

  it('exits 1 when the port is in use', async () => {
    // Arrange
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;

    // Act
    const { run: result, io } = await run(['--port', String(port)]);
    blocker.close();

    // Assert
    expect(result.exitCode).toBe(1);
    expect(io.stderr()).toContain(
      `[stub] Failed to listen on 127.0.0.1:${port}: the port is in use. Stop what uses it or pass --port <another>.`,
    );
  });
});

describe('--watch', () => {
  it('reloads a changed pact, and keeps the last good set serving when a file turns invalid', async () => {
    // Arrange
    const file = path.join(tmp, 'lms.json');
    const pact = JSON.parse(fs.readFileSync(PLATFORM_PACT, 'utf8'));
    fs.writeFileSync(file, JSON.stringify(pact));
    const { run: result, io } = await run(['--port', '0', '--pacts', tmp, '--watch']);
    if (result.exitCode !== undefined) throw new Error(io.stderr());
    const count = async () =>
      (await send('GET', `${result.server.url}/__stub/health`)).json().interactions;
    expect(await count()).toBe(7);

    // Act: drop an interaction, then break the file.
    pact.interactions.pop();
    fs.writeFileSync(file, JSON.stringify(pact));
    await waitFor(async () => (await count()) === 6, 'the reload');
    fs.writeFileSync(file, '{ not json');
    await waitFor(
      () => io.stderr().includes('Still serving the last good set'),
      'the reload error',
    );

    // Assert
    expect(io.stderr()).toMatch(
      /Reloaded after a change to .*lms\.json: 1 pact\(s\), 6 interaction\(s\)\./,
    );
    expect(io.stderr()).toMatch(/Failed to load pact .*lms\.json at \$: not valid JSON/);
    expect(await count()).toBe(6);
  });
});

describe('--watch when the pacts folder itself goes away', () => {
  it('says so, keeps serving, and reloads the folder renamed back, changed, or recreated', async () => {
    // Arrange
    const dir = path.join(tmp, 'pacts');
    const pact = JSON.parse(fs.readFileSync(PLATFORM_PACT, 'utf8'));
    const write = (file: string, interactions: number) =>
      fs.writeFileSync(
        path.join(dir, file),
        JSON.stringify({
          ...pact,
          consumer: { name: file },
          interactions: pact.interactions.slice(0, interactions),
        }),
      );
    fs.mkdirSync(dir);
    write('a.json', 7);
    write('b.json', 2);
    const { run: result, io } = await run(['--port', '0', '--pacts', dir, '--watch']);
    if (result.exitCode !== undefined) throw new Error(io.stderr());
    const health = async () => (await send('GET', `${result.server.url}/__stub/health`)).json();
    expect((await health()).interactions).toBe(9);

    // Act 1: rename it away and back, then remove a pact.
    fs.renameSync(dir, `${dir}-moved`);
    await waitFor(() => io.stderr().includes('is gone (removed or renamed)'), 'the gone line');
    fs.renameSync(`${dir}-moved`, dir);
    fs.rmSync(path.join(dir, 'b.json'));
    await waitFor(async () => (await health()).interactions === 7, 'the reload after the rename');

    // Act 2: remove it, recreate it with other contents.
    fs.rmSync(dir, { recursive: true });
    await waitFor(
      () => io.stderr().split('is gone (removed or renamed)').length === 3,
      'the second gone line',
    );
    const servedWhileGone = (await health()).interactions;
    fs.mkdirSync(dir);
    write('c.json', 3);
    await waitFor(async () => (await health()).interactions === 3, 'the reload after recreation');

    // Assert
    expect(servedWhileGone).toBe(7);
    expect(io.stderr()).toContain('still serving the last set; it is reloaded when it is back');
    expect(io.stderr().split('is back: watching it again.').length).toBe(3);
    expect((await health()).pacts.map((p: { consumer: string }) => p.consumer)).toEqual(['c.json']);
  }, 30_000);
});

/** The pids below `pid` (Linux /proc), to clean up after a test whatever its outcome. */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

describe('--log-file', () => {
  it('writes the log to a file rotated by size instead of stderr', async () => {
    // Arrange
    const file = path.join(tmp, 'stub.log');
    const { run: result, io } = await run([
      '--port',
      '0',
      '--backend-port',
      'cms=0',
      '--log-file',
      file,
      '--log-file-bytes',
      '2048',
    ]);
    if (result.exitCode !== undefined) throw new Error(io.stderr());

    // Act
    for (let i = 0; i < 60; i += 1)
      await send('GET', `${result.server.url}/csrf/api/v1/token`, {
        'USE-JWT-COOKIE': 'true',
      });

    // Assert
    const current = fs.readFileSync(file, 'utf8');
    const previous = fs.readFileSync(`${file}.1`, 'utf8');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(2048);
    expect(Buffer.byteLength(previous)).toBeLessThanOrEqual(2048);
    expect(current).toContain('GET /csrf/api/v1/token → 200');
    expect(previous).toContain('GET /csrf/api/v1/token → 200');
    expect(io.stderr()).not.toContain('/csrf/api/v1/token');
    expect(io.stdout()).toContain(`Log: ${file} (moved to ${file}.1 past 2048 bytes)`);
  });
});

describe('npm start', () => {
  it('stops the stub when the npm process that started it is killed with SIGKILL', async () => {
    // Arrange
    // Studio on a free port too: its default, 18010, may be another stub's.
    const npm = spawn(
      'npm',
      ['start', '--', '--port', '0', '--backend-port', 'cms=0', '--personas', DEFAULT_PERSONAS],
      {
        cwd: REPO_ROOT,
      },
    );
    let stdout = '';
    npm.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    npm.stderr.resume();
    const below: number[] = [];
    try {
      for (let i = 0; i < 1200 && !/serving at http:\/\/127\.0\.0\.1:\d+/.test(stdout); i += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const url = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (!url) throw new Error(`npm start did not start the stub:\n${stdout}`);
      below.push(...descendantsOf(npm.pid as number));

      // Act
      npm.kill('SIGKILL');
      const up = () =>
        send('GET', `${url}/__stub/health`).then(
          () => true,
          () => false,
        );
      for (let i = 0; i < 100 && (await up()); i += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));

      // Assert
      expect(await up()).toBe(false);
    } finally {
      for (const pid of below) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone, as it should be.
        }
      }
    }
  }, 90_000);
});

describe('the built lms-stub binary', () => {
  it('starts from the bundle and stops cleanly on SIGTERM and SIGINT', async () => {
    // Arrange
    const outdir = path.join(REPO_ROOT, 'dist', 'test-stub');
    const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'stub', 'build.js'), outdir], {
      encoding: 'utf8',
    });
    expect(build.status).toBe(0);

    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const child = spawn(
        process.execPath,
        [
          path.join(outdir, 'cli.js'),
          '--port',
          '0',
          '--backend-port',
          'cms=0',
          '--personas',
          DEFAULT_PERSONAS,
        ],
        {
          cwd: REPO_ROOT,
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code)),
      );
      await waitFor(
        () => /serving at (http:\/\/127\.0\.0\.1:\d+)/.test(stdout) || child.exitCode !== null,
        'the banner',
      );
      const url = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      expect(url).toBeDefined();

      // Act
      const health = await send('GET', `${url}/__stub/health`);
      child.kill(signal);
      const code = await exited;

      // Assert
      expect(health.status).toBe(200);
      expect(code).toBe(0);
      expect(stderr).toContain(`[stub] ${signal}: stopping.`);
    }
  });
});
