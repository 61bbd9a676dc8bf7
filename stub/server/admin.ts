/**
 * The admin API under /__stub/: health, the active persona and state (GET to read, POST a JSON
 * body to change), the request journal, contract coverage, the set served, and reset; and the
 * admin page (GET /__stub/, stub/admin-page/) that shows them.
 */
import { type JsonValue, problemResponse, type StubRequest, type StubResponse } from '../engine';
import { problem } from '../front-door/problems';
import { adminPageAsset } from './admin-page';
import { journalEntries } from './journal';
import type { StubRuntime } from './runtime';

export const ADMIN_PREFIX = '/__stub/';

const json = (status: number, body: unknown): StubResponse => ({
  status,
  headers: { 'Content-Type': ['application/json'], 'Cache-Control': ['no-store'] },
  body: `${JSON.stringify(body, null, 2)}\n`,
});

const invalid = (detail: string) => problemResponse(problem('INVALID_ADMIN_REQUEST', detail));

function readJson(request: StubRequest): { value?: Record<string, unknown>; error?: StubResponse } {
  const text =
    typeof request.body === 'string'
      ? request.body
      : new TextDecoder().decode(request.body ?? new Uint8Array());
  try {
    const value = JSON.parse(text || '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { error: invalid('The body must be a JSON object.') };
    return { value };
  } catch (error) {
    return {
      error: problemResponse(
        problem('MALFORMED_REQUEST', `The body is not valid JSON: ${(error as Error).message}.`),
      ),
    };
  }
}

function personaView(runtime: StubRuntime) {
  const catalog = runtime.personas();
  const courseName = new Map(catalog.courses.map((c) => [c.course_id, c.course_name]));
  return {
    active: runtime.activePersona,
    personas: [...catalog.personas.values()].map((p) => ({
      name: p.name,
      description: p.description,
      user: p.user ?? null,
      enrollments: p.user
        ? catalog.enrollments
            .filter((e) => e.username === p.user?.username)
            .map((e) => ({
              course_id: e.course_id,
              course_name: courseName.get(e.course_id) ?? null,
              mode: e.mode,
            }))
        : [],
    })),
  };
}

/** What is served and where it comes from: the admin page's "set served". */
function servedView(runtime: StubRuntime) {
  return {
    source: runtime.source ?? null,
    pacts: runtime.pactSummaries(),
    interactions: runtime.interactions().length,
    personasFile: runtime.personas().source,
    warnings: runtime.warnings(),
    loadedAt: runtime.loadedAt,
    lastReload: runtime.lastReload ?? null,
  };
}

function stateView(runtime: StubRuntime) {
  const personas = runtime.personas();
  return {
    active: runtime.activeState ?? null,
    states: [...runtime.stateNames()]
      .sort()
      .map((name) => ({ name, kind: personas.isPersonaState(name) ? 'persona' : 'request' })),
  };
}

export function handleAdmin(request: StubRequest, runtime: StubRuntime): StubResponse {
  const route = request.path.slice(ADMIN_PREFIX.length);
  const { method } = request;
  if (method === 'GET' || method === 'HEAD') {
    // The admin page: `/__stub` and `/__stub/` and its two assets.
    const asset = adminPageAsset(request.path);
    if (asset) return asset;
  }
  if (route === 'health' && method === 'GET') {
    return json(200, {
      status: 'ok',
      url: runtime.url,
      uptimeSeconds: Math.round(process.uptime()),
      pacts: runtime.pactSummaries(),
      interactions: runtime.interactions().length,
      persona: runtime.activePersona,
      state: runtime.activeState ?? null,
    });
  }
  if (route === 'persona' && method === 'GET') return json(200, personaView(runtime));
  if (route === 'persona' && method === 'POST') {
    const { value, error } = readJson(request);
    if (error) return error;
    const name = value?.persona;
    if (typeof name !== 'string') return invalid('Send {"persona": "<name>"}.');
    const unknown = runtime.core.selection.choosePersona(name);
    if (unknown) return problemResponse(unknown);
    runtime.log.info(
      `Active persona is now ${name} (browsers keep the persona of their login session).`,
    );
    return json(200, personaView(runtime));
  }
  if (route === 'state' && method === 'GET') return json(200, stateView(runtime));
  if (route === 'state' && method === 'POST') {
    const { value, error } = readJson(request);
    if (error) return error;
    const name = value?.state;
    if (name === null) {
      runtime.core.selection.chooseState(null);
      runtime.log.info('Active provider state cleared: the persona selects interactions again.');
      return json(200, stateView(runtime));
    }
    if (typeof name !== 'string')
      return invalid('Send {"state": "<name>", "params": {…}} or {"state": null} to clear it.');
    const params = value?.params;
    if (
      params !== undefined &&
      (typeof params !== 'object' || params === null || Array.isArray(params))
    ) {
      return invalid('"params" must be a JSON object.');
    }
    const unknown = runtime.core.selection.chooseState({
      name,
      ...(params !== undefined && { params: params as Record<string, JsonValue> }),
    });
    if (unknown) return problemResponse(unknown);
    runtime.log.info(`Active provider state is now '${name}'.`);
    return json(200, stateView(runtime));
  }
  if (route === 'requests' && method === 'GET') {
    const entries = journalEntries(runtime.core.recorder);
    return json(200, {
      count: entries.length,
      limit: runtime.core.recorder.limit,
      bodyLimit: runtime.journalBodyBytes,
      entries,
    });
  }
  if (route === 'coverage' && method === 'GET') {
    // Every backend's interactions, each row naming its provider: the journal is shared, so
    // any backend's port answers the same coverage.
    return json(
      200,
      runtime.core.recorder.coverage(
        runtime.allInteractions().map((i) => ({
          ...runtime.summarize(i),
          method: i.request.method,
          path: i.request.path,
        })),
      ),
    );
  }
  if (route === 'served' && method === 'GET') return json(200, servedView(runtime));
  if (route === 'reset' && method === 'POST') {
    runtime.reset();
    runtime.log.info(
      'Reset: journal and coverage cleared, persona and state back to their start-up values.',
    );
    return json(200, {
      status: 'reset',
      persona: runtime.activePersona,
      state: runtime.activeState ?? null,
    });
  }
  return invalid(
    `${method} ${request.path} is not an admin endpoint. Try GET /__stub/health, GET|POST /__stub/persona, GET|POST /__stub/state, GET /__stub/requests, GET /__stub/events, GET /__stub/coverage, GET /__stub/served, POST /__stub/reset, or open the page GET /__stub/.`,
  );
}
