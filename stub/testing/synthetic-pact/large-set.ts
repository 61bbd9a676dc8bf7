/**
 * A large LMS pact for the miss benchmark: the synthetic 115-interaction pact copied once per
 * "site" until it holds `count` interactions, each copy under a path prefix of its own
 * (`/site7/api/...`): its literal paths, its path templates and its path regexes all moved
 * under the prefix, its descriptions suffixed. Each copy answers the requests the original does,
 * with the prefix; no copy answers another's. Deterministic, never committed.
 */
import { buildSyntheticPact } from './lms-traffic';

interface RawRequest {
  path: string;
  generators?: { path?: { expression?: string } };
  matchingRules?: { path?: { matchers?: Array<{ match: string; regex?: string }> } };
}

type Interaction = ReturnType<typeof buildSyntheticPact>['interactions'][number];

/** `^/api/x$` → `^/site7/api/x$` (the regexes of the synthetic pact are all anchored). */
function prefixRegex(source: string, prefix: string): string {
  if (!source.startsWith('^'))
    throw new Error(
      `[bench] Failed to build the large pact: path regex '${source}' is not anchored.`,
    );
  return `^${prefix}${source.slice(1)}`;
}

function moved(interaction: Interaction, site: number): Interaction {
  const prefix = `/site${site}`;
  const copy = JSON.parse(JSON.stringify(interaction)) as Interaction & { request: RawRequest };
  copy.description = `${interaction.description} (site ${site})`;
  const request = copy.request;
  request.path = `${prefix}${request.path}`;
  const generator = request.generators?.path;
  if (generator?.expression !== undefined)
    generator.expression = `${prefix}${generator.expression}`;
  for (const matcher of request.matchingRules?.path?.matchers ?? [])
    if (matcher.regex !== undefined) matcher.regex = prefixRegex(matcher.regex, prefix);
  return copy;
}

/** The large pact, consumer `synthetic-lms-sites`, provider `lms`, about `count` interactions
 *  (whole copies, so the count rounds up to a multiple of the original's). */
export function buildLargeSyntheticPact(count = 5_000) {
  const base = buildSyntheticPact();
  const sites = Math.ceil(count / base.interactions.length);
  const interactions = Array.from({ length: sites }, (_, site) =>
    base.interactions.map((interaction) => moved(interaction, site + 1)),
  ).flat();
  return {
    ...base,
    consumer: { name: 'synthetic-lms-sites' },
    interactions,
    metadata: {
      ...base.metadata,
      synthetic: { generator: 'stub/testing/synthetic-pact/large-set.ts', sites },
    },
  };
}
