/**
 * Parity: the same requests through the msw handlers and through the HTTP stub (its real front
 * door, on an ephemeral 127.0.0.1 port) get the same answers: the same interaction, status,
 * headers and body. The requests are every served interaction's own example request, once as
 * the persona would send it and once naming the interaction's state, plus requests no contract
 * answers. Values that depend on the clock (the minted JWT cookie, the refresh's times, date and
 * random generators) are masked; everything else must be equal.
 */
import * as path from 'node:path';
import { getResponse } from 'msw';
import type { HttpInteraction } from '../engine';
import { type PathToken, parsePath } from '../engine/json-path';
import { SESSION_COOKIE_NAME } from '../front-door/session';
import { STATE_HEADER } from '../front-door/state-header';
import { send } from '../testing/http';
import { REPO_ROOT, startTestStub, type TestStub } from '../testing/start-stub';
import { createLmsHandlers, type LmsHandlers } from './index';

interface ParityRequest {
  label: string;
  method: string;
  /** Path and query. */
  target: string;
  headers: Record<string, string>;
  body?: string;
}

interface Answer {
  interaction: string | undefined;
  outcome: string | undefined;
  status: number;
  headers: Record<string, string[]>;
  body: unknown;
}

/** Headers of HTTP itself that Node's server adds and an in-process answer has no use for. */
const TRANSPORT_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);
/** Generators whose values change from one call to the next. */
const VARYING_GENERATORS = new Set([
  'RandomInt',
  'RandomDecimal',
  'RandomHexadecimal',
  'RandomString',
  'RandomBoolean',
  'Regex',
  'Uuid',
  'Date',
  'Time',
  'DateTime',
]);
/** Times of the refresh answer that the auth bootstrap sets to now (stub/openedx/auth.ts). */
const REFRESH_TIMES = [
  'response_epoch_seconds',
  'response_http_date',
  'expires_epoch_seconds',
  'expires',
];
const MASK = '<varies>';

let stub: TestStub;
let lms: LmsHandlers;
let sessionCookie: string;

beforeAll(async () => {
  stub = await startTestStub({ pacts: [path.join(REPO_ROOT, 'generated-pacts')] });
  lms = createLmsHandlers({ lmsBaseUrl: stub.url });
  // The handlers act as a browser logged in as the persona; log the HTTP side in the same way.
  const login = await send('GET', `${stub.url}/login?persona=${lms.persona}`);
  const session = (login.headers['set-cookie'] ?? []).find((c) =>
    c.startsWith(`${SESSION_COOKIE_NAME}=`),
  );
  if (!session) throw new Error('[stub] Failed to log in to the HTTP stub: no session cookie.');
  sessionCookie = session.split(';')[0] as string;
});

afterAll(async () => {
  await stub.close();
});

function exampleRequest(interaction: HttpInteraction): Omit<ParityRequest, 'label'> {
  const { request } = interaction;
  const query = Object.entries(request.query ?? {})
    .flatMap(([name, values]) =>
      values.map((v) => `${encodeURIComponent(name)}=${encodeURIComponent(v)}`),
    )
    .join('&');
  const headers: Record<string, string> = {};
  for (const { name, values } of request.headers.values()) headers[name] = values.join(', ');
  const body =
    request.body.kind === 'json'
      ? JSON.stringify(request.body.value)
      : request.body.kind === 'text'
        ? request.body.text
        : undefined;
  if (request.body.kind !== 'absent' && !headers['Content-Type'] && !headers['content-type'])
    headers['Content-Type'] = request.body.contentType ?? 'application/octet-stream';
  return {
    method: request.method,
    target: `${encodeURI(request.path)}${query ? `?${query}` : ''}`,
    headers,
    ...(body !== undefined && { body }),
  };
}

function parityRequests(): ParityRequest[] {
  const requests: ParityRequest[] = [];
  for (const interaction of lms.engine.interactions) {
    const example = exampleRequest(interaction);
    requests.push({ label: `"${interaction.description}" as the persona`, ...example });
    const state = interaction.providerStates.at(-1);
    if (state)
      requests.push({
        label: `"${interaction.description}" with state '${state.name}'`,
        ...example,
        headers: { ...example.headers, [STATE_HEADER]: state.name },
      });
  }
  requests.push(
    { label: 'an unknown path', method: 'GET', target: '/api/nothing/here', headers: {} },
    {
      label: 'a body that is not JSON',
      method: 'PATCH',
      target: '/api/user/v1/preferences/verified',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: '{not json',
    },
    {
      label: 'an unknown state',
      method: 'GET',
      target: '/api/user/v1/accounts/verified',
      headers: { [STATE_HEADER]: 'the moon is full' },
    },
    { label: 'the persona picker', method: 'GET', target: '/login', headers: {} },
  );
  return requests;
}

function maskAt(value: unknown, tokens: readonly PathToken[]): unknown {
  const [token, ...rest] = tokens;
  if (!token) return MASK;
  if (token.kind === 'root') return maskAt(value, rest);
  if (Array.isArray(value)) {
    if (token.kind === 'index')
      return value.map((item, i) => (i === token.index ? maskAt(item, rest) : item));
    if (token.kind === 'starIndex' || token.kind === 'star')
      return value.map((item) => maskAt(item, rest));
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(object).map(([key, item]) =>
        (token.kind === 'field' && token.name === key) || token.kind === 'star'
          ? [key, maskAt(item, rest)]
          : [key, item],
      ),
    );
  }
  return value;
}

/** The JWT cookie with its times masked; any other cookie as is, minus its expiry date. */
function maskCookie(cookie: string): string {
  return cookie
    .replace(/(edx-jwt-cookie-header-payload=)([\w-]+)\.([\w-]+)/, (_all, name, head, payload) => {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
        string,
        unknown
      >;
      return `${name}${head}.${JSON.stringify({ ...claims, iat: MASK, exp: MASK })}`;
    })
    .replace(/Expires=[^;]+/i, `Expires=${MASK}`);
}

/** The body parsed, or the text when it is not JSON (a few contracts answer plain words). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function normalize(
  status: number,
  rawHeaders: Array<[string, string]>,
  text: string,
  interactionId: string | undefined,
  outcome: string | undefined,
): Answer {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of rawHeaders) {
    const key = name.toLowerCase();
    if (TRANSPORT_HEADERS.has(key)) continue;
    const masked = key === 'set-cookie' ? maskCookie(value) : value;
    headers[key] = [...(headers[key] ?? []), masked];
  }
  let body: unknown = text;
  if (/json/.test(headers['content-type']?.[0] ?? '') && text) {
    body = parseJson(text);
    const interaction = lms.engine.interactions.find((i) => i.id === interactionId);
    for (const [expression, generator] of interaction?.response.generators.body ?? []) {
      if (VARYING_GENERATORS.has(generator.type)) body = maskAt(body, parsePath(expression));
    }
    if (interaction?.request.path === '/login_refresh' && typeof body === 'object' && body) {
      for (const key of REFRESH_TIMES) body = maskAt(body, [{ kind: 'field', name: key }]);
    }
  }
  return { interaction: interactionId, outcome, status, headers, body };
}

async function throughHttpStub(request: ParityRequest): Promise<Answer> {
  const reply = await send(
    request.method,
    `${stub.url}${request.target}`,
    { ...request.headers, Cookie: sessionCookie },
    request.body,
  );
  const entry = stub.server.runtime.core.recorder.list().at(-1);
  const headers: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(reply.headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) headers.push([name, one]);
  }
  return normalize(reply.status, headers, reply.text, entry?.interaction?.id, entry?.outcome);
}

async function throughMsw(request: ParityRequest): Promise<Answer> {
  lms.reset();
  const response = await getResponse(
    lms.handlers,
    new Request(`${stub.url}${request.target}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && { body: request.body }),
    }),
  );
  if (!response) throw new Error(`[stub] The msw handlers did not answer ${request.label}.`);
  const headers: Array<[string, string]> = [];
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers.push([name, value]);
  });
  for (const cookie of response.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
  const [call] = lms.calls();
  return normalize(
    response.status,
    headers,
    await response.text(),
    call?.interaction?.id,
    call?.outcome,
  );
}

describe('the msw handlers and the HTTP stub', () => {
  it('give the same answers to the same requests', async () => {
    // Arrange
    const requests = parityRequests();
    lms = createLmsHandlers({ lmsBaseUrl: stub.url, onUnmatched: 'warn' });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const differences: string[] = [];

    // Act
    for (const request of requests) {
      const viaHttp = await throughHttpStub(request);
      const viaMsw = await throughMsw(request);
      try {
        expect(viaMsw).toEqual(viaHttp);
      } catch (error) {
        differences.push(`${request.label}:\n${(error as Error).message}`);
      }
    }
    warn.mockRestore();

    // Assert
    expect(differences).toEqual([]);
    expect(requests.length).toBeGreaterThan(lms.engine.interactions.length);
  });

  it('answer some requests from the contracts and refuse others, as a check that the test can tell them apart', async () => {
    // Act
    const account = await throughMsw({
      label: 'account',
      method: 'GET',
      target: '/api/user/v1/accounts/verified',
      headers: { 'USE-JWT-COOKIE': 'true' },
    });
    const unknown = await throughHttpStub({
      label: 'unknown',
      method: 'GET',
      target: '/api/nothing/here',
      headers: {},
    });

    // Assert
    expect(account).toMatchObject({ outcome: 'matched', status: 200 });
    expect(unknown).toMatchObject({ outcome: 'unmatched', status: 404 });
    expect((unknown.body as { code: string }).code).toBe('NO_INTERACTION_MATCHED');
  });
});
