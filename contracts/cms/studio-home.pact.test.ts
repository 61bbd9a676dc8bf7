/**
 * Studio home (the course list) of the course-authoring MFE: the Studio calls its first render
 * makes, driven through contracts/clients/frontend-app-authoring (transcribed at f10e018) and
 * frontend-platform's real authenticated client. Consumer `frontend-app-authoring`, provider
 * `cms`: Studio answers on its own base URL (STUDIO_BASE_URL) and accepts the JWT cookie the
 * LMS minted, so the tests seed that cookie and the LMS is never called.
 *
 * Who looks decides the course list: global staff sees every course (the persona file has
 * two), a learner on no course team sees none.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import * as authoring from '../clients/frontend-app-authoring/api';
import {
  emptyCoursesPageBody,
  studioHomeBody,
  twoCoursesPageBody,
  waffleFlagsBody,
} from '../support/cms-bodies';
import {
  AUTHENTICATED_HEADERS,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
} from '../support/interactions';
import { createPact } from '../support/pact';
import {
  CMS_STATES,
  DEMO_COURSE,
  STAFF_USER,
  STATES,
  STUB101_COURSE,
  twoStudioCoursesParams,
  VERIFIED_LEARNER,
} from '../support/states';
import { browseStudioAs } from '../support/studio';

const { regex } = MatchersV3;

const pact = createPact({ consumer: 'frontend-app-authoring', provider: 'cms' });

/** Studio lists courses by display name: "Demonstration Course" before "Working With…". */
const STAFF_COURSES = twoStudioCoursesParams(STAFF_USER.username, DEMO_COURSE, STUB101_COURSE);

const STAFF_STATES: Given[] = [[STATES.userLoggedIn, STAFF_USER]];
const STAFF_LIST_STATES: Given[] = [
  [STATES.userLoggedIn, STAFF_USER],
  [CMS_STATES.userIsStaffOfTwoCourses, STAFF_COURSES],
];
const LEARNER_LIST_STATES: Given[] = [
  [STATES.userLoggedIn, VERIFIED_LEARNER],
  [CMS_STATES.userIsStaffOfNoCourse, { username: VERIFIED_LEARNER.username }],
];

/** The list's parameters as the home hook sends them on first render: the slice's defaults
 *  (studioHomeCoursesRequestParamsDefault), snake_cased; axios drops the undefined filters and
 *  keeps the empty search. The hook's first effect sends them as they are; its second adds
 *  `page: 1` (src/studio-home/hooks.tsx), so both requests are contracts. */
const DEFAULT_PARAMS = {
  currentPage: 1,
  pageSize: 10,
  search: '',
  order: 'display_name',
  archivedOnly: undefined,
  activeOnly: undefined,
  isFiltered: false,
  cleanFilters: false,
};
const FIRST_PAGE_PARAMS = { ...DEFAULT_PARAMS, page: 1 };
const DEFAULT_QUERY = {
  current_page: regex('^[0-9]+$', '1'),
  page_size: regex('^[0-9]+$', '10'),
  search: regex('^.*$', ''),
  order: regex('^[a-z_]+$', 'display_name'),
  is_filtered: regex('^(true|false)$', 'false'),
  clean_filters: regex('^(true|false)$', 'false'),
};
const FIRST_PAGE_QUERY = { ...DEFAULT_QUERY, page: regex('^[0-9]+$', '1') };

function studioGet(
  states: readonly Given[],
  description: string,
  path: string,
  body: unknown,
  query?: Record<string, unknown>,
) {
  return givenAll(pact.addInteraction(), states)
    .uponReceiving(description)
    .withRequest('GET', path, (request) => {
      request.headers(AUTHENTICATED_HEADERS);
      if (query) request.query(query as Record<string, string>);
    })
    .willRespondWith(200, (response) => {
      response.headers(JSON_RESPONSE_HEADERS);
      response.jsonBody(body);
    });
}

describe('getStudioHomeData', () => {
  it('tells global staff it may create courses and reruns', async () => {
    // Arrange
    await studioGet(
      STAFF_STATES,
      'a request for Studio home by global staff',
      '/api/contentstore/v1/home',
      studioHomeBody(),
    ).executeTest(
      settled(async (mockServer) => {
        browseStudioAs(STAFF_USER, mockServer.url);

        // Act
        const home = await authoring.getStudioHomeData();

        // Assert
        expect(home).toMatchObject({
          courseCreatorStatus: 'granted',
          allowCourseReruns: true,
          studioShortName: 'Studio',
          userIsActive: true,
        });
      }),
    );
  });
});

describe('getStudioHomeCoursesV2', () => {
  it("lists global staff's two courses by display name on the first page", async () => {
    // Arrange
    await studioGet(
      STAFF_LIST_STATES,
      "a request for the first page of Studio's course list by global staff",
      '/api/contentstore/v2/home/courses',
      twoCoursesPageBody(STAFF_COURSES),
      FIRST_PAGE_QUERY,
    ).executeTest(
      settled(async (mockServer) => {
        browseStudioAs(STAFF_USER, mockServer.url);

        // Act
        const page = await authoring.getStudioHomeCoursesV2('', FIRST_PAGE_PARAMS);

        // Assert
        expect(page).toMatchObject({
          count: 2,
          numPages: 1,
          results: {
            courses: [
              {
                courseKey: DEMO_COURSE.course_id,
                displayName: DEMO_COURSE.course_name,
                number: 'DemoX',
                org: 'edX',
                run: 'Demo_Course',
                url: `/course/${DEMO_COURSE.course_id}`,
              },
              {
                courseKey: STUB101_COURSE.course_id,
                displayName: STUB101_COURSE.course_name,
                number: 'Stub101',
                org: 'OpenedX',
                run: '2026_T1',
              },
            ],
            inProcessCourseActions: [],
          },
        });
      }),
    );
  });

  it("lists global staff's two courses when no page is named (the hook's first request)", async () => {
    // Arrange
    await studioGet(
      STAFF_LIST_STATES,
      "a request for Studio's course list with the default filters by global staff",
      '/api/contentstore/v2/home/courses',
      twoCoursesPageBody(STAFF_COURSES),
      DEFAULT_QUERY,
    ).executeTest(
      settled(async (mockServer) => {
        browseStudioAs(STAFF_USER, mockServer.url);

        // Act
        const page = await authoring.getStudioHomeCoursesV2('', DEFAULT_PARAMS);

        // Assert
        expect(page).toMatchObject({
          count: 2,
          results: {
            courses: [
              { courseKey: DEMO_COURSE.course_id },
              { courseKey: STUB101_COURSE.course_id },
            ],
          },
        });
      }),
    );
  });

  it('lists no course for a learner on no course team', async () => {
    // Arrange
    await studioGet(
      LEARNER_LIST_STATES,
      "a request for the first page of Studio's course list by a learner on no course team",
      '/api/contentstore/v2/home/courses',
      emptyCoursesPageBody(),
      FIRST_PAGE_QUERY,
    ).executeTest(
      settled(async (mockServer) => {
        browseStudioAs(VERIFIED_LEARNER, mockServer.url);

        // Act
        const page = await authoring.getStudioHomeCoursesV2('', FIRST_PAGE_PARAMS);

        // Assert
        expect(page).toMatchObject({ count: 0, results: { courses: [] } });
      }),
    );
  });

  it("lists no course for a learner on no course team when no page is named (the hook's first request)", async () => {
    // Arrange
    await studioGet(
      LEARNER_LIST_STATES,
      "a request for Studio's course list with the default filters by a learner on no course team",
      '/api/contentstore/v2/home/courses',
      emptyCoursesPageBody(),
      DEFAULT_QUERY,
    ).executeTest(
      settled(async (mockServer) => {
        browseStudioAs(VERIFIED_LEARNER, mockServer.url);

        // Act
        const page = await authoring.getStudioHomeCoursesV2('', DEFAULT_PARAMS);

        // Assert
        expect(page).toMatchObject({ count: 0, results: { courses: [] } });
      }),
    );
  });
});

describe('getWaffleFlags', () => {
  it("answers Studio's system-wide page switches with the new outline page on", async () => {
    // Arrange
    await studioGet(
      STAFF_STATES,
      "a request for Studio's system-wide waffle flags by global staff",
      '/api/contentstore/v1/course_waffle_flags',
      waffleFlagsBody(),
    ).executeTest(
      settled(async (mockServer) => {
        browseStudioAs(STAFF_USER, mockServer.url);

        // Act
        const flags = await authoring.getWaffleFlags();

        // Assert
        expect(flags).toMatchObject({ useNewCourseOutlinePage: true, useNewHomePage: true });
      }),
    );
  });
});
