/**
 * Tutor's dev layout in a real browser, with no /etc/hosts edit: Chromium maps the Tutor names to
 * 127.0.0.1 (`--host-resolver-rules`), the stub runs with `--tutor` (on a free port instead of
 * 8000), and a page on an apps.local.openedx.io origin boots as a frontend-base site does: it
 * reads the runtime config from the LMS, refreshes the JWT cookie with credentials, is sent to
 * the LMS login when nobody is logged in, and once back reads the JWT cookie with JavaScript.
 * That last step only works because the stub scopes the cookie to .local.openedx.io: a cookie
 * set by local.openedx.io without a Domain is invisible to apps.local.openedx.io.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../stub/testing/chromium';
import { startStub } from '../stub/testing/stub-process';
import { artifactPath } from './support/artifacts';

const HOST_RULES =
  '--host-resolver-rules=MAP *.local.openedx.io 127.0.0.1,MAP local.openedx.io 127.0.0.1';
const JWT_COOKIE = 'edx-jwt-cookie-header-payload';
const PERSONA = { name: 'audit-learner', username: 'audit' };

/** The site's page: frontend-base's boot order with plain fetch (config, refresh, login). */
function sitePage(lms: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Tutor-layout site</title></head>
<body><h1>Tutor-layout site</h1><p id="status">booting</p><p id="user"></p><p id="lms"></p>
<script>
const show = (id, text) => { document.getElementById(id).textContent = text; };
async function boot() {
  const configUrl = new URL('${lms}/api/frontend_site_config/v1/');
  configUrl.searchParams.set('timestamp', String(Date.now()));
  const config = await (await fetch(configUrl, { headers: { Accept: 'application/json' } })).json();
  show('lms', 'LMS at ' + config.lmsBaseUrl);
  const refresh = await fetch(config.lmsBaseUrl + config.refreshAccessTokenApiPath, {
    method: 'POST', credentials: 'include', headers: { 'USE-JWT-COOKIE': 'true' },
  });
  if (refresh.status === 401) {
    location.assign(config.loginUrl + '?next=' + encodeURIComponent(location.href));
    return;
  }
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('${JWT_COOKIE}='));
  if (!cookie) { show('status', 'Access token is still null after successful refresh'); return; }
  const payload = cookie.split('=')[1].split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  show('user', JSON.parse(atob(payload)).preferred_username);
  show('status', 'logged in');
}
boot().catch((error) => show('status', 'failed: ' + error.message));
</script></body></html>`;
}

/** A stub started with `stubArgs` and a site server for it on a free port. */
async function startLayout(stubArgs: string[]) {
  const stub = await startStub(stubArgs);
  const lms = `http://local.openedx.io:${stub.port}`;
  const site = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(sitePage(lms));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const siteUrl = `http://apps.local.openedx.io:${(site.address() as AddressInfo).port}/`;
  return {
    stub,
    lms,
    siteUrl,
    close: async () => {
      await new Promise((resolve) => site.close(resolve));
      await stub.stop();
    },
  };
}

describe('a site on apps.local.openedx.io against the stub with --tutor, in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let layout: Awaited<ReturnType<typeof startLayout>> | undefined;

  beforeAll(async () => {
    browser = await launchChromium([HOST_RULES]);
  });

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
    await layout?.close();
    layout = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the site, follows it to the stub's login, picks the persona, and waits for the
   *  site's verdict. */
  async function logIn(started: NonNullable<typeof layout>): Promise<string | null> {
    await page.goto(started.siteUrl);
    await page.waitForURL((url) => url.origin === started.lms && url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe(started.siteUrl);
    await page.getByRole('link', { name: new RegExp(`^${PERSONA.name} `) }).click();
    await page.waitForURL(started.siteUrl);
    await page.locator('#status', { hasText: /logged in|null|failed/ }).waitFor();
    return page.locator('#status').textContent();
  }

  it('logs in through the stub and reads the JWT cookie scoped to .local.openedx.io', async () => {
    // Arrange
    layout = await startLayout(['--tutor']);

    // Act
    const status = await logIn(layout);

    // Assert: the site's JavaScript read the cookie the LMS set.
    expect(status).toBe('logged in');
    expect(await page.locator('#user').textContent()).toBe(PERSONA.username);
    expect(await page.locator('#lms').textContent()).toBe(`LMS at ${layout.lms}`);
    const jwt = (await context.cookies(layout.siteUrl)).find((c) => c.name === JWT_COOKIE);
    expect(jwt).toMatchObject({ domain: '.local.openedx.io', path: '/', httpOnly: false });
    expect(layout.stub.log()).toMatch(/POST \/login_refresh → 200/);
    // Every request the page and the login page made had a contract (no favicon miss either).
    const coverage = await (
      await fetch(`http://127.0.0.1:${layout.stub.port}/__stub/coverage`)
    ).json();
    expect(coverage.unmatched).toEqual([]);
    await page.screenshot({ path: artifactPath('tutor-layout-logged-in.png'), fullPage: true });
  });

  it('without a cookie domain covering both hosts, the site cannot read the cookie (the blank page of the issue)', async () => {
    // Arrange: the preset, but cookies scoped to a domain the LMS host is not in: host-only.
    layout = await startLayout(['--tutor', '--cookie-domain', 'example.test']);

    // Act
    const status = await logIn(layout);

    // Assert
    expect(status).toBe('Access token is still null after successful refresh');
    expect(await context.cookies(layout.siteUrl)).toEqual([]);
  });
});
