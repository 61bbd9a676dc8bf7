/**
 * The example MFE's entry point, shaped like every Open edX MFE's src/index.jsx: subscribe to
 * APP_READY and APP_INIT_ERROR, then run frontend-platform's initialize(). Its configuration
 * comes from process.env (compiled in from .env.development, .env.private and the shell, see
 * build.ts) and from the LMS's runtime config API (MFE_CONFIG_API_URL + APP_ID).
 */
import '@openedx/paragon/dist/core.min.css';
import '@openedx/paragon/dist/light.min.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { diagnoseInitError, diagnoseStalledBoot, factsFromError, type Probe } from './diagnose';
import { InitErrorPage } from './InitErrorPage';
import { APP_INIT_ERROR, APP_READY, getConfig, initialize, subscribe } from './platform';

const container = document.getElementById('root');
if (!container) {
  throw new Error('[example-mfe] Failed to start: index.html has no #root element.');
}
const root = createRoot(container);

/** A no-cors request resolves (with an opaque response) whenever a server answers, whatever its
 *  CORS headers; it rejects with a TypeError only when the connection itself fails. */
const probe: Probe = async (origin) => {
  try {
    await fetch(`${origin}/`, {
      mode: 'no-cors',
      cache: 'no-store',
      signal: AbortSignal.timeout(3000),
    });
    return 'answered';
  } catch (error) {
    return error instanceof TypeError ? 'unreachable' : 'answered';
  }
};

/** How long a boot may neither finish nor fail before the page explains why. A stub answers
 *  the JWT refresh in milliseconds; frontend-platform's first retry comes after 2-3 s. */
const STALLED_BOOT_MS = 4_000;
let bootSettled = false;

subscribe(APP_READY, () => {
  bootSettled = true;
  // Synchronously, effects included: AppProvider subscribes to AUTHENTICATED_USER_CHANGED in an
  // effect, and hydration is not awaited by initialize(). With a normal (deferred) render, an
  // account response landing between AppProvider's first render and its effects is never seen
  // and the page keeps the unhydrated user.
  flushSync(() => root.render(<App />));
});

subscribe(APP_INIT_ERROR, async (_topic, error: unknown) => {
  bootSettled = true;
  const facts = factsFromError(error);
  const diagnosis = await diagnoseInitError(facts, getConfig(), window.location.origin, probe);
  console.error(
    `[example-mfe] Failed to start: ${diagnosis.summary} ${diagnosis.detail} ${diagnosis.hint}`,
  );
  root.render(<InitErrorPage diagnosis={diagnosis} message={facts.message} />);
});

// frontend-platform retries a JWT refresh that gets no response without end (its retry
// interceptor re-enters itself), so with the stub down or CORS refusing this origin a real MFE
// stays blank forever. Say why instead; if the LMS answers later, APP_READY replaces this page.
window.addEventListener('pagehide', () => {
  bootSettled = true; // Redirecting to login: nothing is stalled.
});
setTimeout(async () => {
  if (bootSettled) return;
  const diagnosis = await diagnoseStalledBoot(getConfig(), window.location.origin, probe);
  if (bootSettled) return;
  console.error(
    `[example-mfe] Still starting after ${STALLED_BOOT_MS / 1000} s: ${diagnosis.summary} ${diagnosis.detail} ${diagnosis.hint}`,
  );
  root.render(
    <InitErrorPage
      diagnosis={diagnosis}
      message={`Still waiting for POST ${getConfig().REFRESH_ACCESS_TOKEN_ENDPOINT}: frontend-platform keeps retrying, and this page starts by itself once the LMS answers.`}
    />,
  );
}, STALLED_BOOT_MS);

initialize({
  messages: [],
  // As frontend-app-account does: no page without a user, and the account API fills in the
  // fields the JWT does not carry.
  requireAuthenticatedUser: true,
  hydrateAuthenticatedUser: true,
});
