/**
 * Matching conformance, one interaction at a time. Every interaction keeps its request and
 * response but trades its provider states for one state of its own (`conformance-<n>`); both
 * engines are asked for exactly that state, so each has a single candidate and the only question
 * left is Pact's: does this request fit this interaction, and what is the answer? The example
 * request and its mutations (requests.ts) are sent to both engines and compared (compare.ts).
 *
 * pact-stub-server spends about a millisecond per loaded interaction on every request, whatever
 * the state filter, so interactions are served in small groups, each by its own child process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HttpInteraction } from '../engine';
import { readPact } from '../engine';
import { type Agreement, compareOutcomes } from './compare';
import {
  keyOf,
  NativeUnderTest,
  type Outcome,
  type PactDocument,
  ReferenceUnderTest,
  withKeyHeaders,
} from './engines';
import { exampleRequest, mutations, type RawInteraction, type WireRequest } from './requests';

export interface Probe {
  key: string;
  description: string;
  /** `example` or a mutation name such as `drop-query:mfe`. */
  variant: string;
  request: WireRequest;
}

export interface ProbeResult extends Probe {
  native: Outcome;
  reference: Outcome;
  agreement: Agreement;
}

export interface IsolatedReport {
  interactions: number;
  results: ProbeResult[];
  /** Interactions the native engine cannot load at all (a gap of the engine). */
  unloadable: Array<{ key: string; description: string; error: string }>;
}

export interface IsolatedOptions {
  /** Interactions per pact-stub-server process. */
  groupSize?: number;
  /** pact-stub-server processes at a time. */
  concurrency?: number;
  /**
   * Changes the native engine's copy of each document before loading it, and only that copy:
   * the test of the test injects a deliberately wrong rule this way.
   */
  nativeDocument?: (doc: PactDocument['doc']) => PactDocument['doc'];
}

const isHttp = (i: RawInteraction) => i.type === undefined || i.type === 'Synchronous/HTTP';
const stateOf = (n: number) => `conformance-${n}`;

interface Entry {
  key: string;
  n: number;
  raw: RawInteraction;
  isolated: RawInteraction;
}

function entriesOf(pacts: PactDocument[]): Entry[] {
  const entries: Entry[] = [];
  for (const pact of pacts) {
    const marked = withKeyHeaders(pact);
    marked.doc.interactions.forEach((interaction, index) => {
      if (!isHttp(interaction)) return;
      const n = entries.length;
      entries.push({
        key: keyOf(pact.source, index),
        n,
        raw: pact.doc.interactions[index] as RawInteraction,
        isolated: { ...interaction, providerStates: [{ name: stateOf(n) }] },
      });
    });
  }
  return entries;
}

const groupDocument = (entries: Entry[], label: string): PactDocument => ({
  source: label,
  doc: {
    consumer: { name: 'conformance' },
    provider: { name: 'lms' },
    interactions: entries.map((e) => e.isolated),
    metadata: { pactSpecification: { version: '4.0' } },
  },
});

/** Can the native engine load this interaction on its own? The error if not. */
function nativeLoadError(entry: Entry): string | undefined {
  try {
    readPact(groupDocument([entry], 'check').doc, entry.key);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

async function runGroup(
  group: Entry[],
  label: string,
  dir: string,
  options: IsolatedOptions,
): Promise<ProbeResult[]> {
  const document = groupDocument(group, label);
  const file = path.join(dir, `${label}.json`);
  writeFileSync(file, JSON.stringify(document.doc));
  const nativeDoc = options.nativeDocument
    ? options.nativeDocument(structuredClone(document.doc))
    : document.doc;
  const native = new NativeUnderTest([{ source: label, doc: nativeDoc }]);
  const models = new Map<string, HttpInteraction>();
  const raws = new Map<string, RawInteraction>();
  group.forEach((entry, i) => {
    const model = native.engine.interactions.find((m) => m.index === i);
    if (model) models.set(entry.key, model);
    raws.set(entry.key, entry.raw);
  });
  const reference = await ReferenceUnderTest.start([file]);
  try {
    const results: ProbeResult[] = [];
    for (const entry of group) {
      const base = exampleRequest(entry.raw);
      const probes: Probe[] = [
        { key: entry.key, description: entry.raw.description, variant: 'example', request: base },
        ...mutations(entry.raw, base).map((m) => ({
          key: entry.key,
          description: entry.raw.description,
          variant: m.name,
          request: m.request,
        })),
      ];
      for (const probe of probes) {
        const state = stateOf(entry.n);
        const nativeOutcome = native.send(probe.request, { name: state });
        const referenceOutcome = await reference.send(probe.request, `^${state}$`);
        results.push({
          ...probe,
          native: nativeOutcome,
          reference: referenceOutcome,
          agreement: compareOutcomes(probe.request, nativeOutcome, referenceOutcome, raws, models),
        });
      }
    }
    return results;
  } finally {
    await reference.stop();
  }
}

export async function runIsolated(
  pacts: PactDocument[],
  options: IsolatedOptions = {},
): Promise<IsolatedReport> {
  const all = entriesOf(pacts);
  const unloadable: IsolatedReport['unloadable'] = [];
  const loadable = all.filter((entry) => {
    const error = nativeLoadError(entry);
    if (error) unloadable.push({ key: entry.key, description: entry.raw.description, error });
    return !error;
  });
  const size = options.groupSize ?? 8;
  const groups: Entry[][] = [];
  for (let i = 0; i < loadable.length; i += size) groups.push(loadable.slice(i, i + size));

  const dir = mkdtempSync(path.join(tmpdir(), 'openedx-stub-conformance-'));
  try {
    const results: ProbeResult[][] = new Array(groups.length);
    let next = 0;
    const worker = async () => {
      while (next < groups.length) {
        const g = next;
        next += 1;
        results[g] = await runGroup(groups[g] as Entry[], `group-${g}`, dir, options);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
    return { interactions: all.length, results: results.flat(), unloadable };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
