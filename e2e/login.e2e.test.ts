/**
 * A real browser boots the example MFE logged in against the stub: Debian's Chromium opens the
 * MFE, follows frontend-platform's redirect to the stub's login page, picks a persona, lands
 * back on the MFE logged in and sees that persona's name and course list; then logs out.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../stub/testing/chromium';
import { type ExampleMfe, lmsEnv, startExampleMfe } from '../stub/testing/example-mfe';
import { type RunningStub, startStub } from '../stub/testing/stub-process';
import { artifactPath } from './support/artifacts';

/** A persona other than the stub's default one, so the page can only show it if the pick worked
 *  (stub/personas/default.yaml: user `audit`, enrolled in the demo course in the audit track). */
const PERSONA = { name: 'audit-learner', username: 'audit', fullName: 'Aldo Audit' };
const JWT_COOKIE = 'edx-jwt-cookie-header-payload';

describe('the example MFE against the stub, in Chromium', () => {
  let stub: RunningStub;
  let mfe: ExampleMfe;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stub = await startStub();
    mfe = await startExampleMfe(lmsEnv(stub.url, { runtimeConfig: true }));
    browser = await launchChromium();
  });

  beforeEach(async () => {
    // A fresh context per test: no cookie, no cache, no IndexedDB (where the runtime config is
    // cached), as on a first visit.
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await mfe?.close();
    await stub?.stop();
  });

  async function jwtCookie(): Promise<string | undefined> {
    const cookies = await context.cookies(mfe.url);
    return cookies.find((cookie) => cookie.name === JWT_COOKIE)?.value;
  }

  it('redirects to the stub login, logs in as the picked persona and shows their name and courses', async () => {
    await page.goto(mfe.url);

    // Arrive on the stub's login page, which will send the browser back to the MFE.
    await page.waitForURL((url) => url.origin === stub.url && url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`${mfe.url}/`);

    await page.getByRole('link', { name: new RegExp(`^${PERSONA.name} `) }).click();

    // Back on the MFE, logged in.
    await page.waitForURL(`${mfe.url}/`);
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBe(PERSONA.fullName);
    expect(await page.getByTestId('username').textContent()).toBe(PERSONA.username);
    // Hydration (GET /api/user/v1/accounts/audit) adds what the JWT does not carry.
    await page.getByTestId('member-since').waitFor();
    // The course list comes from GET /api/learner_home/init for this persona's enrollments.
    await page.getByTestId('course-list').waitFor();
    expect(await page.getByTestId('course-name').allInnerTexts()).toEqual(['Demonstration Course']);
    expect(await page.getByTestId('course-id').allInnerTexts()).toEqual([
      'course-v1:edX+DemoX+Demo_Course',
    ]);
    expect(await page.getByTestId('course-mode').allInnerTexts()).toEqual(['(audit)']);
    expect(await page.getByTestId('lms-base-url').textContent()).toContain(`LMS at ${stub.url}`);
    expect(await jwtCookie()).toMatch(/^[\w-]+\.[\w-]+$/);

    await page.screenshot({ path: artifactPath('example-mfe-logged-in.png'), fullPage: true });
  });

  it('logs out: the stub clears the JWT cookie and the MFE sends the browser back to login', async () => {
    // Log in directly, as the login page's persona links do.
    await page.goto(
      `${stub.url}/login?persona=${PERSONA.name}&next=${encodeURIComponent(`${mfe.url}/`)}`,
    );
    await page.getByTestId('dashboard').waitFor();
    expect(await jwtCookie()).toBeDefined();

    await page.getByRole('button', { name: 'Sign out' }).click();

    // /logout redirects to the MFE, which finds no user and redirects to the login page.
    await page.waitForURL((url) => url.origin === stub.url && url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`${mfe.url}/`);
    expect(await jwtCookie()).toBeUndefined();
    expect(stub.log()).toMatch(/GET \/logout\?redirect_url=\S+ → 302/);
  });
});
