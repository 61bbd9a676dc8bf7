/**
 * How long a real browser takes from opening the example MFE to its logged-in page, against the
 * stub: Debian's Chromium (headless), the stub and the example MFE (production build) on
 * loopback ports, the same set-up as the e2e test (e2e/login.e2e.test.ts).
 *
 * Every run uses a fresh browser context (no cookie, no HTTP cache, no IndexedDB), so each one is
 * a cold boot: the MFE's bundle (about 0.8 MB of JavaScript and 0.7 MB of Paragon CSS) is loaded
 * again, the runtime config is fetched again. The browser process itself is started once, before
 * the runs, as a developer's browser is already open. One warm-up boot of each scenario is run
 * first and left out of the samples.
 *
 * Two scenarios:
 *  - `loginRedirect`: a first visit. The MFE's JWT refresh answers 401, frontend-platform sends
 *    the browser to the stub's login page, the persona link is clicked by Playwright as soon as
 *    the page has loaded (no think time), the stub redirects back and the MFE boots logged in.
 *  - `loggedIn`: a visit after that login. The context first logs in at the stub
 *    (`/login?persona=`, outside the timing), so the JWT cookie is there and the MFE boots
 *    without any redirect, as when a developer opens the MFE again.
 * The clock stops when the page shows the persona's name, the hydrated account field and the
 * course list from `GET /api/learner_home/init`.
 *
 * Standalone: `npx tsx benchmarks/browser-boot.ts [--runs 5] [--json]`; `npm run bench` runs it.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../stub/testing/chromium';
import { type ExampleMfe, lmsEnv, startExampleMfe } from '../stub/testing/example-mfe';
import { type RunningStub, startStub } from '../stub/testing/stub-process';

/** A persona with a course, so the course list is not empty (stub/personas/default.yaml). */
const PERSONA = 'audit-learner';
const PAGE_TIMEOUT_MS = 30_000;

export interface BootSamples {
  medianMs: number;
  /** Every timed run, in the order they ran, in milliseconds. */
  samplesMs: number[];
}

export interface BrowserBootResult {
  runs: number;
  chromium: string;
  persona: string;
  /** First visit: MFE → 401 → stub login page → persona clicked → MFE logged in. */
  loginRedirect: BootSamples;
  /** Visit with the JWT cookie already set by an earlier login: MFE → logged-in page. */
  loggedIn: BootSamples;
}

export interface BrowserBootOptions {
  /** Timed runs per scenario (default 5). */
  runs?: number;
  /** Progress lines; silent by default. */
  log?: (line: string) => void;
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('[bench] Failed to take a median: no samples.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function waitForLoggedInPage(page: Page): Promise<void> {
  await page.getByTestId('user-name').waitFor({ timeout: PAGE_TIMEOUT_MS });
  await page.getByTestId('member-since').waitFor({ timeout: PAGE_TIMEOUT_MS });
  await page.getByTestId('course-list').waitFor({ timeout: PAGE_TIMEOUT_MS });
}

async function bootThroughLogin(browser: Browser, stub: RunningStub, mfe: ExampleMfe) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(mfe.url);
    await page.waitForURL((url) => url.origin === stub.url && url.pathname === '/login', {
      timeout: PAGE_TIMEOUT_MS,
    });
    await page.getByRole('link', { name: new RegExp(`^${PERSONA} `) }).click();
    await waitForLoggedInPage(page);
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

async function bootLoggedIn(browser: Browser, stub: RunningStub, mfe: ExampleMfe) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${stub.url}/login?persona=${PERSONA}`); // sets the cookies; not timed
    const start = performance.now();
    await page.goto(mfe.url);
    await waitForLoggedInPage(page);
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

export async function measureBrowserBoot(
  options: BrowserBootOptions = {},
): Promise<BrowserBootResult> {
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => undefined);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(
      `[bench] Failed to measure the browser boot: runs must be 1 or more, not ${runs}.`,
    );
  }
  const stub = await startStub(['--log-level', 'warn']);
  let mfe: ExampleMfe | undefined;
  let browser: Browser | undefined;
  try {
    mfe = await startExampleMfe(lmsEnv(stub.url, { runtimeConfig: true }));
    browser = await launchChromium();
    const scenarios = { loginRedirect: bootThroughLogin, loggedIn: bootLoggedIn } as const;
    const samples: Record<keyof typeof scenarios, number[]> = { loginRedirect: [], loggedIn: [] };
    for (const [name, boot] of Object.entries(scenarios) as [
      keyof typeof scenarios,
      typeof bootLoggedIn,
    ][]) {
      const warmUp = await boot(browser, stub, mfe);
      log(`[bench] browser boot, ${name}: warm-up ${round(warmUp)} ms (not counted)`);
      for (let run = 1; run <= runs; run += 1) {
        const ms = await boot(browser, stub, mfe);
        samples[name].push(round(ms));
        log(`[bench] browser boot, ${name}: run ${run}/${runs} ${round(ms)} ms`);
      }
    }
    return {
      runs,
      chromium: CHROMIUM_PATH,
      persona: PERSONA,
      loginRedirect: {
        medianMs: round(median(samples.loginRedirect)),
        samplesMs: samples.loginRedirect,
      },
      loggedIn: { medianMs: round(median(samples.loggedIn)), samplesMs: samples.loggedIn },
    };
  } finally {
    await browser?.close();
    await mfe?.close();
    await stub.stop();
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
  });
  // --json (how `npm run bench` calls it): progress on stderr, the result as the last stdout line.
  const progress = values.json
    ? (line: string) => process.stderr.write(`${line}\n`)
    : (line: string) => console.log(line);
  measureBrowserBoot({ runs: Number(values.runs), log: progress }).then(
    (result) => {
      if (values.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      console.log(
        `[bench] Opening the example MFE to its logged-in page (median of ${result.runs}): ` +
          `${result.loginRedirect.medianMs} ms through the stub's login page, ` +
          `${result.loggedIn.medianMs} ms when already logged in.`,
      );
      console.log(JSON.stringify(result, null, 2));
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
