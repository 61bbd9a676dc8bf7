/**
 * The ci/ steps, run for real against a Pact Broker stand-in: the stub (`stub/cli.ts
 * --provider pact-broker`) serving this pipeline's own contract with the broker
 * (generated-pacts/openedx-lms-contracts-ci-pact-broker.json). The Pact Broker cannot run on
 * the build machines, so the broker is stubbed from a contract exactly as the LMS is.
 *
 * Each check runs a step script as a user would (its own process, flags, PACT_BROKER_* from the
 * environment) and then checks what the `pact broker` CLI sent, read from the stub's request
 * journal (`GET /__stub/requests`: headers and bodies), and what the step printed. Provider
 * states of the broker (a failed verification, a rejected login...) are switched with the stub's
 * admin API.
 *
 *   npm run ci:broker-stand-in [-- --pacts <dir>]
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { freePort } from '../stub/server/free-port';
import { fetchPactsFromBroker } from './broker/get-pacts';
import {
  BROKER_PROVIDER,
  GENERATED_PACTS_DIR,
  PIPELINE_CONSUMER,
  pactsToPublish,
  REPO_ROOT,
} from './broker/pact-files';

const TSX = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const BROKER_PACT = path.join(GENERATED_PACTS_DIR, `${PIPELINE_CONSUMER}-${BROKER_PROVIDER}.json`);
const FIXTURE_PACT = path.join(
  REPO_ROOT,
  'contracts',
  'pact-broker',
  'fixtures',
  'frontend-platform-lms.json',
);
const TOKEN = 'stand-in-token-0f3b';
const BRANCH = 'stand-in-check';
const BUILD_URL = 'http://127.0.0.1/builds/stand-in';
const STEP_TIMEOUT_MS = 60_000;
/** The publish requests carry whole pacts, base64-encoded (the largest is a few hundred KB): the
 *  journal keeps this much of each body, instead of its default 16 KiB. */
const JOURNAL_BODY_BYTES = 4 * 1024 * 1024;

/** A request the stub received, as its journal tells it. */
interface SentRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

interface JournalEntry {
  seq: number;
  method: string;
  url: string;
  request: { headers: Record<string, string>; body?: string; bodyTruncated?: true };
}

/** What the clients of the stand-in sent, oldest first, without the check's own calls to the
 *  admin API. Fails rather than check a partial record: a journal that dropped entries, or a
 *  body it cut. */
async function sentToStub(stubUrl: string): Promise<SentRequest[]> {
  const answer = await fetch(`${stubUrl}/__stub/requests`);
  if (!answer.ok) throw new Error(`GET /__stub/requests answered ${answer.status}`);
  const journal = (await answer.json()) as {
    count: number;
    limit: number;
    entries: JournalEntry[];
  };
  const oldest = journal.entries.at(-1);
  if (oldest !== undefined && oldest.seq !== 1)
    throw new Error(
      `the stub's journal keeps the last ${journal.limit} requests and has dropped older ones`,
    );
  return journal.entries
    .filter((entry) => !entry.url.startsWith('/__stub/'))
    .reverse()
    .map((entry) => {
      if (entry.request.bodyTruncated)
        throw new Error(
          `the journal cut the body of ${entry.method} ${entry.url}; raise JOURNAL_BODY_BYTES`,
        );
      return {
        method: entry.method,
        url: entry.url,
        headers: entry.request.headers,
        body: entry.request.body ?? '',
      };
    });
}

interface Started {
  url: string;
  stop: () => void;
}

/** Stubs still running: stopped on exit and on SIGINT/SIGTERM, so a killed check leaves no
 *  server behind. */
const running = new Set<() => void>();
process.on('exit', () => {
  for (const stop of running) stop();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(130));
}

/** Starts the stub CLI in its own process group on a free port and waits until its admin API
 *  answers (not its banner: the wording of the banner is the stub's to change). */
async function startStub(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [TSX, 'stub/cli.ts', ...args, '--port', String(port), '--log-level', 'warn'],
    {
      cwd: REPO_ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
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
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited !== undefined)
      throw new Error(`the stub exited with code ${exited} before serving:\n${output}`);
    const healthy = await fetch(`${url}/__stub/health`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (healthy) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`the stub did not answer within 30 s:\n${output}`);
}

interface StepRun {
  code: number;
  output: string;
}

/** Runs `ci/<script>.ts` as a user would, with a bounded time. */
function runStep(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<StepRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, path.join('ci', `${script}.ts`), ...args], {
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
      resolve({ code: code ?? -1, output });
    });
  });
}

async function setState(stubUrl: string, state: string | null): Promise<void> {
  const answer = await fetch(`${stubUrl}/__stub/state`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ state }),
  });
  if (!answer.ok) throw new Error(`the stub refused state '${state}': ${await answer.text()}`);
}

function gitHead(): string {
  return spawnSync('git', ['rev-parse', 'HEAD'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  }).stdout.trim();
}

/** The CLI sends the pact as its Rust core re-serialises it, stamping its own pact_models
 *  version over `metadata.pactRust.models`; everything else must be the file's content. */
function withoutModelsVersion(pact: Record<string, unknown>): Record<string, unknown> {
  const metadata = (pact.metadata ?? {}) as Record<string, unknown>;
  const pactRust = { ...(metadata.pactRust as Record<string, unknown> | undefined) };
  delete pactRust.models;
  return { ...pact, metadata: { ...metadata, pactRust } };
}

class Checks {
  passed = 0;
  failed = 0;
  async run(name: string, body: () => void | Promise<void>): Promise<void> {
    try {
      await body();
      this.passed += 1;
      process.stdout.write(`[ci] ✓ ${name}\n`);
    } catch (error) {
      this.failed += 1;
      process.stdout.write(
        `[ci] ✗ ${name}\n${indent(String((error as Error).message ?? error))}\n`,
      );
    }
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

function expectStep(run: StepRun, code: 0 | 1, ...patterns: RegExp[]): void {
  const problems = [
    ...(run.code === code ? [] : [`exit code ${run.code}, expected ${code}`]),
    ...patterns.filter((p) => !p.test(run.output)).map((p) => `output does not match ${p}`),
    ...(run.output.includes(TOKEN) ? ['the output shows the token'] : []),
  ];
  if (problems.length > 0) throw new Error(`${problems.join('; ')}\n--- output ---\n${run.output}`);
}

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { pacts: { type: 'string', default: GENERATED_PACTS_DIR } },
  });
  const pactsDir = path.resolve(values.pacts);
  const pacts = pactsToPublish(pactsDir);
  const consumers = [...new Set(pacts.map((p) => p.consumer))].sort();
  // Read once and passed to every step: the steps' own git detection is unit-tested
  // (ci/broker/broker.test.ts), and a checkout that moves during the run must not split it.
  const version = gitHead();
  const checks = new Checks();

  const stub = await startStub([
    '--provider',
    BROKER_PROVIDER,
    '--pacts',
    BROKER_PACT,
    '--journal-body-bytes',
    String(JOURNAL_BODY_BYTES),
    // The check reads the Authorization the CLI sent: keep it unredacted in the journal.
    '--journal-credentials',
  ]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PACT_BROKER_BASE_URL: stub.url,
    PACT_BROKER_TOKEN: TOKEN,
    PACT_BROKER_USERNAME: '',
    PACT_BROKER_PASSWORD: '',
    PACT_BROKER_HTTP_RETRIES: '1',
    GITHUB_SHA: '',
    GITHUB_HEAD_REF: '',
    GITHUB_REF_NAME: '',
  };
  const sent = async (method: string, pattern: RegExp): Promise<SentRequest[]> =>
    (await sentToStub(stub.url)).filter((r) => r.method === method && pattern.test(r.url));
  process.stdout.write(
    `[ci] broker stand-in: ${stub.url} (stub; what clients sent read from its journal); ${pacts.length} pact(s) of ${consumers.join(', ')}\n`,
  );

  try {
    await checks.run('publish: every pact, as the git SHA, with branch and build URL', async () => {
      const run = await runStep(
        'publish',
        ['--pacts', pactsDir, '--version', version, '--branch', BRANCH, '--build-url', BUILD_URL],
        env,
      );
      expectStep(run, 0, /\[ci\] publish: done/);
      const posts = await sent('POST', /^\/contracts\/publish$/);
      assert(
        posts.length === pacts.length,
        `${posts.length} publish request(s) for ${pacts.length} pact(s)`,
      );
      for (const pact of pacts) {
        const body = posts
          .map(
            (post) =>
              JSON.parse(post.body) as Record<string, unknown> & {
                contracts: Record<string, string>[];
              },
          )
          .find((b) => b.pacticipantName === pact.consumer);
        assert(body !== undefined, `nothing published for ${pact.consumer}`);
        if (!body) continue;
        assert(
          body.pacticipantVersionNumber === version,
          `${pact.consumer}: version ${String(body.pacticipantVersionNumber)}, expected ${version}`,
        );
        assert(body.branch === BRANCH, `${pact.consumer}: branch ${String(body.branch)}`);
        assert(body.buildUrl === BUILD_URL, `${pact.consumer}: build URL ${String(body.buildUrl)}`);
        const [contract] = body.contracts;
        assert(
          contract?.providerName === pact.provider,
          `${pact.consumer}: provider ${contract?.providerName}`,
        );
        const content = JSON.parse(Buffer.from(contract?.content ?? '', 'base64').toString('utf8'));
        const file = JSON.parse(fs.readFileSync(pact.file, 'utf8'));
        assert(
          isDeepStrictEqual(withoutModelsVersion(content), withoutModelsVersion(file)),
          `${pact.consumer}: the published content differs from ${path.relative(REPO_ROOT, pact.file)}`,
        );
      }
      for (const request of await sentToStub(stub.url)) {
        assert(
          request.headers.authorization === `Bearer ${TOKEN}`,
          `${request.method} ${request.url} was not sent with the token`,
        );
      }
    });

    await checks.run('publish: from a laptop, without a build URL', async () => {
      const before = (await sent('POST', /^\/contracts\/publish$/)).length;
      const run = await runStep(
        'publish',
        ['--pacts', pactsDir, '--version', version, '--branch', BRANCH],
        env,
      );
      expectStep(run, 0, /\[ci\] publish: done/);
      const posts = (await sent('POST', /^\/contracts\/publish$/)).slice(before);
      assert(
        posts.length === pacts.length,
        `${posts.length} publish request(s) for ${pacts.length} pact(s)`,
      );
      assert(
        posts.every((post) => !('buildUrl' in JSON.parse(post.body))),
        'a build URL was sent',
      );
    });

    await checks.run(
      'can-i-deploy: yes when the lms has verified each consumer version',
      async () => {
        await setState(stub.url, 'the lms has verified the pact of the consumer version');
        const run = await runStep(
          'can-i-deploy',
          ['--pacts', pactsDir, '--version', version, '--to-environment', 'production'],
          env,
        );
        expectStep(run, 0, ...consumers.map((c) => new RegExp(`can-i-deploy: yes for ${c} `)));
        const asked = (await sent('GET', /^\/matrix\?/)).map((r) =>
          new URL(r.url, stub.url).searchParams.get('q[][pacticipant]'),
        );
        assert(
          isDeepStrictEqual([...asked].sort(), consumers),
          `matrix asked for ${asked.join(', ')}`,
        );
      },
    );

    await checks.run(
      'can-i-deploy: fails with the reason when the verification failed',
      async () => {
        await setState(stub.url, 'the lms verification of the pact of the consumer version failed');
        const run = await runStep(
          'can-i-deploy',
          ['--pacts', pactsDir, '--version', version, '--to-environment', 'production'],
          env,
        );
        expectStep(
          run,
          1,
          /the broker says no \(The verification .* failed\)\. lms failed to verify/,
        );
      },
    );

    await checks.run('can-i-deploy: asks again while pending, then fails saying so', async () => {
      await setState(stub.url, 'the pact of the consumer version has not been verified yet');
      const before = (await sent('GET', /^\/matrix\?/)).length;
      const run = await runStep(
        'can-i-deploy',
        [
          '--pacts',
          pactsDir,
          '--version',
          version,
          '--to-environment',
          'production',
          '--retry-while-unknown',
          '1',
          '--retry-interval',
          '1',
        ],
        env,
      );
      expectStep(run, 1, /still pending after 1 retries/);
      assert(
        (await sent('GET', /^\/matrix\?/)).length - before >= 2,
        'can-i-deploy did not ask again',
      );
    });

    await checks.run('record-deployment: each consumer version to production', async () => {
      await setState(stub.url, null);
      const run = await runStep(
        'record-deployment',
        ['--pacts', pactsDir, '--version', version, '--environment', 'production'],
        env,
      );
      expectStep(run, 0, /\[ci\] record-deployment: done/);
      const looked = (await sent('GET', /^\/pacticipants\//)).map((r) => r.url);
      for (const consumer of consumers) {
        assert(
          looked.includes(`/pacticipants/${consumer}/versions/${version}`),
          `no version lookup for ${consumer}`,
        );
      }
      assert(
        (await sent('POST', /\/deployed-versions\/environment\//)).length === consumers.length,
        'not one deployment per consumer',
      );
    });

    await checks.run('publish: explains rejected credentials (401)', async () => {
      await setState(stub.url, 'the broker rejects the credentials');
      const run = await runStep(
        'publish',
        ['--pacts', pactsDir, '--version', version, '--branch', BRANCH],
        env,
      );
      expectStep(
        run,
        1,
        /rejected the credentials \(401 Unauthorized; sent a token\)\. Check PACT_BROKER_TOKEN/,
      );
    });

    await checks.run(
      'publish: explains a conflicting pact for the same version (409)',
      async () => {
        await setState(
          stub.url,
          'a pact with other content is already published for the consumer version',
        );
        const run = await runStep(
          'publish',
          ['--pacts', pactsDir, '--version', version, '--branch', BRANCH, '--build-url', BUILD_URL],
          env,
        );
        expectStep(
          run,
          1,
          /already holds a different pact for .* \(409 Conflict\)\. A published version never changes/,
        );
      },
    );

    await checks.run('publish: explains an unreachable broker, quickly', async () => {
      await setState(stub.url, null);
      const started = Date.now();
      const run = await runStep(
        'publish',
        ['--pacts', pactsDir, '--version', version, '--branch', BRANCH],
        {
          ...env,
          PACT_BROKER_BASE_URL: `http://127.0.0.1:${await freePort()}`,
        },
      );
      expectStep(
        run,
        1,
        /is unreachable \(no answer after 1 retries\)\. Check PACT_BROKER_BASE_URL/,
      );
      assert(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    });

    await checks.run('lms-webhook: puts the LMS verification webhook, token masked', async () => {
      const dispatchToken = 'stand-in-dispatch-7c1d';
      const run = await runStep('lms-webhook', [], { ...env, LMS_DISPATCH_TOKEN: dispatchToken });
      expectStep(run, 0, /created or updated 337fa5aa-/, /Authorization: Bearer \*\*\*/);
      assert(!run.output.includes(dispatchToken), 'the output shows the dispatch token');
      const [put] = await sent('PUT', /^\/webhooks\//);
      const webhook = JSON.parse(put?.body ?? '{}');
      assert(
        webhook.request?.headers?.Authorization === `Bearer ${dispatchToken}`,
        'the webhook lacks the dispatch token',
      );
      assert(
        webhook.events?.[0]?.name === 'contract_requiring_verification_published',
        'wrong webhook event',
      );
    });

    await checks.run(
      'get-pacts: the latest lms pacts of a branch, as plain pact files',
      async () => {
        const fetched = await fetchPactsFromBroker({ brokerUrl: stub.url, branch: 'main', env });
        try {
          const names = fetched.files.map((file) => path.basename(file));
          assert(
            isDeepStrictEqual(names, ['frontend-platform-lms.json']),
            `fetched ${names.join(', ')}`,
          );
          const fixture = JSON.parse(fs.readFileSync(FIXTURE_PACT, 'utf8'));
          const fetchedPact = JSON.parse(fs.readFileSync(fetched.files[0] as string, 'utf8'));
          assert(
            isDeepStrictEqual(fetchedPact, fixture),
            'the fetched pact differs from what the broker contract serves',
          );
        } finally {
          fs.rmSync(fetched.dir, { recursive: true, force: true });
        }
      },
    );

    await checks.run(
      'npm start -- --broker-url --branch: the stub serves the branch pacts',
      async () => {
        const lms = await startStub(['--broker-url', stub.url, '--branch', 'main'], env);
        try {
          const answer = await fetch(`${lms.url}/csrf/api/v1/token`, {
            headers: { 'USE-JWT-COOKIE': 'true' },
          });
          const body = (await answer.json()) as { csrfToken?: string };
          assert(answer.status === 200, `GET /csrf/api/v1/token answered ${answer.status}`);
          assert(typeof body.csrfToken === 'string', 'no csrfToken in the answer');
        } finally {
          lms.stop();
        }
      },
    );
  } finally {
    stub.stop();
  }
  process.stdout.write(`[ci] broker stand-in: ${checks.passed} passed, ${checks.failed} failed\n`);
  if (checks.failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[ci] Failed to run the broker stand-in check: ${(error as Error).message ?? String(error)}\n`,
  );
  process.exitCode = 1;
});
