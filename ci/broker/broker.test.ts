/** Unit tests of the pieces of ci/broker/ that do not talk to a broker (those that do are the
 *  contracts in contracts/pact-broker/). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brokerConnection } from './config';
import { diagnose, succeeded } from './diagnose';
import { createMask } from './mask';
import { pactBinary } from './pact-cli';
import { consumersOf, pactsToPublish } from './pact-files';
import { versionFacts } from './version';

const connection = brokerConnection({
  PACT_BROKER_BASE_URL: 'https://broker.example.org/',
  PACT_BROKER_TOKEN: 's3cr3t-token',
});
const run = (output: string, code = 1) => ({ code, output, stdout: output, timedOut: false });
const explain = (output: string, code = 1) =>
  diagnose(run(output, code), {
    action: 'publish the pacts',
    connection,
    subject: 'fp version abc',
  }).message;

describe('createMask', () => {
  it('hides secrets, their URL-encoded form and credentials written into URLs', () => {
    const mask = createMask(['p@ss word', undefined, '']);
    expect(mask('token p@ss word and p%40ss%20word')).toBe('token *** and ***');
    expect(mask('GET https://ci:hunter2@broker.example.org/ failed')).toBe(
      'GET https://***@broker.example.org/ failed',
    );
  });
});

describe('brokerConnection', () => {
  it('takes credentials out of the URL, hands them to the CLI as basic auth and never prints them', () => {
    const fromUrl = brokerConnection({
      PACT_BROKER_BASE_URL: 'http://alice:S%40CRET@127.0.0.1:1/',
    });
    expect(fromUrl.baseUrl).toBe('http://127.0.0.1:1');
    expect(fromUrl.authDescription).toBe('basic auth as alice (from the URL)');
    expect(fromUrl.env).toMatchObject({
      PACT_BROKER_BASE_URL: 'http://127.0.0.1:1',
      PACT_BROKER_USERNAME: 'alice',
      PACT_BROKER_PASSWORD: 'S@CRET',
    });
    expect(fromUrl.mask('password S@CRET, S%40CRET')).toBe('password ***, ***');
  });

  it('normalises the URL, defaults the retries and describes the login without the secret', () => {
    expect(connection.baseUrl).toBe('https://broker.example.org');
    expect(connection.env.PACT_BROKER_HTTP_RETRIES).toBe('4');
    expect(connection.authDescription).toBe('a token');
    expect(connection.mask('Bearer s3cr3t-token')).toBe('Bearer ***');
  });

  it('never hands the CLI an empty credential variable (an unset CI secret)', () => {
    const basic = brokerConnection({
      PACT_BROKER_BASE_URL: 'http://127.0.0.1:9292',
      PACT_BROKER_TOKEN: '',
      PACT_BROKER_USERNAME: 'ci',
      PACT_BROKER_PASSWORD: 'pw',
    });
    expect(basic.authDescription).toBe('basic auth as ci');
    expect('PACT_BROKER_TOKEN' in basic.env).toBe(false);
  });

  it('masks the base64 basic-auth header too', () => {
    const basic = brokerConnection({
      PACT_BROKER_BASE_URL: 'http://127.0.0.1:9292',
      PACT_BROKER_USERNAME: 'ci',
      PACT_BROKER_PASSWORD: 'pw',
    });
    expect(basic.authDescription).toBe('basic auth as ci');
    expect(basic.mask(`Basic ${Buffer.from('ci:pw').toString('base64')}`)).toBe('Basic ***');
  });

  it.each([
    [{}, /PACT_BROKER_BASE_URL is not set/],
    [{ PACT_BROKER_BASE_URL: 'broker.example.org' }, /is not a URL/],
    [{ PACT_BROKER_BASE_URL: 'ftp://broker' }, /is not an http\(s\) URL/],
    [
      { PACT_BROKER_BASE_URL: 'https://b', PACT_BROKER_USERNAME: 'ci' },
      /PACT_BROKER_USERNAME is set but PACT_BROKER_PASSWORD is not/,
    ],
  ])('rejects %j with a message that says what to set', (env, message) => {
    expect(() => brokerConnection(env)).toThrow(message);
  });

  it('never repeats a secret in its errors', () => {
    expect(() =>
      brokerConnection({ PACT_BROKER_BASE_URL: 'not a url tok-123', PACT_BROKER_TOKEN: 'tok-123' }),
    ).toThrow('"not a url ***" is not a URL');
  });
});

describe('versionFacts', () => {
  const git = (answers: Record<string, string | undefined>) => (args: string[]) =>
    answers[args.join(' ')];

  it('takes flags first, then GitHub Actions, then git', () => {
    expect(versionFacts({ version: 'v', branch: 'b', buildUrl: 'u' }, {}, git({}))).toEqual({
      version: 'v',
      branch: 'b',
      buildUrl: 'u',
    });
    const github = {
      GITHUB_SHA: 'sha1',
      GITHUB_HEAD_REF: 'feature/x',
      GITHUB_REF_NAME: '42/merge',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'openedx/contracts',
      GITHUB_RUN_ID: '7',
    };
    expect(versionFacts({}, github, git({}))).toEqual({
      version: 'sha1',
      branch: 'feature/x',
      buildUrl: 'https://github.com/openedx/contracts/actions/runs/7',
    });
    expect(
      versionFacts(
        {},
        { GITHUB_HEAD_REF: '' },
        git({ 'rev-parse HEAD': 'sha2', 'rev-parse --abbrev-ref HEAD': 'main' }),
      ),
    ).toEqual({ version: 'sha2', branch: 'main' });
  });

  it('asks for --branch on a detached HEAD and --version outside git', () => {
    expect(() =>
      versionFacts({}, {}, git({ 'rev-parse HEAD': 'sha', 'rev-parse --abbrev-ref HEAD': 'HEAD' })),
    ).toThrow(/Pass --branch <name>/);
    expect(() => versionFacts({}, {}, git({}))).toThrow(/pass --version <git sha>/);
  });
});

describe('diagnose', () => {
  it.each([
    [
      "❌ Request to pact broker path '' failed: 401 Unauthorized.",
      /rejected the credentials \(401 Unauthorized; sent a token\)/,
    ],
    [
      '❌ failed: 403 Forbidden. Response: {}',
      /does not allow this \(403 Forbidden; sent a token\)\. Use credentials with write access/,
    ],
    [
      '❌ contracts: Cannot change the content of the pact for fp',
      /already holds a different pact for fp version abc \(409 Conflict\)/,
    ],
    ['❌ Environment staging does not exist', /has no environment named staging\. Create it once/],
    [
      "❌ Environment with name 'staging' does not exist",
      /has no environment named staging\. Create it once with `npx pact-broker create-environment --name staging/,
    ],
    [
      "❌ IO Error - Request to pact broker path '/contracts/publish' failed: 401 Unauthorized.",
      /let a token read but refused the write to \/contracts\/publish \(401 Unauthorized\)\. The open-source broker answers 401 when its read-only user writes/,
    ],
    [
      "❌ Request to pact broker path '' failed: 400 Bad Request.",
      /answered 400 Bad Request to a token \(sent a token\)\. A broker with basic auth answers 400 to a bearer token/,
    ],
    [
      "❌ Failed to access pact broker path '' - error sending request for url",
      /is unreachable \(no answer after 4 retries\)/,
    ],
    [
      "❌ Request to pact broker path '' failed: 503 Service Unavailable.",
      /kept failing \(503 Service Unavailable after 4 retries\)/,
    ],
    [
      '❌ something new\n❌ ❌ something new',
      /the pact CLI exited with code 1, saying: something new\. Fix what/,
    ],
  ])('explains %j', (output, message) => {
    expect(explain(output)).toMatch(/^\[ci\] Failed to publish the pacts: /);
    expect(explain(output)).toMatch(message);
  });

  it('treats a ❌ line as a failure even when the CLI exits 0', () => {
    expect(succeeded(run('📨 Attempting\n❌ Request failed', 0))).toBe(false);
    expect(succeeded(run('✅ Created', 0))).toBe(true);
  });
});

describe('pactsToPublish', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-pacts-'));
  const write = (name: string, content: string) => fs.writeFileSync(path.join(dir, name), content);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the pacts for providers to verify, not the pipeline contract with the broker', () => {
    write('b-lms.json', JSON.stringify({ consumer: { name: 'b' }, provider: { name: 'lms' } }));
    write('a-lms.json', JSON.stringify({ consumer: { name: 'a' }, provider: { name: 'lms' } }));
    write(
      'ci-pact-broker.json',
      JSON.stringify({ consumer: { name: 'ci' }, provider: { name: 'pact-broker' } }),
    );
    write('notes.txt', 'not a pact');
    const pacts = pactsToPublish(dir);
    expect(pacts.map((p) => path.basename(p.file))).toEqual(['a-lms.json', 'b-lms.json']);
    expect(consumersOf(pacts)).toEqual(['a', 'b']);
  });

  it('names the file that is not a pact', () => {
    write('broken.json', '{');
    expect(() => pactsToPublish(dir)).toThrow(
      /Failed to read .*broken\.json: it is not a JSON file/,
    );
  });
});

describe('pactBinary', () => {
  it('resolves the pact binary of this platform from node_modules', () => {
    const binary = pactBinary();
    expect(binary).toMatch(
      /@pact-foundation[/\\]pact-cli-[a-z]+-[a-z0-9]+[/\\]standalone[/\\]pact/,
    );
    expect(fs.existsSync(binary)).toBe(true);
  });
});
