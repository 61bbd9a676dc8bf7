/**
 * The msw handlers in a real browser's service worker, as an MFE's `npm start` would run them
 * with no stub process: Chromium opens a page that starts msw's worker with the LMS handlers and
 * then boots the real frontend-platform client against an LMS URL on a port where nothing
 * listens. Everything it shows came from the service worker. (e2e/msw-worker-page/)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { serveExampleMfe } from '../stub/example-mfe/serve';
import { freePort } from '../stub/server/free-port';
import { launchChromium } from '../stub/testing/chromium';
import { buildWorkerPage } from './msw-worker-page/build-page';
import type { LmsHandlersCheck } from './msw-worker-page/page';
import { artifactPath } from './support/artifacts';

/** A port that is free now: no LMS, no stub behind it. */
async function closedPort(): Promise<number> {
  const port = await freePort();
  // Prove it: nothing accepts a connection there.
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
  return port;
}

describe('the LMS handlers in a service worker, in Chromium', () => {
  let dir: string;
  let page: Awaited<ReturnType<typeof serveExampleMfe>>;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'msw-worker-page-'));
    await buildWorkerPage(dir);
    page = await serveExampleMfe({ dir, port: 0 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await page?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('logs the persona in, loads the dashboard and PATCHes with a CSRF token, all from the worker', async () => {
    // Arrange
    const lms = `http://localhost:${await closedPort()}`;
    const context = await browser.newContext();
    const tab = await context.newPage();
    const networkLms: string[] = [];
    // Requests the worker answered never reach the network; anything else to the LMS would.
    tab.on('requestfinished', (request) => {
      if (request.url().startsWith(lms) && !request.serviceWorker()) {
        void request.response().then((response) => {
          if (response && !response.fromServiceWorker()) networkLms.push(request.url());
        });
      }
    });

    // Act
    await tab.goto(`${page.url}/?lms=${encodeURIComponent(lms)}`);
    await tab.waitForFunction(() => window.lmsHandlersCheck !== undefined, undefined, {
      timeout: 30_000,
    });
    const check = (await tab.evaluate(() => window.lmsHandlersCheck)) as LmsHandlersCheck;
    await tab.screenshot({ path: artifactPath('msw-worker-page.png'), fullPage: true });
    await context.close();

    // Assert
    expect(check.error).toBeUndefined();
    expect(check).toMatchObject({ username: 'verified', email: 'verified@example.com' });
    expect(check.cookie).toMatch(/edx-jwt-cookie-header-payload=[\w-]+\.[\w-]+/);
    expect(check.courses).toContain('Demonstration Course');
    expect(check.calls).toEqual([
      'POST /login_refresh → 200 (a request to refresh the JWT cookie of a logged-in user)',
      expect.stringMatching(/^GET \/api\/user\/v1\/accounts\/verified → 200 /),
      expect.stringMatching(
        /^GET \/api\/learner_home\/init → 200 \(a request for the dashboard of a learner enrolled in two courses\)/,
      ),
      expect.stringMatching(/^GET \/csrf\/api\/v1\/token → 200 /),
      expect.stringMatching(/^PATCH \/api\/user\/v1\/preferences\/verified → 204 /),
    ]);
    expect(networkLms).toEqual([]);
  });
});
