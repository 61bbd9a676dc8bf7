/**
 * Debian's Chromium, driven by playwright-core. Never a browser that Playwright downloads: this
 * machine (and CI) reach only the npm registry and Debian's packages.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags that keep Chromium off the network (background updates, sync and QUIC would try hosts
 * this machine cannot reach) and let it run headless as root in a container. Playwright's
 * launch() already gives every browser a fresh, empty --user-data-dir of its own.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraArgs`: more Chromium flags, e.g. `--host-resolver-rules` for Tutor's host names. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `[e2e] Failed to launch Chromium: ${CHROMIUM_PATH} does not exist. Install Debian's chromium (apt-get install -y --no-install-recommends chromium; .ci/run does) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
