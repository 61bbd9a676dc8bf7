/**
 * A course's outline page in the course-authoring MFE: the Studio calls its first render makes
 * (the outline index, the course's settings summary, the two checklists, library links, tags,
 * search and help links), driven through contracts/clients/frontend-app-authoring (transcribed
 * at f10e018) and frontend-platform's real authenticated client. Consumer
 * `frontend-app-authoring`, provider `cms`.
 *
 * The viewer is global staff, who is course staff of every course: the course's values (key,
 * name, first subsection and unit) come from the state `the user is course staff of the course`,
 * so the stub answers each course of the persona file with its own outline.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import * as authoring from '../clients/frontend-app-authoring/api';
import {
  courseBestPracticesBody,
  courseIndexBody,
  courseLaunchBody,
  emptyClipboardBody,
  helpUrlsBody,
  noObjectTagsBody,
  studioCourseDetailsBody,
  waffleFlagsBody,
} from '../support/cms-bodies';
import {
  AUTHENTICATED_HEADERS,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
  statePath,
} from '../support/interactions';
import { createPact } from '../support/pact';
import {
  CMS_STATES,
  type CourseStaffParams,
  DEMO_COURSE,
  STAFF_USER,
  STATES,
  studioCourseParams,
} from '../support/states';
import { browseStudioAs } from '../support/studio';

const { like, regex } = MatchersV3;

const pact = createPact({ consumer: 'frontend-app-authoring', provider: 'cms' });
const course = DEMO_COURSE;
const STAFF_OF_DEMO: CourseStaffParams = {
  username: STAFF_USER.username,
  ...studioCourseParams(course),
};
const STAFF_STATES: Given[] = [
  [STATES.userLoggedIn, STAFF_USER],
  [CMS_STATES.userIsCourseStaff, STAFF_OF_DEMO],
];
const VIEWER = 'global staff on the course team';

/** A GET of one of the course's Studio APIs by course staff. */
function courseGet(
  description: string,
  pathTemplate: string,
  respond: { status: number; body: unknown },
  options: { query?: Record<string, unknown>; states?: readonly Given[] } = {},
) {
  return givenAll(pact.addInteraction(), options.states ?? STAFF_STATES)
    .uponReceiving(`${description} by ${VIEWER}`)
    .withRequest('GET', statePath(pathTemplate, STAFF_OF_DEMO), (request) => {
      request.headers(AUTHENTICATED_HEADERS);
      if (options.query) request.query(options.query as Record<string, string>);
    })
    .willRespondWith(respond.status, (response) => {
      response.headers(JSON_RESPONSE_HEADERS);
      response.jsonBody(respond.body);
    });
}

const browse = (mockServerUrl: string) => browseStudioAs(STAFF_USER, mockServerUrl);

describe('getCourseOutlineIndex', () => {
  it('nests the first subsection and its unit under a section of the course', async () => {
    // Arrange
    await courseGet(
      'a request for the outline index of a course',
      '/api/contentstore/v1/course_index/${course_id}',
      { status: 200, body: courseIndexBody(course) },
    ).executeTest(
      settled(async (mockServer) => {
        browse(mockServer.url);

        // Act
        const outline = await authoring.getCourseOutlineIndex(course.course_id);

        // Assert
        const structure = outline.courseStructure as Record<string, unknown>;
        expect(structure).toMatchObject({
          id: 'block-v1:edX+DemoX+Demo_Course+type@course+block@course',
          displayName: course.course_name,
          category: 'course',
        });
        const [section] = (structure.childInfo as { children: Record<string, unknown>[] }).children;
        expect(section).toMatchObject({
          category: 'chapter',
          childInfo: {
            children: [
              {
                id: course.sequence_id,
                category: 'sequential',
                childInfo: { children: [{ id: course.unit_id, category: 'vertical' }] },
              },
            ],
          },
        });
        expect(outline).toMatchObject({ proctoringErrors: [], languageCode: 'en' });
      }),
    );
  });
});

describe('getStudioCourseDetails', () => {
  it("gives the course's title, org and run as Studio's settings hold them", async () => {
    // Arrange
    await courseGet(
      'a request for the Studio settings summary of a course',
      '/api/contentstore/v1/course_details/${course_id}',
      { status: 200, body: studioCourseDetailsBody(course) },
    ).executeTest(
      settled(async (mockServer) => {
        browse(mockServer.url);

        // Act
        const details = await authoring.getStudioCourseDetails(course.course_id);

        // Assert
        expect(details).toMatchObject({
          title: course.course_name,
          org: course.org,
          run: 'Demo_Course',
          courseId: 'DemoX',
          selfPaced: false,
        });
      }),
    );
  });
});

describe('the checklists of the status bar', () => {
  it('counts the best practices of the whole course, graded content left out', async () => {
    // Arrange
    await courseGet(
      "a request for a course's best-practices checklist",
      '/api/courses/v1/quality/${course_id}/',
      { status: 200, body: courseBestPracticesBody() },
      {
        query: {
          exclude_graded: regex('^(true|false)$', 'true'),
          all: regex('^(true|false)$', 'true'),
        },
      },
    ).executeTest(
      settled(async (mockServer) => {
        browse(mockServer.url);

        // Act
        const practices = await authoring.getCourseBestPractices({
          courseId: course.course_id,
          excludeGraded: true,
          all: true,
        });

        // Assert
        expect(practices).toMatchObject({
          isSelfPaced: false,
          sections: { totalNumber: 1, totalVisible: 1 },
          units: { totalVisible: 1 },
        });
      }),
    );
  });

  it('checks the launch readiness of the graded content and its ORAs', async () => {
    // Arrange
    await courseGet(
      "a request for a course's launch checklist",
      '/api/courses/v1/validation/${course_id}/',
      { status: 200, body: courseLaunchBody() },
      {
        query: {
          graded_only: regex('^(true|false)$', 'true'),
          validate_oras: regex('^(true|false)$', 'true'),
          all: regex('^(true|false)$', 'true'),
        },
      },
    ).executeTest(
      settled(async (mockServer) => {
        browse(mockServer.url);

        // Act
        const launch = await authoring.getCourseLaunch({
          courseId: course.course_id,
          gradedOnly: true,
          validateOras: true,
          all: true,
        });

        // Assert
        expect(launch).toMatchObject({
          dates: { hasStartDate: true },
          grades: { hasGradingPolicy: true, sumOfWeights: 1 },
        });
      }),
    );
  });
});

describe('library links of the course', () => {
  it('sums no library content when the course links none', async () => {
    // Arrange
    await courseGet(
      "a request for the summary of a course's library links",
      '/api/contentstore/v2/downstreams/${course_id}/summary',
      { status: 200, body: [] },
    ).executeTest(
      settled(async (mockServer) => {
        browse(mockServer.url);

        // Act
        const summary = await authoring.getEntityLinksSummaryByDownstreamContext(course.course_id);

        // Assert
        expect(summary).toEqual([]);
      }),
    );
  });

  it('finds no legacy library content to migrate', async () => {
    // Arrange
    await courseGet(
      "a request for a course's legacy library content ready to migrate",
      '/api/courses/v1/migrate_legacy_content_blocks/${course_id}/',
      { status: 200, body: [] },
    ).executeTest(
      settled(async (mockServer) => {
        browse(mockServer.url);

        // Act
        const blocks = await authoring.getCourseReadyToMigrateLegacyLibContentBlocks(
          course.course_id,
        );

        // Assert
        expect(blocks).toEqual([]);
      }),
    );
  });
});

describe('getContentTaxonomyTagsData', () => {
  it('finds no taxonomy tags on the course', async () => {
    // Arrange
    await courseGet(
      'a request for the taxonomy tags of a course',
      '/api/content_tagging/v1/object_tags/${course_id}/',
      { status: 200, body: noObjectTagsBody(course.course_id) },
    ).executeTest(
      settled(async (mockServer) => {
        browse(mockServer.url);

        // Act
        const tags = await authoring.getContentTaxonomyTagsData(course.course_id);

        // Assert
        expect(tags).toEqual({ taxonomies: [] });
      }),
    );
  });
});

describe('getContentSearchConfig', () => {
  it('is refused with 404 when Meilisearch is not enabled, so the MFE hides search', async () => {
    // Arrange
    await givenAll(pact.addInteraction(), [
      [STATES.userLoggedIn, STAFF_USER],
      [CMS_STATES.meilisearchDisabled],
    ])
      .uponReceiving(`a request for the Studio search configuration by ${VIEWER}`)
      .withRequest('GET', '/api/content_search/v2/studio/', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(404, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        // DRF's NotFound (openedx-platform content/search/views.py StudioSearchView).
        response.jsonBody({ detail: like('Meilisearch features are not enabled.') });
      })
      .executeTest(
        settled(async (mockServer) => {
          browse(mockServer.url);

          // Act
          const failure = await authoring.getContentSearchConfig().catch((error: unknown) => error);

          // Assert
          expect(authoring.responseStatus(failure)).toBe(404);
        }),
      );
  });
});

describe('getHelpUrls', () => {
  it("links Studio's pages to their documentation", async () => {
    // Arrange
    await givenAll(pact.addInteraction(), [[STATES.userLoggedIn, STAFF_USER]])
      .uponReceiving(`a request for the documentation links of Studio's pages by ${VIEWER}`)
      .withRequest('GET', '/api/contentstore/v1/help_urls', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(helpUrlsBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          browse(mockServer.url);

          // Act
          const urls = await authoring.getHelpUrls();

          // Assert
          expect(urls).toMatchObject({
            default: expect.stringMatching(/^https:\/\//),
            contentHighlights: expect.stringMatching(/^https:\/\//),
          });
        }),
      );
  });
});

describe('getWaffleFlags of the course', () => {
  it("answers the course's page switches with the new outline and unit pages on", async () => {
    // Arrange
    await courseGet(
      "a request for a course's waffle flags",
      '/api/contentstore/v1/course_waffle_flags/${course_id}',
      { status: 200, body: waffleFlagsBody(course.course_id) },
    ).executeTest(
      settled(async (mockServer) => {
        browse(mockServer.url);

        // Act
        const flags = await authoring.getWaffleFlags(course.course_id);

        // Assert
        expect(flags).toMatchObject({
          id: course.course_id,
          useNewCourseOutlinePage: true,
          useNewUnitPage: true,
        });
      }),
    );
  });
});

describe('getTagsCount', () => {
  it('counts no tags on any block of the course', async () => {
    // Arrange
    await courseGet(
      'a request for the tag counts of every block of a course',
      '/api/content_tagging/v1/object_tag_counts/block-v1:${course_key}*/',
      { status: 200, body: {} },
      // `?count_implicit` has no value: the CMS only checks that it is there.
      { query: { count_implicit: '' } },
    ).executeTest(
      settled(async (mockServer) => {
        browse(mockServer.url);

        // Act
        const counts = await authoring.getTagsCount(`block-v1:${STAFF_OF_DEMO.course_key}*`);

        // Assert
        expect(counts).toEqual({});
      }),
    );
  });
});

describe('getClipboard', () => {
  it('holds nothing before the user copies a block', async () => {
    // Arrange
    await givenAll(pact.addInteraction(), [[STATES.userLoggedIn, STAFF_USER]])
      .uponReceiving(`a request for the Studio clipboard by ${VIEWER}`)
      .withRequest('GET', '/api/content-staging/v1/clipboard/', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(emptyClipboardBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          browse(mockServer.url);

          // Act
          const clipboard = await authoring.getClipboard();

          // Assert
          expect(clipboard).toEqual({
            content: null,
            sourceUsageKey: '',
            sourceContextTitle: '',
            sourceEditUrl: '',
          });
        }),
      );
  });
});
