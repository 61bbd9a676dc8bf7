/**
 * Bad input, first case: the example MFE is pointed at an LMS where nothing is listening (the
 * stub is not running). frontend-platform alone would leave a blank page and retry the JWT
 * refresh forever; the example MFE's error page must say what is wrong and what to do.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { type ExampleMfe, lmsEnv, startExampleMfe } from './support/mfe';
import { freePort } from './support/ports';

describe('the example MFE with no stub running', () => {
  let browser: Browser;
  let mfe: ExampleMfe;
  let deadLmsUrl: string;

  beforeAll(async () => {
    deadLmsUrl = `http://localhost:${await freePort()}`;
    mfe = await startExampleMfe(lmsEnv(deadLmsUrl, { runtimeConfig: true }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await mfe?.close();
  });

  it('shows an error page that names the unreachable LMS and says to start the stub', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();

    await page.goto(mfe.url);

    const summary = page.getByTestId('init-error-summary');
    await summary.waitFor({ timeout: 20_000 });
    expect(await summary.innerText()).toBe(
      `Nothing answers at ${deadLmsUrl}: is the stub running?`,
    );
    expect(await page.getByTestId('init-error-detail').innerText()).toContain(
      `POST ${deadLmsUrl}/login_refresh gets no response`,
    );
    expect(await page.getByTestId('init-error-hint').innerText()).toContain('Start the stub');
    expect(page.url()).toBe(`${mfe.url}/`); // no redirect to a login page that cannot load
    await context.close();
  });
});
