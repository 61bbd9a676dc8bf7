/**
 * Selection conformance: the whole served set at once, as a user runs the stub. For each
 * interaction its example request goes to both engines, with what a user would give each of
 * them to ask for that interaction:
 *  - the native engine: the persona whose user the interaction's states name (or the anonymous
 *    persona), and its request state by name with its parameters, if it has one;
 *  - pact-stub-server: that request state as its provider-state header (an anchored regex), if
 *    any; it has no personas and no parameters.
 * Both must pick the same interaction, or both reject the request, or differ in one of the
 * named ways (compare.ts), checked against the native engine's own matching reasons.
 *
 * pact-stub-server costs about a millisecond per loaded interaction on every request, so the
 * caller bounds the number of requests (`sample`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HttpInteraction } from '../engine';
import { isPersonaState, type PersonaCatalog } from '../openedx/personas';
import { exactStateRegex } from '../reference/responder';
import { type Agreement, compareOutcomes, nativeReasons } from './compare';
import {
  keyOf,
  NativeUnderTest,
  type Outcome,
  type PactDocument,
  ReferenceUnderTest,
  withKeyHeaders,
} from './engines';
import { exampleRequest, type RawInteraction, type WireRequest } from './requests';

export interface SelectionResult {
  key: string;
  description: string;
  persona: string;
  requestState: string | undefined;
  request: WireRequest;
  native: Outcome;
  reference: Outcome;
  agreement: Agreement;
}

export interface SelectionOptions {
  personas: PersonaCatalog;
  /** Which interactions to probe (all by default): pact-stub-server is slow on large sets. */
  sample?: (key: string, position: number) => boolean;
}

const isHttp = (i: RawInteraction) => i.type === undefined || i.type === 'Synchronous/HTTP';

/** The persona a user would pick to be served `interaction`. */
export function personaFor(catalog: PersonaCatalog, interaction: RawInteraction): string {
  const states = interaction.providerStates ?? [];
  const loggedIn = states.find((s) => s.name === 'a user is logged in');
  const username = loggedIn?.params?.username;
  const personas = [...catalog.personas.values()];
  if (typeof username === 'string') {
    const match = personas.find((p) => p.user?.username === username);
    if (match) return match.name;
  }
  if (states.some((s) => s.name === 'no user is logged in')) {
    const anonymous = personas.find((p) => p.user === undefined);
    if (anonymous) return anonymous.name;
  }
  return catalog.defaultPersona;
}

/** Classifies a disagreement of whole-set selection (compare.ts handles the agreements). */
function classify(
  request: WireRequest,
  native: Outcome,
  reference: Outcome,
  raws: Map<string, RawInteraction>,
  models: Map<string, HttpInteraction>,
): Agreement {
  if (native.kind === 'matched' && reference.kind === 'matched' && native.key === reference.key) {
    return compareOutcomes(request, native, reference, raws, models);
  }
  if (native.kind === 'rejected' && reference.kind === 'rejected') return { verdict: 'agree' };
  if (reference.kind === 'rejected') {
    return compareOutcomes(request, native, reference, raws, models);
  }
  const chosen = models.get(reference.key);
  if (!chosen) return { verdict: 'differ', why: `no native model for ${reference.key}` };
  const reasons = nativeReasons(chosen, request);
  if (native.kind === 'rejected' && native.detail.startsWith('AMBIGUOUS_INTERACTION')) {
    return {
      verdict: 'known',
      difference: 'FIRST_OF_SEVERAL',
      why: `the native engine reports a tie (${native.detail.slice(0, 200)}); pact-stub-server took ${reference.key}`,
    };
  }
  if (reasons.length === 0) {
    return native.kind === 'matched'
      ? {
          verdict: 'known',
          difference: 'FIRST_OF_SEVERAL',
          why: `${reference.key} fits the request too; the native engine chose ${native.key} by provider state`,
        }
      : {
          verdict: 'known',
          difference: 'STATE_PARAMETERS',
          why: `${reference.key} fits the request, but its states do not hold for the persona: ${native.detail.slice(0, 300)}`,
        };
  }
  // pact-stub-server took an interaction the native engine finds does not fit the request.
  return compareOutcomes(
    request,
    {
      kind: 'rejected',
      status: 404,
      detail: native.kind === 'matched' ? `chose ${native.key}` : native.detail,
    },
    reference,
    raws,
    models,
  );
}

export async function runSelection(
  pacts: PactDocument[],
  options: SelectionOptions,
): Promise<SelectionResult[]> {
  const marked = pacts.map(withKeyHeaders);
  // The native engine reads the pacts unmarked: it treats interactions with identical responses
  // as one answer, and a marker header would make every response different.
  const native = new NativeUnderTest(pacts, options.personas);
  const models = new Map(native.engine.interactions.map((m) => [m.id, m]));
  const raws = new Map<string, RawInteraction>();
  for (const pact of pacts) {
    pact.doc.interactions.forEach((raw, index) => {
      if (isHttp(raw)) raws.set(keyOf(pact.source, index), raw);
    });
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'openedx-stub-selection-'));
  const files = marked.map((pact, i) => {
    const file = path.join(dir, `${i}.json`);
    writeFileSync(file, JSON.stringify(pact.doc));
    return file;
  });
  const reference = await ReferenceUnderTest.start(files);
  try {
    const results: SelectionResult[] = [];
    let position = 0;
    for (const [key, raw] of raws) {
      const sampled = options.sample?.(key, position) ?? true;
      position += 1;
      if (!sampled) continue;
      const request = exampleRequest(raw);
      const requestState = (raw.providerStates ?? []).find((s) => !isPersonaState(s.name));
      const persona = personaFor(options.personas, raw);
      const nativeOutcome = native.send(request, requestState, persona);
      const referenceOutcome = await reference.send(
        request,
        requestState ? exactStateRegex(requestState.name) : undefined,
      );
      results.push({
        key,
        description: raw.description,
        persona,
        requestState: requestState?.name,
        request,
        native: nativeOutcome,
        reference: referenceOutcome,
        agreement: classify(request, nativeOutcome, referenceOutcome, raws, models),
      });
    }
    return results;
  } finally {
    await reference.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
