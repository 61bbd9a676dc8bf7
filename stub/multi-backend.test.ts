/**
 * One `npm start`, several backends: the LMS and a second provider's pact (a synthetic
 * stand-in for Studio) each on its own free port, one login session and one journal for both.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CliIo, type CliRun, startCli } from './cli';
import { send } from './testing/http';
import { PLATFORM_PACT, REPO_ROOT } from './testing/start-stub';
import { SECOND_BACKEND, secondBackendPact } from './testing/synthetic-pact/second-backend';

let tmp: string;
let secondPact: string;
let running: CliRun | undefined;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'multi-backend-'));
  secondPact = path.join(tmp, 'synthetic-authoring-synthetic-cms.json');
  fs.writeFileSync(secondPact, JSON.stringify(secondBackendPact()));
});

afterEach(async () => {
  if (running && running.exitCode === undefined) await running.stop();
  running = undefined;
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function start(args: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    cwd: REPO_ROOT,
  };
  running = await startCli(args, io);
  if (running.exitCode !== undefined) throw new Error(`the stub did not start: ${err}`);
  return { run: running, banner: out };
}

/** The LMS's pact and the second backend's, each on a free port. */
const startBoth = () =>
  start([
    ...['--port', '0', '--pacts', PLATFORM_PACT, '--pacts', secondPact],
    ...['--backend-port', `${SECOND_BACKEND}=0`],
  ]);

const home = (url: string, headers: Record<string, string> = {}) =>
  send('GET', `${url}/api/contentstore/v1/home`, headers);

describe('serving several backends from one start', () => {
  it('serves the LMS and the second provider each on its own port, and says so', async () => {
    // Act
    const { run, banner } = await startBoth();

    // Assert
    const [lms, second] = run.backends;
    expect(run.backends.map((b) => b.served.profile.provider)).toEqual(['lms', SECOND_BACKEND]);
    expect(lms?.server.port).not.toBe(second?.server.port);
    expect(banner).toContain(`LMS stub serving at ${lms?.server.url}`);
    expect(banner).toContain(
      `'${SECOND_BACKEND}' stub serving at ${second?.server.url} (also http://localhost:${second?.server.port}) · provider ${SECOND_BACKEND} · 2 interaction(s)`,
    );
    expect(banner).toContain('One login for every port');
    // Each port answers its own backend's pacts, and only those.
    expect((await send('GET', `${second?.server.url}/heartbeat`)).status).toBe(200);
    expect((await send('GET', `${lms?.server.url}/heartbeat`)).status).toBe(404);
    expect((await send('GET', `${second?.server.url}/csrf/api/v1/token`)).status).toBe(404);
    // The second backend has no login pages of its own: its pacts answer (none has /login).
    expect((await send('GET', `${second?.server.url}/login`)).status).toBe(404);
  });

  it('shares the login: a browser logged in at the LMS is that persona on the other port', async () => {
    // Arrange
    const { run } = await startBoth();
    const [lms, second] = run.backends.map((b) => b.server.url);

    // Act
    const login = await send('GET', `${lms}/login?persona=staff`);
    const sessionCookie = (login.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0] as string)
      .find((c) => c.startsWith('lms-stub-session='));
    const asStaff = await home(second as string, { cookie: sessionCookie as string });
    const withoutSession = await home(second as string);

    // Assert
    expect(sessionCookie).toBe('lms-stub-session=staff');
    expect(asStaff.status).toBe(200);
    expect(asStaff.json()).toEqual({ username: 'staff' });
    expect(withoutSession.json()).toEqual({ username: 'verified' });
  });

  it("keeps one active persona and one journal, on the LMS port's admin API", async () => {
    // Arrange
    const { run } = await startBoth();
    const [lms, second] = run.backends.map((b) => b.server.url);

    // Act
    const switched = await send(
      'POST',
      `${lms}/__stub/persona`,
      { 'content-type': 'application/json' },
      JSON.stringify({ persona: 'staff' }),
    );
    const answered = await home(second as string);
    const journal = (await send('GET', `${lms}/__stub/requests`)).json();

    // Assert
    expect(switched.status).toBe(200);
    expect(answered.json()).toEqual({ username: 'staff' });
    expect(journal.entries[0]).toMatchObject({
      url: '/api/contentstore/v1/home',
      backend: SECOND_BACKEND,
      outcome: 'matched',
      persona: 'staff',
    });
  });

  it("counts every backend's interactions and misses in the coverage, on either port", async () => {
    // Arrange
    const { run } = await startBoth();
    const [lms, second] = run.backends;
    const lmsInteractions = lms?.served.interactions.length ?? 0;

    // Act
    await home(second?.server.url as string);
    await send('GET', `${second?.server.url}/api/nothing-here`);
    await send('GET', `${lms?.server.url}/api/nothing-here`);
    const coverage = (await send('GET', `${lms?.server.url}/__stub/coverage`)).json();
    const fromSecond = (await send('GET', `${second?.server.url}/__stub/coverage`)).json();

    // Assert
    expect(coverage.total).toBe(lmsInteractions + 2);
    expect(coverage.covered).toBe(1);
    const providers = new Set(
      coverage.interactions.map((row: { provider: string }) => row.provider),
    );
    expect(providers).toEqual(new Set(['lms', SECOND_BACKEND]));
    expect(coverage.interactions.find((row: { hits: number }) => row.hits > 0)).toMatchObject({
      provider: SECOND_BACKEND,
      path: '/api/contentstore/v1/home',
      hits: 1,
    });
    expect(
      coverage.unmatched.map((u: { backend: string; path: string }) => [u.backend, u.path]),
    ).toEqual(
      expect.arrayContaining([
        [SECOND_BACKEND, '/api/nothing-here'],
        ['lms', '/api/nothing-here'],
      ]),
    );
    expect(coverage.unmatched).toHaveLength(2);
    expect(fromSecond).toEqual(coverage);
  });

  it('serves a foreign pact alone with the generic profile: no Open edX lines, no login pages', async () => {
    // Act
    const { run, banner } = await start([
      '--port',
      '0',
      '--pacts',
      secondPact,
      '--provider',
      SECOND_BACKEND,
    ]);

    // Assert
    expect(run.backends).toHaveLength(1);
    expect(banner).toContain(`'${SECOND_BACKEND}' stub serving at`);
    expect(banner).not.toContain('LMS_BASE_URL');
    expect(banner).not.toContain('minted JWT cookie');
    expect(banner).not.toContain('Log in:');
    expect((await send('GET', `${run.server.url}/login`)).status).toBe(404);
    expect((await home(run.server.url)).json()).toEqual({ username: 'verified' });
  });

  it("stops the LMS stub it started when the second backend's port is taken, naming the flag", async () => {
    // Arrange
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    let err = '';

    // Act
    const run = await startCli(
      [
        '--port',
        '0',
        '--pacts',
        PLATFORM_PACT,
        '--pacts',
        secondPact,
        '--backend-port',
        `${SECOND_BACKEND}=${port}`,
      ],
      { out: () => undefined, err: (text) => (err += text), cwd: REPO_ROOT },
    );
    await new Promise((resolve) => taken.close(resolve));

    // Assert
    expect(run.exitCode).toBe(1);
    expect(err).toContain(
      `Failed to listen on 127.0.0.1:${port} for the '${SECOND_BACKEND}' stub: the port is in use. Stop what uses it or pass --backend-port ${SECOND_BACKEND}=<another>.`,
    );
  });

  it('refuses a --backend-port that is not a port, naming the flag', async () => {
    // Act
    let err = '';
    const run = await startCli(
      ['--port', '0', '--pacts', secondPact, '--backend-port', `${SECOND_BACKEND}=x`],
      { out: () => undefined, err: (text) => (err += text), cwd: REPO_ROOT },
    );

    // Assert
    expect(run.exitCode).toBe(1);
    expect(err).toContain(
      `--backend-port ${SECOND_BACKEND}=x: the port must be a number from 0 to 65535, not 'x'`,
    );
  });
});
