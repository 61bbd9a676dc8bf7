/**
 * A page that boots as an MFE does in `npm start` with msw instead of a stub process: it starts
 * msw's service worker with the LMS handlers, then runs the real frontend-platform client (login
 * refresh, hydration, the learner dashboard, a CSRF-protected PATCH) against an LMS URL where
 * nothing listens. The outcome goes to `window.lmsHandlersCheck` for the browser test.
 */
import { setupWorker } from 'msw/browser';
import { patchPreferences } from '../../contracts/clients/frontend-app-account/service';
import { initializeList } from '../../contracts/clients/frontend-app-learner-dashboard/api';
import { auth, configurePlatformFor } from '../../contracts/support/platform';
import { createLmsHandlers } from '../../stub/msw/index';

export interface LmsHandlersCheck {
  username?: string;
  email?: unknown;
  cookie?: string;
  courses?: string[];
  calls?: string[];
  error?: string;
}

declare global {
  interface Window {
    lmsHandlersCheck?: LmsHandlersCheck;
  }
}

const LMS = new URLSearchParams(window.location.search).get('lms') ?? 'http://localhost:18000';

async function main(): Promise<LmsHandlersCheck> {
  const lms = createLmsHandlers({ lmsBaseUrl: LMS });
  const worker = setupWorker(...lms.handlers);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });

  configurePlatformFor(LMS);
  const user = await auth.fetchAuthenticatedUser();
  if (!user) throw new Error('the refresh logged nobody in');
  await auth.hydrateAuthenticatedUser();
  const dashboard = (await initializeList()) as {
    courses: Array<{ course: { courseName: string } }>;
  };
  await patchPreferences(user.username, { time_zone: 'Europe/Paris' });
  return {
    username: user.username,
    email: auth.getAuthenticatedUser()?.email,
    cookie: document.cookie,
    courses: dashboard.courses.map((c) => c.course.courseName),
    calls: lms
      .calls()
      .map(
        (c) =>
          `${c.request.method} ${c.request.path} → ${c.response?.status ?? c.handling} (${c.interaction?.description ?? c.outcome})`,
      ),
  };
}

const show = (check: LmsHandlersCheck) => {
  window.lmsHandlersCheck = check;
  const result = document.getElementById('result');
  if (result) result.textContent = JSON.stringify(check, null, 2);
};

main().then(show, (error: unknown) =>
  show({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
