/**
 * The course-authoring MFE's own LMS call: the course as the LMS's course API describes it,
 * which every course page of the MFE asks for first (its header shows the course's title,
 * number and org; src/data/api.ts getCourseDetails at f10e018). Driven through
 * contracts/clients/frontend-app-authoring and frontend-platform's real authenticated client.
 * Consumer `frontend-app-authoring`, provider `lms`. Its Studio calls are in contracts/cms/.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import * as authoring from '../clients/frontend-app-authoring/api';
import {
  AUTHENTICATED_HEADERS,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
  statePath,
} from '../support/interactions';
import { seedJwtCookie } from '../support/jwt';
import { ISO_DATETIME } from '../support/lms-bodies';
import { createPact } from '../support/pact';
import { configurePlatformFor } from '../support/platform';
import { DEMO_COURSE, STAFF_USER, STATES, studioCourseParams } from '../support/states';

const { like, boolean, datetime, fromProviderState, nullValue } = MatchersV3;

const pact = createPact({ consumer: 'frontend-app-authoring' });
const course = studioCourseParams(DEMO_COURSE);
const user = STAFF_USER;
const STATES_OF_STAFF: Given[] = [
  [STATES.userLoggedIn, user],
  [STATES.courseExists, course],
];

/** openedx-platform lms/djangoapps/course_api/serializers.py CourseDetailSerializer. */
function courseApiBody() {
  const value = (name: keyof typeof course) => fromProviderState(`\${${name}}`, course[name]);
  const image = (file: string) => like(`/asset-v1:${course.course_key}+type@asset+block@${file}`);
  return {
    blocks_url: like(
      `http://localhost:18000/api/courses/v2/blocks/?course_id=${encodeURIComponent(course.course_id)}`,
    ),
    course_id: value('course_id'),
    effort: nullValue(),
    end: nullValue(),
    enrollment_start: nullValue(),
    enrollment_end: nullValue(),
    hidden: boolean(false),
    id: value('course_id'),
    invitation_only: boolean(false),
    media: {
      banner_image: { uri: image('images_course_image.jpg'), uri_absolute: like('') },
      course_image: { uri: image('images_course_image.jpg') },
      course_video: { uri: nullValue() },
      image: {
        raw: like(
          `http://localhost:18000/asset-v1:${course.course_key}+type@asset+block@images_course_image.jpg`,
        ),
        small: like(
          `http://localhost:18000/asset-v1:${course.course_key}+type@asset+block@images_course_image.jpg`,
        ),
        large: like(
          `http://localhost:18000/asset-v1:${course.course_key}+type@asset+block@images_course_image.jpg`,
        ),
      },
    },
    mobile_available: boolean(false),
    name: value('course_name'),
    number: value('course_number'),
    org: value('org'),
    overview: like(''),
    pacing: like('instructor'),
    short_description: like(''),
    start: datetime(ISO_DATETIME, '2013-02-05T05:00:00Z'),
    start_display: like('Feb. 5, 2013'),
    start_type: like('timestamp'),
  };
}

describe('getCourseDetails', () => {
  it("gives the header the course's title, number and org for global staff", async () => {
    // Arrange
    await givenAll(pact.addInteraction(), STATES_OF_STAFF)
      .uponReceiving('a request for the course API details of a course by global staff')
      .withRequest('GET', statePath('/api/courses/v1/courses/${course_id}', course), (request) => {
        request.headers(AUTHENTICATED_HEADERS);
        request.query({ username: fromProviderState('${username}', user.username) });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(courseApiBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);

          // Act
          const details = await authoring.getCourseDetails(course.course_id, user.username);

          // Assert
          expect(details).toMatchObject({
            id: course.course_id,
            courseId: course.course_id,
            name: course.course_name,
            number: 'DemoX',
            org: 'edX',
          });
        }),
      );
  });
});
