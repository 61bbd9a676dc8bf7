/**
 * Checks the committed pact files themselves, so that a contract which passes in Jest but emits
 * something the stub or the LMS verifier cannot use still fails `npm test`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generatedDir } from './jest/paths';
import * as states from './support/states';

interface ProviderState {
  name: string;
  params?: Record<string, unknown>;
}
interface Interaction {
  description: string;
  providerStates?: ProviderState[];
  request: { generators?: Record<string, unknown> };
  response: { generators?: Record<string, unknown> };
}
interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: Interaction[];
  metadata: { pactSpecification: { version: string } };
}

const pactFiles = fs
  .readdirSync(generatedDir)
  .filter((name) => name.endsWith('.json'))
  .sort();
const load = (name: string): PactFile =>
  JSON.parse(fs.readFileSync(path.join(generatedDir, name), 'utf8')) as PactFile;

/** Every state name declared in vocabulary/openedx/states.ts: persona states and, when a
 *  contract declares some, request states. */
const declared = states as {
  STATES: Record<string, string>;
  REQUEST_STATES?: Record<string, string>;
  CMS_STATES?: Record<string, string>;
};
const declaredStates = new Set([
  ...Object.values(declared.STATES),
  ...Object.values(declared.REQUEST_STATES ?? {}),
  ...Object.values(declared.CMS_STATES ?? {}),
]);
/** Providers whose states are the Open edX vocabulary's (the LMS, and Studio with its own). */
const OPENEDX_PROVIDERS = ['lms', 'cms'];

/** `${param}` names used by the ProviderState generators of one request or response. */
function providerStateExpressions(generators: Record<string, unknown> | undefined): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'ProviderState' && typeof record.expression === 'string') {
      found.push(...[...record.expression.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1] as string));
      return;
    }
    Object.values(record).forEach(visit);
  };
  visit(generators);
  return found;
}

describe('generated-pacts/', () => {
  it('holds at least the frontend-platform pact', () => {
    expect(pactFiles).toContain('frontend-platform-lms.json');
  });

  describe.each(pactFiles)('%s', (name) => {
    const pact = load(name);

    it('is a V4 pact named <consumer>-<provider>.json', () => {
      expect(pact.metadata.pactSpecification.version).toBe('4.0');
      expect(name).toBe(`${pact.consumer.name}-${pact.provider.name}.json`);
    });

    it('has unique interaction descriptions per provider state', () => {
      const keys = pact.interactions.map(
        (i) => `${i.description} | ${(i.providerStates ?? []).map((s) => s.name).join(' & ')}`,
      );
      expect(new Set(keys).size).toBe(keys.length);
    });

    if (OPENEDX_PROVIDERS.includes(pact.provider.name)) {
      it('uses only provider states declared in vocabulary/openedx/states.ts', () => {
        const used = pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name));
        expect(used.filter((state) => !declaredStates.has(state))).toEqual([]);
      });
    }

    it('gives every provider-state expression a parameter of one of its states', () => {
      const unresolved = pact.interactions.flatMap((interaction) => {
        const params = new Set(
          (interaction.providerStates ?? []).flatMap((s) => Object.keys(s.params ?? {})),
        );
        return [
          ...providerStateExpressions(interaction.request.generators),
          ...providerStateExpressions(interaction.response.generators),
        ]
          .filter((param) => !params.has(param))
          .map((param) => `${interaction.description}: \${${param}}`);
      });
      expect(unresolved).toEqual([]);
    });
  });
});
