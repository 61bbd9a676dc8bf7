/**
 * The package as an MFE gets it: `npm pack` (its prepack builds dist/), the tarball installed
 * into a fresh project, and the handlers used from there by Node (require and import), by
 * TypeScript (the shipped declarations) and by Jest with the shipped jsdom environment driving
 * the real frontend-platform client.
 *
 * Independent of the npm cache's history: the fixture project gets a lockfile that pins the
 * tarball's dependencies (only `yaml`) to exactly the entries of this repository's own lockfile,
 * and `npm ci` installs from it. A lockfile lets npm fetch tarballs by integrity, never package
 * metadata (packuments), so on a brand-new machine the tarballs come from the cache that this
 * repository's `npm ci` just filled, or from the registry when they are not there
 * (`--prefer-offline`). `npm install <tarball>` would instead resolve ranges from metadata, which
 * `npm ci` never caches: that is why an `--offline` install passed only on a warm machine.
 * The MFE's own packages (msw, frontend-platform, jest-environment-jsdom, which the package
 * expects as peers) are linked from this repository's node_modules instead of downloaded again.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '..', '..');
const PEERS = ['msw', '@edx/frontend-platform', 'jest-environment-jsdom'];

let work: string;
let project: string;
let packed: string[];
let manifest: PackageManifest;

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 180_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `[stub] Failed to run ${command} ${args.join(' ')} in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`,
    );
  }
}

interface PackageManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

interface LockEntry {
  version: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  [field: string]: unknown;
}

/**
 * A lockfile for the fixture project: the tarball, and the transitive closure of its dependencies
 * copied from this repository's lockfile (hoisted entries, as npm ci laid them out here). Fails
 * with the dependency's name when the repository's lockfile lacks it, rather than letting npm
 * resolve it from whatever the registry or cache holds that day.
 */
function fixtureLockfile(manifest: PackageManifest, tarball: string, bytes: Buffer) {
  const ours = JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  const packages: Record<string, LockEntry | Record<string, unknown>> = {
    '': {
      name: 'mfe-fixture',
      version: '0.0.0',
      dependencies: { [manifest.name]: `file:../${tarball}` },
    },
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: `file:../${tarball}`,
      integrity,
      dependencies: manifest.dependencies ?? {},
    },
  };
  const pending = Object.keys(manifest.dependencies ?? {});
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const key = `node_modules/${name}`;
    if (key in packages) continue;
    const entry = ours.packages[key];
    if (!entry) {
      throw new Error(
        `[stub] The packed package depends on "${name}", which package-lock.json has no hoisted entry for.`,
      );
    }
    const { dev: _dev, devOptional: _devOptional, ...kept } = entry;
    packages[key] = kept;
    pending.push(...Object.keys(entry.dependencies ?? {}));
  }
  return { name: 'mfe-fixture', version: '0.0.0', lockfileVersion: 3, requires: true, packages };
}

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  fs.writeFileSync(path.join(project, file), text);
};

const node = (file: string) => JSON.parse(run(process.execPath, [file], project)) as unknown;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-contracts-pack-'));
  project = path.join(work, 'mfe');
  run('npm', ['pack', '--pack-destination', work], repo);
  const tarball = fs.readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`[stub] Failed to find the packed tarball in ${work}.`);
  packed = run('tar', ['-tzf', path.join(work, tarball)], work)
    .trim()
    .split('\n');

  fs.mkdirSync(project);
  manifest = JSON.parse(
    run('tar', ['-xzOf', path.join(work, tarball), 'package/package.json'], work),
  ) as PackageManifest;
  const dependency = { [manifest.name]: `file:../${tarball}` };
  write(
    'package.json',
    JSON.stringify({
      name: 'mfe-fixture',
      version: '0.0.0',
      private: true,
      dependencies: dependency,
    }),
  );
  write(
    'package-lock.json',
    JSON.stringify(fixtureLockfile(manifest, tarball, fs.readFileSync(path.join(work, tarball)))),
  );
  run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--legacy-peer-deps'], project);
  for (const peer of PEERS) {
    const link = path.join(project, 'node_modules', peer);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(repo, 'node_modules', peer), link, 'dir');
  }
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

it('packs the built entry, its types, the Jest environment, the pacts and the personas only', () => {
  const files = packed.map((entry) => entry.replace(/^package\//, ''));
  expect(files).toEqual(
    expect.arrayContaining([
      'package.json',
      'dist/msw/index.mjs',
      'dist/msw/index.cjs',
      'dist/msw/index.d.ts',
      'dist/msw/types/stub/msw/lms-handlers.d.ts',
      'stub/msw/jest-environment.js',
      'generated-pacts/frontend-platform-lms.json',
      'generated-pacts/frontend-app-learner-dashboard-lms.json',
      'stub/personas/default.yaml',
    ]),
  );
  expect(files.filter((file) => /\.test\.|(?<!\.d)\.ts$|^contracts\//.test(file))).toEqual([]);
});

it('depends at run time on yaml only: the Pact libraries the contracts use stay development tools', () => {
  expect(Object.keys(manifest.dependencies ?? {})).toEqual(['yaml']);
});

const NODE_CHECK = (load: string) => `${load}
const server = setupServer(...lms.handlers);
server.listen({ onUnhandledRequest: 'error' });
fetch('http://localhost:18000/api/user/v1/accounts/verified', { headers: { 'USE-JWT-COOKIE': 'true' } })
  .then(async (response) => {
    const account = await response.json();
    const [call] = lms.calls();
    console.log(JSON.stringify({ status: response.status, username: account.username, answeredBy: call.interaction.description }));
    server.close();
  });
`;

it('serves the shipped pacts to a CommonJS require in Node', () => {
  write(
    'check.cjs',
    NODE_CHECK(`const { setupServer } = require('msw/node');
const { createLmsHandlers } = require('openedx-lms-contracts/msw');
const lms = createLmsHandlers();`),
  );

  expect(node('check.cjs')).toEqual({
    status: 200,
    username: 'verified',
    answeredBy: expect.stringMatching(/account/),
  });
});

it('serves the shipped pacts to an ES module import in Node', () => {
  write(
    'check.mjs',
    NODE_CHECK(`import { setupServer } from 'msw/node';
import { createLmsHandlers } from 'openedx-lms-contracts/msw';
const lms = createLmsHandlers({ persona: 'staff' });`).replace(
      '/accounts/verified',
      '/accounts/staff',
    ),
  );

  expect(node('check.mjs')).toMatchObject({ status: 200, username: 'staff' });
});

it('ships type declarations that type-check a consumer and reject a wrong option', () => {
  write(
    'check.ts',
    `import { setupServer } from 'msw/node';
import { createLmsHandlers, type RecordedCall } from 'openedx-lms-contracts/msw';

const lms = createLmsHandlers({ persona: 'staff', onUnmatched: 'warn', lmsBaseUrl: 'http://localhost:18000' });
setupServer(...lms.handlers);
const first: RecordedCall | undefined = lms.calls()[0];
const description: string | undefined = first?.interaction?.description;
const status: number | undefined = first?.response?.status;
lms.use({ state: null });
// @ts-expect-error onUnmatched is one of 'error' | 'warn' | 'bypass'
createLmsHandlers({ onUnmatched: 'ignore' });
export { description, status };
`,
  );
  for (const moduleResolution of ['node16', 'bundler']) {
    write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          module: moduleResolution === 'bundler' ? 'ESNext' : 'node16',
          moduleResolution,
          types: [],
          skipLibCheck: true,
        },
        files: ['check.ts'],
      }),
    );

    expect(() =>
      run(
        process.execPath,
        [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', '.'],
        project,
      ),
    ).not.toThrow();
  }
});

it("drives the real frontend-platform client under Jest with the package's environment", () => {
  write(
    'jest.config.js',
    `module.exports = {
  testEnvironment: 'openedx-lms-contracts/jest-environment',
  testEnvironmentOptions: { url: 'http://localhost:1996/' },
  // As docs/msw.md says: frontend-platform and msw's ESM-only dependencies are transformed.
  transform: { '\\\\.[cm]?[jt]sx?$': ${JSON.stringify(require.resolve('@swc/jest', { paths: [repo] }))} },
  transformIgnorePatterns: ['/node_modules/(?!(@edx/frontend-platform|rettime|until-async|@open-draft/deferred-promise)/)'],
};
`,
  );
  write(
    'mfe.test.js',
    `import { setupServer } from 'msw/node';
import { configure, AxiosJwtAuthService, fetchAuthenticatedUser, getAuthenticatedHttpClient } from '@edx/frontend-platform/auth';
import { createLmsHandlers } from 'openedx-lms-contracts/msw';

const LMS = 'http://localhost:18000';
const lms = createLmsHandlers({ lmsBaseUrl: LMS });
const server = setupServer(...lms.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

test('logs in and loads the dashboard', async () => {
  configure(AxiosJwtAuthService, {
    loggingService: { logError: () => {}, logInfo: () => {}, setCustomAttribute: () => {} },
    config: {
      BASE_URL: 'http://localhost:1996', LMS_BASE_URL: LMS, LOGIN_URL: LMS + '/login',
      LOGOUT_URL: LMS + '/logout', REFRESH_ACCESS_TOKEN_ENDPOINT: LMS + '/login_refresh',
      ACCESS_TOKEN_COOKIE_NAME: 'edx-jwt-cookie-header-payload', CSRF_TOKEN_API_PATH: '/csrf/api/v1/token',
    },
  });
  const user = await fetchAuthenticatedUser();
  const { data } = await getAuthenticatedHttpClient().get(LMS + '/api/learner_home/init');
  expect(user.username).toBe('verified');
  expect(document.cookie).toContain('edx-jwt-cookie-header-payload=');
  expect(data.courses.length).toBeGreaterThan(0);
  expect(lms.calls().map((call) => call.request.path)).toEqual(['/login_refresh', '/api/learner_home/init']);
  lms.assertAllMatched();
});
`,
  );

  const report = JSON.parse(
    run(
      process.execPath,
      [path.join(repo, 'node_modules/jest/bin/jest.js'), '--ci', '--json', '--rootDir', project],
      project,
    ),
  ) as { success: boolean; numPassedTests: number; numTotalTests: number };

  expect(report).toMatchObject({ success: true, numPassedTests: 1, numTotalTests: 1 });
});
