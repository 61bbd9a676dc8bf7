/**
 * The pages the recorder walks in each real MFE, per persona: the MFE's main pages and their
 * main interactions (docs/using-the-stub.md lists them with the commits tried).
 */

export type Step =
  /** Open a page of the MFE (a path on the MFE's origin). */
  (
    | { step: string; open: string }
    /** Click the first element that has this accessible role and name, then let the page settle. */
    | { step: string; click: { role: 'button' | 'link' | 'tab'; name: string } }
    /** Click the first element a Playwright selector finds (for icon-only buttons without a name). */
    | { step: string; click: { selector: string } }
    /** Type into form fields, each found by a Playwright selector, in this order, replacing what
     *  it holds and leaving it (pages validate on blur). */
    | { step: string; fill: Record<string, string> }
  ) & {
    /** What must hold once the page settled: a text on the page, the page's URL (its start);
     *  the recorder reports a step that misses it as a problem. */
    expect?: { text?: string; url?: string };
  };

export interface Walk {
  name: string;
  /** The persona to log in as; `anonymous` never logs in (a visitor). */
  persona: string;
  steps: Step[];
}

export interface MfeWalks {
  mfe: string;
  repository: string;
  /** The port of the MFE's dev server (its .env.development). */
  port: number;
  walks: Walk[];
}

const DEMO = 'course-v1:edX+DemoX+Demo_Course';
const DEMO_SEQUENCE = 'block-v1:edX+DemoX+Demo_Course+type@sequential+block@basic_questions';
const DEMO_UNIT = 'block-v1:edX+DemoX+Demo_Course+type@vertical+block@vertical_0270f6de40fc';
const STUB101 = 'course-v1:OpenedX+Stub101+2026_T1';
const STUB101_SEQUENCE = 'block-v1:OpenedX+Stub101+2026_T1+type@sequential+block@getting_started';
const STUB101_UNIT = 'block-v1:OpenedX+Stub101+2026_T1+type@vertical+block@first_steps';

const courseHome = (course: string) => `/course/${course}/home`;
const unitPage = (course: string, sequence: string, unit: string) =>
  `/course/${course}/${sequence}/${unit}`;

export const LEARNING: MfeWalks = {
  mfe: 'learning',
  repository: 'openedx/frontend-app-learning',
  port: 2000,
  walks: [
    {
      name: 'verified learner: demo course tabs, a unit and the next one, then Stub101',
      persona: 'verified-learner',
      steps: [
        { step: 'outline', open: courseHome(DEMO) },
        { step: 'dates', open: `/course/${DEMO}/dates` },
        { step: 'progress', open: `/course/${DEMO}/progress` },
        { step: 'unit', open: unitPage(DEMO, DEMO_SEQUENCE, DEMO_UNIT) },
        { step: 'next unit', click: { role: 'link', name: 'Next' } },
        { step: 'Stub101 outline', open: courseHome(STUB101) },
        { step: 'Stub101 unit', open: unitPage(STUB101, STUB101_SEQUENCE, STUB101_UNIT) },
      ],
    },
    {
      name: 'audit learner: demo course outline, progress and a unit',
      persona: 'audit-learner',
      steps: [
        { step: 'outline', open: courseHome(DEMO) },
        { step: 'progress', open: `/course/${DEMO}/progress` },
        { step: 'unit', open: unitPage(DEMO, DEMO_SEQUENCE, DEMO_UNIT) },
      ],
    },
    {
      name: 'learner not enrolled: demo course home, dates and progress',
      persona: 'not-enrolled',
      steps: [
        { step: 'outline', open: courseHome(DEMO) },
        { step: 'dates', open: `/course/${DEMO}/dates` },
        { step: 'progress', open: `/course/${DEMO}/progress` },
      ],
    },
    {
      name: 'global staff: demo course outline, dates, progress and a unit',
      persona: 'staff',
      steps: [
        { step: 'outline', open: courseHome(DEMO) },
        { step: 'dates', open: `/course/${DEMO}/dates` },
        { step: 'progress', open: `/course/${DEMO}/progress` },
        { step: 'unit', open: unitPage(DEMO, DEMO_SEQUENCE, DEMO_UNIT) },
      ],
    },
    {
      name: 'visitor: demo course home, dates and progress, not logged in',
      persona: 'anonymous',
      steps: [
        { step: 'outline', open: courseHome(DEMO) },
        { step: 'dates', open: `/course/${DEMO}/dates` },
        { step: 'progress', open: `/course/${DEMO}/progress` },
      ],
    },
  ],
};

export const ACCOUNT: MfeWalks = {
  mfe: 'account',
  repository: 'openedx/frontend-app-account',
  port: 1997,
  walks: [
    {
      name: 'verified learner: account settings, with notification preferences',
      persona: 'verified-learner',
      steps: [{ step: 'account settings', open: '/' }],
    },
    {
      name: 'global staff: account settings',
      persona: 'staff',
      steps: [{ step: 'account settings', open: '/' }],
    },
  ],
};

const dashboardOf = (persona: string, who: string): Walk => ({
  name: `${who}: the dashboard`,
  persona,
  steps: [{ step: 'dashboard', open: '/' }],
});

export const LEARNER_DASHBOARD: MfeWalks = {
  mfe: 'learner-dashboard',
  repository: 'openedx/frontend-app-learner-dashboard',
  port: 1996,
  walks: [
    dashboardOf('verified-learner', 'verified learner'),
    dashboardOf('audit-learner', 'audit learner'),
    dashboardOf('not-enrolled', 'learner with no enrollment'),
    dashboardOf('staff', 'global staff'),
  ],
};

/** The header's notifications tray (frontend-plugin-notifications): it opens on its bell, whose
 *  unread-count badge lies over it and takes the click. */
const NOTIFICATIONS_TRAY: Step[] = [
  { step: 'notifications tray', click: { selector: '[data-testid="notification-count"]' } },
  // Marks it read, then opens its content_url (the discussions MFE, not running) in a new tab.
  { step: 'open a notification', click: { role: 'link', name: 'responded to your post' } },
  { step: 'mark all as read', click: { role: 'button', name: 'Mark all as read' } },
];

export const PROFILE: MfeWalks = {
  mfe: 'profile',
  repository: 'openedx/frontend-app-profile',
  port: 1995,
  walks: [
    {
      name: "verified learner: her own profile, edits and saves her bio, opens the header's notifications, then another learner's profile",
      persona: 'verified-learner',
      steps: [
        { step: 'own profile', open: '/u/verified' },
        // The bio's edit button is a pencil icon without a name: the one under "Bio".
        { step: 'edit the bio', click: { selector: 'div:has(> p:text-is("Bio")) button' } },
        { step: 'type a bio', fill: { 'textarea#bio': 'Trying the stub LMS.' } },
        { step: 'save the bio', click: { role: 'button', name: 'Save' } },
        ...NOTIFICATIONS_TRAY,
        { step: "another learner's profile", open: '/u/audit' },
      ],
    },
    {
      name: 'global staff: own profile',
      persona: 'staff',
      steps: [{ step: 'own profile', open: '/u/staff' }],
    },
  ],
};

/** Where the login and registration pages send the browser back to: the learner dashboard, as
 *  frontend-platform's redirect to LOGIN_URL writes it. The recorder needs its dev server
 *  running (port 1996) to show the page the login lands on. */
const AUTHN_NEXT = 'http://localhost:1996/';
const withNext = (page: string) => `${page}?next=${encodeURIComponent(AUTHN_NEXT)}`;

/** frontend-app-authn as an MFE's LOGIN_URL: a visitor who never logs in through the stub's
 *  persona picker logs in, or registers, through the real forms (stub/openedx/login-session.ts
 *  decides what each form submit is). */
export const AUTHN: MfeWalks = {
  mfe: 'authn',
  repository: 'openedx/frontend-app-authn',
  port: 1999,
  walks: [
    {
      name: 'visitor: the login page, a wrong password, then the verified learner logs in',
      persona: 'anonymous',
      steps: [
        { step: 'login page', open: withNext('/login'), expect: { text: 'Forgot password' } },
        {
          step: 'wrong password',
          fill: { '#emailOrUsername': 'verified@example.com', '#password': 'not-the-password' },
        },
        {
          step: 'sign in refused',
          click: { role: 'button', name: 'Sign in' },
          expect: { text: 'The username, email, or password you entered is incorrect.' },
        },
        { step: 'right password', fill: { '#password': 'edx' } },
        {
          step: 'signed in: the dashboard',
          click: { role: 'button', name: 'Sign in' },
          expect: { url: AUTHN_NEXT, text: 'Demonstration Course' },
        },
      ],
    },
    {
      name: "visitor: the login page opened without next, the audit learner's username",
      persona: 'anonymous',
      steps: [
        { step: 'login page', open: '/login', expect: { text: 'Forgot password' } },
        { step: 'credentials', fill: { '#emailOrUsername': 'audit', '#password': 'edx' } },
        {
          step: "signed in: the LMS's dashboard page",
          click: { role: 'button', name: 'Sign in' },
          expect: {
            url: 'http://localhost:18000/dashboard',
            text: 'You are logged in as audit-learner (audit).',
          },
        },
      ],
    },
    {
      name: 'visitor: the registration page, a taken email, a new account and its welcome page',
      persona: 'anonymous',
      steps: [
        {
          step: 'registration page',
          open: withNext('/register'),
          expect: { text: 'Terms of Service and Honor Code' },
        },
        {
          step: 'taken email',
          fill: { '#name': 'Nia New', '#email': 'verified@example.com' },
          expect: { text: 'This email is already associated with an existing or previous account' },
        },
        {
          step: 'the rest of the form',
          fill: {
            '#email': 'nia@example.com',
            '#username': 'new_learner',
            '#password': 'edx-Passw0rd',
          },
        },
        {
          step: 'registered: the welcome page',
          click: { role: 'button', name: 'Create an account for free' },
          expect: { url: 'http://localhost:1999/welcome', text: 'Skip for now' },
        },
        { step: 'an answer', fill: { '#goals': 'To learn how a stub LMS works' } },
        {
          step: 'answer saved: the dashboard',
          click: { role: 'button', name: 'Submit' },
          expect: { url: AUTHN_NEXT, text: 'Explore courses' },
        },
      ],
    },
  ],
};

/** The course-authoring MFE talks to two backends: Studio (STUDIO_BASE_URL) and the LMS. Record
 *  it against one stub serving both (`npm start` serves Studio's pacts on their own port). */
export const AUTHORING: MfeWalks = {
  mfe: 'authoring',
  repository: 'openedx/frontend-app-authoring',
  port: 2001,
  walks: [
    {
      name: 'global staff: Studio home, then the outline of each course',
      persona: 'staff',
      steps: [
        { step: 'Studio home', open: '/home' },
        { step: 'demo course outline', open: `/course/${DEMO}` },
        { step: 'Stub101 outline', open: `/course/${STUB101}` },
      ],
    },
    {
      name: 'learner on no course team: Studio home with no course',
      persona: 'verified-learner',
      steps: [{ step: 'Studio home', open: '/home' }],
    },
  ],
};

export const MFES: Record<string, MfeWalks> = {
  authn: AUTHN,
  learning: LEARNING,
  profile: PROFILE,
  account: ACCOUNT,
  'learner-dashboard': LEARNER_DASHBOARD,
  authoring: AUTHORING,
};
