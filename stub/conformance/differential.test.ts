/**
 * Differential conformance: the native engine against pact-stub-server (the Pact Foundation's
 * own stub), on every interaction of generated-pacts/, of the synthetic LMS-traffic pact and of
 * the matching-rules pact, with the example request of each and its mutations
 * (docs/conformance.md).
 */
import type { KnownDifference } from './compare';
import type { PactDocument } from './engines';
import { type IsolatedReport, type ProbeResult, runIsolated } from './isolated';
import { generatedPacts, syntheticPact } from './pacts';
import type { RawInteraction } from './requests';
import { rulesPact } from './rules-pact';

const isHttp = (i: RawInteraction) => i.type === undefined || i.type === 'Synchronous/HTTP';
const describeProbe = (r: ProbeResult) =>
  `${r.key} "${r.description}" [${r.variant}]: ${r.agreement.verdict === 'agree' ? '' : r.agreement.why}`;
const withDifference = (report: IsolatedReport, difference: KnownDifference) =>
  report.results.filter(
    (r) => r.agreement.verdict === 'known' && r.agreement.difference === difference,
  );

describe('matching conformance, one interaction at a time', () => {
  const pacts = [...generatedPacts(), syntheticPact(), rulesPact()];
  let report: IsolatedReport;

  beforeAll(async () => {
    report = await runIsolated(pacts);
  }, 120_000);

  it('covers every HTTP interaction of generated-pacts/ and of the synthetic set', () => {
    const expected = pacts.reduce((n, p) => n + p.doc.interactions.filter(isHttp).length, 0);

    expect(report.interactions).toBe(expected);
    expect(report.unloadable).toEqual([]);
    expect(new Set(report.results.map((r) => r.key)).size).toBe(expected);
  });

  it('answers the example request of every interaction with that interaction in both engines', () => {
    const examples = report.results.filter((r) => r.variant === 'example');
    const wrong = examples.filter(
      (r) =>
        r.native.kind !== 'matched' ||
        r.reference.kind !== 'matched' ||
        r.native.key !== r.key ||
        r.reference.key !== r.key,
    );

    expect(wrong.map(describeProbe)).toEqual([]);
    expect(examples.length).toBe(report.interactions);
  });

  it('agrees on every mutated request, or differs only in the named ways', () => {
    const unexplained = report.results.filter((r) => r.agreement.verdict === 'differ');

    expect(unexplained.map(describeProbe)).toEqual([]);
    // Both engines must also have refused things: a suite where every request matches proves
    // nothing about matching.
    expect(report.results.filter((r) => r.native.kind === 'rejected').length).toBeGreaterThan(100);
  });

  // The named differences are explained in KNOWN_DIFFERENCES (compare.ts) and docs/conformance.md.
  it('HEADERS_RANK: differs on headers only where a request header (Content-Type included) was changed', () => {
    const found = withDifference(report, 'HEADERS_RANK');

    expect(found.length).toBeGreaterThan(0);
    // Content-Type is a header too: a body sent as text/plain may differ only by it.
    expect(
      found
        .filter((r) => !/^(change-header|body-content-type):/.test(r.variant))
        .map(describeProbe),
    ).toEqual([]);
  });

  it('BODY_PRESENCE_AND_TYPE: differs on bodies only where the body was left out or sent as another type', () => {
    const found = withDifference(report, 'BODY_PRESENCE_AND_TYPE');

    expect(found.length).toBeGreaterThan(0);
    expect(
      found.filter((r) => !/^body-(missing|content-type)/.test(r.variant)).map(describeProbe),
    ).toEqual([]);
  });

  it('PROVIDER_STATE_PATH: differs on paths only where the path of a fromProviderState template changed', () => {
    const found = withDifference(report, 'PROVIDER_STATE_PATH');

    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((r) => !r.variant.startsWith('path:')).map(describeProbe)).toEqual([]);
  });
});

describe('the differential check itself', () => {
  type Rules = Record<string, { matchers?: Array<Record<string, unknown>> }>;
  /** The synthetic interactions that `pick` selects, as one document. */
  const subset = (pick: (i: RawInteraction) => boolean): PactDocument => {
    const pact = syntheticPact();
    return { ...pact, doc: { ...pact.doc, interactions: pact.doc.interactions.filter(pick) } };
  };
  const hasQueryRegex = (i: RawInteraction) =>
    Object.values(i.request.matchingRules?.query ?? {}).some((r) =>
      r.matchers?.some((m) => m.match === 'regex'),
    );
  const hasPathRegex = (i: RawInteraction) =>
    i.request.matchingRules?.path?.matchers?.some((m) => m.match === 'regex') ?? false;

  it('reports a difference when a native query rule is deliberately wrong (regex read as type)', async () => {
    const loosenQueryRules = (doc: PactDocument['doc']) => {
      for (const interaction of doc.interactions) {
        const query = (interaction.request.matchingRules?.query ?? {}) as Rules;
        for (const rule of Object.values(query)) rule.matchers = [{ match: 'type' }];
      }
      return doc;
    };

    const report = await runIsolated([subset(hasQueryRegex)], { nativeDocument: loosenQueryRules });
    const caught = report.results.filter((r) => r.agreement.verdict === 'differ');

    expect(report.interactions).toBeGreaterThan(0);
    expect(caught.length).toBeGreaterThan(0);
    expect(caught.every((r) => /^(bad-query-value|rule:query):/.test(r.variant))).toBe(true);
  }, 60_000);

  it('reports a difference when a native regex is deliberately a substring search (rule-derived mutations)', async () => {
    // The engine's old bug: `\d{1,4}` accepted `9999X`. `.*(?:...).*` makes every native regex
    // a substring search (anchors dropped); the `!!!` of bad-query-value cannot see it, the rule's
    // edges must.
    const unanchor = (doc: PactDocument['doc']) => {
      for (const interaction of doc.interactions) {
        const categories = interaction.request.matchingRules ?? {};
        for (const category of [categories.query, categories.body] as Array<Rules | undefined>)
          for (const rule of Object.values(category ?? {}))
            for (const matcher of rule.matchers ?? [])
              if (typeof matcher.regex === 'string')
                matcher.regex = `.*(?:${matcher.regex.replace(/^\^/, '').replace(/\$$/, '')}).*`;
      }
      return doc;
    };

    const report = await runIsolated([subset(hasQueryRegex)], { nativeDocument: unanchor });
    const caught = report.results.filter((r) => r.agreement.verdict === 'differ');

    expect(caught.some((r) => /^rule:query:.*:regex-(suffix|prefix)$/.test(r.variant))).toBe(true);
    expect(caught.filter((r) => r.variant.startsWith('bad-query-value:'))).toEqual([]);
  }, 60_000);

  it('reports a difference when a native eachValue or date rule is deliberately dropped (matching-rules pact)', async () => {
    // Matchers our contracts do not use yet: the rule-derived edges must still see them.
    const dropRules = (doc: PactDocument['doc']) => {
      for (const interaction of doc.interactions) {
        const body = (interaction.request.matchingRules?.body ?? {}) as Rules;
        for (const rule of Object.values(body))
          rule.matchers = (rule.matchers ?? []).filter(
            (m) => m.match !== 'eachValue' && m.match !== 'date',
          );
      }
      return doc;
    };

    const report = await runIsolated([rulesPact()], { nativeDocument: dropRules });
    const caught = report.results.filter((r) => r.agreement.verdict === 'differ');

    expect(caught.map((r) => r.variant)).toEqual(
      expect.arrayContaining([
        'rule:body:$.grades:eachValue-wrong-value',
        'rule:body:$.due:date-impossible',
      ]),
    );
  }, 60_000);

  it('reports a difference when a native response body deliberately differs', async () => {
    // A field no generator touches, in every response body of the native copy.
    const changeBodies = (doc: PactDocument['doc']) => {
      for (const interaction of doc.interactions) {
        const content = interaction.response.body?.content;
        if (content && typeof content === 'object' && !Array.isArray(content)) {
          content.conformance_extra_field = 'only in the native copy';
        }
      }
      return doc;
    };

    const report = await runIsolated([subset(hasQueryRegex)], { nativeDocument: changeBodies });
    const caught = report.results.filter((r) => r.agreement.verdict === 'differ');

    expect(caught.map((r) => r.variant)).toContain('example');
    expect(
      caught.every((r) => r.agreement.verdict === 'differ' && /bodies/.test(r.agreement.why)),
    ).toBe(true);
  }, 60_000);

  it('reports a difference when a native path rule is deliberately dropped', async () => {
    const dropPathRules = (doc: PactDocument['doc']) => {
      for (const interaction of doc.interactions) delete interaction.request.matchingRules?.path;
      return doc;
    };

    const report = await runIsolated([subset(hasPathRegex)], { nativeDocument: dropPathRules });
    const caught = report.results.filter((r) => r.agreement.verdict === 'differ');

    expect(report.interactions).toBeGreaterThan(0);
    expect(caught.map((r) => r.variant)).toContain('path:other-course-run');
  }, 60_000);
});
