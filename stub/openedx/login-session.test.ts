/**
 * The authn MFE's forms against the stub: a real submit carries no provider state, so the stub
 * decides which state the form is in from the persona file, and a successful login or
 * registration logs the browser in (stub/openedx/login-session.ts). Driven over HTTP against the
 * committed pacts, with the default persona file (every persona's password: 'edx').
 */
import * as path from 'node:path';
import { cookiesOf, type Reply, send } from '../testing/http';
import { REPO_ROOT, startTestStub, type TestStub } from '../testing/start-stub';

const LOGIN = '/api/user/v2/account/login_session/';
const REGISTRATION = '/api/user/v2/account/registration/';
const VALIDATION = '/api/user/v1/validation/registration';
const NEXT = 'http://localhost:1996/';
const FORM = {
  Origin: 'http://localhost:1999',
  'Content-Type': 'application/x-www-form-urlencoded',
  'X-CSRFToken': 'k3vbA1Qx9TzPw6nH0cYdR2mLs8fJu5Ge',
};
/** The registration form as authn sends it (query-string sorts the keys). */
const REGISTRATION_FORM = {
  country: 'US',
  email: 'nia@example.com',
  honor_code: 'true',
  name: 'Nia New',
  next: NEXT,
  password: 'edx-Passw0rd',
  total_registration_time: '9.87',
  username: 'new_learner',
};

let stub: TestStub;

beforeAll(async () => {
  // The default active persona, the verified learner, has a user: these forms are still
  // answered for the visitor.
  stub = await startTestStub({
    pacts: [path.join(REPO_ROOT, 'generated-pacts')],
    logLevel: 'error',
  });
});

afterAll(async () => {
  await stub.close();
});

const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (pathName: string, fields: Record<string, string>, headers = {}) =>
  send('POST', `${stub.url}${pathName}`, { ...FORM, ...headers }, encode(fields));
const login = (who: string, password: string, next = NEXT) =>
  post(LOGIN, { email_or_username: who, next, password });

/** The username in the JWT cookie an answer set. */
function jwtUsername(reply: Reply): string | undefined {
  const jwt = cookiesOf(reply).get('edx-jwt-cookie-header-payload');
  if (jwt === undefined) return undefined;
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  return String(payload.preferred_username);
}

describe('POST /api/user/v2/account/login_session/', () => {
  it("logs the browser in as the persona whose email the form names, and answers the form's next", async () => {
    // Act
    const reply = await login('audit@example.com', 'edx');
    const session = cookiesOf(reply).get('lms-stub-session');
    const refresh = await send('POST', `${stub.url}/login_refresh`, {
      Origin: FORM.Origin,
      Cookie: `lms-stub-session=${session}`,
    });

    // Assert
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ success: true, redirect_url: NEXT });
    expect(session).toBe('audit-learner');
    expect(jwtUsername(reply)).toBe('audit');
    expect(refresh.status).toBe(200);
    expect(jwtUsername(refresh)).toBe('audit');
  });

  it("logs in by username too, and without next goes to the LMS's dashboard, a page saying who is logged in", async () => {
    const reply = await post(LOGIN, { email_or_username: 'staff', password: 'edx' });
    const session = cookiesOf(reply).get('lms-stub-session');
    const dashboard = await send('GET', `${stub.url}/dashboard`, {
      Cookie: `lms-stub-session=${session}`,
    });

    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ success: true, redirect_url: `${stub.url}/dashboard` });
    expect(session).toBe('staff');
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain('You are logged in as staff (staff).');
  });

  it.each([
    ['a wrong password', 'verified@example.com', 'not-the-password'],
    ['an email of no persona', 'ghost@example.com', 'edx'],
  ])(
    'refuses %s with the 400 of incorrect-email-or-password and sets no cookie',
    async (_case, who, password) => {
      const reply = await login(who, password);

      expect(reply.status).toBe(400);
      expect(reply.json()).toMatchObject({
        success: false,
        error_code: 'incorrect-email-or-password',
        context: { failureCount: 1 },
      });
      expect(reply.headers['set-cookie']).toBeUndefined();
    },
  );

  it("sends the browser to the LMS's dashboard when next is not an allowed origin", async () => {
    const reply = await login('verified@example.com', 'edx', 'http://elsewhere.example/');

    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ success: true, redirect_url: `${stub.url}/dashboard` });
  });

  it('leaves a request that names its state to that state, and logs nobody in', async () => {
    const reply = await post(
      LOGIN,
      { email_or_username: 'verified@example.com', next: NEXT, password: 'edx' },
      { 'X-Pact-Provider-State': 'the login credentials are wrong' },
    );

    expect(reply.status).toBe(400);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });
});

describe('POST /api/user/v2/account/registration/', () => {
  it('logs a new account in as the registration persona, which fills authenticated_user', async () => {
    const reply = await post(REGISTRATION, REGISTRATION_FORM);

    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({
      success: true,
      redirect_url: NEXT,
      authenticated_user: { username: 'novice', full_name: 'Nora Novice', user_id: 10 },
    });
    expect(cookiesOf(reply).get('lms-stub-session')).toBe('not-enrolled');
    expect(jwtUsername(reply)).toBe('novice');
  });

  it("answers the 409 of a taken account when the email is a persona's, and logs nobody in", async () => {
    const reply = await post(REGISTRATION, {
      ...REGISTRATION_FORM,
      email: 'verified@example.com',
    });

    expect(reply.status).toBe(409);
    expect(reply.json()).toMatchObject({ error_code: 'duplicate-email-username' });
    expect(reply.headers['set-cookie']).toBeUndefined();
  });
});

describe('POST /api/user/v1/validation/registration', () => {
  it("names the problem of an email a persona's account uses", async () => {
    const reply = await send(
      'POST',
      `${stub.url}${VALIDATION}`,
      { Origin: FORM.Origin, 'Content-Type': FORM['Content-Type'] },
      encode({ email: 'verified@example.com' }),
    );

    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({
      validation_decisions: {
        email: 'This email is already associated with an existing or previous account',
      },
    });
  });

  it('accepts any other field, for a visitor whatever the active persona', async () => {
    const reply = await send(
      'POST',
      `${stub.url}${VALIDATION}`,
      { Origin: FORM.Origin, 'Content-Type': FORM['Content-Type'] },
      encode({ username: 'new_learner' }),
    );

    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ validation_decisions: { username: '' } });
  });
});
