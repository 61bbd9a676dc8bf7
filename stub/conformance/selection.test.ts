/**
 * Selection conformance: the whole set served at once, each interaction's example request sent
 * to both engines with what a user would give each to ask for it (selection.ts). They must pick
 * the same interaction or differ in a named way (docs/conformance.md).
 */
import { loadPersonaFile } from '../load/personas';
import { DEFAULT_PERSONAS } from '../testing/start-stub';
import type { KnownDifference } from './compare';
import { generatedPacts, syntheticPact } from './pacts';
import { runSelection, type SelectionResult } from './selection';

const personas = loadPersonaFile(DEFAULT_PERSONAS);
const describeResult = (r: SelectionResult) =>
  `${r.key} "${r.description}" as ${r.persona}${r.requestState ? ` in '${r.requestState}'` : ''}: ${r.agreement.verdict === 'agree' ? '' : r.agreement.why}`;
const named = (results: SelectionResult[], difference: KnownDifference) =>
  results.filter((r) => r.agreement.verdict === 'known' && r.agreement.difference === difference);

describe('selection conformance on the served set', () => {
  let generated: SelectionResult[];
  let synthetic: SelectionResult[];

  beforeAll(async () => {
    const served = generatedPacts().filter(
      (p) => (p.doc.provider as { name?: string })?.name === 'lms',
    );
    generated = await runSelection(served, { personas });
    // pact-stub-server takes ~1 ms per loaded interaction per request: every 8th of the 115.
    synthetic = await runSelection([syntheticPact()], {
      personas,
      sample: (_key, position) => position % 8 === 0,
    });
  }, 360_000);

  it('probes every interaction of generated-pacts/ (provider lms) and a bounded sample of the synthetic set', () => {
    expect(generated.length).toBeGreaterThan(0);
    expect(synthetic.length).toBe(15);
  });

  it('picks the same interaction, or both reject, or differs only in the named ways', () => {
    const unexplained = [...generated, ...synthetic].filter(
      (r) => r.agreement.verdict === 'differ',
    );

    expect(unexplained.map(describeResult)).toEqual([]);
    expect(generated.filter((r) => r.agreement.verdict === 'agree').length).toBeGreaterThan(0);
  });

  it('FIRST_OF_SEVERAL: where pact-stub-server takes the first fitting interaction, the native engine chose by state', () => {
    const found = named([...generated, ...synthetic], 'FIRST_OF_SEVERAL');

    expect(found.length).toBeGreaterThan(0);
    // Each time the native engine answered (or reported a tie), pact-stub-server answered too.
    expect(found.filter((r) => r.reference.kind !== 'matched').map(describeResult)).toEqual([]);
  });

  it('STATE_PARAMETERS: where only the native engine refuses, it is because the persona lacks the state', () => {
    const found = named([...generated, ...synthetic], 'STATE_PARAMETERS');

    // The native engine found no interaction for this persona, though one fits the request.
    expect(
      found
        .filter(
          (r) =>
            r.native.kind !== 'rejected' || !r.native.detail.startsWith('NO_INTERACTION_MATCHED'),
        )
        .map(describeResult),
    ).toEqual([]);
  });
});
