/**
 * Prints what the differential tests compare and find, as Markdown tables for
 * docs/conformance.md: probes by mutation and verdict (one interaction at a time), and the
 * selection results on the served set.
 *
 *   npx tsx stub/conformance/summary.ts
 */
import { loadPersonaFile } from '../load/personas';
import { DEFAULT_PERSONAS } from '../testing/start-stub';
import type { Agreement } from './compare';
import { runIsolated } from './isolated';
import { generatedPacts, syntheticPact } from './pacts';
import { rulesPact } from './rules-pact';
import { runSelection } from './selection';

const verdictOf = (a: Agreement) => (a.verdict === 'known' ? a.difference : a.verdict);

function tableOf(counts: Map<string, Map<string, number>>, first: string): string {
  const columns = [...new Set([...counts.values()].flatMap((row) => [...row.keys()]))].sort();
  const lines = [
    `| ${first} | ${columns.join(' | ')} | total |`,
    `|${'---|'.repeat(columns.length + 2)}`,
  ];
  for (const [name, row] of [...counts.entries()].sort()) {
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    lines.push(`| ${name} | ${columns.map((c) => row.get(c) ?? 0).join(' | ')} | ${total} |`);
  }
  return lines.join('\n');
}

function bump(counts: Map<string, Map<string, number>>, row: string, column: string) {
  const r = counts.get(row) ?? new Map<string, number>();
  r.set(column, (r.get(column) ?? 0) + 1);
  counts.set(row, r);
}

async function main() {
  const pacts = [...generatedPacts(), syntheticPact(), rulesPact()];
  const isolated = await runIsolated(pacts);
  const byVariant = new Map<string, Map<string, number>>();
  for (const r of isolated.results)
    bump(byVariant, r.variant.split(':')[0] as string, verdictOf(r.agreement));
  process.stdout.write(
    `Matching, one interaction at a time: ${isolated.interactions} interactions, ${isolated.results.length} requests to each engine, ${isolated.unloadable.length} interactions the native engine cannot load.\n\n${tableOf(byVariant, 'request')}\n\n`,
  );

  const personas = loadPersonaFile(DEFAULT_PERSONAS);
  const served = generatedPacts().filter(
    (p) => (p.doc.provider as { name?: string })?.name === 'lms',
  );
  const sets = [
    ['generated-pacts (lms)', await runSelection(served, { personas })],
    [
      'synthetic (every 8th)',
      await runSelection([syntheticPact()], { personas, sample: (_k, i) => i % 8 === 0 }),
    ],
  ] as const;
  const bySet = new Map<string, Map<string, number>>();
  for (const [name, results] of sets)
    for (const r of results) bump(bySet, name, verdictOf(r.agreement));
  process.stdout.write(`Selection on the served set:\n\n${tableOf(bySet, 'set')}\n`);
  const ties = sets
    .flatMap(([, results]) => results)
    .filter(
      (r) => r.native.kind === 'rejected' && r.native.detail.startsWith('AMBIGUOUS_INTERACTION'),
    );
  for (const r of ties)
    process.stdout.write(
      `\nAMBIGUOUS_INTERACTION for ${r.key} as ${r.persona}: ${r.native.kind === 'rejected' ? r.native.detail.slice(0, 400) : ''}\n`,
    );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
