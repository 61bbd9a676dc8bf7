/**
 * Every ci/ step, run for real against a real Pact Broker: each step script runs as a user would
 * run it (its own process, flags, PACT_BROKER_* from the environment), then this checks what the
 * step printed and what the broker holds afterwards, read back through the broker's API. The
 * failure paths are produced by the broker itself: a wrong password, the read-only user, a stray
 * token, a changed pact under a published version, no LMS version deployed, a pending and a failed
 * verification, an unknown environment, a broker that is down.
 *
 *   PACT_BROKER_BASE_URL=http://127.0.0.1:9292 npm run ci:broker-steps
 *
 * The broker must run with basic auth and the contract's users (BROKER_USERS), as .ci/run starts
 * it, and be a broker for tests: the checks delete and recreate pacticipants.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { BROKER_USERS, loginAs } from '../../vocabulary/pact-broker/logins';
import { GENERATED_PACTS_DIR, pactsToPublish, REPO_ROOT } from '../broker/pact-files';
import { freePort } from './free-port';
import { BrokerApi } from './states';

const TSX = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const BRANCH = 'real-broker-check';
const BUILD_URL = 'http://127.0.0.1/builds/real-broker-check';
const PROVIDER_VERSION = '0123456789abcdef0123456789abcdef01234567';
const STEP_TIMEOUT_MS = 90_000;
const WEBHOOK_UUID = '337fa5aa-7258-4c55-9210-e23ec263637f';

interface StepRun {
  code: number;
  output: string;
  ms: number;
}

/** Runs `node <tsx> <script> <args>` in the repository, bounded in time. */
function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<StepRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, script, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output, ms: Date.now() - started });
    });
  });
}

const step = (name: string, args: string[], env: NodeJS.ProcessEnv) =>
  run(path.join('ci', `${name}.ts`), args, env);

interface Started {
  url: string;
  /** Studio's port (`--backend-port cms=`), served when the broker gave cms pacts. */
  cmsUrl: string;
  output: () => string;
  stop: () => void;
}

const running = new Set<() => void>();
process.on('exit', () => {
  for (const stop of running) stop();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

/** Starts the stub CLI (as `npm start` does) on a free port, Studio too (its default port,
 *  18010, may be another stub's); waits for its health answer, or returns its output when it
 *  exits first. */
async function startStub(args: string[], env: NodeJS.ProcessEnv): Promise<Started | StepRun> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const cmsPort = await freePort();
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      TSX,
      'stub/cli.ts',
      ...args,
      '--port',
      String(port),
      '--backend-port',
      `cms=${cmsPort}`,
      '--log-level',
      'warn',
    ],
    { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let exited: number | null | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.on('exit', (code) => {
    exited = code;
  });
  const stop = () => {
    running.delete(stop);
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  running.add(stop);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      running.delete(stop);
      return { code: exited ?? -1, output, ms: Date.now() - started };
    }
    const healthy = await fetch(`${url}/__stub/health`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (healthy) return { url, cmsUrl: `http://127.0.0.1:${cmsPort}`, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`the stub did not answer within 60 s:\n${output}`);
}

class Checks {
  passed = 0;
  failed = 0;
  async run(name: string, body: () => Promise<number | undefined>): Promise<void> {
    const started = Date.now();
    try {
      const stepMs = await body();
      this.passed += 1;
      const timing = stepMs !== undefined ? `step ${(stepMs / 1000).toFixed(1)} s, ` : '';
      process.stdout.write(
        `[ci] ✓ ${name} (${timing}check ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
    } catch (error) {
      this.failed += 1;
      const text = String((error as Error).message ?? error)
        .split('\n')
        .map((line) => `      ${line}`)
        .join('\n');
      process.stdout.write(`[ci] ✗ ${name}\n${text}\n`);
    }
  }
}

const SECRETS = [BROKER_USERS.writer.password, BROKER_USERS.reader.password];

function expectStep(result: StepRun, code: 0 | 1, ...patterns: RegExp[]): number {
  const shown = SECRETS.filter((secret) => result.output.includes(secret));
  const problems = [
    ...(result.code === code ? [] : [`exit code ${result.code}, expected ${code}`]),
    ...patterns.filter((p) => !p.test(result.output)).map((p) => `output does not match ${p}`),
    ...(shown.length > 0 ? ['the output shows a password'] : []),
  ];
  if (problems.length > 0)
    throw new Error(`${problems.join('; ')}\n--- output ---\n${result.output}`);
  return result.ms;
}

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function gitHead(): string {
  return spawnSync('git', ['rev-parse', 'HEAD'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  }).stdout.trim();
}

/** The pact as published: the CLI stamps its own pact_models version; the broker adds links, a
 *  date and an `_id` to each interaction. */
function comparable(pact: Record<string, unknown>): Record<string, unknown> {
  const { _links: _l, createdAt: _c, ...rest } = pact;
  rest.interactions = (rest.interactions as Record<string, unknown>[]).map(
    ({ _id: _i, ...interaction }) => interaction,
  );
  const metadata = (rest.metadata ?? {}) as Record<string, unknown>;
  const pactRust = { ...(metadata.pactRust as Record<string, unknown> | undefined) };
  delete pactRust.models;
  return { ...rest, metadata: { ...metadata, pactRust } };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { pacts: { type: 'string', default: GENERATED_PACTS_DIR } },
  });
  const brokerUrl = (process.env.PACT_BROKER_BASE_URL ?? '').replace(/\/+$/, '');
  if (!brokerUrl) throw new Error('PACT_BROKER_BASE_URL is not set: start a broker first');
  const pactsDir = path.resolve(values.pacts);
  const pacts = pactsToPublish(pactsDir);
  const consumers = [...new Set(pacts.map((p) => p.consumer))].sort();
  // The LMS and Studio: each provider's pipeline verifies its own pacts and records its deployment.
  const providers = [...new Set(pacts.map((p) => p.provider))].sort();
  const pactsOf = (provider: string) => pacts.filter((p) => p.provider === provider).length;
  const version = gitHead();
  const api = new BrokerApi(brokerUrl);
  const checks = new Checks();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-steps-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PACT_BROKER_BASE_URL: brokerUrl,
    PACT_BROKER_TOKEN: '',
    ...loginAs(BROKER_USERS.writer),
    PACT_BROKER_HTTP_RETRIES: '1',
    GITHUB_SHA: '',
    GITHUB_HEAD_REF: '',
    GITHUB_REF_NAME: '',
  };
  const common = ['--pacts', pactsDir, '--version', version];
  process.stdout.write(
    `[ci] real broker: ${brokerUrl}; ${pacts.length} pact(s) of ${consumers.join(', ')} as version ${version}\n`,
  );
  for (const consumer of consumers) await api.forget(consumer);
  for (const provider of providers) await api.forget(provider);
  const production = await api.ensureEnvironment('production');
  await api.removeEnvironment('staging');

  try {
    await checks.run('publish: every pact, as the git SHA, with branch and build URL', async () => {
      const ms = expectStep(
        await step('publish', [...common, '--branch', BRANCH, '--build-url', BUILD_URL], env),
        0,
        /\[ci\] publish: done/,
        /publish: \d+ pact\(s\) to http:\/\/\S+ \(basic auth as ci\)/,
      );
      for (const pact of pacts) {
        const { body: held } = await api.call(
          'GET',
          `/pacts/provider/${pact.provider}/consumer/${pact.consumer}/version/${version}`,
        );
        const file = JSON.parse(fs.readFileSync(pact.file, 'utf8'));
        assert(
          isDeepStrictEqual(comparable(held), comparable(file)),
          `${pact.consumer}: the broker holds other content than ${path.relative(REPO_ROOT, pact.file)}`,
        );
        const { body: v } = await api.call(
          'GET',
          `/pacticipants/${pact.consumer}/versions/${version}`,
        );
        const branches = (v._embedded?.branchVersions ?? []).map((b: { name: string }) => b.name);
        assert(branches.includes(BRANCH), `${pact.consumer}: branches ${branches.join(', ')}`);
        assert(v.buildUrl === BUILD_URL, `${pact.consumer}: build URL ${v.buildUrl}`);
      }
      return ms;
    });

    await checks.run('publish again, same content: accepted (idempotent)', async () =>
      expectStep(await step('publish', [...common, '--branch', BRANCH], env), 0, /publish: done/),
    );

    await checks.run('publish changed content under the same version: 409 explained', async () => {
      const changed = path.join(scratch, 'changed');
      fs.mkdirSync(changed);
      const first = pacts[0] as (typeof pacts)[number];
      const pact = JSON.parse(fs.readFileSync(first.file, 'utf8'));
      pact.interactions[0].description += ' (changed)';
      fs.writeFileSync(path.join(changed, path.basename(first.file)), JSON.stringify(pact));
      return expectStep(
        await step('publish', ['--pacts', changed, '--version', version, '--branch', BRANCH], env),
        1,
        new RegExp(
          `already holds a different pact for ${first.consumer} version ${version} \\(409 Conflict\\)\\. A published version never changes`,
        ),
      );
    });

    const canIDeploy = (extra: string[], e = env) =>
      step('can-i-deploy', [...common, '--to-environment', 'production', ...extra], e);

    await checks.run(
      'can-i-deploy: no lms version deployed fails at once, no retries',
      async () => {
        const result = await canIDeploy(['--retry-while-unknown', '5', '--retry-interval', '5']);
        expectStep(result, 1, /no version of lms is recorded as deployed to production/);
        assert(!/asking again/.test(result.output), 'it asked again');
        assert(result.ms < 20_000, `took ${result.ms} ms: it waited`);
        return result.ms;
      },
    );

    for (const provider of providers) {
      await api.call('PUT', `/pacticipants/${provider}/versions/${PROVIDER_VERSION}`, {});
      await api.recordDeployment(provider, PROVIDER_VERSION, production);
    }

    await checks.run(
      'can-i-deploy: pending verification, asked again, then fails saying so',
      async () =>
        expectStep(
          await canIDeploy(['--retry-while-unknown', '1', '--retry-interval', '1']),
          1,
          /asking again in 1 s \(1\/1\)/,
          /still pending after 1 retries/,
        ),
    );

    const verifyAll = async (success: (consumer: string) => boolean) => {
      for (const { consumer, provider } of pacts) {
        await api.publishVerification(
          { provider, consumer, consumer_version: version, provider_version: PROVIDER_VERSION },
          success(consumer),
        );
      }
    };
    const failing = consumers[0] as string;
    await verifyAll((consumer) => consumer !== failing);

    await checks.run(
      'can-i-deploy: fails with the reason when the lms verification failed',
      async () =>
        expectStep(
          await canIDeploy(['--retry-while-unknown', '0', '--pacticipant', failing]),
          1,
          /the broker says no \(The verification for the pact between .* failed\)\. lms failed to verify/,
        ),
    );

    await verifyAll(() => true);
    await checks.run(
      'can-i-deploy: yes for every consumer once its providers have verified',
      async () =>
        expectStep(
          await canIDeploy(['--retry-while-unknown', '0']),
          0,
          ...consumers.map((c) => new RegExp(`can-i-deploy: yes for ${c} `)),
        ),
    );

    await checks.run('can-i-deploy: names an unknown environment and how to create it', async () =>
      expectStep(
        await step('can-i-deploy', [...common, '--to-environment', 'staging'], env),
        1,
        /the broker has no environment named staging\. Create it once/,
      ),
    );

    await checks.run('can-i-deploy: any other refusal quotes the CLI error itself', async () => {
      const result = await step(
        'can-i-deploy',
        [...common, '--to-environment', 'production', '--pacticipant', 'no-such-mfe'],
        env,
      );
      expectStep(
        result,
        1,
        /the pact CLI exited with code 1, saying: .*Pacticipant no-such-mfe not found.*\. Fix what the CLI names/,
      );
      assert(!/output above/.test(result.output), 'it points at output that is not printed');
      return result.ms;
    });

    await checks.run('record-deployment: each consumer version to production', async () => {
      const ms = expectStep(
        await step('record-deployment', [...common, '--environment', 'production'], env),
        0,
        /record-deployment: done/,
      );
      const { body } = await api.call(
        'GET',
        `/environments/${production}/deployed-versions/currently-deployed`,
      );
      const deployed = (body._embedded?.deployedVersions ?? []).map(
        (d: { _embedded?: { pacticipant?: { name?: string } } }) => d._embedded?.pacticipant?.name,
      );
      for (const consumer of consumers)
        assert(deployed.includes(consumer), `${consumer} is not deployed: ${deployed.join(', ')}`);
      return ms;
    });

    await checks.run('record-deployment: names an unknown environment', async () =>
      expectStep(
        await step('record-deployment', [...common, '--environment', 'staging'], env),
        1,
        /the broker has no environment named staging/,
      ),
    );

    await checks.run(
      'publish: a wrong password is explained (401), password never shown',
      async () =>
        expectStep(
          await step('publish', [...common, '--branch', BRANCH], {
            ...env,
            PACT_BROKER_PASSWORD: `${BROKER_USERS.reader.password}-wrong`,
          }),
          1,
          /rejected the credentials \(401 Unauthorized; sent basic auth as ci\)\. Check PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD/,
        ),
    );

    await checks.run(
      'publish: the read-only user is told to use the read-write user (401 on the write)',
      async () =>
        expectStep(
          await step('publish', [...common, '--branch', BRANCH], {
            ...env,
            ...loginAs(BROKER_USERS.reader),
          }),
          1,
          /let basic auth as reader read but refused the write to \/contracts\/publish \(401 Unauthorized\)\. The open-source broker answers 401 when its read-only user writes/,
        ),
    );

    await checks.run(
      'publish: a stray PACT_BROKER_TOKEN against basic auth is explained (400)',
      async () =>
        expectStep(
          await step('publish', [...common, '--branch', BRANCH], {
            ...env,
            PACT_BROKER_TOKEN: 'stray-token-5d1e',
          }),
          1,
          /answered 400 Bad Request to a token \(sent a token; PACT_BROKER_TOKEN wins over PACT_BROKER_USERNAME\)\. A broker with basic auth answers 400 to a bearer token: unset PACT_BROKER_TOKEN/,
        ),
    );

    await checks.run('credentials in the URL: sent as basic auth, never printed', async () => {
      const url = new URL(brokerUrl);
      url.username = BROKER_USERS.writer.username;
      url.password = BROKER_USERS.writer.password;
      const result = await step(
        'can-i-deploy',
        [...common, '--to-environment', 'production', '--retry-while-unknown', '0'],
        {
          ...env,
          PACT_BROKER_USERNAME: '',
          PACT_BROKER_PASSWORD: '',
          PACT_BROKER_BASE_URL: url.toString(),
        },
      );
      return expectStep(result, 0, /can-i-deploy: yes for /);
    });

    await checks.run('publish: an unreachable broker is explained, quickly', async () => {
      const result = await step('publish', [...common, '--branch', BRANCH], {
        ...env,
        PACT_BROKER_BASE_URL: `http://127.0.0.1:${await freePort()}`,
      });
      expectStep(result, 1, /is unreachable \(no answer after 1 retries\)/);
      assert(result.ms < 30_000, `took ${result.ms} ms`);
      return result.ms;
    });

    await checks.run(
      'lms-webhook: creates, then updates, the LMS webhook; token masked',
      async () => {
        await api.call('DELETE', `/webhooks/${WEBHOOK_UUID}`, undefined, [200, 204, 404]);
        const dispatchToken = 'real-broker-dispatch-7c1d';
        const webhookEnv = { ...env, LMS_DISPATCH_TOKEN: dispatchToken };
        let ms = 0;
        for (const time of ['create', 'update']) {
          const result = await step('lms-webhook', [], webhookEnv);
          ms += expectStep(
            result,
            0,
            new RegExp(`created or updated ${WEBHOOK_UUID}`),
            /Bearer \*\*\*/,
          );
          assert(
            !result.output.includes(dispatchToken),
            `${time}: the output shows the dispatch token`,
          );
        }
        const { body } = await api.call('GET', `/webhooks/${WEBHOOK_UUID}`);
        assert(
          body.events?.[0]?.name === 'contract_requiring_verification_published',
          `wrong webhook event: ${JSON.stringify(body.events)}`,
        );
        const { body: all } = await api.call('GET', '/webhooks');
        const count = (all._links?.['pb:webhooks'] ?? []).length;
        assert(count === 1, `${count} webhooks after two runs, expected 1`);
        return ms;
      },
    );

    /** Starts the stub on the broker's pacts, checks that the LMS answers and what it printed,
     *  then runs `more` against it (Studio's port). */
    const stubServes = async (
      args: string[],
      e: NodeJS.ProcessEnv,
      expected: RegExp[],
      more?: (stub: Started) => Promise<void>,
    ) => {
      const started = Date.now();
      const lms = await startStub(args, e);
      if (!('url' in lms)) throw new Error(`the stub exited with code ${lms.code}:\n${lms.output}`);
      try {
        const answer = await fetch(`${lms.url}/csrf/api/v1/token`, {
          headers: { 'USE-JWT-COOKIE': 'true' },
        });
        const body = (await answer.json()) as { csrfToken?: string };
        assert(answer.status === 200, `GET /csrf/api/v1/token answered ${answer.status}`);
        assert(typeof body.csrfToken === 'string', 'no csrfToken in the answer');
        for (const pattern of expected)
          assert(pattern.test(lms.output()), `output does not match ${pattern}:\n${lms.output()}`);
        await more?.(lms);
        assert(!SECRETS.some((s) => lms.output().includes(s)), 'the stub printed a password');
      } finally {
        lms.stop();
      }
      return Date.now() - started;
    };
    const brokerPattern = brokerUrl.replace(/[.]/g, '\\.');

    await checks.run(
      'npm start -- --broker-url --branch: serves the latest pacts of the branch, per provider',
      async () =>
        stubServes(
          ['--broker-url', brokerUrl, '--branch', BRANCH],
          env,
          providers.map(
            (provider) =>
              new RegExp(
                `Fetched ${pactsOf(provider)} ${provider} pact\\(s\\) of branch ${BRANCH} from ${brokerPattern} \\(sent basic auth as ci\\)`,
              ),
          ),
        ),
    );

    await checks.run(
      'npm start -- --broker-url --branch: serves Studio too, logged in through the LMS',
      async () =>
        stubServes(['--broker-url', brokerUrl, '--branch', BRANCH], env, [], async (stub) => {
          const output = stub.output();
          assert(
            output.includes(`Studio (CMS) stub serving at ${stub.cmsUrl}`),
            `the banner does not list Studio at ${stub.cmsUrl}:\n${output}`,
          );
          // The login of the LMS port is the session of Studio's port too.
          const login = await fetch(`${stub.url}/login?persona=staff`, { redirect: 'manual' });
          const session = login.headers
            .getSetCookie()
            .map((cookie) => cookie.split(';')[0] as string)
            .find((cookie) => cookie.startsWith('lms-stub-session='));
          assert(session !== undefined, `/login?persona=staff set no session cookie`);
          const home = await fetch(`${stub.cmsUrl}/api/contentstore/v1/home`, {
            headers: { 'USE-JWT-COOKIE': 'true', cookie: session as string },
          });
          const body = (await home.json()) as { course_creator_status?: unknown };
          assert(
            home.status === 200 && body.course_creator_status !== undefined,
            `GET /api/contentstore/v1/home on Studio's port answered ${home.status}: ${JSON.stringify(body).slice(0, 300)}`,
          );
          // The journal (the LMS port's admin API) says who was answered, and from which pact.
          const journal = (await (await fetch(`${stub.url}/__stub/requests`)).json()) as {
            entries: {
              url: string;
              backend?: string;
              persona?: string;
              outcome: string;
              interaction?: { source?: string };
            }[];
          };
          const entry = journal.entries.find((e) => e.url === '/api/contentstore/v1/home');
          assert(
            entry?.backend === 'cms' &&
              entry.persona === 'staff' &&
              entry.outcome === 'matched' &&
              /broker-pacts-[^/\\]+[/\\]frontend-app-authoring-cms\.json$/.test(
                entry.interaction?.source ?? '',
              ),
            `the journal does not show staff answered by the broker's cms pact: ${JSON.stringify(entry)}`,
          );
        }),
    );

    await checks.run(
      'npm start -- --broker-url --environment production: serves what is deployed',
      async () => {
        const url = new URL(brokerUrl);
        url.username = BROKER_USERS.writer.username;
        url.password = BROKER_USERS.writer.password;
        return stubServes(
          ['--broker-url', url.toString(), '--environment', 'production'],
          { ...env, PACT_BROKER_USERNAME: '', PACT_BROKER_PASSWORD: '' },
          providers.map(
            (provider) =>
              new RegExp(
                `Fetched \\d+ ${provider} pact\\(s\\) deployed or released to production from http://127\\.0\\.0\\.1:\\d+ \\(sent basic auth as ci \\(from the URL\\)\\)`,
              ),
          ),
        );
      },
    );

    await checks.run(
      'npm start -- --broker-url: a backend the broker knows no pact of is said in one line, the rest served',
      async () => {
        const port = await freePort();
        return stubServes(
          ['--broker-url', brokerUrl, '--branch', BRANCH, '--backend-port', `discovery=${port}`],
          env,
          [
            new RegExp(
              `Fetched ${pactsOf('lms')} lms pact\\(s\\) of branch ${BRANCH} from ${brokerPattern}`,
            ),
            new RegExp(
              `Serving 'discovery' with no interactions \\(--backend-port\\): the broker at ${brokerPattern} holds no discovery pact of branch ${BRANCH} \\(it knows no provider named discovery\\)\\.\\n`,
            ),
          ],
        );
      },
    );

    await checks.run(
      'npm start -- --broker-url with a wrong password: says what was sent, no secret',
      async () => {
        const url = new URL(brokerUrl);
        url.username = 'alice';
        url.password = 'SECRET-in-url';
        const result = await startStub(['--broker-url', url.toString(), '--branch', BRANCH], env);
        if ('url' in result) {
          result.stop();
          throw new Error('the stub started with a wrong password');
        }
        assert(
          !result.output.includes('SECRET-in-url'),
          `the stub printed the password:\n${result.output}`,
        );
        return expectStep(
          result,
          1,
          /rejected the credentials \(GET http:\/\/127\.0\.0\.1:\d+\/ answered 401 Unauthorized; sent basic auth as alice \(from the URL\)\)/,
        );
      },
    );

    await checks.run(
      'npm start -- --broker-url with a stray token: the 400 explained',
      async () => {
        const result = await startStub(['--broker-url', brokerUrl, '--branch', BRANCH], {
          ...env,
          PACT_BROKER_TOKEN: 'stray-token-5d1e',
        });
        if ('url' in result) {
          result.stop();
          throw new Error('the stub started although the broker refused the token');
        }
        return expectStep(
          result,
          1,
          /answered 400 to a token \(GET http:\/\/127\.0\.0\.1:\d+\/ answered 400 Bad Request; sent a token \(PACT_BROKER_TOKEN\), which wins over PACT_BROKER_USERNAME\)\. A broker with basic auth answers 400 to a bearer token/,
        );
      },
    );

    await checks.run(
      'npm start -- --broker-url --environment with nothing deployed there',
      async () => {
        await api.ensureEnvironment('staging');
        const result = await startStub(
          ['--broker-url', brokerUrl, '--environment', 'staging'],
          env,
        );
        await api.removeEnvironment('staging');
        if ('url' in result) {
          result.stop();
          throw new Error('the stub started with no pacts');
        }
        return expectStep(
          result,
          1,
          /Failed to fetch the lms pacts deployed or released to staging: the broker at \S+ holds no lms pact deployed or released to staging\. Check/,
        );
      },
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(`[ci] real broker: ${checks.passed} passed, ${checks.failed} failed\n`);
  if (checks.failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[ci] Failed to run the ci/ steps against the broker: ${(error as Error).message ?? String(error)}\n`,
  );
  process.exitCode = 1;
});
