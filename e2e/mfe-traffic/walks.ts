/**
 * The pages the recorder walks in each real MFE, per persona: the MFE's main pages and their
 * main interactions (docs/using-the-stub.md lists them with the commits tried).
 */

export type Step =
  /** Open a page of the MFE (a path on the MFE's origin). */
  | { step: string; open: string }
  /** Click the first element that has this accessible role and name, then let the page settle. */
  | { step: string; click: { role: 'button' | 'link' | 'tab'; name: string } };

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
  learning: LEARNING,
  account: ACCOUNT,
  'learner-dashboard': LEARNER_DASHBOARD,
  authoring: AUTHORING,
};
