/**
 * Builds docs/endpoints.md, the endpoint catalog of the Open edX backends, from the committed
 * pacts in generated-pacts/ whose provider is `lms` or `cms` (Studio); other backends' pacts,
 * such as the Pact Broker's, are documented with their own contracts: the distinct endpoints (method and path, with `{param}` where a provider
 * state fills the path) with their consumers, answers and the response fields they carry, then
 * every interaction with its provider states. The output depends only on the pact files, so it
 * is byte-identical run after run.
 *
 *   npm run docs:endpoints          # rewrite docs/endpoints.md
 *   npm run docs:endpoints:check    # exit 1 when docs/endpoints.md is not what the pacts give
 */
import fs from 'node:fs';
import path from 'node:path';
import { REQUEST_STATES } from '../vocabulary/openedx/states';

const root = path.resolve(__dirname, '..');
const pactsDir = path.join(root, 'generated-pacts');
const catalogPath = path.join(root, 'docs', 'endpoints.md');

interface ProviderState {
  name: string;
  params?: Record<string, unknown>;
}
interface Interaction {
  description: string;
  type?: string;
  providerStates?: ProviderState[];
  request: {
    method: string;
    path: string;
    query?: Record<string, string[]>;
    generators?: { path?: { type?: string; expression?: string } };
  };
  response: { status: number; body?: { content?: unknown } };
}
interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: Interaction[];
}

interface Row {
  provider: string;
  consumer: string;
  method: string;
  path: string;
  query: string;
  description: string;
  states: string;
  status: number;
  fields: string[];
}

/** The providers this catalog describes: the Open edX backends (the LMS, and Studio). */
const PROVIDERS = ['lms', 'cms'];

const requestStateNames = new Set<string>(Object.values(REQUEST_STATES));

function fail(message: string): never {
  process.stderr.write(`[contracts] ${message}\n`);
  process.exit(1);
}

function loadPact(file: string): PactFile {
  const full = path.join(pactsDir, file);
  let parsed: PactFile;
  try {
    parsed = JSON.parse(fs.readFileSync(full, 'utf8')) as PactFile;
  } catch (error) {
    fail(
      `Failed to read ${path.relative(root, full)}: ${(error as Error).message}. Run npm test to regenerate it.`,
    );
  }
  if (!parsed.consumer?.name || !parsed.provider?.name || !Array.isArray(parsed.interactions)) {
    fail(
      `Failed to read ${path.relative(root, full)}: no consumer, provider or interactions. Run npm test to regenerate it.`,
    );
  }
  return parsed;
}

/** The path as a template: `${course_id}` of a ProviderState generator becomes `{course_id}`. */
function templatePath(request: Interaction['request']): string {
  const generator = request.generators?.path;
  if (generator?.type === 'ProviderState' && generator.expression) {
    return generator.expression.replace(/\$\{([^}]+)\}/g, '{$1}');
  }
  return request.path;
}

/** Query keys, as `?a=&b=` (values vary per state and per browser). */
function queryKeys(request: Interaction['request']): string {
  const keys = Object.keys(request.query ?? {}).sort();
  return keys.length > 0 ? `?${keys.map((k) => `${k}=`).join('&')}` : '';
}

/** Top-level fields of a JSON response body (the first element's, for a list). */
function responseFields(content: unknown): string[] {
  const sample = Array.isArray(content) ? content[0] : content;
  if (sample === null || typeof sample !== 'object') return [];
  return Object.keys(sample as object).sort();
}

function describeStates(states: ProviderState[] | undefined): string {
  if (!states || states.length === 0) return '(none)';
  return states
    .map((state) => (requestStateNames.has(state.name) ? `${state.name} *(request)*` : state.name))
    .join(' + ');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function collectRows(): Row[] {
  if (!fs.existsSync(pactsDir))
    fail('Failed to build the catalog: generated-pacts/ does not exist. Run npm test first.');
  const files = fs
    .readdirSync(pactsDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0)
    fail('Failed to build the catalog: generated-pacts/ holds no pact. Run npm test first.');
  return files.flatMap((file) => {
    const pact = loadPact(file);
    if (!PROVIDERS.includes(pact.provider.name)) return [];
    return pact.interactions
      .filter((interaction) => (interaction.type ?? 'Synchronous/HTTP') === 'Synchronous/HTTP')
      .map((interaction) => ({
        provider: pact.provider.name,
        consumer: pact.consumer.name,
        method: interaction.request.method.toUpperCase(),
        path: templatePath(interaction.request),
        query: queryKeys(interaction.request),
        description: interaction.description,
        states: describeStates(interaction.providerStates),
        status: interaction.response.status,
        fields: responseFields(interaction.response.body?.content),
      }));
  });
}

function sortRows(rows: Row[]): Row[] {
  return [...rows].sort(
    (a, b) =>
      compare(a.provider, b.provider) ||
      compare(a.path, b.path) ||
      compare(a.method, b.method) ||
      compare(a.consumer, b.consumer) ||
      a.status - b.status ||
      compare(a.description, b.description),
  );
}

function endpointTable(rows: Row[]): string[] {
  const endpoints = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.method} ${row.path}`;
    endpoints.set(key, [...(endpoints.get(key) ?? []), row]);
  }
  const lines = [
    '| # | method | path | consumers | statuses | response fields |',
    '|---|---|---|---|---|---|',
  ];
  let index = 0;
  for (const [, group] of endpoints) {
    index += 1;
    const first = group[0] as Row;
    const consumers = [...new Set(group.map((r) => r.consumer))].sort().join(', ');
    const statuses = [...new Set(group.map((r) => r.status))].sort((a, b) => a - b).join(', ');
    const fields = [...new Set(group.flatMap((r) => r.fields))].sort();
    const queries = [...new Set(group.map((r) => r.query).filter(Boolean))].sort().join(' ');
    lines.push(
      `| ${index} | ${first.method} | \`${cell(first.path)}\`${queries ? ` \`${cell(queries)}\`` : ''} | ${consumers} | ${statuses} | ${fields.length > 0 ? cell(fields.map((f) => `\`${f}\``).join(', ')) : '—'} |`,
    );
  }
  return lines;
}

function interactionTable(rows: Row[]): string[] {
  const lines = [
    '| method | path | consumer | interaction | provider states | status |',
    '|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.method} | \`${cell(row.path + row.query)}\` | ${row.consumer} | ${cell(row.description)} | ${cell(row.states)} | ${row.status} |`,
    );
  }
  return lines;
}

export function buildCatalog(): string {
  const rows = sortRows(collectRows());
  const providers = [...new Set(rows.map((r) => r.provider))].sort(compare);
  const out: string[] = [
    '# Open edX endpoint catalog (LMS and Studio)',
    '',
    '<!-- Generated by scripts/generate-endpoint-catalog.ts from generated-pacts/. Do not edit:',
    '     run `npm run docs:endpoints` after `npm test`. CI fails when this file is stale. -->',
    '',
    'Every LMS and Studio endpoint a contract of this repository describes, built from the committed',
    'pacts (providers `lms` and `cms`). The first table counts distinct method-and-path endpoints; the second lists',
    'every interaction, i.e. every answer the stub can serve.',
    'A path part in `{braces}` comes from a provider-state parameter (the stub fills it from the',
    'active persona, the LMS verifier from its fixtures). States marked *(request)* are request',
    'states: the stub serves them only when asked by name (see `vocabulary/openedx/states.ts`).',
    '',
  ];
  for (const provider of providers) {
    const providerRows = rows.filter((r) => r.provider === provider);
    const distinct = new Set(providerRows.map((r) => `${r.method} ${r.path}`)).size;
    const consumers = [...new Set(providerRows.map((r) => r.consumer))].sort();
    // The platform's own boot calls (refresh, runtime config) are not an MFE's.
    const mfeDistinct = new Set(
      providerRows
        .filter((r) => r.consumer !== 'frontend-platform')
        .map((r) => `${r.method} ${r.path}`),
    ).size;
    out.push(
      `## Provider \`${provider}\``,
      '',
      `${distinct} distinct endpoints (method and path), ${providerRows.length} interactions, ` +
        `${consumers.length} consumers: ${consumers.join(', ')}. ` +
        `${mfeDistinct} of the endpoints are called by the MFE consumers (all but frontend-platform).`,
      '',
      '### Endpoints',
      '',
      ...endpointTable(providerRows),
      '',
      '### Interactions',
      '',
      ...interactionTable(providerRows),
      '',
    );
  }
  return out.join('\n');
}

function main(argv: string[]): void {
  const catalog = buildCatalog();
  const relative = path.relative(root, catalogPath);
  if (argv.includes('--check')) {
    const current = fs.existsSync(catalogPath) ? fs.readFileSync(catalogPath, 'utf8') : '';
    if (current !== catalog) {
      fail(
        `${relative} is stale: it does not match generated-pacts/. Run npm run docs:endpoints and commit it.`,
      );
    }
    process.stdout.write(`[contracts] ${relative} matches generated-pacts/.\n`);
    return;
  }
  fs.mkdirSync(path.dirname(catalogPath), { recursive: true });
  fs.writeFileSync(catalogPath, catalog);
  process.stdout.write(`[contracts] Wrote ${relative}.\n`);
}

if (require.main === module) main(process.argv.slice(2));
