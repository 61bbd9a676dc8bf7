/**
 * @jest-environment ./stub/msw/jest-environment.js
 * @jest-environment-options {"url": "http://localhost:1996/"}
 *
 * The real @edx/frontend-platform client in a jsdom page, as in an MFE's Jest tests, against the
 * msw handlers: no port, no stub process. The page is an MFE on localhost:1996 and the LMS is
 * http://localhost:18000, which exists only inside msw.
 */
import { setupServer } from 'msw/node';
import { patchPreferences } from '../../contracts/clients/frontend-app-account/service';
import {
  initializeList,
  logShare,
} from '../../contracts/clients/frontend-app-learner-dashboard/api';
import { clearCookies } from '../../contracts/support/jwt';
import { auth, configurePlatformFor, JWT_COOKIE_NAME } from '../../contracts/support/platform';
import { DEMO_COURSE } from '../../contracts/support/states';
import { createLmsHandlers } from './index';

const LMS = 'http://localhost:18000';
const lms = createLmsHandlers({ lmsBaseUrl: LMS });
const server = setupServer(...lms.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  lms.assertAllMatched();
  lms.reset();
  clearCookies();
});
afterAll(() => server.close());

/** `exp` of the JWT cookie in a document.cookie string. */
function jwtExpiry(cookies: string): number {
  const value = new RegExp(`${JWT_COOKIE_NAME}=([^;]+)`).exec(cookies)?.[1] ?? '';
  const payload = value.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp: number }).exp;
}

const descriptions = () => lms.calls().map((call) => call.interaction?.description ?? call.outcome);

describe('the platform boot path of an MFE', () => {
  it('logs in with the refresh, hydrates the user and sends a CSRF-protected PATCH', async () => {
    // Arrange
    const logging = configurePlatformFor(LMS);

    // Act
    const user = await auth.fetchAuthenticatedUser();
    await auth.hydrateAuthenticatedUser();
    await patchPreferences('verified', { time_zone: 'Europe/Paris' });

    // Assert: the client decoded the cookie the refresh put in document.cookie, minted now for
    // the persona (the contract's example expires in 2100).
    const exp = jwtExpiry(document.cookie);
    expect(exp).toBeGreaterThan(Date.now() / 1000);
    expect(exp).toBeLessThanOrEqual(Date.now() / 1000 + 3600);
    expect(user).toMatchObject({ username: 'verified', userId: 8, administrator: false });
    expect(auth.getAuthenticatedUser()).toMatchObject({ email: 'verified@example.com' });
    expect(logging.errors).toEqual([]);
    const calls = lms.calls();
    expect(calls.map((c) => `${c.request.method} ${c.request.path}`)).toEqual([
      'POST /login_refresh',
      'GET /api/user/v1/accounts/verified',
      'GET /csrf/api/v1/token',
      'PATCH /api/user/v1/preferences/verified',
    ]);
    expect(calls[0]).toMatchObject({ outcome: 'auth', response: { status: 200 } });
    const csrfToken = calls[2]?.response?.json as { csrfToken: string };
    expect(calls[3]?.request.headers).toMatchObject({
      'x-csrftoken': csrfToken.csrfToken,
      'use-jwt-cookie': 'true',
      'content-type': 'application/merge-patch+json',
    });
    expect(calls[3]?.request.json).toEqual({ time_zone: 'Europe/Paris' });
    expect(calls[3]?.response?.status).toBe(204);
  });

  it('logs in with an LMS on another host name than the page (msw writes the cookie to the page)', async () => {
    // Arrange
    const otherHost = 'http://lms.test:8000';
    const elsewhere = createLmsHandlers({ lmsBaseUrl: otherHost });
    server.use(...elsewhere.handlers);
    configurePlatformFor(otherHost);

    // Act
    const user = await auth.fetchAuthenticatedUser();

    // Assert
    expect(user).toMatchObject({ username: 'verified' });
    expect(elsewhere.calls().map((call) => call.request.url)).toEqual([
      'http://lms.test:8000/login_refresh',
    ]);
  });

  it('resolves no user when the persona is anonymous', async () => {
    // Arrange
    lms.use({ persona: 'anonymous' });
    configurePlatformFor(LMS);

    // Act
    const user = await auth.fetchAuthenticatedUser();

    // Assert
    expect(user).toBeNull();
    expect(document.cookie).not.toContain(JWT_COOKIE_NAME);
    expect(descriptions()).toEqual(['a request to refresh the JWT cookie with no user logged in']);
  });
});

describe('the learner dashboard', () => {
  it("loads the persona's dashboard and sends a share event", async () => {
    // Arrange
    configurePlatformFor(LMS);
    await auth.fetchAuthenticatedUser();

    // Act
    const dashboard = await initializeList();
    await logShare({ courseId: DEMO_COURSE.course_id, site: 'twitter' });

    // Assert
    const courses = dashboard.courses as Array<{ courseRun: { courseId: string } }>;
    // The default persona, the verified learner, is enrolled in the demo course and Stub101.
    expect(courses.map((c) => c.courseRun.courseId)).toEqual([
      DEMO_COURSE.course_id,
      'course-v1:OpenedX+Stub101+2026_T1',
    ]);
    expect(
      lms.callsTo('a request for the dashboard of a learner enrolled in two courses'),
    ).toHaveLength(1);
    const [share] = lms.callsTo('a share click tracking event from the dashboard');
    expect(share?.request.json).toMatchObject({
      courserun_key: DEMO_COURSE.course_id,
      event_type: 'edx.course.share_clicked',
      page: 'http://localhost:1996/',
    });
    expect(lms.calls().map((c) => c.persona)).toEqual(expect.arrayContaining(['verified-learner']));
  });

  it("switches persona: the platform's next refresh logs global staff in", async () => {
    // Arrange: logged in as the default persona first.
    configurePlatformFor(LMS);
    await auth.fetchAuthenticatedUser();

    // Act: use() drops the JWT cookie, so a fresh platform (as after a page load) refreshes.
    lms.use({ persona: 'staff' });
    configurePlatformFor(LMS);
    const user = await auth.fetchAuthenticatedUser();
    const dashboard = await initializeList();

    // Assert
    expect(user).toMatchObject({ username: 'staff', administrator: true });
    expect(dashboard.courses).toEqual([]);
    expect(descriptions()).toEqual([
      'a request to refresh the JWT cookie of a logged-in user',
      'a request to refresh the JWT cookie of a logged-in user',
      'a request for the dashboard of global staff with no enrollment',
    ]);
    expect(lms.calls().map((call) => call.persona)).toEqual(['verified-learner', 'staff', 'staff']);
    // The session the handlers stand in for is theirs, not something the page sent.
    expect(lms.calls().map((call) => call.request.headers.cookie ?? '')).not.toContainEqual(
      expect.stringContaining('lms-stub-session'),
    );
  });
});
