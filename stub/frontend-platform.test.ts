/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "http://localhost:2000/"}
 */
/*
 * The real @edx/frontend-platform client, in a jsdom page at http://localhost:2000, against a
 * real stub on another origin (http://localhost:<ephemeral port>, bound to 127.0.0.1, which
 * `localhost` resolves to here). Cookies ignore ports, so the JWT cookie the stub sets is the
 * page's to read, while every call is cross-origin: credentialed CORS is exercised for real
 * (jsdom's XHR sends the preflights and enforces the answers).
 */
import './testing/node-globals';
import {
  getPreferences,
  patchPreferences,
} from '../contracts/clients/frontend-app-account/service';
import {
  auth,
  configurePlatformFor,
  getConfig,
  initialize,
  mergeConfig,
} from '../contracts/support/platform';
import { startTestStub, type TestStub } from './testing/start-stub';

const JWT = 'edx-jwt-cookie-header-payload';
let stub: TestStub;
let lms: string;

/** A credentialed XHR from the page, as a browser would navigate or an MFE would call. */
function xhr(method: string, url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    request.withCredentials = true;
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.onload = () => resolve(request.status);
    request.onerror = () => reject(new Error(`${method} ${url} failed (CORS or network)`));
    request.send();
  });
}

const jwtCookie = () =>
  document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${JWT}=`))
    ?.slice(JWT.length + 1);

function dropJwtCookie(): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the platform reads document.cookie; so does this test.
  document.cookie = `${JWT}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}

async function loginAs(persona: string): Promise<void> {
  expect(await xhr('GET', `${lms}/login?persona=${persona}`)).toBe(200);
  // Keep the HttpOnly session, drop the JWT cookie: the client must refresh it at the stub.
  dropJwtCookie();
}

beforeAll(async () => {
  stub = await startTestStub();
  lms = `http://localhost:${stub.port}`;
});

afterAll(async () => {
  await stub.close();
});

beforeEach(async () => {
  await xhr('GET', `${lms}/logout`);
  dropJwtCookie();
});

describe('the real frontend-platform client against the stub on another origin', () => {
  it('resolves an anonymous user when there is no session (401 through CORS)', async () => {
    // Arrange
    configurePlatformFor(lms);

    // Act
    const user = await auth.fetchAuthenticatedUser();

    // Assert
    expect(user).toBeNull();
  });

  it('logs in, refreshes the JWT cookie at the stub and decodes the persona', async () => {
    // Arrange
    await loginAs('verified-learner');
    const logging = configurePlatformFor(lms);

    // Act
    const user = await auth.fetchAuthenticatedUser();

    // Assert
    expect(user).toEqual({
      userId: 8,
      username: 'verified',
      email: 'verified@example.com',
      name: 'Vera Verified',
      administrator: false,
      roles: [],
    });
    expect(jwtCookie()).toBeDefined();
    expect(logging.errors).toEqual([]);
  });

  it("hydrates the user from the account the stub fills with the persona's values", async () => {
    // Arrange
    await loginAs('staff');
    configurePlatformFor(lms);
    await auth.fetchAuthenticatedUser();

    // Act
    await auth.hydrateAuthenticatedUser();

    // Assert
    expect(auth.getAuthenticatedUser()).toMatchObject({
      username: 'staff',
      userId: 3,
      administrator: true,
      name: 'Sam Staff',
      email: 'staff@example.com',
      profileImage: expect.objectContaining({ hasImage: false }),
    });
  });

  it('fetches a CSRF token and sends a merge-patch with it', async () => {
    // Arrange
    await loginAs('verified-learner');
    configurePlatformFor(lms);
    const changes = { 'pref-lang': 'fr', time_zone: 'Europe/Paris' };

    // Act
    const saved = await patchPreferences('verified', changes);
    const preferences = await getPreferences('verified');

    // Assert
    expect(saved).toEqual(changes);
    expect(preferences).toMatchObject({ 'pref-lang': 'en' });
    const journal = stub.server.runtime.core.recorder
      .list()
      .map((e) => `${e.method} ${e.url} ${e.status}`);
    expect(journal).toEqual(
      expect.arrayContaining([
        'GET /csrf/api/v1/token 200',
        'PATCH /api/user/v1/preferences/verified 204',
        'OPTIONS /api/user/v1/preferences/verified 204',
      ]),
    );
  });

  it('logs out: the next refresh finds no session', async () => {
    // Arrange
    await loginAs('verified-learner');
    configurePlatformFor(lms);
    expect(await auth.fetchAuthenticatedUser()).toMatchObject({ username: 'verified' });

    // Act
    await xhr('GET', `${lms}/logout`);
    configurePlatformFor(lms);
    const after = await auth.fetchAuthenticatedUser();

    // Assert
    expect(jwtCookie()).toBeUndefined();
    expect(after).toBeNull();
  });

  it('switches persona by logging in again', async () => {
    // Arrange
    await loginAs('verified-learner');
    configurePlatformFor(lms);
    expect(await auth.fetchAuthenticatedUser()).toMatchObject({ username: 'verified' });

    // Act
    await loginAs('audit-learner');
    configurePlatformFor(lms);
    const user = await auth.fetchAuthenticatedUser();

    // Assert
    expect(user).toMatchObject({ username: 'audit', userId: 9 });
  });

  it('serves the state a request asks for with X-Pact-Provider-State', async () => {
    // Arrange: a logged-in session, but the request asks for the anonymous refresh.
    await loginAs('verified-learner');
    configurePlatformFor(lms);

    // Act
    const status = await auth
      .getHttpClient()
      .post(`${lms}/login_refresh`, null, {
        withCredentials: true,
        headers: { 'X-Pact-Provider-State': 'no user is logged in' },
      })
      .then((r) => r.status)
      .catch((error: { response?: { status: number } }) => error.response?.status);

    // Assert
    expect(status).toBe(401);
  });

  it('boots with initialize() from the runtime config the stub serves (MFE_CONFIG_API_URL)', async () => {
    // Arrange
    await loginAs('verified-learner');
    const initErrors: unknown[] = [];

    // Act
    await initialize({
      messages: [],
      handlers: {
        config: () =>
          mergeConfig({
            MFE_CONFIG_API_URL: `${lms}/api/mfe_config/v1`,
            APP_ID: 'learner-dashboard',
          }),
        initError: (error) => {
          initErrors.push(error);
        },
      },
    });

    // Assert
    expect(initErrors).toEqual([]);
    expect(getConfig()).toMatchObject({
      LMS_BASE_URL: lms,
      LOGIN_URL: `${lms}/login`,
      REFRESH_ACCESS_TOKEN_ENDPOINT: `${lms}/login_refresh`,
    });
    expect(auth.getAuthenticatedUser()).toMatchObject({ username: 'verified' });
  });
});
