// Runs before each contract test file, in its jsdom page.
import './quiet-known-console';
// jsdom lacks TextEncoder, which the vocabulary's browser-safe JWT minter (examples) needs.
import './jsdom-globals';
import { clearCookies } from '../support/jwt';

afterEach(() => {
  // Each test starts logged out: a JWT cookie left by one test would skip the next test's refresh.
  // Contracts that drive a CLI rather than a browser client run in Node, without a document.
  if (typeof document !== 'undefined') clearCookies();
});
