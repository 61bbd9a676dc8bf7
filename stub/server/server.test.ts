import { cookiesOf, decodeJwtPayload, send, sendRaw } from '../testing/http';
import { startTestStub, type TestStub } from '../testing/start-stub';

const MFE = 'http://localhost:2000';
const JWT = 'edx-jwt-cookie-header-payload';
const SESSION = 'lms-stub-session';
const JSON_TYPE = { 'Content-Type': 'application/json' };

let stub: TestStub;

beforeEach(async () => {
  stub = await startTestStub();
});

afterEach(async () => {
  await stub.close();
});

describe('credentialed CORS', () => {
  it('answers a preflight from an allowed origin with that origin, credentials, and the requested method and headers', async () => {
    // Act
    const reply = await send('OPTIONS', `${stub.url}/login_refresh`, {
      Origin: MFE,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'use-jwt-cookie,x-csrftoken',
    });

    // Assert
    expect(reply.status).toBe(204);
    expect(reply.headers).toMatchObject({
      'access-control-allow-origin': MFE,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'use-jwt-cookie,x-csrftoken',
    });
    expect(reply.headers.vary).toContain('Origin');
  });

  it('echoes the origin on an actual response, never *', async () => {
    // Act
    const reply = await send('POST', `${stub.url}/login_refresh`, {
      Origin: 'http://apps.local.openedx.io:1996',
    });

    // Assert
    expect(reply.headers['access-control-allow-origin']).toBe('http://apps.local.openedx.io:1996');
    expect(reply.headers['access-control-allow-credentials']).toBe('true');
    expect(reply.headers.vary).toBe('Origin');
  });

  it('gives a disallowed origin no CORS headers and logs why', async () => {
    // Act
    const preflight = await send('OPTIONS', `${stub.url}/login_refresh`, {
      Origin: 'http://evil.example',
      'Access-Control-Request-Method': 'POST',
    });
    const actual = await send('POST', `${stub.url}/login_refresh`, {
      Origin: 'http://evil.example',
    });

    // Assert
    expect(preflight.status).toBe(403);
    expect(preflight.json()).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED' });
    for (const reply of [preflight, actual]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    expect(stub.logs.join('')).toContain(
      'No CORS headers for http://evil.example: http://evil.example is not an allowed origin',
    );
  });

  it('allows more origins with --origin', async () => {
    // Arrange
    await stub.close();
    stub = await startTestStub({ origins: ['http://local.openedx.io:8000'] });

    // Act
    const reply = await send('GET', `${stub.url}/csrf/api/v1/token`, {
      Origin: 'http://local.openedx.io:8000',
      'USE-JWT-COOKIE': 'true',
    });

    // Assert
    expect(reply.headers['access-control-allow-origin']).toBe('http://local.openedx.io:8000');
  });
});

describe('Open edX auth bootstrap', () => {
  it('logs in with ?persona=, sets the session and an unexpired JWT cookie, and redirects to an allowed next', async () => {
    // Act
    const reply = await send(
      'GET',
      `${stub.url}/login?persona=staff&next=${encodeURIComponent(`${MFE}/learner-dashboard/`)}`,
    );

    // Assert
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe(`${MFE}/learner-dashboard/`);
    const lines = reply.headers['set-cookie'] ?? [];
    const session = lines.find((l) => l.startsWith(`${SESSION}=`)) ?? '';
    const jwt = lines.find((l) => l.startsWith(`${JWT}=`)) ?? '';
    expect(session).toMatch(/HttpOnly/);
    expect(jwt).not.toMatch(/HttpOnly|Domain=/i);
    expect(jwt).toMatch(/; Path=\/;/);
    const claims = decodeJwtPayload(cookiesOf(reply).get(JWT) ?? '');
    expect(claims).toMatchObject({ preferred_username: 'staff', user_id: 3, administrator: true });
    const expiresIn = (claims.exp as number) - Date.now() / 1000;
    expect(expiresIn).toBeGreaterThan(3500);
    expect(expiresIn).toBeLessThanOrEqual(3600);
  });

  it('shows a persona picker without ?persona=', async () => {
    // Act
    const reply = await send('GET', `${stub.url}/login?next=${encodeURIComponent(MFE)}`);

    // Assert
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/text\/html/);
    for (const persona of [
      'verified-learner',
      'audit-learner',
      'not-enrolled',
      'staff',
      'anonymous',
    ]) {
      expect(reply.text).toContain(
        `/login?persona=${persona}&amp;next=http%3A%2F%2Flocalhost%3A2000`,
      );
    }
  });

  it('refuses to redirect to an origin that is not allowed, and an unknown persona', async () => {
    // Act
    const offsite = await send(
      'GET',
      `${stub.url}/login?persona=staff&next=${encodeURIComponent('https://phish.example/')}`,
    );
    const unknown = await send('GET', `${stub.url}/login?persona=ghost`);

    // Assert
    expect(offsite.status).toBe(400);
    expect(offsite.json()).toMatchObject({ code: 'REDIRECT_NOT_ALLOWED' });
    expect(offsite.headers['set-cookie']).toBeUndefined();
    expect(unknown.json()).toMatchObject({ status: 400, code: 'UNKNOWN_PERSONA' });
  });

  it("refreshes with a cookie minted for the session's persona, and answers 401 without a session", async () => {
    // Arrange
    const login = await send('GET', `${stub.url}/login?persona=audit-learner`);
    const session = `${SESSION}=${cookiesOf(login).get(SESSION)}`;

    // Act
    const withSession = await send('POST', `${stub.url}/login_refresh`, { Cookie: session });
    const without = await send('POST', `${stub.url}/login_refresh`);

    // Assert
    expect(withSession.status).toBe(200);
    expect(withSession.json()).toMatchObject({ success: true, user_id: 9 });
    expect(decodeJwtPayload(cookiesOf(withSession).get(JWT) ?? '')).toMatchObject({
      preferred_username: 'audit',
    });
    expect(Math.abs(withSession.json().response_epoch_seconds - Date.now() / 1000)).toBeLessThan(
      60,
    );
    expect(without.status).toBe(401);
    // The browser without a session is a visitor from now on (stub/openedx/auth.ts).
    expect(without.headers['set-cookie']).toEqual([
      'lms-stub-session=anonymous; Path=/; HttpOnly; SameSite=Lax',
    ]);
  });

  it('logs out: clears both cookies and redirects to an allowed redirect_url', async () => {
    // Act
    const reply = await send('GET', `${stub.url}/logout?redirect_url=${encodeURIComponent(MFE)}`);

    // Assert
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe(`${MFE}/`);
    const lines = (reply.headers['set-cookie'] ?? []).join('\n');
    expect(lines).toContain(`${SESSION}=; Path=/; Max-Age=0`);
    expect(lines).toContain(`${JWT}=; Path=/; Max-Age=0`);
  });
});

describe('persona and provider state', () => {
  it('switches the active persona at run time with POST /__stub/persona', async () => {
    // Act
    const before = await send('GET', `${stub.url}/api/user/v1/accounts/staff`, {
      'USE-JWT-COOKIE': 'true',
    });
    const switched = await send(
      'POST',
      `${stub.url}/__stub/persona`,
      JSON_TYPE,
      JSON.stringify({ persona: 'staff' }),
    );
    const after = await send('GET', `${stub.url}/api/user/v1/accounts/staff`, {
      'USE-JWT-COOKIE': 'true',
    });
    const unknown = await send(
      'POST',
      `${stub.url}/__stub/persona`,
      JSON_TYPE,
      JSON.stringify({ persona: 'nobody' }),
    );

    // Assert
    expect(before.status).toBe(404);
    expect(switched.json()).toMatchObject({ active: 'staff' });
    expect(after.status).toBe(200);
    expect(after.json()).toMatchObject({
      username: 'staff',
      id: 3,
      name: 'Sam Staff',
      email: 'staff@example.com',
    });
    expect(unknown.json()).toMatchObject({ status: 400, code: 'UNKNOWN_PERSONA' });
  });

  it('lets a request choose the state with X-Pact-Provider-State (exact name) and params as JSON', async () => {
    // Arrange
    const login = await send('GET', `${stub.url}/login?persona=verified-learner`);
    const session = `${SESSION}=${cookiesOf(login).get(SESSION)}`;

    // Act
    const forced401 = await send('POST', `${stub.url}/login_refresh`, {
      Cookie: session,
      'X-Pact-Provider-State': 'no user is logged in',
    });
    const withParams = await send('GET', `${stub.url}/api/user/v1/accounts/someone`, {
      'USE-JWT-COOKIE': 'true',
      'X-Pact-Provider-State': 'a user is logged in',
      'X-Pact-Provider-State-Params': JSON.stringify({
        username: 'someone',
        user_id: 77,
        name: 'Some One',
        email: 's@example.com',
      }),
    });
    const badParams = await send('GET', `${stub.url}/api/user/v1/accounts/x`, {
      'X-Pact-Provider-State': 'a user is logged in',
      'X-Pact-Provider-State-Params': '{not json',
    });
    const unknownState = await send('GET', `${stub.url}/api/user/v1/accounts/x`, {
      'X-Pact-Provider-State': 'nope',
    });

    // Assert
    expect(forced401.status).toBe(401);
    expect(withParams.json()).toMatchObject({ username: 'someone', id: 77, name: 'Some One' });
    expect(badParams.json()).toMatchObject({ status: 400, code: 'INVALID_PROVIDER_STATE_PARAMS' });
    expect(unknownState.json()).toMatchObject({ status: 400, code: 'UNKNOWN_PROVIDER_STATE' });
  });

  it('sets and clears a state for every request with POST /__stub/state', async () => {
    // Act
    const set = await send(
      'POST',
      `${stub.url}/__stub/state`,
      JSON_TYPE,
      JSON.stringify({ state: 'no user is logged in' }),
    );
    const login = await send('GET', `${stub.url}/login?persona=verified-learner`);
    const refreshed = await send('POST', `${stub.url}/login_refresh`, {
      Cookie: `${SESSION}=${cookiesOf(login).get(SESSION)}`,
    });
    const cleared = await send(
      'POST',
      `${stub.url}/__stub/state`,
      JSON_TYPE,
      JSON.stringify({ state: null }),
    );

    // Assert
    expect(set.json().active).toEqual({ name: 'no user is logged in' });
    expect(refreshed.status).toBe(401);
    expect(cleared.json().active).toBeNull();
    expect(set.json().states).toEqual(
      expect.arrayContaining([{ name: 'no user is logged in', kind: 'persona' }]),
    );
  });
});

describe('base URL of the answers', () => {
  const runtimeConfig = (host: string) =>
    send('GET', `${stub.url}/api/mfe_config/v1?mfe=learner-dashboard`, {
      Accept: 'application/json',
      Host: host,
    });

  it('writes mock-server URLs with the host the client used when it names this stub', async () => {
    // Act
    const viaLocalhost = await runtimeConfig(`localhost:${stub.port}`);
    const viaTutorHost = await runtimeConfig(`apps.local.openedx.io:${stub.port}`);

    // Assert
    expect(viaLocalhost.json()).toMatchObject({
      LMS_BASE_URL: `http://localhost:${stub.port}`,
      LOGIN_URL: `http://localhost:${stub.port}/login`,
      REFRESH_ACCESS_TOKEN_ENDPOINT: `http://localhost:${stub.port}/login_refresh`,
    });
    expect(viaTutorHost.json().LMS_BASE_URL).toBe(`http://apps.local.openedx.io:${stub.port}`);
  });

  it('writes the bound URL for a Host of this stub on another port (a dev-server proxy)', async () => {
    // Act
    const otherPort = await runtimeConfig(`localhost:${stub.port + 1}`);

    // Assert
    expect(otherPort.status).toBe(200);
    expect(otherPort.json().LMS_BASE_URL).toBe(stub.url);
  });

  it('never redirects a relative next to a foreign Host: it refuses the request', async () => {
    // Act
    const foreign = await send('GET', `${stub.url}/login?persona=staff&next=/dashboard`, {
      Host: `evil.example:${stub.port}`,
    });
    const local = await send('GET', `${stub.url}/login?persona=staff&next=/dashboard`, {
      Host: `localhost:${stub.port}`,
    });

    // Assert
    expect(foreign.status).toBe(421);
    expect(foreign.headers.location).toBeUndefined();
    expect(local.headers.location).toBe(`http://localhost:${stub.port}/dashboard`);
  });

  it('follows the host of an origin allowed with --origin', async () => {
    // Arrange
    await stub.close();
    stub = await startTestStub({ origins: ['http://lms.test:*'] });

    // Act
    const reply = await runtimeConfig(`lms.test:${stub.port}`);

    // Assert
    expect(reply.json().LMS_BASE_URL).toBe(`http://lms.test:${stub.port}`);
  });
});

describe('admin API and journal', () => {
  it('reports health, the journal with what answered, coverage with hits and unmatched requests, and resets', async () => {
    // Arrange
    await send('GET', `${stub.url}/csrf/api/v1/token`, { 'USE-JWT-COOKIE': 'true' });
    await send('GET', `${stub.url}/csrf/api/v1/token`, { 'USE-JWT-COOKIE': 'true' });
    await send('GET', `${stub.url}/api/missing?x=1`);

    // Act
    const health = await send('GET', `${stub.url}/__stub/health`);
    const requests = await send('GET', `${stub.url}/__stub/requests`);
    const coverage = await send('GET', `${stub.url}/__stub/coverage`);
    const reset = await send('POST', `${stub.url}/__stub/reset`, JSON_TYPE);
    const afterReset = await send('GET', `${stub.url}/__stub/coverage`);

    // Assert
    expect(health.json()).toMatchObject({
      status: 'ok',
      persona: 'verified-learner',
      interactions: 7,
    });
    const entries = requests.json().entries;
    expect(entries[0]).toMatchObject({ method: 'GET', url: '/__stub/health', outcome: 'admin' });
    expect(entries[1]).toMatchObject({
      url: '/api/missing?x=1',
      status: 404,
      outcome: 'unmatched',
      problem: { code: 'NO_INTERACTION_MATCHED' },
    });
    expect(entries[2]).toMatchObject({
      url: '/csrf/api/v1/token',
      status: 200,
      outcome: 'matched',
      interaction: { description: 'a request for a CSRF token' },
    });
    const cov = coverage.json();
    expect(
      cov.interactions.find(
        (i: { description: string }) => i.description === 'a request for a CSRF token',
      ).hits,
    ).toBe(2);
    expect(cov.total).toBe(7);
    expect(cov.covered).toBe(1);
    expect(cov.unmatched).toEqual([
      expect.objectContaining({ method: 'GET', path: '/api/missing', count: 1 }),
    ]);
    expect(reset.json()).toMatchObject({ status: 'reset', persona: 'verified-learner' });
    expect(afterReset.json()).toMatchObject({ covered: 0, unmatched: [] });
  });

  it('keeps the headers and body each request sent, chunked or with a Content-Length', async () => {
    // Arrange
    const event = JSON.stringify({ event_type: 'edx.ui.lms.stub', event: { n: 1 } });

    // Act
    await send('POST', `${stub.url}/event`, { 'Content-Type': 'application/json' }, event);
    await send(
      'POST',
      `${stub.url}/__stub/state`,
      { 'Content-Type': 'application/json', 'Content-Length': '14' },
      '{"state":null}',
    );
    await send('GET', `${stub.url}/csrf/api/v1/token`, {
      'USE-JWT-COOKIE': 'true',
      Authorization: 'Bearer t0k3n',
    });
    const requests = await send('GET', `${stub.url}/__stub/requests`);

    // Assert
    const [csrf, state, posted] = requests.json().entries;
    expect(posted).toMatchObject({
      method: 'POST',
      url: '/event',
      request: {
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        body: event,
        bodyBytes: event.length,
      },
    });
    expect(posted.request.bodyTruncated).toBeUndefined();
    expect(state).toMatchObject({
      outcome: 'admin',
      request: { body: '{"state":null}', bodyBytes: 14 },
    });
    expect(csrf.request.headers).toMatchObject({
      'use-jwt-cookie': 'true',
      authorization: 'Bearer [redacted]',
    });
    expect(csrf.request).not.toHaveProperty('body');
    expect(requests.json().bodyLimit).toBe(16 * 1024);
  });

  it('keeps only the first bytes of a body over --journal-body-bytes, and says so', async () => {
    // Arrange
    await stub.close();
    stub = await startTestStub({ journalBodyBytes: 10 });
    const body = `${'é'.repeat(4)}${'x'.repeat(30)}`;

    // Act
    await send('POST', `${stub.url}/event`, { 'Content-Type': 'text/plain' }, body);
    const requests = await send('GET', `${stub.url}/__stub/requests`);

    // Assert
    const [posted] = requests.json().entries;
    expect(posted.request).toMatchObject({
      body: 'éééé' + 'xx',
      bodyBytes: Buffer.byteLength(body),
      bodyTruncated: true,
    });
    expect(requests.json().bodyLimit).toBe(10);
  });

  it('keeps only the last 1,000 requests', async () => {
    // Act
    for (let i = 0; i < 1005; i += 1)
      stub.server.runtime.core.recorder.record({
        timeMs: 0,
        method: 'GET',
        url: `/r/${i}`,
        status: 200,
        durationMs: 0,
        persona: 'p',
        outcome: 'matched',
        request: { headers: {} },
      });
    const entries = (await send('GET', `${stub.url}/__stub/requests`)).json().entries;

    // Assert
    expect(entries).toHaveLength(1000);
    expect(entries[0]?.url).toBe('/r/1004');
    expect(entries[999]?.url).toBe('/r/5');
  });
});

describe('unmatched and malformed requests', () => {
  it('explains an unmatched request in problem+json and in one block in the terminal', async () => {
    // Act
    const reply = await send('GET', `${stub.url}/api/user/v1/accounts/verified`);

    // Assert
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toBe('application/problem+json');
    const problem = reply.json();
    expect(problem).toMatchObject({
      code: 'NO_INTERACTION_MATCHED',
      request: { method: 'GET', path: '/api/user/v1/accounts/verified' },
    });
    expect(problem.closest).toHaveLength(3);
    expect(problem.closest[0]).toMatchObject({
      description: "a request for the logged-in user's account",
      reasons: ["missing header USE-JWT-COOKIE (expected 'true')"],
    });
    const block =
      stub.logs.find((line) => line.includes('404 GET /api/user/v1/accounts/verified')) ?? '';
    expect(block).toContain(`1. "a request for the logged-in user's account"`);
    expect(block).toContain("- missing header USE-JWT-COOKIE (expected 'true')");
  });

  it.each([
    [
      'bad JSON',
      'PATCH',
      '/api/user/v1/preferences/verified',
      { 'Content-Type': 'application/merge-patch+json' },
      '{"pref-lang":',
      400,
      'MALFORMED_REQUEST',
    ],
    [
      'bad percent-encoding in the path',
      'GET',
      '/api/user/v1/accounts/%E0%A4%A',
      {},
      undefined,
      400,
      'MALFORMED_REQUEST',
    ],
    [
      'bad percent-encoding in the query',
      'GET',
      '/api/mfe_config/v1?mfe=%ZZ',
      {},
      undefined,
      400,
      'MALFORMED_REQUEST',
    ],
  ])(
    'answers %s with a 4xx problem and keeps serving',
    async (_name, method, path, headers, body, status, code) => {
      // Act
      const reply = await send(method, `${stub.url}${path}`, headers, body);
      const next = await send('GET', `${stub.url}/__stub/health`);

      // Assert
      expect(reply.status).toBe(status);
      expect(reply.json()).toMatchObject({ code });
      expect(next.status).toBe(200);
    },
  );

  it('answers oversized headers with 431 and an unknown method with 400, and keeps serving', async () => {
    // Act
    const huge = await sendRaw(
      stub.port,
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const unknown = await sendRaw(stub.port, 'BREW /coffee HTTP/1.1\r\nHost: x\r\n\r\n');
    const next = await send('GET', `${stub.url}/__stub/health`);

    // Assert
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge).toContain('"code":"HEADERS_TOO_LARGE"');
    expect(unknown).toMatch(/^HTTP\/1\.1 400 /);
    expect(unknown).toContain('"code":"MALFORMED_REQUEST"');
    expect(next.status).toBe(200);
  });

  it('answers a body over the limit with 413', async () => {
    // Arrange
    await stub.close();
    stub = await startTestStub({ maxBodyBytes: 1024 });

    // Act
    const reply = await send(
      'POST',
      `${stub.url}/event`,
      { 'Content-Type': 'text/plain' },
      'x'.repeat(5000),
    );

    // Assert
    expect(reply.status).toBe(413);
    expect(reply.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
