/**
 * Bad input: the stub not running, a wrong LMS_BASE_URL, an origin the stub does not allow.
 * frontend-platform alone leaves a blank page in two of these (it retries a refresh that gets no
 * response without end) and a generic "Axios Error" in the third; the example MFE's error page
 * must say what is wrong and what to do, and the stub's log must name the request or origin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort } from '../stub/server/free-port';
import { launchChromium } from '../stub/testing/chromium';
import { type ExampleMfe, lmsEnv, startExampleMfe } from '../stub/testing/example-mfe';
import { type RunningStub, startStub } from '../stub/testing/stub-process';

describe('the example MFE with bad settings, in Chromium', () => {
  let browser: Browser;
  let stub: RunningStub;
  let context: BrowserContext;
  let page: Page;
  const mfes: ExampleMfe[] = [];

  async function mfeWith(env: Record<string, string>, host?: string): Promise<ExampleMfe> {
    const mfe = await startExampleMfe(env, host ? { host } : {});
    mfes.push(mfe);
    return mfe;
  }

  async function errorPage(): Promise<{ summary: string; detail: string; hint: string }> {
    await page.getByTestId('init-error').waitFor({ timeout: 20_000 });
    return {
      summary: (await page.getByTestId('init-error-summary').textContent()) ?? '',
      detail: (await page.getByTestId('init-error-detail').textContent()) ?? '',
      hint: (await page.getByTestId('init-error-hint').textContent()) ?? '',
    };
  }

  beforeAll(async () => {
    stub = await startStub();
    browser = await launchChromium();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(mfes.map((mfe) => mfe.close()));
    await stub?.stop();
  });

  it('names the unreachable LMS and says to start the stub when nothing listens there', async () => {
    const deadLmsUrl = `http://localhost:${await freePort()}`;
    const mfe = await mfeWith(lmsEnv(deadLmsUrl, { runtimeConfig: true }));

    await page.goto(mfe.url);

    const shown = await errorPage();
    expect(shown.summary).toBe(`Nothing answers at ${deadLmsUrl}: is the stub running?`);
    expect(shown.detail).toContain(`POST ${deadLmsUrl}/login_refresh gets no response`);
    expect(shown.hint).toContain('Start the stub');
    expect(page.url()).toBe(`${mfe.url}/`); // no redirect to a login page that cannot load
  });

  it('names the failing request and the stub base URL when LMS_BASE_URL has a wrong path', async () => {
    const wrongLmsUrl = `${stub.url}/lms`;
    const mfe = await mfeWith(lmsEnv(wrongLmsUrl, { runtimeConfig: true }));

    await page.goto(mfe.url);

    const shown = await errorPage();
    expect(shown.summary).toBe(
      `POST ${wrongLmsUrl}/login_refresh answered 404: REFRESH_ACCESS_TOKEN_ENDPOINT does not point at a working LMS or stub.`,
    );
    expect(shown.detail).toContain('NO_INTERACTION_MATCHED');
    expect(shown.hint).toContain('the stub serves the LMS at its base URL with no path');
    // The stub's log names the request it could not match.
    expect(stub.log()).toContain(
      '404 POST /lms/login_refresh: no interaction matched the request (NO_INTERACTION_MATCHED).',
    );
  });

  it('says CORS refused the origin, and the stub logs which origin, when the origin is not allowed', async () => {
    // 127.0.0.2 is loopback too, but not among the origins the stub allows by default.
    const mfe = await mfeWith(lmsEnv(stub.url, { runtimeConfig: false }), '127.0.0.2');

    await page.goto(mfe.url);

    const shown = await errorPage();
    expect(shown.summary).toBe(
      `The browser blocks the answers from ${stub.url}: this page's origin is not allowed (CORS).`,
    );
    expect(shown.hint).toContain(`Allow ${mfe.url} at the stub (its --origin option`);
    expect(stub.log()).toContain(`No CORS headers for ${mfe.url}`);
  });
});
