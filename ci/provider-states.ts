/**
 * Builds docs/provider-states.md (provider `lms`) and docs/provider-states-cms.md (provider
 * `cms`, Studio): every provider state that backend must set up to verify its pacts of
 * generated-pacts/, with its parameters, the values the contracts use, what
 * the state means (the doc comment of its constant in vocabulary/openedx/states.ts), and the
 * interactions that need it. Output is deterministic (sorted, no dates).
 *
 *   npm run pacts:provider-states            # rewrite docs/provider-states.md
 *   npm run pacts:provider-states -- --check # fail when it is out of date (CI, ci/check-drift.sh)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { failure, runMain } from './broker/errors';
import { GENERATED_PACTS_DIR, REPO_ROOT } from './broker/pact-files';

/** The backends whose verifiers set up the vocabulary's states, each with its own catalog. */
export interface CatalogTarget {
  provider: string;
  /** How the page names the backend. */
  title: string;
  file: string;
}
export const CATALOGS: readonly CatalogTarget[] = [
  { provider: 'lms', title: 'the LMS', file: path.join(REPO_ROOT, 'docs', 'provider-states.md') },
  {
    provider: 'cms',
    title: 'Studio (CMS)',
    file: path.join(REPO_ROOT, 'docs', 'provider-states-cms.md'),
  },
];
const LMS_CATALOG: CatalogTarget = CATALOGS[0] as CatalogTarget;
const STATES_FILE = path.join(REPO_ROOT, 'vocabulary', 'openedx', 'states.ts');

interface PactInteraction {
  description: string;
  providerStates?: { name: string; params?: Record<string, unknown> }[];
  request?: { method?: string; path?: string };
}
interface Pact {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
}

export interface StateDoc {
  /** `persona` or `request`, from the constant group that declares it. */
  kind: 'persona' | 'request';
  comment: string;
}

export interface StateEntry {
  name: string;
  /** parameter -> distinct example values (JSON), sorted */
  params: Map<string, Set<string>>;
  interactions: { consumer: string; description: string; request: string }[];
}

/** Reads the state constants and their doc comments from vocabulary/openedx/states.ts. */
export function readStateDocs(file: string = STATES_FILE): Map<string, StateDoc> {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const docs = new Map<string, StateDoc>();
  const groups: Record<string, StateDoc['kind']> = { STATES: 'persona', REQUEST_STATES: 'request' };
  source.forEachChild(function visit(node) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && groups[node.name.text]) {
      const kind = groups[node.name.text] as StateDoc['kind'];
      let literal = node.initializer;
      while (literal && (ts.isAsExpression(literal) || ts.isSatisfiesExpression(literal))) {
        literal = literal.expression;
      }
      if (literal && ts.isObjectLiteralExpression(literal)) {
        for (const property of literal.properties) {
          if (ts.isPropertyAssignment(property) && ts.isStringLiteral(property.initializer)) {
            docs.set(property.initializer.text, { kind, comment: jsDocText(property, source) });
          }
        }
      }
    }
    node.forEachChild(visit);
  });
  return docs;
}

function jsDocText(node: ts.Node, source: ts.SourceFile): string {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  return ranges
    .map((range) => source.text.slice(range.pos, range.end))
    .filter((comment) => comment.startsWith('/**'))
    .map((comment) =>
      comment
        .replace(/^\/\*\*|\*\/$/g, '')
        .split('\n')
        .map((line) => line.replace(/^\s*\*\s?/, '').trim())
        .filter(Boolean)
        .join(' '),
    )
    .join(' ');
}

export function collectStates(pacts: readonly Pact[]): StateEntry[] {
  const states = new Map<string, StateEntry>();
  for (const pact of pacts) {
    for (const interaction of pact.interactions) {
      for (const state of interaction.providerStates ?? []) {
        const fresh: StateEntry = { name: state.name, params: new Map(), interactions: [] };
        const entry = states.get(state.name) ?? fresh;
        states.set(state.name, entry);
        for (const [param, value] of Object.entries(state.params ?? {})) {
          const values = entry.params.get(param) ?? new Set<string>();
          values.add(JSON.stringify(value));
          entry.params.set(param, values);
        }
        const request = `${interaction.request?.method ?? '?'} ${interaction.request?.path ?? '?'}`;
        if (
          !entry.interactions.some(
            (i) => i.consumer === pact.consumer.name && i.description === interaction.description,
          )
        ) {
          entry.interactions.push({
            consumer: pact.consumer.name,
            description: interaction.description,
            request,
          });
        }
      }
    }
  }
  return [...states.values()].sort((a, b) => compare(a.name, b.name));
}

export function loadProviderPacts(provider: string, dir: string = GENERATED_PACTS_DIR): Pact[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Pact)
    .filter((pact) => pact.provider.name === provider);
}

export function renderCatalog(
  pacts: readonly Pact[],
  docs: Map<string, StateDoc>,
  target: CatalogTarget = LMS_CATALOG,
): string {
  const states = collectStates(pacts);
  const consumers = [...new Set(pacts.map((pact) => pact.consumer.name))].sort(compare);
  const withState = pacts
    .flatMap((pact) => pact.interactions)
    .filter((i) => (i.providerStates ?? []).length > 0);
  const lines: string[] = [
    `# Provider states ${target.title} sets up`,
    '',
    `<!-- Generated by \`npm run pacts:provider-states\` from generated-pacts/*.json (provider ${target.provider})`,
    '     and vocabulary/openedx/states.ts. Do not edit: CI fails when it is out of date. -->',
    '',
    `Every provider state named by the pacts of ${consumers.map((c) => `\`${c}\``).join(', ')} with ${target.title}:`,
    `${states.length} states, used by ${withState.length} interactions. Before replaying an interaction, the`,
    `verifier's provider-state view of ${target.title} must create what the state describes, with the parameters`,
    'it receives (`{"state": <name>, "params": {...}}`), see [provider-verification.md](provider-verification.md).',
    'Persona states are also what a stub persona satisfies; request states are served by the stub',
    'only when asked for by name.',
    '',
    '| state | kind | parameters | interactions |',
    '|---|---|---|---|',
    ...states.map((state) => {
      const kind = docs.get(state.name)?.kind ?? 'undeclared';
      const params =
        [...state.params.keys()]
          .sort(compare)
          .map((p) => `\`${p}\``)
          .join(', ') || '(none)';
      return `| [${state.name}](#${slug(state.name)}) | ${kind} | ${params} | ${state.interactions.length} |`;
    }),
  ];
  for (const state of states) {
    const doc = docs.get(state.name);
    lines.push('', `## ${state.name}`, '');
    lines.push(
      doc
        ? `*${doc.kind} state.* ${doc.comment || '(no description in vocabulary/openedx/states.ts)'}`
        : '*Not declared in vocabulary/openedx/states.ts.*',
    );
    lines.push('');
    if (state.params.size === 0) {
      lines.push('No parameters.');
    } else {
      lines.push('| parameter | values in the contracts |', '|---|---|');
      for (const param of [...state.params.keys()].sort(compare)) {
        const values = [...(state.params.get(param) ?? [])].sort(compare);
        lines.push(
          `| \`${param}\` | ${values.map((v) => `\`${v.replace(/\|/g, '\\|')}\``).join(', ')} |`,
        );
      }
    }
    lines.push('', 'Interactions:', '');
    const sorted = [...state.interactions].sort(
      (a, b) => compare(a.consumer, b.consumer) || compare(a.description, b.description),
    );
    for (const interaction of sorted) {
      lines.push(
        `- \`${interaction.consumer}\`: ${interaction.description} (\`${interaction.request}\`)`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Locale-independent order, so the file is the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      pacts: { type: 'string', default: GENERATED_PACTS_DIR },
    },
  });
  for (const target of CATALOGS) {
    const pacts = loadProviderPacts(target.provider, path.resolve(values.pacts));
    const catalog = renderCatalog(pacts, readStateDocs(), target);
    const relative = path.relative(REPO_ROOT, target.file);
    if (values.check) {
      const current = fs.existsSync(target.file) ? fs.readFileSync(target.file, 'utf8') : '';
      if (current !== catalog) {
        throw failure(
          `check ${relative}`,
          `it does not match the provider states of generated-pacts/ (provider ${target.provider})`,
          'Run `npm run pacts:provider-states` and commit the result with the pacts.',
        );
      }
      process.stdout.write(`[ci] ${relative} is up to date.\n`);
      continue;
    }
    fs.writeFileSync(target.file, catalog);
    process.stdout.write(`[ci] wrote ${relative}.\n`);
  }
}

if (require.main === module) runMain(main);
