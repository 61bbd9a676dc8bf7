/**
 * Lints the GitHub Actions workflow: strict YAML (no duplicate keys, no parse warnings) and the
 * structure the pipeline relies on (docs/ci.md): pinned actions, a concurrency group, the jobs
 * and their gates, and only scripts that exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

const root = path.resolve(__dirname, '..');
const workflowFile = path.join(root, '.github', 'workflows', 'contracts.yml');
const text = fs.readFileSync(workflowFile, 'utf8');
const scripts = (
  JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  id?: string;
  name?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  'runs-on': string;
  'timeout-minutes'?: number;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency: { group: string; 'cancel-in-progress': unknown };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const document = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true });
const workflow = document.toJS() as Workflow;
const jobs = workflow.jobs;
const allSteps = Object.values(jobs).flatMap((job) => job.steps);
const job = (name: string): Job => {
  const found = jobs[name];
  if (!found) throw new Error(`no job ${name}`);
  return found;
};
const runs = (name: string) => job(name).steps.flatMap((step) => (step.run ? [step.run] : []));

describe('.github/workflows/contracts.yml', () => {
  it('is strict YAML without errors or warnings', () => {
    expect(document.errors.map(String)).toEqual([]);
    expect(document.warnings.map(String)).toEqual([]);
  });

  it('runs on every push and pull request, in one concurrency group per branch or PR', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(workflow.on.push ?? null).toBeNull(); // no branch filter: every branch
    expect(workflow.concurrency.group).toMatch(/github\.ref/);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('pins every action to a full commit SHA with its version in a comment', () => {
    const uses = text.split('\n').filter((line) => /^\s*(- )?uses:/.test(line));
    expect(uses.length).toBeGreaterThanOrEqual(6);
    for (const line of uses) {
      expect(line).toMatch(/uses: [\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('sets up Node 20 with npm ci wherever it runs npm', () => {
    for (const [name, { steps }] of Object.entries(jobs)) {
      if (!steps.some((step) => step.run?.startsWith('npm run'))) continue;
      const node = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
      expect([name, node?.with?.['node-version']]).toEqual([name, 20]);
      expect(steps.some((step) => step.run === 'npm ci')).toBe(true);
    }
  });

  it('calls only npm scripts that exist', () => {
    const called = allSteps.flatMap((step) =>
      [...(step.run ?? '').matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1] as string),
    );
    expect(called.length).toBeGreaterThan(0);
    expect(called.filter((name) => !(name in scripts))).toEqual([]);
  });

  it('tests with lint, type-check, the test step (npm test + drift) and the state catalog', () => {
    expect(runs('test')).toEqual([
      'npm ci',
      'npm run lint',
      'npm run type-check',
      'npm run ci:test',
      'npm run pacts:provider-states -- --check',
    ]);
    expect(scripts['ci:test']).toBe('bash ci/test.sh');
  });

  it('runs the real-broker checks against the current pactfoundation/pact-broker image', () => {
    const broker = job('broker') as Job & {
      services: Record<string, { image: string; env: Record<string, string> }>;
    };
    const service = broker.services['pact-broker'];
    expect(service?.image).toBe('pactfoundation/pact-broker:latest');
    // The users the broker contract logs in as.
    expect(service?.env).toMatchObject({
      PACT_BROKER_BASIC_AUTH_USERNAME: 'ci',
      PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME: 'reader',
    });
    expect(runs('broker').at(-1)).toBe(
      'npm run ci:real-broker -- --broker-url http://127.0.0.1:9292',
    );
  });

  it('publishes only when broker credentials are present, with a notice otherwise', () => {
    const publish = job('publish');
    expect(publish.needs).toBe('test');
    const [check, ...rest] = publish.steps;
    expect(check?.id).toBe('broker');
    expect(check?.run).toContain('::notice');
    for (const step of rest) expect(step.if).toBe("steps.broker.outputs.configured == 'true'");
    expect(rest.at(-1)?.run).toContain('npm run pacts:publish -- --version');
    expect(publish.outputs?.published).toBe('${{ steps.broker.outputs.configured }}');
  });

  it('passes secrets only through the environment, never into a command line', () => {
    for (const step of allSteps) expect(step.run ?? '').not.toContain('secrets.');
    const secretNames = [...text.matchAll(/secrets\.(\w+)/g)].map((match) => match[1]);
    expect(new Set(secretNames)).toEqual(
      new Set(['PACT_BROKER_TOKEN', 'PACT_BROKER_USERNAME', 'PACT_BROKER_PASSWORD']),
    );
  });

  it('deploys from main only: can-i-deploy, then record-deployment', () => {
    const deploy = job('deploy');
    expect(deploy.if).toContain("github.ref == 'refs/heads/main'");
    expect(deploy.if).toContain("needs.publish.outputs.published == 'true'");
    const commands = runs('deploy');
    const canIDeploy = commands.findIndex((run) => run.startsWith('npm run pacts:can-i-deploy'));
    const record = commands.findIndex((run) => run.startsWith('npm run pacts:record-deployment'));
    expect(canIDeploy).toBeGreaterThan(-1);
    expect(record).toBeGreaterThan(canIDeploy);
    expect(commands[canIDeploy]).toContain('--retry-while-unknown');
  });

  it('ends with a complete gate that needs every job and always runs', () => {
    const complete = job('complete');
    expect(complete.if).toBe('always()');
    expect(complete.needs).toEqual(Object.keys(jobs).filter((name) => name !== 'complete'));
  });

  it('bounds every job in time', () => {
    for (const [name, { 'timeout-minutes': minutes }] of Object.entries(jobs)) {
      expect([name, typeof minutes]).toEqual([name, 'number']);
    }
  });
});
