/**
 * The recorder of a real frontend-base site's traffic in Tutor's dev layout: Debian's Chromium
 * (Tutor's names mapped to 127.0.0.1 with --host-resolver-rules) opens the site's learner
 * dashboard, follows it to the stub's login page, picks a persona, waits for the dashboard's
 * course card, and writes what the stub saw to e2e/frontend-base/learner-dashboard-site.json
 * (replayed in CI by replay.e2e.test.ts).
 *
 *   npx tsx e2e/frontend-base/record.ts --commit <sha of the frontend-template-site checkout>
 *     [--stub http://127.0.0.1:8000] [--site http://apps.local.openedx.io:8080] [--dry-run]
 *
 * Needs `npm start -- --tutor` (port 8000) and the site's `npm run dev` (port 8080) running, set up
 * as docs/using-the-stub.md says ("Tried end to end"). It resets the stub's journal first, so run
 * nothing else against that stub meanwhile.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../stub/testing/chromium';
import { type JournalEntry, recordedRequest } from '../mfe-traffic/journal-entry';
import { artifactPath } from '../support/artifacts';
import type { SiteTrafficFixture } from './traffic';

const HOST_RULES =
  '--host-resolver-rules=MAP *.local.openedx.io 127.0.0.1,MAP local.openedx.io 127.0.0.1';
const LMS = 'http://local.openedx.io:8000';
const PERSONA = 'verified-learner';
const COURSE_NAME = 'Demonstration Course';
const OUT = path.join(__dirname, 'learner-dashboard-site.json');

async function admin(stub: string, method: string, route: string): Promise<unknown> {
  const response = await fetch(`${stub}/__stub/${route}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(method === 'POST' && { body: '{}' }),
  });
  if (!response.ok)
    throw new Error(`[record] ${method} /__stub/${route} answered ${response.status}`);
  return response.json();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      commit: { type: 'string' },
      stub: { type: 'string', default: 'http://127.0.0.1:8000' },
      site: { type: 'string', default: 'http://apps.local.openedx.io:8080' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!values.commit || !/^[0-9a-f]{7,40}$/.test(values.commit))
    throw new Error('[record] --commit <sha of the frontend-template-site checkout> is required');
  const stub = values.stub as string;
  const site = values.site as string;
  await admin(stub, 'POST', 'reset');
  const browser = await launchChromium([HOST_RULES]);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const opened = Date.now();
    await page.goto(`${site}/learner-dashboard`, { timeout: 300_000 });
    await page.waitForURL((url) => url.origin === LMS && url.pathname === '/login', {
      timeout: 300_000,
    });
    const atLogin = Date.now();
    await page.getByRole('link', { name: new RegExp(`^${PERSONA} `) }).click();
    await page.getByText(COURSE_NAME).first().waitFor({ timeout: 120_000 });
    const rendered = Date.now();
    // Let the dashboard's late calls (images, tracking) reach the stub before reading it.
    await page.waitForTimeout(2000);
    await page.screenshot({
      path: artifactPath('frontend-base-site-dashboard.png'),
      fullPage: true,
    });
    const journal = (await admin(stub, 'GET', 'requests')) as { entries: JournalEntry[] };
    const requests = journal.entries
      .filter((entry) => entry.outcome !== 'admin')
      .reverse()
      .map((entry) => recordedRequest(entry, true));
    const fixture: SiteTrafficFixture = {
      site: 'frontend-template-site',
      repository: 'https://github.com/openedx/frontend-template-site',
      commit: values.commit,
      parts: {
        '@openedx/frontend-base':
          'v1.0.1 (36374e69f359ceb0592f9192102261c71c675903), built from source',
        '@openedx/frontend-app-learner-dashboard': '1.0.0 (npm)',
        '@openedx/paragon': '23.22.2 (npm)',
      },
      recordedWith: `npx tsx e2e/frontend-base/record.ts --commit ${values.commit}`,
      walks: [
        {
          name: `${PERSONA} logs in from the learner dashboard`,
          persona: PERSONA,
          timings: { toLoginMs: atLogin - opened, toDashboardMs: rendered - atLogin },
          requests,
        },
      ],
    };
    const text = `${JSON.stringify(fixture, null, 2)}\n`;
    if (values['dry-run']) process.stdout.write(text);
    else writeFileSync(OUT, text);
    process.stdout.write(
      `[record] ${requests.length} request(s); login page after ${atLogin - opened} ms, dashboard ${rendered - atLogin} ms after the pick${values['dry-run'] ? '' : `; wrote ${path.relative(process.cwd(), OUT)}`}\n`,
    );
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
