/**
 * The admin page at /__stub/ in Debian's Chromium, beside the example MFE: it shows the MFE's
 * requests as they arrive, logs the MFE's browser in as a persona with its login link, switches
 * the active persona in one click (the next answer changes), explains a miss with the request's
 * parts highlighted, counts coverage, resets, and fits a narrow window. Screenshots go to
 * artifacts/ (admin-page.png is the one docs/using-the-stub.md shows).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../stub/testing/chromium';
import { type ExampleMfe, lmsEnv, startExampleMfe } from '../stub/testing/example-mfe';
import { type RunningStub, startStub } from '../stub/testing/stub-process';
import { artifactPath } from './support/artifacts';

describe('the admin page, in Chromium', () => {
  let stub: RunningStub;
  let mfe: ExampleMfe;
  let browser: Browser;
  let context: BrowserContext;
  let admin: Page;
  let mfePage: Page;

  beforeAll(async () => {
    stub = await startStub();
    mfe = await startExampleMfe(lmsEnv(stub.url, { runtimeConfig: true }));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    admin = await context.newPage();
    await admin.goto(`${stub.url}/__stub/`);
    await admin.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    mfePage = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await mfe?.close();
    await stub?.stop();
  });

  /** The newest entry of the live list for `path` whose summary line contains `answer`. */
  const entry = (path: string, answer: string | RegExp): Locator =>
    admin
      .locator('details.entry')
      .filter({ has: admin.locator('.url', { hasText: new RegExp(`^${escapeRegExp(path)}$`) }) })
      .filter({ has: admin.locator('.answer', { hasText: answer }) })
      .first();

  /** A client without a login session: answered as the active persona. */
  const learnerHomeWithoutSession = () =>
    fetch(`${stub.url}/api/learner_home/init`, { headers: { 'USE-JWT-COOKIE': 'true' } });

  it('shows the MFE request as it arrives, after the login link logs the MFE in as a persona', async () => {
    // The MFE to return to: typed once, the login links follow it.
    await admin.getByLabel('MFE to return to after logging in').fill(`${mfe.url}/`);
    const login = admin.getByRole('link', {
      name: `Log this browser in as audit-learner and return to ${mfe.url}`,
    });
    await mfePage.goto((await login.getAttribute('href')) as string);
    await mfePage.getByTestId('course-list').waitFor();
    expect(await mfePage.getByTestId('user-name').textContent()).toBe('Aldo Audit');

    // The MFE's call, answered by the audit learner's contract, appears without a reload.
    const row = entry(
      '/api/learner_home/init',
      'a request for the dashboard of an audit learner enrolled in a course',
    );
    await row.waitFor();
    expect(await row.locator('.status').textContent()).toBe('200');
    await row.locator('summary').click();
    const body = row.locator('.entry-body');
    await eventually(async () =>
      expect(await textOf(body.locator('.states'))).toContain('the user is enrolled in the course'),
    );
    expect(await body.locator('.params').textContent()).toContain('usernameaudit');
    expect(await body.locator('.facts').textContent()).toContain(`Origin${mfe.url}`);
  });

  it('switches the active persona in one click, and the next answer changes', async () => {
    await learnerHomeWithoutSession();
    await entry('/api/learner_home/init', /a learner enrolled in two courses$/).waitFor();

    // Keyboard: focus the button, press Enter.
    const staff = admin.getByRole('button', { name: 'Make staff the active persona' });
    await staff.focus();
    await admin.keyboard.press('Enter');
    await eventually(async () =>
      expect(await textOf(admin.locator('#active-persona'))).toContain('Active persona: staff'),
    );
    expect(await staff.getAttribute('aria-pressed')).toBe('true');

    await learnerHomeWithoutSession();
    const next = admin.locator('details.entry').first();
    await eventually(async () =>
      expect(await textOf(next.locator('.answer'))).toContain(
        'a request for the dashboard of global staff with no enrollment',
      ),
    );

    // A browser keeps its own login session: its link logs it in as staff, back to the MFE.
    await mfePage.goto(
      (await admin
        .getByRole('link', { name: `Log this browser in as staff and return to ${mfe.url}` })
        .getAttribute('href')) as string,
    );
    await mfePage.getByTestId('course-list-empty').waitFor();
    expect(await mfePage.getByTestId('user-name').textContent()).toBe('Sam Staff');
  });

  it('explains a miss with the parts of the request that did not match highlighted', async () => {
    // A call of the MFE that no contract describes: the emails switch, without its CSRF token,
    // with the wrong value and an extra key.
    const status = await mfePage.evaluate(async (lms) => {
      const response = await fetch(`${lms}/api/change_email_settings`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'USE-JWT-COOKIE': 'true' },
        body: JSON.stringify({
          course_id: 'course-v1:edX+DemoX+Demo_Course',
          receive_emails: 'off',
          extra: 1,
        }),
      });
      return response.status;
    }, stub.url);
    expect(status).toBe(404);

    await admin.getByLabel('Misses only').check();
    const miss = entry('/api/change_email_settings', 'no contract matched');
    await miss.waitFor();
    // The miss is the only kind of request left in the list.
    expect(await admin.locator('details.entry:not(.miss)').count()).toBe(0);

    // Open it with the keyboard.
    await miss.locator('summary').focus();
    await admin.keyboard.press('Enter');
    const body = miss.locator('.entry-body');
    await eventually(async () =>
      expect((await textOf(body.locator('.problem h4'))).trim()).toBe('NO_INTERACTION_MATCHED'),
    );
    // Both email interactions (turn on, turn off) are among the closest.
    await eventually(async () =>
      expect(await textOf(body.locator('.candidates'))).toContain(
        'a request to turn on the emails of a course',
      ),
    );
    await eventually(async () =>
      expect(await textOf(body.locator('mark[data-part="header:x-csrftoken"]'))).toContain(
        'x-csrftoken',
      ),
    );
    await eventually(async () =>
      expect(await textOf(body.locator('mark[data-part="body:$.receive_emails"]'))).toContain(
        '"off"',
      ),
    );
    await body.locator('mark[data-part="body:$"]').waitFor();

    // Coverage lists it among the requests no contract answers.
    const unmatched = admin
      .locator('.unmatched tbody tr')
      .filter({ hasText: '/api/change_email_settings' });
    await eventually(async () => expect(await textOf(unmatched)).toContain('POST'));
    await eventually(async () =>
      expect((await textOf(unmatched.locator('.num'))).trim()).toBe('1'),
    );
    await eventually(async () =>
      expect(await textOf(admin.locator('#coverage .summary'))).toMatch(/[1-9]\d* of \d+/),
    );
    await eventually(async () =>
      expect(await textOf(admin.locator('#served'))).toContain(
        'generated-pacts/frontend-platform-lms.json',
      ),
    );

    await miss.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: artifactPath('admin-page.png') });
    await admin.screenshot({ path: artifactPath('admin-page-full.png'), fullPage: true });
  });

  it('shows a persona switched elsewhere (curl, a script) without a reload', async () => {
    // The admin API, from outside the page: the core's selection event tells the page.
    const switched = await fetch(`${stub.url}/__stub/persona`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ persona: 'audit-learner' }),
    });
    expect(switched.status).toBe(200);
    await eventually(async () =>
      expect(await textOf(admin.locator('#active-persona'))).toContain(
        'Active persona: audit-learner',
      ),
    );
  });

  it('resets the journal and coverage with its button', async () => {
    await admin.getByRole('button', { name: 'Reset journal and coverage' }).click();
    await eventually(async () =>
      expect(await textOf(admin.locator('#reset-status'))).toContain('Reset at'),
    );
    await eventually(async () =>
      expect(await admin.locator('#request-list details.entry').count()).toBe(0),
    );
    await eventually(async () =>
      expect(await textOf(admin.locator('#coverage .summary'))).toMatch(/^0 of \d+/),
    );
    await eventually(async () =>
      expect(await textOf(admin.locator('#active-persona'))).toContain(
        'Active persona: verified-learner',
      ),
    );
  });

  it('fits a narrow window without scrolling sideways', async () => {
    await admin.getByLabel('Misses only').uncheck();
    await learnerHomeWithoutSession();
    await admin.locator('details.entry').first().waitFor();
    await admin.setViewportSize({ width: 400, height: 800 });
    const overflow = await admin.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await admin.screenshot({ path: artifactPath('admin-page-narrow.png') });
    await admin.setViewportSize({ width: 1280, height: 800 });
  });
});

/** Retries `check` until it passes, as a page updates on its own time. */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
