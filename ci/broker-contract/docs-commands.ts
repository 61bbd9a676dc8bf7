/**
 * Runs the two `pact verifier` commands of docs/provider-verification.md as written (read from
 * the page itself) against the real Pact Broker of `bash ci/real-broker.sh`, with the stub
 * standing in for the LMS: its port replaces 8000, and `pact` (the binary of
 * @pact-foundation/pact-cli, the version the page pins) replaces the page's `npx ... pact`.
 *
 * What this proves: every flag is accepted, the broker source with the page's consumer version
 * selectors selects the published pacts, `--webhook-callback-url` verifies exactly the one pact,
 * and `--publish` records the results in the broker. It cannot prove the LMS's state view (the
 * stub has none), so the verifications themselves fail here and the exit code is not checked.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROKER_USERS, loginAs } from '../../vocabulary/pact-broker/logins';
import { pactBinary } from '../broker/pact-cli';
import { REPO_ROOT } from '../broker/pact-files';
import { freePort } from './free-port';
import { BrokerApi } from './states';

const DOC = path.join(REPO_ROOT, 'docs', 'provider-verification.md');
const TSX = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** The shell command starting at the line that runs `pact verifier`, up to its last `\` line. */
export function verifierCommands(markdown: string): string[] {
  const lines = markdown.split('\n');
  const commands: string[] = [];
  lines.forEach((line, index) => {
    if (!/(^|\s)pact verifier \\$/.test(line)) return;
    const command = [line.trim()];
    for (let next = index + 1; next < lines.length; next += 1) {
      const text = (lines[next] as string).trim();
      command.push(text);
      if (!text.endsWith('\\')) break;
    }
    commands.push(command.join('\n'));
  });
  return commands;
}

function runShell(
  command: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output });
    });
  });
}

async function main(): Promise<void> {
  const brokerUrl = (process.env.PACT_BROKER_BASE_URL ?? '').replace(/\/+$/, '');
  if (!brokerUrl) throw new Error('PACT_BROKER_BASE_URL is not set');
  const api = new BrokerApi(brokerUrl);
  const commands = verifierCommands(fs.readFileSync(DOC, 'utf8'));
  if (commands.length !== 2)
    throw new Error(`expected 2 pact verifier commands in ${DOC}, found ${commands.length}`);

  const port = await freePort();
  const stub = spawn(
    process.execPath,
    [TSX, 'stub/cli.ts', '--port', String(port), '--log-level', 'warn'],
    {
      cwd: REPO_ROOT,
      detached: true,
      stdio: 'ignore',
    },
  );
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-pact-'));
  fs.symlinkSync(pactBinary(), path.join(bin, 'pact'));
  let failed = 0;
  try {
    for (let i = 0; i < 100; i += 1) {
      if (
        await fetch(`http://127.0.0.1:${port}/__stub/health`).then(
          (a) => a.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const lmsVersion = 'fedcba9876543210fedcba9876543210fedcba98';
    const env: NodeJS.ProcessEnv = {
      PATH: `${bin}:${process.env.PATH}`,
      ...loginAs(BROKER_USERS.writer),
      PACT_BROKER_BASE_URL: brokerUrl,
      GIT_SHA: lmsVersion,
      GIT_BRANCH: 'master',
      BUILD_URL: 'http://127.0.0.1/builds/lms',
      PROVIDER_VERSION: lmsVersion,
      PROVIDER_BRANCH: 'master',
    };
    const asWritten = (command: string) =>
      command
        .replace(
          /npx --yes --package @pact-foundation\/pact-cli@[\d.]+ pact verifier/,
          'pact verifier',
        )
        .replaceAll('localhost:8000', `127.0.0.1:${port}`)
        .replace('--hostname localhost --port 8000', `--hostname 127.0.0.1 --port ${port}`);

    const verificationsOf = async (version: string) => {
      const { body } = await api.call(
        'GET',
        `/pacticipants/lms/versions/${version}`,
        undefined,
        [200, 404],
      );
      return body;
    };

    // 1. the regular LMS build: broker source, selectors, pending, WIP, publish
    const [regular, webhook] = commands as [string, string];
    const first = await runShell(asWritten(regular), env);
    const verified = consumersVerified(first.output);
    const problems: string[] = [];
    if (/error: |Custom header values must be/i.test(first.output) && verified.length === 0)
      problems.push('the verifier refused the command');
    if (verified.length === 0) problems.push('no pact was selected from the broker');
    if (!(await verificationsOf(lmsVersion)).number)
      problems.push('no verification result was published');
    report(
      'regular LMS build (broker source, selectors, --publish)',
      problems,
      first.output,
      verified,
    );
    failed += problems.length > 0 ? 1 : 0;

    // 2. the webhook-triggered build: one pact, by URL, result published
    const { body: latest } = await api.call(
      'GET',
      '/pacts/provider/lms/consumer/frontend-platform/latest',
    );
    const pactUrl = latest._links.self.href as string;
    const webhookVersion = '0badc0de0badc0de0badc0de0badc0de0badc0de';
    const second = await runShell(asWritten(webhook), {
      ...env,
      PACT_URL: pactUrl,
      PROVIDER_VERSION: webhookVersion,
    });
    const one = consumersVerified(second.output);
    const problems2: string[] = [];
    if (one.length !== 1 || one[0] !== 'frontend-platform')
      problems2.push(`verified ${one.join(', ') || 'nothing'}, expected only frontend-platform`);
    if (!(await verificationsOf(webhookVersion)).number)
      problems2.push('no verification result was published');
    report(
      'webhook-triggered build (--webhook-callback-url, --publish)',
      problems2,
      second.output,
      one,
    );
    failed += problems2.length > 0 ? 1 : 0;
  } finally {
    try {
      if (stub.pid) process.kill(-stub.pid, 'SIGTERM');
    } catch {
      // gone
    }
    fs.rmSync(bin, { recursive: true, force: true });
  }
  if (failed > 0) process.exitCode = 1;
}

/** The consumers whose pacts the verifier ran, from its "Verifying a pact between X and lms". */
function consumersVerified(output: string): string[] {
  return [
    ...new Set(
      [...output.matchAll(/Verifying a pact between (\S+) and lms/g)].map((m) => m[1] as string),
    ),
  ].sort();
}

function report(name: string, problems: string[], output: string, verified: string[]): void {
  if (problems.length === 0) {
    process.stdout.write(
      `[ci] ✓ docs: ${name}: verified the pacts of ${verified.join(', ')}, result published\n`,
    );
  } else {
    process.stdout.write(
      `[ci] ✗ docs: ${name}: ${problems.join('; ')}\n--- output ---\n${output.slice(-3000)}\n`,
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `[ci] Failed to run the docs' verifier commands: ${(error as Error).message}\n`,
    );
    process.exitCode = 1;
  });
}
