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
import { type CourseContent, DEMO_CONTENT, STUB101_CONTENT } from '../support/course-content';
import {
  AUTHENTICATED_HEADERS,
  AUTHENTICATED_MUTATION_HEADERS,
  addAnonymousRefreshInteraction,
  addCsrfTokenInteraction,
  COURSE_KEY_PATTERN,
  formBody,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
  statePath,
  USAGE_KEY_PATTERN,
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
  unitIframeHtml,
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
  STUB101_COURSE,
  UNENROLLED_IN_DEMO_COURSE,
  UNENROLLED_LEARNER,
  type UserParams,
  VERIFIED_AUDITS_STUB101,
  VERIFIED_ENROLLMENT,
  VERIFIED_LEARNER,
} from '../support/states';

const { like, boolean, regex, integer, datetime, nullValue } = MatchersV3;

const pact = createPact({ consumer: 'frontend-app-learning' });
const course = DEMO_COURSE;

/** A viewer of the course: the states that make them, and what the bodies should say. */
interface Viewer {
  label: string;
  user: UserParams | null;
  states: Given[];
  body: CourseViewer;
  /** The course looked at, with what the LMS shows of it. */
  content: CourseContent;
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
  content: DEMO_CONTENT,
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
  content: DEMO_CONTENT,
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
  content: DEMO_CONTENT,
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
  content: DEMO_CONTENT,
};
const ANONYMOUS: Viewer = {
  label: 'an anonymous visitor',
  user: null,
  states: [[STATES.noUserLoggedIn], [STATES.courseExists, course]],
  body: { enrollmentMode: null, isStaff: false, anonymous: true, username: '' },
  content: DEMO_CONTENT,
};

/** The verified learner on her second course, which she audits: Stub101 must look like itself. */
const VERIFIED_IN_STUB101: Viewer = {
  label: 'a verified learner auditing the Stub101 course',
  user: VERIFIED_LEARNER,
  states: [
    [STATES.userLoggedIn, VERIFIED_LEARNER],
    [STATES.courseExists, STUB101_COURSE],
    [STATES.userEnrolled, VERIFIED_AUDITS_STUB101],
  ],
  body: { enrollmentMode: 'audit', isStaff: false, username: VERIFIED_LEARNER.username },
  content: STUB101_CONTENT,
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
    .withRequest('GET', statePath(pathTemplate, { ...viewer.content.params }), (request) => {
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
          items: DEMO_CONTENT.units.map((unit) => ({
            id: unit.id,
            page_title: unit.title,
            complete: false,
            type: 'problem',
          })),
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
          [course.sequence_id]: {
            type: 'sequential',
            children: DEMO_CONTENT.units.map((unit) => unit.id),
          },
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

/** The viewers whose course pages call the proctoring, search and unit APIs. */
const LOGGED_IN_VIEWERS = [VERIFIED, AUDIT, STAFF, VERIFIED_IN_STUB101];

const courseKeyQuery = (viewer: Viewer) =>
  regex(`^${COURSE_KEY_PATTERN}$`, viewer.content.params.course_id);

describe('getProctoringInfoData (edx-proctoring, a course with no onboarding exam)', () => {
  it.each(LOGGED_IN_VIEWERS.map((viewer) => [viewer.label, viewer] as const))(
    'answers 404 "no onboarding exam", so the outline shows no proctoring panel, for %s',
    async (_label, viewer) => {
      await givenAll(pact.addInteraction(), viewer.states)
        .uponReceiving(`a request for the proctoring onboarding status by ${viewer.label}`)
        .withRequest('GET', '/api/edx_proctoring/v1/user_onboarding/status', (request) => {
          request.headers(AUTHENTICATED_HEADERS);
          request.query({
            is_learning_mfe: 'true',
            course_id: courseKeyQuery(viewer),
            username: MatchersV3.fromProviderState('${username}', viewer.body.username),
          });
        })
        .willRespondWith(404, (response) => {
          response.headers(JSON_RESPONSE_HEADERS);
          response.jsonBody({
            detail: like('There is no onboarding exam related to this course id.'),
          });
        })
        .executeTest(
          settled(async (mockServer) => {
            browseAs(viewer, mockServer.url);

            const info = await learning.getProctoringInfoData(
              viewer.content.params.course_id,
              viewer.body.username,
            );

            expect(info).toEqual({});
          }),
        );
    },
  );
});

describe('getExamsData (edx-proctoring, a sequence that is no exam)', () => {
  it.each(LOGGED_IN_VIEWERS.map((viewer) => [viewer.label, viewer] as const))(
    'answers an empty exam and no active attempt for a sequence, for %s',
    async (_label, viewer) => {
      await givenAll(pact.addInteraction(), viewer.states)
        .uponReceiving(`a request for the exam attempt of a sequence by ${viewer.label}`)
        .withRequest(
          'GET',
          statePath('/api/edx_proctoring/v1/proctored_exam/attempt/course_id/${course_id}', {
            ...viewer.content.params,
          }),
          (request) => {
            request.headers(AUTHENTICATED_HEADERS);
            request.query({
              is_learning_mfe: 'true',
              content_id: regex(`^${USAGE_KEY_PATTERN}$`, viewer.content.params.sequence_id),
            });
          },
        )
        .willRespondWith(200, (response) => {
          response.headers(JSON_RESPONSE_HEADERS);
          response.jsonBody({ exam: {}, active_attempt: {} });
        })
        .executeTest(
          settled(async (mockServer) => {
            browseAs(viewer, mockServer.url);

            const exams = await learning.getExamsData(
              viewer.content.params.course_id,
              viewer.content.params.sequence_id,
            );

            expect(exams).toEqual({ exam: {}, activeAttempt: {} });
          }),
        );
    },
  );

  it.each(LOGGED_IN_VIEWERS.map((viewer) => [viewer.label, viewer] as const))(
    'answers no active attempt when asked without a sequence, for %s',
    async (_label, viewer) => {
      await givenAll(pact.addInteraction(), viewer.states)
        .uponReceiving(`a request for the active exam attempt in a course by ${viewer.label}`)
        .withRequest(
          'GET',
          statePath('/api/edx_proctoring/v1/proctored_exam/attempt/course_id/${course_id}', {
            ...viewer.content.params,
          }),
          (request) => {
            request.headers(AUTHENTICATED_HEADERS);
            request.query({ is_learning_mfe: 'true' });
          },
        )
        .willRespondWith(200, (response) => {
          response.headers(JSON_RESPONSE_HEADERS);
          response.jsonBody({ exam: {}, active_attempt: {} });
        })
        .executeTest(
          settled(async (mockServer) => {
            browseAs(viewer, mockServer.url);

            const exams = await learning.getExamsData(viewer.content.params.course_id);

            expect(exams).toEqual({ exam: {}, activeAttempt: {} });
          }),
        );
    },
  );
});

describe('getCoursewareSearchEnabled', () => {
  it.each(LOGGED_IN_VIEWERS.map((viewer) => [viewer.label, viewer] as const))(
    'answers that courseware search is off (its waffle flag is off by default), for %s',
    async (_label, viewer) => {
      await courseGet(
        viewer,
        'a request for whether courseware search is enabled',
        '/courses/${course_id}/courseware-search/enabled/',
        { status: 200, body: { enabled: boolean(false) } },
      ).executeTest(
        settled(async (mockServer) => {
          browseAs(viewer, mockServer.url);

          const search = await learning.getCoursewareSearchEnabled(viewer.content.params.course_id);

          expect(search).toEqual({ enabled: false });
        }),
      );
    },
  );
});

describe('the unit iframe (GET /xblock/{usage_key})', () => {
  const unitsOf = (viewer: Viewer) =>
    viewer.content.units.map(
      (unit) => [`${unit.title} for ${viewer.label}`, viewer, unit] as const,
    );

  it.each(LOGGED_IN_VIEWERS.flatMap(unitsOf))(
    'answers the page of unit "%s" with its title and content',
    async (_label, viewer, unit) => {
      const { format } = viewer.content.sequence;
      await givenAll(pact.addInteraction(), viewer.states)
        .uponReceiving(`a request for the student view of unit ${unit.title} by ${viewer.label}`)
        .withRequest('GET', `/xblock/${unit.id}`, (request) => {
          request.query({
            exam_access: like(''),
            format: like(format),
            preview: '0',
            recheck_access: '1',
            show_bookmark: '0',
            show_title: '0',
            view: 'student_view',
          });
        })
        .willRespondWith(200, (response) => {
          response.body('text/html; charset=utf-8', Buffer.from(unitIframeHtml(unit)));
        })
        .executeTest(
          settled(async (mockServer) => {
            browseAs(viewer, mockServer.url);

            const page = await learning.loadUnitIframe(
              learning.unitIframeUrl(unit.id, { view: 'student_view', format }),
            );

            expect(page.status).toBe(200);
            expect(page.contentType).toMatch(/^text\/html/);
            expect(page.html).toContain(`<h2 class="unit-title">${unit.title}</h2>`);
            // The MFE shows the unit only once the page reports its height.
            expect(page.html).toContain("type:'plugin.resize'");
            expect(page.html).toContain(unit.text);
          }),
        );
    },
  );
});

describe('the Stub101 course, as the verified learner who audits it', () => {
  const viewer = VERIFIED_IN_STUB101;
  const stub101 = STUB101_CONTENT;

  it('names the course and its number in the course home metadata', async () => {
    await courseGet(
      viewer,
      'a request for the course home metadata',
      '/api/course_home/course_metadata/${course_id}',
      { status: 200, body: courseHomeMetadataBody(viewer.body, stub101) },
      browserTimezoneQuery,
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(viewer, mockServer.url);

        const metadata = await learning.getCourseHomeCourseMetadata(STUB101_COURSE.course_id);

        expect(metadata).toMatchObject({
          courseId: STUB101_COURSE.course_id,
          title: STUB101_COURSE.course_name,
          org: STUB101_COURSE.org,
          number: 'Stub101',
          isEnrolled: true,
          verifiedMode: { price: 149 },
        });
      }),
    );
  });

  it('names the course in the courseware metadata', async () => {
    await courseGet(
      viewer,
      'a request for the courseware metadata',
      '/api/courseware/course/${course_id}',
      { status: 200, body: coursewareCourseBody(viewer.body, stub101) },
      browserTimezoneQuery,
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(viewer, mockServer.url);

        const metadata = await learning.getCoursewareMetadata(STUB101_COURSE.course_id);

        expect(metadata).toMatchObject({
          id: STUB101_COURSE.course_id,
          title: STUB101_COURSE.course_name,
          number: 'Stub101',
          enrollmentMode: 'audit',
        });
      }),
    );
  });

  it('lists its own section and sequence in the outline tab', async () => {
    await courseGet(
      viewer,
      'a request for the course outline tab',
      '/api/course_home/outline/${course_id}',
      { status: 200, body: outlineTabBody(viewer.body, stub101) },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(viewer, mockServer.url);

        const outline = await learning.getOutlineTabData(STUB101_COURSE.course_id);

        expect(outline).toHaveProperty(
          ['courseBlocks', 'blocks', stub101.section.id, 'display_name'],
          stub101.section.title,
        );
        expect(outline).toHaveProperty(
          ['courseBlocks', 'blocks', STUB101_COURSE.sequence_id, 'display_name'],
          stub101.sequence.title,
        );
      }),
    );
  });

  it('lists its own sequence in the learning sequences outline', async () => {
    await courseGet(
      viewer,
      'a request for the learning sequences outline',
      '/api/learning_sequences/v1/course_outline/${course_id}',
      { status: 200, body: learningSequencesOutlineBody(stub101) },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(viewer, mockServer.url);

        const outline = await learning.getLearningSequencesOutline(STUB101_COURSE.course_id);

        expect(outline).toMatchObject({
          course_key: STUB101_COURSE.course_id,
          outline: { sections: [{ id: stub101.section.id }] },
        });
      }),
    );
  });

  it('returns its two units in the sequence metadata', async () => {
    await courseGet(
      viewer,
      'a request for the metadata of a sequence',
      '/api/courseware/sequence/${sequence_id}',
      { status: 200, body: sequenceMetadataBody(stub101) },
      { preview: '0' },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(viewer, mockServer.url);

        const sequence = await learning.getSequenceMetadata(STUB101_COURSE.sequence_id, {
          preview: '0',
        });

        expect(sequence).toMatchObject({
          item_id: STUB101_COURSE.sequence_id,
          display_name: stub101.sequence.title,
          items: stub101.units.map((unit) => ({ id: unit.id, page_title: unit.title })),
        });
      }),
    );
  });

  it('returns its own tree in the navigation sidebar', async () => {
    await courseGet(
      viewer,
      'a request for the courseware navigation sidebar',
      '/api/course_home/v1/navigation/${course_id}',
      { status: 200, body: courseNavigationBody(stub101) },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(viewer, mockServer.url);

        const blocks = await learning.getCourseNavigation(STUB101_COURSE.course_id);

        expect(blocks).toMatchObject({
          [STUB101_COURSE.sequence_id]: { children: stub101.units.map((unit) => unit.id) },
        });
      }),
    );
  });

  it('lists its own dates in the dates tab', async () => {
    await courseGet(
      viewer,
      'a request for the course dates tab',
      '/api/course_home/dates/${course_id}',
      { status: 200, body: datesTabBody(viewer.body, stub101) },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(viewer, mockServer.url);

        const dates = await learning.getDatesTabData(STUB101_COURSE.course_id);

        expect(dates).toMatchObject({
          courseDateBlocks: [{ title: stub101.sequence.title }],
        });
      }),
    );
  });

  it('shows its own sections in the progress tab', async () => {
    await courseGet(
      viewer,
      'a request for the course progress tab',
      '/api/course_home/progress/${course_id}',
      { status: 200, body: progressTabBody(viewer.body, stub101) },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(viewer, mockServer.url);

        const progress = await learning.getProgressTabData(STUB101_COURSE.course_id);

        expect(progress).toMatchObject({
          username: VERIFIED_LEARNER.username,
          sectionScores: [{ displayName: stub101.section.title }],
        });
      }),
    );
  });
});

describe('the course as staff, a learner who is not enrolled and a visitor see it', () => {
  it.each([NOT_ENROLLED, STAFF, ANONYMOUS].map((viewer) => [viewer.label, viewer] as const))(
    'answers the outline tab for %s',
    async (_label, viewer) => {
      await courseGet(
        viewer,
        'a request for the course outline tab',
        '/api/course_home/outline/${course_id}',
        { status: 200, body: outlineTabBody(viewer.body) },
      ).executeTest(
        settled(async (mockServer) => {
          browseAs(viewer, mockServer.url);

          const outline = await learning.getOutlineTabData(course.course_id);

          // Staff see the course without an enrollment; the others only the enroll alert.
          expect(outline).toMatchObject({ enrollAlert: { canEnroll: true }, enrollmentMode: null });
          if (viewer.body.isStaff) {
            expect(outline).toHaveProperty(['courseBlocks', 'blocks', course.sequence_id]);
          } else {
            expect(outline).toMatchObject({ courseBlocks: null, resumeCourse: { url: null } });
          }
        }),
      );
    },
  );

  it.each([NOT_ENROLLED, STAFF, ANONYMOUS].map((viewer) => [viewer.label, viewer] as const))(
    'answers the courseware metadata for %s',
    async (_label, viewer) => {
      await courseGet(
        viewer,
        'a request for the courseware metadata',
        '/api/courseware/course/${course_id}',
        { status: 200, body: coursewareCourseBody(viewer.body) },
        browserTimezoneQuery,
      ).executeTest(
        settled(async (mockServer) => {
          browseAs(viewer, mockServer.url);

          const metadata = await learning.getCoursewareMetadata(course.course_id);

          expect(metadata).toMatchObject({ isEnrolled: false, enrollmentMode: null });
        }),
      );
    },
  );

  it('lists the course dates for global staff', async () => {
    await courseGet(
      STAFF,
      'a request for the course dates tab',
      '/api/course_home/dates/${course_id}',
      {
        status: 200,
        body: datesTabBody(STAFF.body),
      },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(STAFF, mockServer.url);

        const dates = await learning.getDatesTabData(course.course_id);

        expect(dates).toMatchObject({ courseDateBlocks: [{ learnerHasAccess: true }] });
      }),
    );
  });

  it('returns the progress of global staff, who may view any course', async () => {
    await courseGet(
      STAFF,
      'a request for the course progress tab',
      '/api/course_home/progress/${course_id}',
      { status: 200, body: progressTabBody(STAFF.body) },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(STAFF, mockServer.url);

        const progress = await learning.getProgressTabData(course.course_id);

        expect(progress).toMatchObject({ username: STAFF_USER.username });
      }),
    );
  });

  const staffCourseware = [
    [
      'the learning sequences outline',
      '/api/learning_sequences/v1/course_outline/${course_id}',
      learningSequencesOutlineBody(),
      undefined,
      () => learning.getLearningSequencesOutline(course.course_id),
      { course_key: course.course_id },
    ],
    [
      'the metadata of a sequence',
      '/api/courseware/sequence/${sequence_id}',
      sequenceMetadataBody(),
      { preview: '0' },
      () => learning.getSequenceMetadata(course.sequence_id, { preview: '0' }),
      { item_id: course.sequence_id },
    ],
    [
      'the courseware navigation sidebar',
      '/api/course_home/v1/navigation/${course_id}',
      courseNavigationBody(),
      undefined,
      () => learning.getCourseNavigation(course.course_id),
      { [course.unit_id]: { type: 'vertical' } },
    ],
  ] as const;

  it.each(staffCourseware)(
    'returns %s for global staff',
    async (what, pathTemplate, body, query, call, expected) => {
      await courseGet(
        STAFF,
        `a request for ${what}`,
        pathTemplate,
        { status: 200, body },
        query,
      ).executeTest(
        settled(async (mockServer) => {
          browseAs(STAFF, mockServer.url);

          const answer = await call();

          expect(answer).toMatchObject(expected);
        }),
      );
    },
  );
});

describe('getCoursewareOutlineSidebarToggles for the other viewers', () => {
  it.each([AUDIT, STAFF, VERIFIED_IN_STUB101].map((viewer) => [viewer.label, viewer] as const))(
    'enables completion tracking for %s',
    async (_label, viewer) => {
      await courseGet(
        viewer,
        'a request for the courseware sidebar toggles',
        '/courses/${course_id}/courseware-navigation-sidebar/toggles/',
        { status: 200, body: { enable_completion_tracking: boolean(true) } },
      ).executeTest(
        settled(async (mockServer) => {
          browseAs(viewer, mockServer.url);

          const toggles = await learning.getCoursewareOutlineSidebarToggles(
            viewer.content.params.course_id,
          );

          expect(toggles).toEqual({ enable_completion_tracking: true });
        }),
      );
    },
  );
});

describe('getMasqueradeOptions (the staff toolbar)', () => {
  it('offers to view the course as staff, a learner or a specific learner to global staff', async () => {
    await courseGet(
      STAFF,
      'a request for the masquerade options',
      '/courses/${course_id}/masquerade',
      {
        status: 200,
        // lms/djangoapps/courseware/masquerade.py MasqueradeView.get
        body: {
          success: boolean(true),
          active: {
            course_key: MatchersV3.fromProviderState('${course_id}', course.course_id),
            role: like('staff'),
            user_name: nullValue(),
            user_partition_id: nullValue(),
            group_id: nullValue(),
            group_name: nullValue(),
          },
          available: MatchersV3.arrayContaining(
            { name: like('Staff'), role: like('staff') },
            { name: like('Learner'), role: like('student') },
            { name: like('Specific Student...'), role: like('student'), user_name: like('') },
          ),
        },
      },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(STAFF, mockServer.url);

        const options = await learning.getMasqueradeOptions(course.course_id);

        expect(options).toMatchObject({
          success: true,
          active: { courseKey: course.course_id, role: 'staff', userName: null },
        });
        expect(options.available).toHaveLength(3);
      }),
    );
  });
});

describe('a visitor on the course pages (no user logged in)', () => {
  it('answers that courseware search is off', async () => {
    await courseGet(
      ANONYMOUS,
      'a request for whether courseware search is enabled',
      '/courses/${course_id}/courseware-search/enabled/',
      { status: 200, body: { enabled: boolean(false) } },
    ).executeTest(
      settled(async (mockServer) => {
        browseAs(ANONYMOUS, mockServer.url);

        const search = await learning.getCoursewareSearchEnabled(course.course_id);

        expect(search).toEqual({ enabled: false });
      }),
    );
  });

  it('refuses the exam attempts (403: edx-proctoring requires a user)', async () => {
    addAnonymousRefreshInteraction(pact);
    await givenAll(pact.addInteraction(), ANONYMOUS.states)
      .uponReceiving(`a request for the active exam attempt in a course by ${ANONYMOUS.label}`)
      .withRequest(
        'GET',
        statePath('/api/edx_proctoring/v1/proctored_exam/attempt/course_id/${course_id}', {
          ...course,
        }),
        (request) => {
          request.headers(AUTHENTICATED_HEADERS);
          request.query({ is_learning_mfe: 'true' });
        },
      )
      // DRF answers 403, not 401, when the first authentication class (SessionAuthentication)
      // sends no WWW-Authenticate challenge.
      .willRespondWith(403, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({ detail: like('Authentication credentials were not provided.') });
      })
      .executeTest(
        settled(async (mockServer) => {
          browseAs(ANONYMOUS, mockServer.url);

          const failure = await learning.getExamsData(course.course_id).catch((e) => e);

          expect(learning.responseStatus(failure)).toBe(403);
        }),
      );
  });
});

describe('sendTrackingLogEvent from any page of a logged-in user', () => {
  it('posts the event form to /event when global staff, enrolled in nothing, is logged in', async () => {
    // Any MFE's page sends tracking events, whether or not the user is enrolled anywhere: this
    // one needs only a logged-in user (the account settings page sends them for staff).
    const eventName = 'edx.bi.user.account.viewed';
    addCsrfTokenInteraction(pact, 'global staff', [[STATES.userLoggedIn, STAFF_USER]]);
    await givenAll(pact.addInteraction(), [[STATES.userLoggedIn, STAFF_USER]])
      .uponReceiving('a tracking log event from a logged-in user')
      .withRequest('POST', '/event', (request) => {
        request.headers(AUTHENTICATED_MUTATION_HEADERS);
        formBody(request, {
          event_type: regex('^[a-z0-9_.-]+$', eventName),
          event: like('{}'),
          page: regex('^https?://.+$', 'http://127.0.0.1/'),
        });
      })
      .willRespondWith(200, (response) => {
        response.body('text/html; charset=utf-8', Buffer.from('success'));
      })
      .executeTest(
        settled(async (mockServer) => {
          const logging = browseAs(STAFF, mockServer.url);
          configureAnalytics(logging);

          const sent = (await sendTrackingLogEvent(eventName, {})) as { status: number };

          expect(logging.errors).toEqual([]);
          expect(sent.status).toBe(200);
        }),
      );
  });
});

describe('the dates and progress tabs refused to a learner who is not enrolled and to a visitor', () => {
  // course_home_api dates/views.py and progress/views.py: "User not enrolled." (401) unless the
  // user is enrolled or staff; DRF's 401 for a request with no user at all. The MFE turns both
  // into an empty tab and shows the course home's enroll message instead.
  it.each([
    ['dates', '/api/course_home/dates/${course_id}', NOT_ENROLLED, like('User not enrolled.')],
    [
      'progress',
      '/api/course_home/progress/${course_id}',
      NOT_ENROLLED,
      like('User not enrolled.'),
    ],
    [
      'progress',
      '/api/course_home/progress/${course_id}',
      ANONYMOUS,
      { detail: like('Authentication credentials were not provided.') },
    ],
  ] as const)('answers 401 for the %s tab (%s)', async (tabName, pathTemplate, viewer, body) => {
    await courseGet(viewer, `a request for the course ${tabName} tab`, pathTemplate, {
      status: 401,
      body,
    }).executeTest(
      settled(async (mockServer) => {
        browseAs(viewer, mockServer.url);

        const tab =
          tabName === 'dates'
            ? await learning.getDatesTabData(course.course_id)
            : await learning.getProgressTabData(course.course_id);

        expect(tab).toEqual({});
      }),
    );
  });
});
