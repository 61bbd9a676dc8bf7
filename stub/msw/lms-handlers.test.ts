/**
 * The msw handlers in plain Node (no jsdom), as an MFE's non-cookie API tests use them: Node's
 * fetch, msw's setupServer, the pacts this repository ships.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { STATES } from '../../contracts/support/states';
import { createLmsHandlers, LmsHandlersError } from './index';
import { shippedPacts } from './shipped';

const LMS = 'http://localhost:18000';
const lms = createLmsHandlers({ lmsBaseUrl: LMS });
const otherOrigin = http.all('http://elsewhere.test/*', () => HttpResponse.text('elsewhere'));
const server = setupServer(...lms.handlers, otherOrigin);

const jwtHeaders = { 'USE-JWT-COOKIE': 'true' };

/** The claims of the JWT cookie a response sets. */
function jwtClaims(response: Response): Record<string, unknown> & { exp: number } {
  const cookie = response.headers.get('set-cookie') ?? '';
  const payload = cookie.split('=')[1]?.split(';')[0]?.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString());
}

let consoleError: jest.SpyInstance;
let consoleWarn: jest.SpyInstance;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  server.resetHandlers();
  lms.reset();
  jest.restoreAllMocks();
});
afterAll(() => server.close());

describe('answers from the pacts', () => {
  it('answers the persona account with its values and records which interaction answered', async () => {
    // Act
    const response = await fetch(`${LMS}/api/user/v1/accounts/verified`, { headers: jwtHeaders });

    // Assert
    expect(response.status).toBe(200);
    const account = (await response.json()) as Record<string, unknown>;
    expect(account).toMatchObject({ username: 'verified', email: 'verified@example.com', id: 8 });
    const [call] = lms.calls();
    expect(call).toMatchObject({
      seq: 1,
      outcome: 'matched',
      persona: 'verified-learner',
      tier: 'persona',
      request: { method: 'GET', path: '/api/user/v1/accounts/verified' },
      response: { status: 200, json: { username: 'verified' } },
    });
    expect(call?.interaction?.provider).toBe('lms');
    expect(lms.calls()).toHaveLength(1);
  });

  it("fills another persona's values in, as the HTTP stub does", async () => {
    // Arrange
    lms.use({ persona: 'staff' });

    // Act
    const response = await fetch(`${LMS}/api/user/v1/accounts/staff`, { headers: jwtHeaders });

    // Assert
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      username: 'staff',
      email: 'staff@example.com',
      id: 3,
    });
    expect(lms.calls()[0]?.persona).toBe('staff');
  });

  it('rewrites the LMS URLs of a body to the configured LMS base URL', async () => {
    // Arrange
    const custom = createLmsHandlers({ lmsBaseUrl: 'http://lms.test:8000' });
    server.use(...custom.handlers);

    // Act
    const response = await fetch('http://lms.test:8000/api/mfe_config/v1?mfe=learning', {
      headers: { Accept: 'application/json' },
    });

    // Assert
    const config = (await response.json()) as Record<string, string>;
    expect(config.LMS_BASE_URL).toBe('http://lms.test:8000');
    expect(config.LOGIN_URL).toBe('http://lms.test:8000/login');
  });

  it('sends a JSON request body to the matcher and records it parsed', async () => {
    // Act
    const response = await fetch(`${LMS}/api/user/v1/preferences/verified`, {
      method: 'PATCH',
      headers: {
        ...jwtHeaders,
        'Content-Type': 'application/merge-patch+json',
        'X-CSRFToken': 'k3vbA1Qx9TzPw6nH0cYdR2mLs8fJu5Ge',
      },
      body: JSON.stringify({ time_zone: 'Europe/Paris' }),
    });

    // Assert
    expect(response.status).toBe(204);
    const [call] = lms.calls();
    expect(call?.request.json).toEqual({ time_zone: 'Europe/Paris' });
    expect(call?.interaction?.description).toMatch(/merge-patch/);
  });

  it('serves a request state asked for with X-Pact-Provider-State', async () => {
    // Act
    const response = await fetch(`${LMS}/api/user/v1/accounts/ghost`, {
      headers: { ...jwtHeaders, 'X-Pact-Provider-State': 'no account exists for the username' },
    });

    // Assert
    expect(response.status).toBe(404);
    expect(lms.calls()[0]).toMatchObject({
      outcome: 'matched',
      tier: 'override',
      interaction: { description: 'a request for the account of an unknown username' },
    });
  });

  it('serves a state given at creation or with use(), and forgets it on reset()', async () => {
    // Arrange
    lms.use({ state: 'user tours are disabled' });

    // Act
    const disabled = await fetch(`${LMS}/api/user_tours/v1/verified`, { headers: jwtHeaders });
    lms.reset();
    const enabled = await fetch(`${LMS}/api/user_tours/v1/verified`, { headers: jwtHeaders });

    // Assert
    expect(disabled.status).toBe(403);
    expect(enabled.status).toBe(200);
    expect(lms.calls().map((c) => c.seq)).toEqual([1]);
  });

  it("tells a subscriber of each call, persona change and reset, as the core's events", async () => {
    // Arrange
    const events: string[] = [];
    const stop = lms.subscribe((event) =>
      events.push(
        event.type === 'request'
          ? `request ${event.call.seq} ${event.call.request.url} ${event.call.response?.status}`
          : event.type === 'selection'
            ? `selection ${event.persona}`
            : 'reset',
      ),
    );

    // Act
    await fetch(`${LMS}/api/user/v1/accounts/verified`, { headers: jwtHeaders });
    lms.use({ persona: 'staff' });
    lms.reset();
    stop();
    await fetch(`${LMS}/api/user/v1/accounts/verified`, { headers: jwtHeaders });

    // Assert
    expect(events).toEqual([
      `request 1 ${LMS}/api/user/v1/accounts/verified 200`,
      'selection staff',
      'selection verified-learner',
      'reset',
    ]);
  });

  it('answers the anonymous refresh with its contract when the persona is anonymous', async () => {
    // Arrange
    lms.use({ persona: 'anonymous' });

    // Act
    const response = await fetch(`${LMS}/login_refresh`, { method: 'POST' });

    // Assert
    expect(response.status).toBe(401);
    expect(lms.calls()[0]).toMatchObject({
      outcome: 'auth',
      interaction: { providerStates: [STATES.noUserLoggedIn] },
    });
  });

  it('mints a fresh JWT cookie for the persona on refresh', async () => {
    // Act
    const response = await fetch(`${LMS}/login_refresh`, { method: 'POST' });

    // Assert
    expect(response.status).toBe(200);
    const claims = jwtClaims(response);
    expect(claims).toMatchObject({ preferred_username: 'verified', user_id: 8 });
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(lms.callsTo('a request to refresh the JWT cookie of a logged-in user')).toHaveLength(1);
  });

  it('follows /login?persona= and /logout as a browser keeps its session', async () => {
    // Arrange
    const refreshedAs = async () => {
      const response = await fetch(`${LMS}/login_refresh`, { method: 'POST' });
      return response.status === 200 ? jwtClaims(response).preferred_username : response.status;
    };

    // Act
    const before = await refreshedAs();
    const login = await fetch(`${LMS}/login?persona=staff`);
    const afterLogin = await refreshedAs();
    await fetch(`${LMS}/logout`);
    const afterLogout = await refreshedAs();
    lms.reset();
    const afterReset = await refreshedAs();

    // Assert
    expect(login.status).toBe(200);
    expect([before, afterLogin, afterLogout, afterReset]).toEqual([
      'verified',
      'staff',
      401,
      'verified',
    ]);
    expect(lms.calls().map((c) => c.outcome)).toEqual(['auth']);
  });

  it("follows a login through authn's form as a browser keeps its session", async () => {
    // Arrange: the form as frontend-app-authn posts it (stub/openedx/login-session.ts).
    const form = (password: string) =>
      fetch(`${LMS}/api/user/v2/account/login_session/`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-CSRFToken': 'k3vbA1Qx9TzPw6nH0cYdR2mLs8fJu5Ge',
        },
        body: `email_or_username=audit&next=${encodeURIComponent(`${LMS}/`)}&password=${password}`,
      });
    const refreshedAs = async () =>
      jwtClaims(await fetch(`${LMS}/login_refresh`, { method: 'POST' })).preferred_username;

    // Act
    const refused = await form('not-the-password');
    const afterRefusal = await refreshedAs();
    const accepted = await form('edx');
    const afterLogin = await refreshedAs();

    // Assert
    expect([refused.status, accepted.status]).toEqual([400, 200]);
    expect([afterRefusal, afterLogin]).toEqual(['verified', 'audit']);
  });

  it('leaves requests to other origins to the other handlers', async () => {
    // Act
    const text = await (await fetch('http://elsewhere.test/x')).text();

    // Assert
    expect(text).toBe('elsewhere');
    expect(lms.calls()).toEqual([]);
  });
});

describe('a request no contract describes', () => {
  it('fails the request and prints why, with the closest interactions (onUnmatched: error)', async () => {
    // Act
    const attempt = fetch(`${LMS}/api/user/v1/accounts/verified/extra`, { headers: jwtHeaders });

    // Assert
    await expect(attempt).rejects.toThrow(TypeError);
    const printed = String(consoleError.mock.calls[0]?.[0]);
    expect(printed).toContain(
      '[stub] Failed to answer GET http://localhost:18000/api/user/v1/accounts/verified/extra',
    );
    expect(printed).toContain('NO_INTERACTION_MATCHED');
    expect(printed).toMatch(/1\. "a request for the .*account/);
    expect(lms.unmatched()).toMatchObject([{ outcome: 'unmatched', handling: 'failed' }]);
    expect(() => lms.assertAllMatched()).toThrow(/1 request\(s\) were not answered by a contract/);
  });

  it('answers the problem the HTTP stub answers (onUnmatched: warn)', async () => {
    // Arrange
    const warn = createLmsHandlers({ onUnmatched: 'warn' });
    server.use(...warn.handlers);

    // Act
    const response = await fetch(`${LMS}/api/nothing/here`);

    // Assert
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'NO_INTERACTION_MATCHED' });
    expect(String(consoleWarn.mock.calls[0]?.[0])).toContain('/api/nothing/here');
    expect(warn.calls()).toMatchObject([{ handling: 'answered', response: { status: 404 } }]);
  });

  it('passes the request on to the next handler (onUnmatched: bypass)', async () => {
    // Arrange
    const bypass = createLmsHandlers({ onUnmatched: 'bypass' });
    server.use(
      ...bypass.handlers,
      http.get(`${LMS}/api/not/yet/contracted`, () => HttpResponse.json({ own: true })),
    );

    // Act
    const response = await fetch(`${LMS}/api/not/yet/contracted`);

    // Assert
    expect(await response.json()).toEqual({ own: true });
    expect(bypass.calls()).toMatchObject([{ outcome: 'unmatched', handling: 'bypassed' }]);
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('reports a bad X-Pact-Provider-State as a bad request naming the known states', async () => {
    // Arrange
    const warn = createLmsHandlers({ onUnmatched: 'warn' });
    server.use(...warn.handlers);

    // Act
    const response = await fetch(`${LMS}/api/user/v1/accounts/verified`, {
      headers: { 'X-Pact-Provider-State': 'the moon is full' },
    });

    // Assert
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; detail: string };
    expect(body.code).toBe('UNKNOWN_PROVIDER_STATE');
    expect(body.detail).toContain('the moon is full');
    expect(body.detail).toContain(STATES.userLoggedIn);
  });
});

describe('bad options', () => {
  it('names an unknown persona and lists the personas', () => {
    expect(() => createLmsHandlers({ persona: 'wizard' })).toThrow(
      /\[stub\] Failed to select a persona: there is no persona 'wizard' in stub\/personas\/default\.yaml\. Personas: verified-learner, .*anonymous/,
    );
    expect(() => lms.use({ persona: 'wizard' })).toThrow(LmsHandlersError);
  });

  it('names an unknown state and lists the states', () => {
    expect(() => createLmsHandlers({ state: 'the moon is full' })).toThrow(
      /no served interaction declares the state 'the moon is full'\. Known states: .*a user is logged in/,
    );
  });

  it('names a pact that fails to load, and where in it', () => {
    // Arrange
    const [first] = shippedPacts();
    const broken = structuredClone(first?.doc) as { interactions: Array<Record<string, unknown>> };
    delete broken.interactions[0]?.request;

    // Act / Assert
    expect(() => createLmsHandlers({ pacts: [{ source: 'broken.json', pact: broken }] })).toThrow(
      /\[stub\] Failed to load a pact: broken\.json .*at \$\.interactions\[0\]\.request/,
    );
  });

  it('names pacts of another provider', () => {
    const broker = shippedPacts().find((p) => p.source.includes('pact-broker'));
    expect(() => createLmsHandlers({ pacts: [broker?.doc] })).toThrow(
      /none of the 1 pacts has an HTTP interaction with provider 'lms': pacts\[0\] \(openedx-lms-contracts-ci → pact-broker\)/,
    );
  });

  it('names a persona document that fails to load', () => {
    expect(() => createLmsHandlers({ personas: { users: 'nobody' } })).toThrow(
      /\[stub\] Failed to load the personas: the personas option at \$\.users: expected a list/,
    );
  });

  it('rejects an LMS base URL that is not an origin, and an unknown policy', () => {
    expect(() => createLmsHandlers({ lmsBaseUrl: 'localhost:18000/api' })).toThrow(
      /lmsBaseUrl 'localhost:18000\/api' is not the origin of an LMS/,
    );
    expect(() => createLmsHandlers({ onUnmatched: 'ignore' as 'warn' })).toThrow(
      /onUnmatched 'ignore' is not a policy\. Use one of error, warn, bypass/,
    );
  });

  it('names an interaction description that no pact has', () => {
    expect(() => lms.callsTo('a request for the account of the logged-in learner')).toThrow(
      /no served interaction is described as "a request for the account of the logged-in learner"\. Did you mean: /,
    );
  });
});
