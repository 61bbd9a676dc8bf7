/**
 * Studio as a backend: which of its states each persona satisfies, what its banner tells the
 * authoring MFE, and one `npm start` serving the committed Studio contracts next to the LMS's
 * with the LMS's login.
 */
import { CMS_STATES, STATES } from '../../vocabulary/openedx/states';
import { type CliIo, type CliRun, startCli } from '../cli';
import { loadPersonaFile } from '../load/personas';
import { profileFor } from '../profiles';
import { send } from '../testing/http';
import { DEFAULT_PERSONAS, REPO_ROOT } from '../testing/start-stub';
import { authoringEnvLines, cmsProfile } from './profile';

const DEMO = 'course-v1:edX+DemoX+Demo_Course';
const STUB101 = 'course-v1:OpenedX+Stub101+2026_T1';

describe('the cms profile', () => {
  const states = cmsProfile.personaStates(loadPersonaFile(DEFAULT_PERSONAS), {
    urls: new Map(),
    tutor: false,
  });

  it('is the profile of provider cms, on the CMS devstack port, served by default', () => {
    // Act
    const profile = profileFor('cms');

    // Assert
    expect(profile).toBe(cmsProfile);
    expect(profile).toMatchObject({ defaultPort: 18010, servedByDefault: true });
    // Login is the LMS's: Studio has no routes of its own.
    expect(profile.routes).toBeUndefined();
  });

  it("makes global staff course staff of every course, with each course's own values", () => {
    // Act
    const staff = states.satisfiedBy('staff');

    // Assert
    expect(staff.get(CMS_STATES.userIsCourseStaff)).toEqual([
      expect.objectContaining({
        username: 'staff',
        course_id: DEMO,
        course_key: 'edX+DemoX+Demo_Course',
        course_number: 'DemoX',
        course_run: 'Demo_Course',
      }),
      expect.objectContaining({ username: 'staff', course_id: STUB101, course_number: 'Stub101' }),
    ]);
    expect(staff.get(CMS_STATES.userIsStaffOfTwoCourses)).toEqual([
      expect.objectContaining({
        first_course_id: DEMO,
        first_course_name: 'Demonstration Course',
        second_course_id: STUB101,
        second_course_run: '2026_T1',
      }),
    ]);
    expect(staff.has(CMS_STATES.userIsStaffOfNoCourse)).toBe(false);
    // The LMS's persona states hold on Studio too (one login, one user).
    expect(staff.get(STATES.userLoggedIn)).toEqual([
      expect.objectContaining({ username: 'staff' }),
    ]);
  });

  it('puts a learner on no course team, and an anonymous visitor nowhere', () => {
    // Act
    const learner = states.satisfiedBy('verified-learner');
    const anonymous = states.satisfiedBy('anonymous');

    // Assert
    expect(learner.has(CMS_STATES.userIsCourseStaff)).toBe(false);
    expect(learner.has(CMS_STATES.userIsStaffOfTwoCourses)).toBe(false);
    expect(learner.get(CMS_STATES.userIsStaffOfNoCourse)).toEqual([{ username: 'verified' }]);
    expect(anonymous.has(CMS_STATES.userIsStaffOfNoCourse)).toBe(false);
    expect(anonymous.get(CMS_STATES.meilisearchDisabled)).toEqual([{}]);
    expect(states.isPersonaState(CMS_STATES.userIsCourseStaff)).toBe(true);
    expect(states.isPersonaState(STATES.userLoggedIn)).toBe(true);
  });

  it("tells the authoring MFE both base URLs and the LMS's runtime config", () => {
    // Act
    const lines = authoringEnvLines({
      urls: new Map([
        ['lms', 'http://localhost:18200'],
        ['cms', 'http://localhost:18210'],
      ]),
      port: 18210,
      tutor: false,
      cookieDomain: undefined,
    }).join('\n');

    // Assert
    expect(lines).toContain('    LMS_BASE_URL=http://localhost:18200');
    expect(lines).toContain(
      '    REFRESH_ACCESS_TOKEN_ENDPOINT=http://localhost:18200/login_refresh',
    );
    expect(lines).toContain('    STUDIO_BASE_URL=http://localhost:18210');
    // The runtime config names the Studio served (its STUDIO_BASE_URL is this one).
    expect(lines).toContain('    MFE_CONFIG_API_URL=http://localhost:18200/api/mfe_config/v1');
  });

  it('says who Studio answers as when it is served without the LMS', () => {
    // Act
    const lines = authoringEnvLines({
      urls: new Map([['cms', 'http://localhost:18010']]),
      port: 18010,
      tutor: false,
      cookieDomain: undefined,
    }).join('\n');

    // Assert
    expect(lines).toContain('    STUDIO_BASE_URL=http://localhost:18010');
    expect(lines).not.toContain('LMS_BASE_URL');
    expect(lines).toContain('Studio answers as the active persona');
  });
});

type Running = Exclude<CliRun, { exitCode: number }>;

describe('one npm start serving the LMS and Studio contracts', () => {
  let running: Running | undefined;
  let banner = '';

  beforeAll(async () => {
    const io: CliIo = { out: (text) => (banner += text), err: () => undefined, cwd: REPO_ROOT };
    const run = await startCli(
      ['--port', '0', '--backend-port', 'cms=0', '--log-level', 'error'],
      io,
    );
    if (run.exitCode !== undefined) throw new Error('the stub did not start');
    running = run;
  });

  afterAll(async () => {
    await running?.stop();
  });

  const urls = () => {
    const [lms, cms] = (running as Running).backends.map((backend) => backend.server.url);
    return { lms: lms as string, cms: cms as string };
  };
  async function sessionOf(persona: string): Promise<string> {
    const login = await send('GET', `${urls().lms}/login?persona=${persona}`);
    const cookie = (login.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0] as string)
      .find((c) => c.startsWith('lms-stub-session='));
    if (!cookie) throw new Error(`no session cookie for ${persona}`);
    return cookie;
  }
  const studioGet = async (path: string, cookie: string) =>
    send('GET', `${urls().cms}${path}`, { cookie, 'use-jwt-cookie': 'true' });

  it('serves Studio after the LMS, and prints the authoring MFE lines', () => {
    // Assert
    expect(running?.backends.map((b) => b.served.profile.provider)).toEqual(['lms', 'cms']);
    expect(banner).toContain('Studio (CMS) stub serving at');
    expect(banner).toContain(
      `STUDIO_BASE_URL=http://localhost:${running?.backends[1]?.server.port}`,
    );
  });

  it("names the Studio served in the LMS's runtime config", async () => {
    // Act
    const config = await send('GET', `${urls().lms}/api/mfe_config/v1?mfe=course-authoring`, {
      Accept: 'application/json',
    });

    // Assert
    expect(config.status).toBe(200);
    expect(config.json()).toMatchObject({
      LMS_BASE_URL: urls().lms,
      STUDIO_BASE_URL: `http://localhost:${running?.backends[1]?.server.port}`,
    });
  });

  it('lists both courses of the persona file to staff logged in at the LMS', async () => {
    // Arrange
    const staff = await sessionOf('staff');

    // Act
    const list = await studioGet(
      '/api/contentstore/v2/home/courses?current_page=1&page_size=10&search=&order=display_name&is_filtered=false&clean_filters=false&page=1',
      staff,
    );

    // Assert
    expect(list.status).toBe(200);
    expect(list.json()).toMatchObject({
      count: 2,
      results: {
        courses: [
          { course_key: DEMO, number: 'DemoX', url: `/course/${DEMO}` },
          { course_key: STUB101, display_name: 'Working With a Stub LMS', run: '2026_T1' },
        ],
      },
    });
  });

  it("answers a course's outline with that course's own name and blocks", async () => {
    // Arrange
    const staff = await sessionOf('staff');

    // Act
    const outline = await studioGet(`/api/contentstore/v1/course_index/${STUB101}`, staff);

    // Assert
    expect(outline.status).toBe(200);
    const structure = outline.json().course_structure;
    expect(structure).toMatchObject({
      id: 'block-v1:OpenedX+Stub101+2026_T1+type@course+block@course',
      display_name: 'Working With a Stub LMS',
    });
    expect(structure.child_info.children[0].child_info.children[0]).toMatchObject({
      id: 'block-v1:OpenedX+Stub101+2026_T1+type@sequential+block@getting_started',
    });
  });

  it('lists no course to a learner, and refuses her a course outline with no contract', async () => {
    // Arrange
    const learner = await sessionOf('verified-learner');

    // Act
    const list = await studioGet(
      '/api/contentstore/v2/home/courses?current_page=1&page_size=10&search=&order=display_name&is_filtered=false&clean_filters=false',
      learner,
    );
    const outline = await studioGet(`/api/contentstore/v1/course_index/${DEMO}`, learner);

    // Assert
    expect(list.json()).toMatchObject({ count: 0, results: { courses: [] } });
    expect(outline.status).toBe(404);
    expect(outline.json()).toMatchObject({ code: 'NO_INTERACTION_MATCHED' });
  });

  it('answers the course API header call on the LMS port with the course number', async () => {
    // Arrange
    const staff = await sessionOf('staff');

    // Act
    const details = await send(
      'GET',
      `${urls().lms}/api/courses/v1/courses/${STUB101}?username=staff`,
      {
        cookie: staff,
        'use-jwt-cookie': 'true',
      },
    );

    // Assert
    expect(details.status).toBe(200);
    expect(details.json()).toMatchObject({ id: STUB101, number: 'Stub101', org: 'OpenedX' });
  });
});
