// Runs before each contract test file, in its jsdom page.
import { clearCookies } from '../support/jwt';

// Known, harmless console output of frontend-platform's dependencies under jsdom. Anything else
// still reaches the console, so a real warning is never hidden.
const HARMLESS = [/^Redefining LocalForage driver/, /^Missing locale: /];
for (const level of ['info', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && HARMLESS.some((pattern) => pattern.test(args[0] as string)))
      return;
    original(...args);
  };
}

afterEach(() => {
  // Each test starts logged out: a JWT cookie left by one test would skip the next test's refresh.
  // Contracts that drive a CLI rather than a browser client run in Node, without a document.
  if (typeof document !== 'undefined') clearCookies();
});
