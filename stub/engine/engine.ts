/**
 * The engine: pacts and personas in, an answer for each request out. Pure and transport
 * agnostic (no Node APIs), so the HTTP front door, an msw handler in a browser service worker
 * and a conformance test all drive the same code.
 *
 *   const engine = createEngine({ pacts: [readPact(json, 'generated-pacts/x.json')], personas });
 *   const result = engine.handle(request, { baseUrl: 'http://localhost:18000', persona: 'staff' });
 *   if (result.kind === 'matched') send(result.response); else send(problemResponse(result.problem));
 */
import { matchRequest, RequestBody, requestFits } from './match-request';
import { MissCandidates } from './miss-candidates';
import { isJsonContentType } from './pact-file';
import type { PersonaStates } from './personas';
import { problem } from './problem';
import { ResponseTemplate } from './response-template';
import {
  BadPathEncodingError,
  decodePathSegments,
  explainPath,
  type Route,
  Router,
} from './router';
import { type Resolution, resolveStates } from './select';
import { SelectionCache } from './selection-cache';
import type {
  HandleContext,
  HandleResult,
  HttpInteraction,
  InteractionSummary,
  JsonValue,
  LoadedPact,
  MatchedResult,
  ProblemResult,
  SelectionTier,
  StubRequest,
} from './types';

export interface EngineOptions {
  pacts: LoadedPact[];
  personas: PersonaStates;
  /** Serve only pacts of this provider (e.g. `lms`); others are listed in `ignoredPacts`. */
  provider?: string;
  /**
   * When several interactions of the same tier fit a request with different responses:
   * `first` (the default, as pact-stub-server does) answers with the first in pact order and
   * marks the answer (`ambiguity` on the result); `refuse` (the stub's `--strict`) answers
   * AMBIGUOUS_INTERACTION (409) instead.
   */
  ambiguity?: 'first' | 'refuse';
}

export interface Engine {
  /** Pacts served, in the order given. */
  readonly pacts: readonly LoadedPact[];
  /** Pacts left out because their provider is not `options.provider`. */
  readonly ignoredPacts: readonly LoadedPact[];
  readonly interactions: readonly HttpInteraction[];
  readonly personas: PersonaStates;
  /** Every provider-state name the served interactions declare. */
  readonly stateNames: ReadonlySet<string>;
  handle(request: StubRequest, context: HandleContext): HandleResult;
  summarize(interaction: HttpInteraction): InteractionSummary;
}

const MAX_CLOSEST = 3;
const MAX_REASONS = 3;

export function summarize(interaction: HttpInteraction): InteractionSummary {
  return {
    id: interaction.id,
    description: interaction.description,
    consumer: interaction.consumer,
    provider: interaction.provider,
    source: interaction.source,
    providerStates: interaction.providerStates.map((s) => s.name),
  };
}

const TIER_RANK: Record<SelectionTier, number> = { override: 0, persona: 1, stateless: 2 };

interface Candidate {
  route: Route;
  tier: SelectionTier;
  params: Record<string, JsonValue>;
  closeness: number;
}

const describeRequest = (request: StubRequest) => {
  const query = Object.entries(request.query)
    .flatMap(([name, values]) =>
      values.map((v) => `${encodeURIComponent(name)}=${encodeURIComponent(v)}`),
    )
    .join('&');
  return `${request.method} ${request.path}${query ? `?${query}` : ''}`;
};

export function createEngine(options: EngineOptions): Engine {
  const served = options.provider
    ? options.pacts.filter((p) => p.provider === options.provider)
    : options.pacts;
  const ignoredPacts = options.provider
    ? options.pacts.filter((p) => p.provider !== options.provider)
    : [];
  const interactions = served.flatMap((pact) => pact.interactions);
  // Pact order (file order, then interaction order): the tie-break among equally good answers.
  const pactOrder = new Map(interactions.map((interaction, i) => [interaction, i]));
  const refuseAmbiguity = options.ambiguity === 'refuse';
  const router = new Router(interactions);
  const missCandidates = new MissCandidates(interactions, router);
  const stateNames = new Set(interactions.flatMap((i) => i.providerStates.map((s) => s.name)));
  const catalog = options.personas;
  const satisfiedByPersona = new Map(
    [...catalog.personas.keys()].map((name) => [name, catalog.satisfiedBy(name)]),
  );
  // Built once: what a request would otherwise rebuild for every answer (see
  // response-template.ts and selection-cache.ts for what each keeps and why it stays right).
  const selections = new SelectionCache(catalog.isPersonaState);
  const templates = new Map(interactions.map((i) => [i, new ResponseTemplate(i)]));
  const summaries = new Map(
    interactions.map((i) => {
      const summary = summarize(i);
      Object.freeze(summary.providerStates);
      return [i, Object.freeze(summary)];
    }),
  );

  const badRequest = (
    code: 'MALFORMED_REQUEST' | 'UNKNOWN_PROVIDER_STATE',
    detail: string,
  ): ProblemResult => ({
    kind: 'bad-request',
    problem: problem(code, detail),
  });

  function explainUnmatched(
    request: StubRequest,
    segments: string[],
    personaName: string,
    resolutions: Map<HttpInteraction, Resolution>,
    context: HandleContext,
  ): ProblemResult {
    const satisfied = satisfiedByPersona.get(personaName) ?? new Map();
    // Only the interactions that can be closest are scored (miss-candidates.ts).
    const candidates = missCandidates.find(request.method, request.path, segments);
    const scored = candidates.map((interaction) => {
      const reasons: string[] = [];
      const methodOk = interaction.request.method === request.method;
      if (!methodOk)
        reasons.push(`expected method ${interaction.request.method} but got ${request.method}`);
      const pathReason = explainPath(interaction, segments);
      if (pathReason) reasons.push(pathReason);
      reasons.push(...matchRequest(interaction, request));
      if (reasons.length === 0) {
        const resolution =
          resolutions.get(interaction) ??
          resolveStates(
            interaction,
            {},
            personaName,
            satisfied,
            context.state,
            catalog.isPersonaState,
          );
        if (!resolution.ok) reasons.push(resolution.reason);
        else if (context.state && resolution.tier !== 'override') {
          reasons.push(`does not declare the requested state '${context.state.name}'`);
        }
      }
      const theirs = interaction.request.path.split('/');
      let shared = 0;
      while (shared < segments.length && theirs[shared] === segments[shared]) shared += 1;
      return { interaction, reasons, pathOk: !pathReason, methodOk, shared };
    });
    scored.sort(
      (a, b) =>
        Number(b.pathOk) - Number(a.pathOk) ||
        Number(b.methodOk) - Number(a.methodOk) ||
        b.shared - a.shared ||
        a.reasons.length - b.reasons.length,
    );
    const closest = scored.slice(0, MAX_CLOSEST).map(({ interaction, reasons }) => ({
      ...summarize(interaction),
      reasons: reasons.slice(0, MAX_REASONS),
    }));
    return {
      kind: 'unmatched',
      problem: problem(
        'NO_INTERACTION_MATCHED',
        `${describeRequest(request)} matched none of the ${interactions.length} interactions served for persona '${personaName}'` +
          (closest.length
            ? `; the ${closest.length} closest are listed with the first reasons each did not match.`
            : '.'),
        {
          request: { method: request.method, path: request.path, query: request.query },
          persona: personaName,
          closest,
        },
      ),
    };
  }

  function handle(request: StubRequest, context: HandleContext): HandleResult {
    const personaName = context.persona ?? catalog.defaultPersona;
    const satisfied = satisfiedByPersona.get(personaName);
    // Whether a persona exists is the front door's to say (stub/front-door/selection.ts): it
    // asks only for the active persona or a login session's, both checked there.
    if (!satisfied)
      throw new Error(
        `The engine was asked to answer for persona '${personaName}', which its persona file does not define; check the name first (stub/front-door/selection.ts unknownPersona).`,
      );
    if (context.state && !stateNames.has(context.state.name)) {
      return badRequest(
        'UNKNOWN_PROVIDER_STATE',
        `No served interaction declares the provider state '${context.state.name}'. Known states: ${[...stateNames].sort().join('; ')}.`,
      );
    }
    let segments: string[];
    try {
      segments = decodePathSegments(request.path);
    } catch (error) {
      if (error instanceof BadPathEncodingError)
        return badRequest('MALFORMED_REQUEST', `${error.message}.`);
      throw error;
    }
    const contentType = request.headers['content-type'];
    const body = new RequestBody(request.body);
    if (request.body !== undefined && request.body.length > 0 && isJsonContentType(contentType)) {
      const parsed = body.json();
      if ('error' in parsed) {
        return badRequest(
          'MALFORMED_REQUEST',
          `The body of ${request.method} ${request.path} is sent as ${contentType} but is not valid JSON: ${parsed.error.message}.`,
        );
      }
    }

    const routes: Route[] = router.find(request.method, request.path, segments);
    // Resolutions that failed, for the explanation when nothing answers (only then is it read).
    let failed: Map<HttpInteraction, Resolution> | undefined;
    const candidates: Candidate[] = [];
    let bestRank = Number.POSITIVE_INFINITY;
    let bestCloseness = Number.NEGATIVE_INFINITY;
    for (const route of routes) {
      if (!requestFits(route.interaction, request, body)) continue;
      const resolution = context.state
        ? resolveStates(
            route.interaction,
            route.binding,
            personaName,
            satisfied,
            context.state,
            catalog.isPersonaState,
          )
        : selections.resolve(route.interaction, route.binding, personaName, satisfied);
      if (!resolution.ok) {
        failed ??= new Map();
        failed.set(route.interaction, resolution);
        continue;
      }
      const rank = TIER_RANK[resolution.tier];
      if (rank < bestRank || (rank === bestRank && resolution.closeness > bestCloseness)) {
        bestRank = rank;
        bestCloseness = resolution.closeness;
      }
      candidates.push({
        route,
        tier: resolution.tier,
        params: resolution.params,
        closeness: resolution.closeness,
      });
    }
    if (candidates.length === 0)
      return explainUnmatched(request, segments, personaName, failed ?? new Map(), context);
    // The first non-empty tier; within it, the interactions recorded closest to the values served.
    const winners =
      candidates.length === 1
        ? candidates
        : candidates.filter((c) => TIER_RANK[c.tier] === bestRank && c.closeness === bestCloseness);
    // Equally good answers: the first in pact order, as pact-stub-server does.
    const ordered =
      winners.length === 1
        ? winners
        : [...winners].sort(
            (a, b) =>
              (pactOrder.get(a.route.interaction) as number) -
              (pactOrder.get(b.route.interaction) as number),
          );
    const winner = ordered[0] as Candidate;
    const tier = winner.tier;
    const ambiguous =
      ordered.length > 1 && new Set(ordered.map((w) => w.route.interaction.responseKey)).size > 1;
    let ambiguity: MatchedResult['ambiguity'];
    if (ambiguous) {
      const candidates = ordered.map((w) => summarize(w.route.interaction));
      const listed = candidates.map((c) => `"${c.description}" (${c.source})`).join(', ');
      if (refuseAmbiguity) {
        return {
          kind: 'ambiguous',
          problem: problem(
            'AMBIGUOUS_INTERACTION',
            `${describeRequest(request)} matches ${ordered.length} interactions with different responses for persona '${personaName}' (${tier} tier): ` +
              `${listed}. Tell them apart with distinct provider states, or ask for one with X-Pact-Provider-State.`,
            { persona: personaName, tier, candidates },
          ),
        };
      }
      ambiguity = {
        candidates,
        warning:
          `${ordered.length} interactions with different responses fit (${tier} tier): ${listed}; ` +
          `answered with the first in pact order (--strict refuses instead)`,
      };
    }
    const interaction = winner.route.interaction;
    // Parameters of a requested state are new objects on every request: nothing to keep them by.
    const { response, warnings } = (templates.get(interaction) as ResponseTemplate).respond(
      {
        params: winner.params,
        baseUrl: context.baseUrl,
        ...(context.now && { now: context.now }),
      },
      context.state === undefined,
    );
    return {
      kind: 'matched',
      interaction: summaries.get(interaction) as InteractionSummary,
      response,
      tier,
      stateParams: winner.params,
      warnings: warnings.length === 0 ? [] : [...warnings],
      ...(ambiguity && { ambiguity }),
    };
  }

  return {
    pacts: served,
    ignoredPacts,
    interactions,
    personas: catalog,
    stateNames,
    handle,
    summarize,
  };
}
