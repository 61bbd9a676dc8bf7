/**
 * The recorder: walks a real, unmodified MFE's pages in Debian's Chromium against a running
 * stub, screenshots each page, and writes what the MFE sent to the stub to
 * e2e/mfe-traffic/<mfe>.json (replayed in CI by replay.test.ts).
 *
 *   npx tsx e2e/mfe-traffic/record.ts --mfe learning --commit <sha of the MFE checkout>
 *     [--stub http://localhost:18000] [--mfe-url http://localhost:2000] [--dry-run]
 *
 * Needs the stub (`npm start`) and the MFE's dev server (`npm start` in its checkout, with the
 * stub's lines in .env.private) running; docs/using-the-stub.md says how. It resets the stub's
 * journal before each walk, so run nothing else against that stub meanwhile.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../stub/testing/chromium';
import { artifactPath } from '../support/artifacts';
import type { RecordedPage, RecordedWalk, TrafficFixture } from './fixture';
import { type JournalEntry, recordedRequest } from './journal-entry';
import { MFES, type MfeWalks, type Step, type Walk } from './walks';

/** Texts of the MFEs' error states: an alert or page that says a call failed. */
const ERROR_TEXTS = [
  'An unexpected error occurred',
  'There was an error loading this course',
  'Axios Error',
  'Error:',
];
const SETTLE_MS = 600;

function argument(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : process.argv[at + 1];
  if (value === undefined) throw new Error(`[record] Failed to start: --${name} is required.`);
  return value;
}

async function stubJson(stub: string, pathName: string, method = 'GET'): Promise<unknown> {
  // The admin API takes writes only as JSON (docs/security.md).
  const reply = await fetch(
    `${stub}${pathName}`,
    method === 'GET'
      ? { method }
      : { method, headers: { 'Content-Type': 'application/json' }, body: '{}' },
  );
  if (!reply.ok) throw new Error(`[record] ${method} ${stub}${pathName} answered ${reply.status}.`);
  return reply.json();
}

/** What is wrong on the page now: error alerts and error pages by their text. */
async function visibleErrors(page: Page): Promise<string[]> {
  const texts = await page
    .locator('.alert-danger, [role="alert"], .alert-warning, #root > div > p')
    .allInnerTexts()
    .catch(() => [] as string[]);
  const body = (await page.textContent('body').catch(() => '')) ?? '';
  const found = texts.filter((text) => ERROR_TEXTS.some((error) => text.includes(error)));
  for (const error of ERROR_TEXTS.slice(0, 2)) {
    if (body.includes(error) && !found.some((text) => text.includes(error))) found.push(error);
  }
  return found.map((text) => `alert: ${text.replace(/\s+/g, ' ').trim().slice(0, 200)}`);
}

/** What a step expects and the page does not show (walks.ts `expect`). */
async function missedExpectations(page: Page, step: Step): Promise<string[]> {
  const missed: string[] = [];
  if (step.expect?.url !== undefined && !page.url().startsWith(step.expect.url))
    missed.push(`expected the URL ${step.expect.url}, got ${page.url()}`);
  const text = step.expect?.text;
  if (text !== undefined) {
    const found = await page
      .getByText(text, { exact: false })
      .first()
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (!found) missed.push(`expected the text "${text}" on the page`);
  }
  return missed;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(SETTLE_MS);
}

async function runStep(page: Page, mfeUrl: string, step: Step): Promise<number> {
  const started = Date.now();
  if ('open' in step) {
    await page.goto(`${mfeUrl}${step.open}`, { waitUntil: 'domcontentloaded' });
  } else if ('fill' in step) {
    for (const [selector, value] of Object.entries(step.fill)) {
      const field = page.locator(selector).first();
      await field.fill(value, { timeout: 10_000 });
      await field.blur();
    }
  } else if ('selector' in step.click) {
    await page.locator(step.click.selector).first().click({ timeout: 10_000 });
  } else {
    await page
      .getByRole(step.click.role, { name: step.click.name })
      .first()
      .click({ timeout: 10_000 });
  }
  // A step that leaves for another page (a login's redirect) is done once that page is there.
  const url = step.expect?.url;
  if (url !== undefined)
    await page
      .waitForURL((at) => at.href.startsWith(url), { timeout: 30_000 })
      .catch(() => undefined);
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
  const renderMs = Date.now() - started;
  await page.waitForTimeout(SETTLE_MS);
  return renderMs;
}

async function walkOnce(
  context: BrowserContext,
  mfe: MfeWalks,
  walk: Walk,
  stub: string,
  mfeUrl: string,
): Promise<RecordedWalk> {
  await stubJson(stub, '/__stub/reset', 'POST');
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
  const pages: RecordedPage[] = [];
  if (walk.persona !== 'anonymous') {
    const first = walk.steps.find((step) => 'open' in step);
    const next = `${mfeUrl}${first && 'open' in first ? first.open : '/'}`;
    await page.goto(`${stub}/login?persona=${walk.persona}&next=${encodeURIComponent(next)}`);
    await settle(page);
  }
  for (const [index, step] of walk.steps.entries()) {
    pageErrors.length = 0;
    let renderMs = -1;
    let failed: string | undefined;
    try {
      renderMs = await runStep(page, mfeUrl, step);
    } catch (error) {
      failed = `step failed: ${(error as Error).message.split('\n')[0]}`;
    }
    const shot = artifactPath(
      `mfe-${mfe.mfe}-w${mfe.walks.indexOf(walk) + 1}-${walk.persona}-${index + 1}-${step.step.replace(/\W+/g, '-')}.png`,
    );
    await page.screenshot({ path: shot, fullPage: true });
    const problems = [
      ...(failed ? [failed] : []),
      ...pageErrors,
      ...(await visibleErrors(page)),
      ...(await missedExpectations(page, step)),
    ];
    pages.push({ step: step.step, url: page.url().replace(mfeUrl, ''), renderMs, problems });
    const status = problems.length === 0 ? 'clean' : problems.join(' | ');
    console.log(`[record] ${walk.persona} · ${step.step}: ${renderMs} ms · ${status} · ${shot}`);
  }
  await page.close();
  const journal = (await stubJson(stub, '/__stub/requests')) as { entries: JournalEntry[] };
  const entries = journal.entries
    .filter((entry) => entry.outcome !== 'admin')
    .filter((entry) => !(entry.method === 'GET' && entry.url.startsWith('/login?')))
    .reverse();
  for (const entry of entries) {
    if (entry.outcome === 'unmatched' || entry.outcome === 'ambiguous') {
      console.log(
        `[record] ${walk.persona}: ${entry.outcome} ${entry.method} ${entry.url} (${entry.problem?.code})`,
      );
    }
  }
  return {
    name: walk.name,
    persona: walk.persona,
    pages,
    requests: entries.map((entry) => recordedRequest(entry)),
  };
}

async function main(): Promise<void> {
  const mfeName = argument('mfe');
  const mfe = MFES[mfeName];
  if (!mfe) {
    throw new Error(
      `[record] Failed to start: no walks for MFE '${mfeName}' (known: ${Object.keys(MFES).join(', ')}).`,
    );
  }
  const commit = argument('commit');
  const stub = argument('stub', 'http://localhost:18000');
  const mfeUrl = argument('mfe-url', `http://localhost:${mfe.port}`);
  const only = process.argv.includes('--walk') ? argument('walk') : undefined;
  const browser = await launchChromium();
  const walks: RecordedWalk[] = [];
  try {
    for (const walk of mfe.walks) {
      if (only !== undefined && walk.persona !== only) continue;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        walks.push(await walkOnce(context, mfe, walk, stub, mfeUrl));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const fixture: TrafficFixture = {
    mfe: mfe.mfe,
    repository: mfe.repository,
    commit,
    recordedWith: `npx tsx e2e/mfe-traffic/record.ts --mfe ${mfe.mfe} --commit ${commit}`,
    walks,
  };
  if (process.argv.includes('--dry-run')) return;
  const out = path.join(__dirname, `${mfe.mfe}.json`);
  writeFileSync(out, `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`[record] wrote ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
