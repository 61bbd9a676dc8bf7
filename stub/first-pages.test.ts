/**
 * What an MFE developer gets from `npm start`: for each persona, the requests that the learner
 * dashboard and the learning MFE make on their first page, sent to a real stub serving every
 * committed LMS pact, answer 2xx with that persona's username and course keys (or the
 * anonymous answers the MFEs handle).
 */
import * as path from 'node:path';
import { loadPersonaFile } from './load/personas';
import { cookiesOf, decodeJwtPayload, type Reply, send } from './testing/http';
import { REPO_ROOT, startTestStub, type TestStub } from './testing/start-stub';

const DEMO_COURSE = 'course-v1:edX+DemoX+Demo_Course';
const DEMO_SEQUENCE = 'block-v1:edX+DemoX+Demo_Course+type@sequential+block@basic_questions';
const MFE_ORIGIN = 'http://localhost:2000';

interface LoggedInPersona {
  persona: string;
  username: string;
  /** The demo-course enrollment mode of stub/personas/default.yaml, or null when not enrolled. */
  demoMode: 'verified' | 'audit' | null;
}

const LOGGED_IN: LoggedInPersona[] = [
  { persona: 'verified-learner', username: 'verified', demoMode: 'verified' },
  { persona: 'audit-learner', username: 'audit', demoMode: 'audit' },
  { persona: 'not-enrolled', username: 'novice', demoMode: null },
  { persona: 'staff', username: 'staff', demoMode: null },
];

/** The personas the stub serves by default: what each user is enrolled in. */
const PERSONA_FILE = loadPersonaFile(path.join(REPO_ROOT, 'stub/personas/default.yaml'));

let stub: TestStub;

beforeAll(async () => {
  stub = await startTestStub({
    pacts: [path.join(REPO_ROOT, 'generated-pacts')],
    logLevel: 'error',
  });
});

afterAll(async () => {
  await stub.close();
});

/** A browser on the MFE's origin: credentialed, with the headers frontend-platform adds. */
function browser(cookie: string) {
  const headers = {
    Origin: MFE_ORIGIN,
    'USE-JWT-COOKIE': 'true',
    ...(cookie && { Cookie: cookie }),
  };
  return {
    get: (pathAndQuery: string) => send('GET', `${stub.url}${pathAndQuery}`, headers),
    post: (pathAndQuery: string) => send('POST', `${stub.url}${pathAndQuery}`, headers),
  };
}

async function logIn(persona: string): Promise<string> {
  const next = encodeURIComponent(`${MFE_ORIGIN}/`);
  const reply = await send('GET', `${stub.url}/login?persona=${persona}&next=${next}`);
  expect(reply.status).toBe(302);
  return [...cookiesOf(reply)].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Fails with the request named, e.g. "GET /api/learner_home/init 404". */
const expectOk = (reply: Reply, what: string) =>
  expect(`${what} ${reply.status}`).toMatch(/ 2\d\d$/);

describe.each(LOGGED_IN)('persona $persona', ({ persona, username, demoMode }) => {
  let cookie: string;

  beforeAll(async () => {
    cookie = await logIn(persona);
  });

  it('boots the learner dashboard as that user, with one card per enrollment of the persona', async () => {
    const refresh = await browser(cookie).post('/login_refresh');
    expectOk(refresh, 'POST /login_refresh');
    const jwt = cookiesOf(refresh).get('edx-jwt-cookie-header-payload') ?? '';
    expect(decodeJwtPayload(jwt)).toMatchObject({ preferred_username: username });

    const init = await browser(cookie).get('/api/learner_home/init');
    expectOk(init, 'GET /api/learner_home/init');
    type Card = {
      courseRun: { courseId: string };
      course: { courseName: string };
      enrollment: { mode: string };
    };
    const cards = (init.json().courses as Card[]).map((card) => ({
      course_id: card.courseRun.courseId,
      course_name: card.course.courseName,
      mode: card.enrollment.mode,
    }));
    const expected = PERSONA_FILE.enrollments
      .filter((enrollment) => enrollment.username === username)
      .map((enrollment) => ({
        course_id: enrollment.course_id,
        course_name: PERSONA_FILE.courses.find((c) => c.course_id === enrollment.course_id)
          ?.course_name,
        mode: enrollment.mode,
      }));
    expect(cards).toEqual(expected);
    if (demoMode) expect(cards.map((card) => card.course_id)).toContain(DEMO_COURSE);
  });

  it("opens the demo course's home in the learning MFE as that user", async () => {
    const metadata = await browser(cookie).get(
      `/api/course_home/course_metadata/${encodeURIComponent(DEMO_COURSE)}?browser_timezone=America%2FNew_York`,
    );
    expectOk(metadata, 'GET course_metadata');
    expect(metadata.json()).toMatchObject({
      username,
      course_id: DEMO_COURSE,
      is_enrolled: demoMode !== null,
    });
  });

  if (demoMode) {
    it('opens the first unit of the demo course in the courseware', async () => {
      const course = encodeURIComponent(DEMO_COURSE);
      const courseware = await browser(cookie).get(
        `/api/courseware/course/${course}?browser_timezone=America%2FNew_York`,
      );
      expectOk(courseware, 'GET courseware course');
      expect(courseware.json()).toMatchObject({ id: DEMO_COURSE, enrollment: { mode: demoMode } });

      const outline = await browser(cookie).get(
        `/api/learning_sequences/v1/course_outline/${course}`,
      );
      expectOk(outline, 'GET learning_sequences outline');
      expect(outline.json()).toMatchObject({ course_key: DEMO_COURSE });

      const sequence = await browser(cookie).get(
        `/api/courseware/sequence/${encodeURIComponent(DEMO_SEQUENCE)}?preview=0`,
      );
      expectOk(sequence, 'GET courseware sequence');
      expect(sequence.json()).toMatchObject({ item_id: DEMO_SEQUENCE });

      const navigation = await browser(cookie).get(`/api/course_home/v1/navigation/${course}`);
      expectOk(navigation, 'GET navigation sidebar');
    });
  }
});

describe('persona anonymous', () => {
  beforeAll(async () => {
    const switched = await send(
      'POST',
      `${stub.url}/__stub/persona`,
      { 'Content-Type': 'application/json' },
      JSON.stringify({ persona: 'anonymous' }),
    );
    expect(switched.status).toBe(200);
  });

  it('answers the refresh with 401, so the dashboard sends the visitor to the login page', async () => {
    expect((await browser('').post('/login_refresh')).status).toBe(401);
    expect((await browser('').get('/api/learner_home/init')).status).toBe(401);
  });

  it('lets the learning MFE show the demo course home to an anonymous visitor', async () => {
    const metadata = await browser('').get(
      `/api/course_home/course_metadata/${encodeURIComponent(DEMO_COURSE)}?browser_timezone=UTC`,
    );
    expectOk(metadata, 'GET course_metadata (anonymous)');
    expect(metadata.json()).toMatchObject({ course_id: DEMO_COURSE, is_enrolled: false });
  });
});
