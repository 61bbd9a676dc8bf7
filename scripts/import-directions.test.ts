/**
 * Dependencies point one way: contracts → vocabulary ← stub. Reads every tracked .ts/.js file,
 * takes its import/export/require/import() specifiers (TypeScript's own pre-processor, so
 * type-only imports and dynamic imports count too), resolves the relative ones to a repository
 * folder and fails, naming the file, the import and the rule, when one points the wrong way.
 * Package imports (no leading dot) are not checked here.
 *
 * Areas:
 *  - vocabulary/  the shared Open edX vocabulary (state names and parameter types, JWT claims);
 *  - engine       the generic Pact engine: stub/engine/ minus its tests (it knows no Open edX:
 *                 a backend hands it its personas' states, see stub/engine/personas.ts);
 *  - stub         the rest of the stub's product code: stub/ minus its test code (below);
 *  - stub-tests   stub/testing/ (helpers), stub/conformance/ (the differential harness run by its
 *                 tests and the bench), stub/engine/spec/ and stub/engine/__fixtures__/, and
 *                 every *.test.ts / *.pack-test.ts file under stub/;
 *  - contracts/, ci/, scripts/, e2e/, benchmarks/, and the root files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');

type Area =
  | 'vocabulary'
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
  /** Target paths (prefixes) allowed despite `forbidden`, each with its reason. */
  except?: { prefix: string; why: string }[];
  says: string;
}

/** The rule set. An area not listed as `from` may import anything. */
const RULES: Rule[] = [
  {
    from: 'vocabulary',
    forbidden: 'everything but itself',
    says: 'the Open edX vocabulary is neutral: it imports nothing from the repository outside vocabulary/',
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
    forbidden: ['engine', 'stub', 'scripts', 'e2e', 'benchmarks'],
    except: [
      {
        prefix: 'stub/broker/',
        why: "the broker-source contract drives the stub's own broker client, the consumer under test",
      },
    ],
    says: 'contracts import the vocabulary, not the stub: contracts → vocabulary ← stub',
  },
  {
    from: 'ci',
    forbidden: ['engine', 'stub', 'stub-tests', 'scripts', 'e2e', 'benchmarks'],
    except: [
      {
        prefix: 'stub/server/free-port.ts',
        why: 'a port-picking helper with no stub behaviour; ci starts the stub through its CLI on that port',
      },
    ],
    says: 'ci uses the stub through its CLI (or the published msw entry), never its internals',
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

/** The repository path a relative specifier of `file` points at, with the extension the
 *  resolver would add (so an exception can name a file). */
function resolveRelative(file: string, specifier: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  if (/\.(ts|js|mjs|cjs|json|html)$/.test(joined)) return joined;
  return `${joined}.ts`;
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
      if (rule.except?.some((e) => target === e.prefix || target.startsWith(e.prefix))) continue;
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
    expect(violationsOf('ci/x.ts', "import { freePort } from '../stub/server/free-port';")).toEqual(
      [],
    );
    expect(violationsOf('ci/x.ts', "const t = import('../stub/server/server');")).toHaveLength(1);
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
