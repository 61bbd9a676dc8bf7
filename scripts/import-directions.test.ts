/**
 * Dependencies point one way: contracts → vocabulary ← stub, contracts → ci, and ci uses the stub
 * only through its CLI (a process, not an import). Reads every tracked .ts/.js file,
 * takes its import/export/require/import() specifiers (TypeScript's own pre-processor, so
 * type-only imports and dynamic imports count too), resolves the relative ones to a repository
 * folder and fails, naming the file, the import and the rule, when one points the wrong way.
 * Package imports (no leading dot) are not checked here.
 *
 * Areas:
 *  - vocabulary/  the shared vocabularies: Open edX's (state names and parameter types, JWT
 *                 claims) for contracts/ and stub/, the Pact Broker contract's (states, pinned
 *                 values, logins) for contracts/pact-broker/ and its state handler in ci/;
 *  - pact-broker-client/  a plain Pact Broker client (fetches pacts): the stub's broker source
 *                 uses it, the broker contract drives it as the consumer under test;
 *  - engine       the generic Pact engine: stub/engine/ minus its tests (it knows no Open edX:
 *                 a backend hands it its personas' states, see stub/engine/personas.ts);
 *  - stub         the rest of the stub's product code: stub/ minus its test code (below);
 *  - stub-tests   stub/testing/ (helpers), stub/conformance/ (the differential harness run by its
 *                 tests and the bench), stub/engine/spec/ and stub/engine/__fixtures__/, and
 *                 every *.test.ts / *.pack-test.ts file under stub/;
 *  - contracts/, ci/, scripts/, e2e/, benchmarks/, and the root files.
 *
 * ci/ and contracts/pact-broker/ meet one way: the contracts drive ci/'s real broker clients (the
 * consumer test's normal direction, as the LMS contracts drive frontend-platform), and the state
 * handler in ci/ takes the contract's names from vocabulary/pact-broker/, never from contracts/.
 * There are no exceptions: a rule here holds for every file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');

type Area =
  | 'vocabulary'
  | 'pact-broker-client'
  | 'engine'
  | 'stub'
  | 'stub-tests'
  | 'contracts'
  | 'ci'
  | 'scripts'
  | 'e2e'
  | 'benchmarks'
  | 'root';

const STUB_TEST_FOLDERS = [
  'stub/testing/',
  'stub/conformance/',
  'stub/engine/spec/',
  'stub/engine/__fixtures__/',
];

function areaOf(file: string): Area {
  const top = file.split('/')[0];
  if (file.startsWith('stub/')) {
    const isTest =
      /\.(test|pack-test)\.ts$/.test(file) ||
      STUB_TEST_FOLDERS.some((folder) => file.startsWith(folder));
    if (isTest) return 'stub-tests';
    return file.startsWith('stub/engine/') ? 'engine' : 'stub';
  }
  switch (top) {
    case 'vocabulary':
    case 'pact-broker-client':
    case 'contracts':
    case 'ci':
    case 'scripts':
    case 'e2e':
    case 'benchmarks':
      return top;
    default:
      return 'root';
  }
}

interface Rule {
  from: Area;
  /** Areas this one must not import. */
  forbidden: Area[] | 'everything but itself';
  says: string;
}

/** The rule set. An area not listed as `from` may import anything. */
const RULES: Rule[] = [
  {
    from: 'vocabulary',
    forbidden: 'everything but itself',
    says: 'the vocabulary is neutral: it imports nothing from the repository outside vocabulary/',
  },
  {
    from: 'pact-broker-client',
    forbidden: 'everything but itself',
    says: 'the Pact Broker client is neutral (the stub uses it, the broker contract drives it): it imports nothing outside pact-broker-client/',
  },
  {
    from: 'engine',
    forbidden: 'everything but itself',
    says: 'the engine is generic: it imports only stub/engine/ (no Open edX vocabulary, no stub/openedx/, no transport)',
  },
  {
    from: 'stub',
    forbidden: ['contracts', 'ci', 'scripts', 'e2e', 'benchmarks', 'stub-tests'],
    says: 'stub product code imports only stub/ product code and vocabulary/ (never contracts/, ci/, scripts/, e2e/, benchmarks/ or the stub’s tests and test helpers)',
  },
  {
    from: 'stub-tests',
    forbidden: ['ci', 'scripts', 'e2e', 'benchmarks'],
    says: 'the stub’s tests and test helpers do not import ci/, scripts/, e2e/ or benchmarks/ (shared test data lives in stub/testing/)',
  },
  {
    from: 'contracts',
    forbidden: ['engine', 'stub', 'stub-tests', 'scripts', 'e2e', 'benchmarks'],
    says: 'contracts import the vocabulary and the clients they drive (ci/, pact-broker-client/), never the stub or its test helpers: contracts → vocabulary ← stub',
  },
  {
    from: 'ci',
    forbidden: ['engine', 'stub', 'stub-tests', 'contracts', 'scripts', 'e2e', 'benchmarks'],
    says: 'ci uses the stub through its CLI, never its internals, and takes the broker contract’s names from vocabulary/pact-broker/, never from contracts/ (contracts → ci, one way)',
  },
  {
    from: 'benchmarks',
    forbidden: ['e2e', 'ci', 'contracts'],
    says: 'benchmarks use the stub and its test helpers, not the e2e suite, ci or the contracts',
  },
  {
    from: 'e2e',
    forbidden: ['ci', 'benchmarks'],
    says: 'e2e tests do not import ci/ or benchmarks/',
  },
  {
    from: 'scripts',
    forbidden: ['ci', 'e2e', 'benchmarks'],
    says: 'scripts do not import ci/, e2e/ or benchmarks/',
  },
];

/** The repository file a relative specifier of `file` points at, found as the resolver finds it
 *  (`./x` is `x.ts`, `x.tsx`, `x.js` or `x/index.ts`), so that a folder import such as
 *  `../engine` lands in stub/engine/, not beside it. A target that does not exist (the examples
 *  below) is taken as `<specifier>.ts`. */
function resolveRelative(file: string, specifier: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  if (/\.(ts|tsx|js|mjs|cjs|json|html)$/.test(joined)) return joined;
  const candidates = ['.ts', '.tsx', '.js', '/index.ts', '/index.js'].map((end) => joined + end);
  return candidates.find((candidate) => existsSync(path.join(ROOT, candidate))) ?? `${joined}.ts`;
}

function importsOf(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'));
}

/** Every broken rule in `file`'s imports, as readable lines. */
function violationsOf(file: string, source: string): string[] {
  const from = areaOf(file);
  const found: string[] = [];
  for (const specifier of importsOf(source)) {
    const target = resolveRelative(file, specifier);
    if (target.startsWith('../')) {
      found.push(`${file} imports '${specifier}', outside the repository`);
      continue;
    }
    const to = areaOf(target);
    for (const rule of RULES) {
      if (rule.from !== from) continue;
      const forbidden =
        rule.forbidden === 'everything but itself' ? to !== from : rule.forbidden.includes(to);
      if (!forbidden) continue;
      found.push(`${file} imports '${specifier}' (${to}): ${rule.says}`);
    }
  }
  return found;
}

function trackedSources(): string[] {
  return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => /\.(ts|tsx|js|mjs|cjs)$/.test(file) && existsSync(path.join(ROOT, file)));
}

describe('import directions', () => {
  it('finds the files it checks (the test cannot pass by reading nothing)', () => {
    const files = trackedSources();
    expect(files).toContain('stub/cli.ts');
    expect(files).toContain('vocabulary/openedx/states.ts');
    expect(files.length).toBeGreaterThan(200);
  });

  it('reports a forbidden import with the file, the import and the rule', () => {
    const problems = violationsOf(
      'stub/engine/engine.ts',
      "import { STATES } from '../../contracts/support/states';\nimport type { X } from './types';",
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^stub\/engine\/engine\.ts imports '\.\.\/\.\.\/contracts\/support\/states' \(contracts\): the engine is generic/,
      ),
    ]);
    expect(
      violationsOf(
        'stub/engine/select.ts',
        "import { STATES } from '../../vocabulary/openedx/states';",
      ),
    ).toHaveLength(1);
    const stubProblems = violationsOf(
      'stub/server/admin.ts',
      "import { VERIFIED_LEARNER } from '../../contracts/support/states';\nimport { STATES } from '../../vocabulary/openedx/states';",
    );
    // The stub may use the vocabulary, not the contracts.
    expect(stubProblems).toEqual([
      expect.stringMatching(
        /^stub\/server\/admin\.ts imports '\.\.\/\.\.\/contracts\/support\/states' \(contracts\): stub product code/,
      ),
    ]);
    expect(
      violationsOf('vocabulary/openedx/jwt.ts', "const s = require('../../stub/x');"),
    ).toHaveLength(1);
    expect(violationsOf('ci/x.ts', "const t = import('../stub/server/server');")).toHaveLength(1);
  });

  it('keeps ci/, contracts/ and the stub apart, with no exception', () => {
    // ci/ never reaches into the stub, not even for a helper, nor into contracts/.
    expect(
      violationsOf(
        'ci/broker-contract/steps.ts',
        "import { freePort } from '../../stub/server/free-port';",
      ),
    ).toEqual([expect.stringContaining('(stub): ci uses the stub through its CLI')]);
    expect(
      violationsOf(
        'ci/broker-contract/states.ts',
        "import { EXAMPLE } from '../../contracts/pact-broker/broker';",
      ),
    ).toEqual([expect.stringContaining('(contracts): ci uses the stub through its CLI')]);
    expect(
      violationsOf(
        'ci/broker-contract/states.ts',
        "import { EXAMPLE } from '../../vocabulary/pact-broker/states';",
      ),
    ).toEqual([]);
    // contracts/ drive ci/'s clients and the neutral broker client, never the stub or its helpers.
    const contract = 'contracts/pact-broker/broker-source.pact.test.ts';
    expect(violationsOf(contract, "import { publishPacts } from '../../ci/publish';")).toEqual([]);
    expect(
      violationsOf(
        contract,
        "import { fetchPactsFromBroker } from '../../pact-broker-client/fetch-pacts';",
      ),
    ).toEqual([]);
    expect(
      violationsOf(
        contract,
        "import { fetchPactsFromBroker } from '../../stub/broker/fetch-pacts';",
      ),
    ).toEqual([expect.stringContaining('(stub): contracts import the vocabulary')]);
    expect(
      violationsOf('contracts/jest/setup.ts', "import '../../stub/testing/node-globals';"),
    ).toEqual([expect.stringContaining('(stub-tests): contracts import the vocabulary')]);
    // The stub may use the neutral client; the client imports nothing of the repository.
    expect(
      violationsOf(
        'stub/broker/source.ts',
        "import { brokerLogin } from '../../pact-broker-client/connection';",
      ),
    ).toEqual([]);
    expect(
      violationsOf(
        'pact-broker-client/fetch-pacts.ts',
        "import { X } from '../stub/broker/source';",
      ),
    ).toHaveLength(1);
  });

  it("resolves a folder import to the folder's index, as the resolver does", () => {
    // `../stub/engine` is stub/engine/index.ts: the engine, not a file beside it.
    expect(violationsOf('contracts/x.ts', "import { E } from '../stub/engine';")).toEqual([
      expect.stringContaining("imports '../stub/engine' (engine)"),
    ]);
  });

  it('no tracked file imports against the rules', () => {
    const problems = trackedSources().flatMap((file) =>
      violationsOf(file, readFileSync(path.join(ROOT, file), 'utf8')),
    );
    if (problems.length > 0) {
      throw new Error(
        `${problems.length} import(s) point the wrong way (rules in scripts/import-directions.test.ts):\n  ${problems.join('\n  ')}`,
      );
    }
  });
});
