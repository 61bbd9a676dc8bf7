/**
 * The learner dashboard's own LMS calls, driven through contracts/clients/
 * frontend-app-learner-dashboard and frontend-platform's real authenticated client.
 * Consumer `frontend-app-learner-dashboard`, provider `lms`.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import * as dashboard from '../clients/frontend-app-learner-dashboard/api';
import {
  AUTHENTICATED_HEADERS,
  AUTHENTICATED_MUTATION_HEADERS,
  addAnonymousRefreshInteraction,
  addCsrfTokenInteraction,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
} from '../support/interactions';
import { seedJwtCookie } from '../support/jwt';
import { learnerHomeInitBody, learnerHomeInitBodyForTwo } from '../support/learner-home-bodies';
import { createPact } from '../support/pact';
import { configurePlatformFor } from '../support/platform';
import {
  AUDIT_ENROLLMENT,
  AUDIT_LEARNER,
  DEMO_COURSE,
  enrolledCourseParams,
  STAFF_USER,
  STATES,
  STUB101_COURSE,
  VERIFIED_ENROLLMENT,
  VERIFIED_LEARNER,
  VERIFIED_TWO_ENROLLMENTS,
} from '../support/states';

const { like, boolean, regex, fromProviderState } = MatchersV3;

const pact = createPact({ consumer: 'frontend-app-learner-dashboard' });
const course = DEMO_COURSE;
const INIT_PATH = '/api/learner_home/init';

const VERIFIED_STATES: Given[] = [
  [STATES.userLoggedIn, VERIFIED_LEARNER],
  [STATES.courseExists, course],
  [STATES.userEnrolled, VERIFIED_ENROLLMENT],
];

/** The dashboard lists one card per enrollment, and a response cannot repeat an element per
 *  enrollment: each count of enrollments is its own state, so a one-card answer is only for a
 *  user enrolled in no other course. */
const onlyEnrollment = ({
  username,
  course_id,
}: {
  username: string;
  course_id: string;
}): Given => [STATES.userEnrolledInNoOtherCourse, { username, course_id }];

function initInteraction(
  who: string,
  states: readonly Given[],
  body: ReturnType<typeof learnerHomeInitBody> | ReturnType<typeof learnerHomeInitBodyForTwo>,
) {
  return givenAll(pact.addInteraction(), states)
    .uponReceiving(`a request for the dashboard of ${who}`)
    .withRequest('GET', INIT_PATH, (request) => {
      request.headers(AUTHENTICATED_HEADERS);
    })
    .willRespondWith(200, (response) => {
      response.headers(JSON_RESPONSE_HEADERS);
      response.jsonBody(body);
    });
}

describe('initializeList', () => {
  it('lists the verified enrollment when a verified learner is enrolled', async () => {
    // Arrange
    await initInteraction(
      'a verified learner enrolled in a course',
      [...VERIFIED_STATES, onlyEnrollment(VERIFIED_ENROLLMENT)],
      learnerHomeInitBody('verified'),
    ).executeTest(
      settled(async (mockServer) => {
        configurePlatformFor(mockServer.url);
        seedJwtCookie(VERIFIED_LEARNER);

        // Act
        const dashboardData = await dashboard.initializeList();

        // Assert
        expect(dashboardData).toMatchObject({
          courses: [
            {
              courseRun: { courseId: course.course_id },
              course: { courseName: course.course_name },
              enrollment: { mode: 'verified', isVerified: true, canUpgrade: false },
            },
          ],
          platformSettings: { supportEmail: 'support@example.com' },
          emailConfirmation: { isNeeded: false },
        });
      }),
    );
  });

  it('offers the upgrade when an audit learner is enrolled', async () => {
    await initInteraction(
      'an audit learner enrolled in a course',
      [
        [STATES.userLoggedIn, AUDIT_LEARNER],
        [STATES.courseExists, course],
        [STATES.userEnrolled, AUDIT_ENROLLMENT],
        onlyEnrollment(AUDIT_ENROLLMENT),
      ],
      learnerHomeInitBody('audit'),
    ).executeTest(
      settled(async (mockServer) => {
        configurePlatformFor(mockServer.url);
        seedJwtCookie(AUDIT_LEARNER);

        const dashboardData = await dashboard.initializeList();

        expect(dashboardData).toMatchObject({
          courses: [
            {
              enrollment: { mode: 'audit', isAudit: true, canUpgrade: true },
              courseRun: { upgradeUrl: 'http://localhost:18130/basket/add/?sku=8CF08E5' },
            },
          ],
        });
      }),
    );
  });

  it('lists both enrollments, each with its own course, when a learner is enrolled in two courses', async () => {
    const { first_course_id, second_course_id } = VERIFIED_TWO_ENROLLMENTS;
    await initInteraction(
      'a learner enrolled in two courses',
      [
        [STATES.userLoggedIn, VERIFIED_LEARNER],
        [STATES.userEnrolledInTwoCourses, VERIFIED_TWO_ENROLLMENTS],
      ],
      learnerHomeInitBodyForTwo(
        enrolledCourseParams(course, 'verified'),
        enrolledCourseParams(STUB101_COURSE, 'audit'),
      ),
    ).executeTest(
      settled(async (mockServer) => {
        configurePlatformFor(mockServer.url);
        seedJwtCookie(VERIFIED_LEARNER);

        const dashboardData = await dashboard.initializeList();

        expect(dashboardData.courses).toHaveLength(2);
        expect(dashboardData).toMatchObject({
          courses: [
            {
              courseRun: { courseId: first_course_id },
              course: { courseName: course.course_name, courseNumber: 'DemoX' },
              enrollment: { mode: 'verified', isVerified: true },
            },
            {
              courseRun: { courseId: second_course_id },
              course: { courseName: STUB101_COURSE.course_name, courseNumber: 'Stub101' },
              courseProvider: { name: STUB101_COURSE.org },
              enrollment: { mode: 'audit', isAudit: true, canUpgrade: true },
            },
          ],
        });
      }),
    );
  });

  it('lists no course when global staff has no enrollment', async () => {
    await initInteraction(
      'global staff with no enrollment',
      [[STATES.userLoggedIn, STAFF_USER]],
      learnerHomeInitBody(null),
    ).executeTest(
      settled(async (mockServer) => {
        configurePlatformFor(mockServer.url);
        seedJwtCookie(STAFF_USER);

        const dashboardData = await dashboard.initializeList();

        expect(dashboardData).toMatchObject({ courses: [], suggestedCourses: [] });
      }),
    );
  });

  it('fails with 401 (the MFE shows its error page) when no user is logged in', async () => {
    addAnonymousRefreshInteraction(pact);
    await pact
      .addInteraction()
      .given(STATES.noUserLoggedIn)
      .uponReceiving('a request for the dashboard with no user logged in')
      .withRequest('GET', INIT_PATH, (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(401, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({ detail: like('Authentication credentials were not provided.') });
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);

          const failure = await dashboard.initializeList().catch((error: unknown) => error);

          expect(failure).toMatchObject({ response: { status: 401 } });
        }),
      );
  });
});

describe('updateEmailSettings', () => {
  it('turns the course emails on when a verified learner is enrolled', async () => {
    // Arrange
    addCsrfTokenInteraction(pact, 'a verified learner enrolled in a course', VERIFIED_STATES);
    await givenAll(pact.addInteraction(), VERIFIED_STATES)
      .uponReceiving('a request to turn on the emails of a course')
      .withRequest('POST', '/api/change_email_settings', (request) => {
        request.headers({ ...AUTHENTICATED_MUTATION_HEADERS, 'Content-Type': 'application/json' });
        request.jsonBody({
          course_id: fromProviderState('${course_id}', course.course_id),
          receive_emails: 'on',
        });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({ success: boolean(true) });
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(VERIFIED_LEARNER);

          // Act
          const response = await dashboard.updateEmailSettings({
            courseId: course.course_id,
            enable: true,
          });

          // Assert
          expect(response).toMatchObject({ status: 200, data: { success: true } });
        }),
      );
  });

  it('turns the course emails off (no receive_emails) when a verified learner is enrolled', async () => {
    // Arrange
    addCsrfTokenInteraction(pact, 'a verified learner enrolled in a course', VERIFIED_STATES);
    await givenAll(pact.addInteraction(), VERIFIED_STATES)
      .uponReceiving('a request to turn off the emails of a course')
      .withRequest('POST', '/api/change_email_settings', (request) => {
        request.headers({ ...AUTHENTICATED_MUTATION_HEADERS, 'Content-Type': 'application/json' });
        // The LMS reads a missing `receive_emails` as "off": the dashboard leaves the key out.
        request.jsonBody({ course_id: fromProviderState('${course_id}', course.course_id) });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({ success: boolean(true) });
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(VERIFIED_LEARNER);

          // Act
          const response = await dashboard.updateEmailSettings({
            courseId: course.course_id,
            enable: false,
          });

          // Assert
          expect(response).toMatchObject({ status: 200, data: { success: true } });
        }),
      );
  });
});

describe('logShare', () => {
  it('posts the share click to /event as JSON when a verified learner is enrolled', async () => {
    // Arrange
    addCsrfTokenInteraction(pact, 'a verified learner enrolled in a course', VERIFIED_STATES);
    await givenAll(pact.addInteraction(), VERIFIED_STATES)
      .uponReceiving('a share click tracking event from the dashboard')
      .withRequest('POST', '/event', (request) => {
        request.headers({ ...AUTHENTICATED_MUTATION_HEADERS, 'Content-Type': 'application/json' });
        request.jsonBody({
          courserun_key: fromProviderState('${course_id}', course.course_id),
          event_type: regex('^[a-z0-9_.-]+$', 'edx.course.share_clicked'),
          // The dashboard's own URL, wherever it runs.
          page: regex('^https?://.+$', 'http://127.0.0.1/'),
          event: like(
            JSON.stringify({
              course_id: course.course_id,
              social_media_site: 'twitter',
              location: 'dashboard',
            }),
          ),
        });
      })
      .willRespondWith(200, (response) => {
        response.body('text/html; charset=utf-8', Buffer.from('success'));
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(VERIFIED_LEARNER);

          // Act
          const response = await dashboard.logShare({
            courseId: course.course_id,
            site: 'twitter',
          });

          // Assert
          expect(response.status).toBe(200);
        }),
      );
  });
});
