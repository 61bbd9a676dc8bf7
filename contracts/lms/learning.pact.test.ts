/**
 * The learning MFE's own LMS calls (course home tabs, courseware, tours, enrollment, tracking),
 * driven through contracts/clients/frontend-app-learning and frontend-platform's real
 * authenticated client and analytics service. Consumer `frontend-app-learning`, provider `lms`.
 *
 * Who looks at the course decides most answers, so each test names its viewer: a verified or an
 * audit learner enrolled in the demo course, a learner not enrolled, global staff, or nobody.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import * as learning from '../clients/frontend-app-learning/api';
import {
  AUTHENTICATED_HEADERS,
  AUTHENTICATED_MUTATION_HEADERS,
  addAnonymousRefreshInteraction,
  addCsrfTokenInteraction,
  formBody,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
  statePath,
} from '../support/interactions';
import { seedJwtCookie } from '../support/jwt';
import {
  type CourseViewer,
  courseHomeMetadataBody,
  courseNavigationBody,
  coursewareCourseBody,
  datesTabBody,
  learningSequencesOutlineBody,
  outlineTabBody,
  progressTabBody,
  sequenceMetadataBody,
} from '../support/learning-bodies';
import { createPact } from '../support/pact';
import { configurePlatformFor } from '../support/platform';
import { configureAnalytics, sendTrackingLogEvent } from '../support/platform-extras';
import {
  AUDIT_ENROLLMENT,
  AUDIT_LEARNER,
  DEMO_COURSE,
  REQUEST_STATES,
  STAFF_NOT_ENROLLED,
  STAFF_USER,
  STATES,
  UNENROLLED_IN_DEMO_COURSE,
  UNENROLLED_LEARNER,
  type UserParams,
  VERIFIED_ENROLLMENT,
  VERIFIED_LEARNER,
} from '../support/states';

const { like, boolean, regex, integer, datetime } = MatchersV3;

const pact = createPact({ consumer: 'frontend-app-learning' });
const course = DEMO_COURSE;

/** A viewer of the course: the states that make them, and what the bodies should say. */
interface Viewer {
  label: string;
  user: UserParams | null;
  states: Given[];
  body: CourseViewer;
}

const VERIFIED: Viewer = {
  label: 'a verified learner enrolled in the course',
  user: VERIFIED_LEARNER,
  states: [
    [STATES.userLoggedIn, VERIFIED_LEARNER],
    [STATES.courseExists, course],
    [STATES.userEnrolled, VERIFIED_ENROLLMENT],
  ],
  body: { enrollmentMode: 'verified', isStaff: false, username: VERIFIED_LEARNER.username },
};
const AUDIT: Viewer = {
  label: 'an audit learner enrolled in the course',
  user: AUDIT_LEARNER,
  states: [
    [STATES.userLoggedIn, AUDIT_LEARNER],
    [STATES.courseExists, course],
    [STATES.userEnrolled, AUDIT_ENROLLMENT],
  ],
  body: { enrollmentMode: 'audit', isStaff: false, username: AUDIT_LEARNER.username },
};
const NOT_ENROLLED: Viewer = {
  label: 'a learner not enrolled in the course',
  user: UNENROLLED_LEARNER,
  states: [
    [STATES.userLoggedIn, UNENROLLED_LEARNER],
    [STATES.courseExists, course],
    [STATES.userNotEnrolled, UNENROLLED_IN_DEMO_COURSE],
  ],
  body: { enrollmentMode: null, isStaff: false, username: UNENROLLED_LEARNER.username },
};
const STAFF: Viewer = {
  label: 'global staff not enrolled in the course',
  user: STAFF_USER,
  states: [
    [STATES.userLoggedIn, STAFF_USER],
    [STATES.courseExists, course],
    [STATES.userNotEnrolled, STAFF_NOT_ENROLLED],
  ],
  body: { enrollmentMode: null, isStaff: true, username: STAFF_USER.username },
};
const ANONYMOUS: Viewer = {
  label: 'an anonymous visitor',
  user: null,
  states: [[STATES.noUserLoggedIn], [STATES.courseExists, course]],
  body: { enrollmentMode: null, isStaff: false, anonymous: true, username: '' },
};

/** The browser's time zone, which the MFE appends to the two metadata calls: any IANA name. */
const browserTimezoneQuery = {
  browser_timezone: regex('^[A-Za-z]+(?:[/_+-][A-Za-z0-9]+)*$', 'America/New_York'),
};

/** Points the platform at the mock server and logs the viewer in (or not): an anonymous
 *  browser refreshes first and gets 401, a logged-in one already holds its JWT cookie. */
function browseAs(viewer: Viewer, mockServerUrl: string) {
  const logging = configurePlatformFor(mockServerUrl);
  if (viewer.user) seedJwtCookie(viewer.user);
  return logging;
}

/** Declares the GET of one course API as `viewer` sees it; the anonymous visitor's refresh
 *  comes first. */
function courseGet(
  viewer: Viewer,
  description: string,
  pathTemplate: string,
  respond: { status: number; body?: unknown },
  query?: Record<string, string | MatchersV3.Matcher<string>>,
) {
  if (!viewer.user) addAnonymousRefreshInteraction(pact);
  return givenAll(pact.addInteraction(), viewer.states)
    .uponReceiving(`${description} by ${viewer.label}`)
    .withRequest('GET', statePath(pathTemplate, { ...course }), (request) => {
      request.headers(AUTHENTICATED_HEADERS);
      if (query) request.query(query);
    })
    .willRespondWith(respond.status, (response) => {
      if (respond.body !== undefined) {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(respond.body);
      }
    });
}

describe('getCourseHomeCourseMetadata', () => {
  const metadataFor = (viewer: Viewer) =>
    courseGet(
      viewer,
      'a request for the course home metadata',
      '/api/course_home/course_metadata/${course_id}',
      { status: 200, body: courseHomeMetadataBody(viewer.body) },
      browserTimezoneQuery,
    );

  it('grants access and lists the tabs when a verified learner is enrolled', async () => {
    // Arrange
    await metadataFor(VERIFIED).executeTest(
      settled(async (mockServer) => {
        browseAs(VERIFIED, mockServer.url);

        // Act
        const metadata = await learning.getCourseHomeCourseMetadata(course.course_id);

        // Assert
        expect(metadata).toMatchObject({
          courseId: course.course_id,
          title: course.course_name,
          isEnrolled: true,
          isStaff: false,
          isMasquerading: false,
          username: VERIFIED_LEARNER.username,
          courseAccess: { hasAccess: true },
          verifiedMode: null,
        });
        const tabs = metadata.tabs as { tabId: string; url: string }[];
        expect(tabs.map((t) => t.tabId)).toEqual(['courseware', 'progress', 'dates']);
        // The LMS links point at the LMS that answered (the mock server, or the stub).
        expect(tabs[1]?.url).toBe(`${mockServer.url}/courses/${course.course_id}/progress`);
      }),
    );
  });

  it('offers the verified upgrade when an audit learner is enrolled', async () => {
    await metadataFor(AUDIT).executeTest(
      settled(async (mockServer) => {
        browseAs(AUDIT, mockServer.url);

        const metadata = await learning.getCourseHomeCourseMetadata(course.course_id);

        expect(metadata).toMatchObject({
          isEnrolled: true,
          canViewCertificate: false,
          courseAccess: { hasAccess: true },
          verifiedMode: { price: 149, currencySymbol: '$' },
        });
      }),
    );
  });

  it('denies access with enrollment_required when the learner is not enrolled', async () => {
    await metadataFor(NOT_ENROLLED).executeTest(
      settled(async (mockServer) => {
        browseAs(NOT_ENROLLED, mockServer.url);

        const metadata = await learning.getCourseHomeCourseMetadata(course.course_id);

        expect(metadata).toMatchObject({
          isEnrolled: false,
          courseAccess: { hasAccess: false, errorCode: 'enrollment_required' },
        });
      }),
    );
  });

  it('grants access without an enrollment when the user is global staff', async () => {
    await metadataFor(STAFF).executeTest(
      settled(async (mockServer) => {
        browseAs(STAFF, mockServer.url);

        const metadata = await learning.getCourseHomeCourseMetadata(course.course_id);

        expect(metadata).toMatchObject({
          isEnrolled: false,
          isStaff: true,
          isMasquerading: false,
          courseAccess: { hasAccess: true },
        });
      }),
    );
  });

  it('denies access with authentication_required when no user is logged in', async () => {
    await metadataFor(ANONYMOUS).executeTest(
      settled(async (mockServer) => {
        browseAs(ANONYMOUS, mockServer.url);

        const metadata = await learning.getCourseHomeCourseMetadata(course.course_id);

        expect(metadata).toMatchObject({
          isEnrolled: false,
          username: '',
          courseAccess: { hasAccess: false, errorCode: 'authentication_required' },
        });
      }),
    );
  });
});

describe('getCoursewareMetadata', () => {
  const coursewareFor = (viewer: Viewer) =>
    courseGet(
      viewer,
      'a request for the courseware metadata',
      '/api/courseware/course/${course_id}',
      { status: 200, body: coursewareCourseBody(viewer.body) },
      browserTimezoneQuery,
    );

  it('reports the verified enrollment and no content gating when a verified learner is enrolled', async () => {
    await coursewareFor(VERIFIED).executeTest(
      settled(async (mockServer) => {
        browseAs(VERIFIED, mockServer.url);

        const metadata = await learning.getCoursewareMetadata(course.course_id);

        expect(metadata).toMatchObject({
          id: course.course_id,
          title: course.course_name,
          enrollmentMode: 'verified',
          isEnrolled: true,
          contentTypeGatingEnabled: false,
          accessExpiration: null,
          canAccessProctoredExams: true,
        });
      }),
    );
  });

  it('reports content gating and the access expiry when an audit learner is enrolled', async () => {
    await coursewareFor(AUDIT).executeTest(
      settled(async (mockServer) => {
        browseAs(AUDIT, mockServer.url);

        const metadata = await learning.getCoursewareMetadata(course.course_id);

        expect(metadata).toMatchObject({
          enrollmentMode: 'audit',
          contentTypeGatingEnabled: true,
          accessExpiration: { expirationDate: '2030-02-05T05:00:00Z' },
        });
      }),
    );
  });
});

describe('getLearningSequencesOutline', () => {
  const outlinePath = '/api/learning_sequences/v1/course_outline/${course_id}';

  it('lists the sections and sequences when a verified learner is enrolled', async () => {
    await courseGet(VERIFIED, 'a request for the learning sequences outline', outlinePath, {
      status: 200,
      body: learningSequencesOutlineBody(),
    }).executeTest(
      settled(async (mockServer) => {
        browseAs(VERIFIED, mockServer.url);

        const outline = await learning.getLearningSequencesOutline(course.course_id);

        expect(outline).toMatchObject({
          course_key: course.course_id,
          outline: { sections: [{ sequence_ids: [course.sequence_id] }] },
        });
        expect(outline).toHaveProperty(
          ['outline', 'sequences', course.sequence_id, 'accessible'],
          true,
        );
      }),
    );
  });

  it('is forbidden (403, the MFE logs it as info) when no user is logged in', async () => {
    await courseGet(ANONYMOUS, 'a request for the learning sequences outline', outlinePath, {
      status: 403,
      body: { detail: like('You do not have permission to perform this action.') },
    }).executeTest(
      settled(async (mockServer) => {
        browseAs(ANONYMOUS, mockServer.url);

        const failure = await learning
          .getLearningSequencesOutline(course.course_id)
          .catch((e) => e);

        expect(learning.responseStatus(failure)).toBe(403);
      }),
    );
  });
});

describe('getSequenceMetadata', () => {
  it('returns the units of the sequence when a verified learner is enrolled', async () => {
    await courseGet(
      VERIFIED,
      'a request for the metadata of a sequence',
      '/api/courseware/sequence/${sequence_id}',
      { status: 200, body: sequenceMetadataBody() },
      { preview: '0' },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(VERIFIED, mockServer.url);

        const sequence = await learning.getSequenceMetadata(course.sequence_id, { preview: '0' });

        expect(sequence).toMatchObject({
          item_id: course.sequence_id,
          tag: 'sequential',
          position: 1,
          items: [{ id: course.unit_id, complete: false, type: 'problem' }],
        });
      }),
    );
  });
});

describe('getCourseNavigation', () => {
  it('returns the sidebar tree with completion when a verified learner is enrolled', async () => {
    await courseGet(
      VERIFIED,
      'a request for the courseware navigation sidebar',
      '/api/course_home/v1/navigation/${course_id}',
      { status: 200, body: courseNavigationBody() },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(VERIFIED, mockServer.url);

        const blocks = await learning.getCourseNavigation(course.course_id);

        expect(blocks).toMatchObject({
          [course.sequence_id]: { type: 'sequential', children: [course.unit_id] },
          [course.unit_id]: { type: 'vertical', complete: false },
        });
      }),
    );
  });
});

describe('getCoursewareOutlineSidebarToggles', () => {
  it('enables completion tracking when a verified learner is enrolled', async () => {
    await courseGet(
      VERIFIED,
      'a request for the courseware sidebar toggles',
      '/courses/${course_id}/courseware-navigation-sidebar/toggles/',
      { status: 200, body: { enable_completion_tracking: boolean(true) } },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(VERIFIED, mockServer.url);

        const toggles = await learning.getCoursewareOutlineSidebarToggles(course.course_id);

        expect(toggles).toEqual({ enable_completion_tracking: true });
      }),
    );
  });
});

describe('getOutlineTabData', () => {
  const outlineFor = (viewer: Viewer) =>
    courseGet(
      viewer,
      'a request for the course outline tab',
      '/api/course_home/outline/${course_id}',
      {
        status: 200,
        body: outlineTabBody(viewer.body),
      },
    );

  it('returns the course blocks and where to resume when a verified learner is enrolled', async () => {
    await outlineFor(VERIFIED).executeTest(
      settled(async (mockServer) => {
        browseAs(VERIFIED, mockServer.url);

        const outline = await learning.getOutlineTabData(course.course_id);

        expect(outline).toMatchObject({
          enrollmentMode: 'verified',
          hasEnded: false,
          datesBannerInfo: { contentTypeGatingEnabled: false },
          resumeCourse: { hasVisitedCourse: false },
        });
        expect(outline).toHaveProperty(
          ['courseBlocks', 'blocks', course.sequence_id, 'lms_web_url'],
          `${mockServer.url}/courses/${course.course_id}/jump_to/${course.sequence_id}`,
        );
      }),
    );
  });

  it('shows the upgrade offer and content gating when an audit learner is enrolled', async () => {
    await outlineFor(AUDIT).executeTest(
      settled(async (mockServer) => {
        browseAs(AUDIT, mockServer.url);

        const outline = await learning.getOutlineTabData(course.course_id);

        expect(outline).toMatchObject({
          enrollmentMode: 'audit',
          datesBannerInfo: { contentTypeGatingEnabled: true },
          verifiedMode: { upgradeUrl: 'http://localhost:18130/basket/add/?sku=8CF08E5' },
        });
      }),
    );
  });
});

describe('getDatesTabData', () => {
  const datesPath = '/api/course_home/dates/${course_id}';

  it('lists the course dates when a verified learner is enrolled', async () => {
    await courseGet(VERIFIED, 'a request for the course dates tab', datesPath, {
      status: 200,
      body: datesTabBody(VERIFIED.body),
    }).executeTest(
      settled(async (mockServer) => {
        browseAs(VERIFIED, mockServer.url);

        const dates = await learning.getDatesTabData(course.course_id);

        expect(dates).toMatchObject({
          hasEnded: false,
          courseDateBlocks: [{ dateType: 'assignment-due-date', learnerHasAccess: true }],
        });
      }),
    );
  });

  it('is empty (the LMS answers 401) when no user is logged in', async () => {
    await courseGet(ANONYMOUS, 'a request for the course dates tab', datesPath, {
      status: 401,
      body: { detail: like('Authentication credentials were not provided.') },
    }).executeTest(
      settled(async (mockServer) => {
        browseAs(ANONYMOUS, mockServer.url);

        const dates = await learning.getDatesTabData(course.course_id);

        expect(dates).toEqual({});
      }),
    );
  });
});

describe('getProgressTabData', () => {
  const progressFor = (viewer: Viewer) =>
    courseGet(
      viewer,
      'a request for the course progress tab',
      '/api/course_home/progress/${course_id}',
      {
        status: 200,
        body: progressTabBody(viewer.body),
      },
    );

  it('returns the grades when a verified learner is enrolled', async () => {
    await progressFor(VERIFIED).executeTest(
      settled(async (mockServer) => {
        browseAs(VERIFIED, mockServer.url);

        const progress = await learning.getProgressTabData(course.course_id);

        expect(progress).toMatchObject({
          username: VERIFIED_LEARNER.username,
          gradesFeatureIsFullyLocked: false,
          gradingPolicy: { gradeRange: { Pass: 0.5 } },
          sectionScores: [{ subsections: [{ learnerHasAccess: true }] }],
        });
      }),
    );
  });

  it('locks the graded content when an audit learner is enrolled', async () => {
    await progressFor(AUDIT).executeTest(
      settled(async (mockServer) => {
        browseAs(AUDIT, mockServer.url);

        const progress = await learning.getProgressTabData(course.course_id);

        expect(progress).toMatchObject({
          enrollmentMode: 'audit',
          completionSummary: { lockedCount: 3 },
          gradesFeatureIsFullyLocked: true,
        });
      }),
    );
  });
});

describe('getTourData', () => {
  const toursPath = '/api/user_tours/v1/${username}';

  it('enables the tours and says which to show when a verified learner is logged in', async () => {
    await givenAll(pact.addInteraction(), [[STATES.userLoggedIn, VERIFIED_LEARNER]])
      .uponReceiving('a request for the user tours of a logged-in learner')
      .withRequest('GET', statePath(toursPath, VERIFIED_LEARNER), (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({
          course_home_tour_status: regex(
            '^(show-existing-user-tour|show-new-user-tour|no-tour)$',
            'show-new-user-tour',
          ),
          show_courseware_tour: boolean(true),
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          browseAs(VERIFIED, mockServer.url);

          const tours = await learning.getTourData(VERIFIED_LEARNER.username);

          expect(tours).toEqual({
            toursEnabled: true,
            courseHomeTourStatus: 'show-new-user-tour',
            showCoursewareTour: true,
          });
        }),
      );
  });

  it('disables the tours when the LMS answers 403 because user tours are disabled', async () => {
    await givenAll(pact.addInteraction(), [
      [STATES.userLoggedIn, VERIFIED_LEARNER],
      [REQUEST_STATES.userToursDisabled, { username: VERIFIED_LEARNER.username }],
    ])
      .uponReceiving('a request for the user tours while tours are disabled')
      .withRequest('GET', statePath(toursPath, VERIFIED_LEARNER), (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(403)
      .executeTest(
        settled(async (mockServer) => {
          browseAs(VERIFIED, mockServer.url);

          const tours = await learning.getTourData(VERIFIED_LEARNER.username);

          expect(tours).toEqual({ toursEnabled: false });
        }),
      );
  });
});

describe('postCourseEnrollment', () => {
  it('enrolls a learner who is not enrolled in the audit track', async () => {
    // Arrange
    addCsrfTokenInteraction(pact, NOT_ENROLLED.label, NOT_ENROLLED.states);
    await givenAll(pact.addInteraction(), NOT_ENROLLED.states)
      .uponReceiving('a request to enroll the learner in the course')
      .withRequest('POST', '/api/enrollment/v1/enrollment', (request) => {
        request.headers({ ...AUTHENTICATED_MUTATION_HEADERS, 'Content-Type': 'application/json' });
        request.jsonBody({
          course_details: {
            course_id: MatchersV3.fromProviderState('${course_id}', course.course_id),
          },
        });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({
          created: datetime("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", '2026-11-02T10:15:00.123456Z'),
          mode: like('audit'),
          is_active: boolean(true),
          course_details: {
            course_id: MatchersV3.fromProviderState('${course_id}', course.course_id),
            course_name: MatchersV3.fromProviderState('${course_name}', course.course_name),
          },
          user: MatchersV3.fromProviderState('${username}', UNENROLLED_LEARNER.username),
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          browseAs(NOT_ENROLLED, mockServer.url);

          // Act
          const enrollment = await learning.postCourseEnrollment(course.course_id);

          // Assert
          expect(enrollment).toMatchObject({
            is_active: true,
            mode: 'audit',
            course_details: { course_id: course.course_id },
          });
        }),
      );
  });
});

/** The xblock handler URL of the first sequence, from the course state. */
const handlerPath = (handler: string) =>
  statePath(`/courses/\${course_id}/xblock/\${sequence_id}/handler/${handler}`, { ...course });

describe('getBlockCompletion', () => {
  it('reports a completed unit when a verified learner is enrolled', async () => {
    addCsrfTokenInteraction(pact, VERIFIED.label, VERIFIED.states);
    await givenAll(pact.addInteraction(), VERIFIED.states)
      .uponReceiving('a request for the completion of a unit')
      .withRequest('POST', handlerPath('get_completion'), (request) => {
        request.headers({ ...AUTHENTICATED_MUTATION_HEADERS, 'Content-Type': 'application/json' });
        request.jsonBody({ usage_key: MatchersV3.fromProviderState('${unit_id}', course.unit_id) });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({ complete: boolean(true) });
      })
      .executeTest(
        settled(async (mockServer) => {
          browseAs(VERIFIED, mockServer.url);

          const complete = await learning.getBlockCompletion(
            course.course_id,
            course.sequence_id,
            course.unit_id,
          );

          expect(complete).toBe(true);
        }),
      );
  });
});

describe('postSequencePosition', () => {
  it('saves the 1-based position of the active unit when a verified learner is enrolled', async () => {
    addCsrfTokenInteraction(pact, VERIFIED.label, VERIFIED.states);
    await givenAll(pact.addInteraction(), VERIFIED.states)
      .uponReceiving('a request to save the position in a sequence')
      .withRequest('POST', handlerPath('goto_position'), (request) => {
        request.headers({ ...AUTHENTICATED_MUTATION_HEADERS, 'Content-Type': 'application/json' });
        request.jsonBody({ position: integer(2) });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({ success: boolean(true) });
      })
      .executeTest(
        settled(async (mockServer) => {
          browseAs(VERIFIED, mockServer.url);

          const saved = await learning.postSequencePosition(
            course.course_id,
            course.sequence_id,
            1,
          );

          expect(saved).toEqual({ success: true });
        }),
      );
  });
});

describe('sendTrackingLogEvent (frontend-platform analytics, as the learning MFE calls it)', () => {
  it('posts the event form to /event when a verified learner is enrolled', async () => {
    // Arrange: the MFE's sequence navigation event (src/courseware/course/sequence/...).
    const eventName = 'edx.ui.lms.sequence.next_selected';
    const properties = {
      currentTab: 1,
      id: course.sequence_id,
      tabCount: 3,
      widgetPlacement: 'top',
    };
    // The platform snake_cases the properties and sends them as JSON inside a form field.
    const eventJson = JSON.stringify({
      current_tab: 1,
      id: course.sequence_id,
      tab_count: 3,
      widget_placement: 'top',
    });
    addCsrfTokenInteraction(pact, VERIFIED.label, VERIFIED.states);
    await givenAll(pact.addInteraction(), VERIFIED.states)
      .uponReceiving('a tracking log event from the courseware')
      .withRequest('POST', '/event', (request) => {
        request.headers(AUTHENTICATED_MUTATION_HEADERS);
        // Any event of the same shape: the stub then accepts every tracking call of the MFE.
        formBody(request, {
          event_type: regex('^[a-z0-9_.-]+$', eventName),
          event: like(eventJson),
          // The page is the MFE's URL, whichever host the MFE runs on.
          page: regex('^https?://.+$', 'http://127.0.0.1/'),
        });
      })
      .willRespondWith(200, (response) => {
        response.body('text/html; charset=utf-8', Buffer.from('success'));
      })
      .executeTest(
        settled(async (mockServer) => {
          const logging = browseAs(VERIFIED, mockServer.url);
          configureAnalytics(logging);

          // Act
          const sent = (await sendTrackingLogEvent(eventName, properties)) as { status: number };

          // Assert: the platform swallows failures into logError, so check both.
          expect(logging.errors).toEqual([]);
          expect(sent.status).toBe(200);
          expect(logging.errors).toEqual([]);
        }),
      );
  });
});
