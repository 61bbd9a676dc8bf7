/**
 * The header's LMS calls: the notifications tray that frontend-component-header renders asks
 * for the unread count on every page of a logged-in user, and for the discussion tours when the
 * tray opens, and the tray's list, mark-seen, mark-read and tour calls. Driven through the published @edx/frontend-plugin-notifications api modules and
 * frontend-platform's real authenticated client. Consumer `frontend-component-header` (the
 * component an MFE installs), provider `lms`.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import {
  getNotificationCounts,
  getNotificationsList,
  getNotificationsTours,
  markAllNotificationRead,
  markNotificationRead,
  markNotificationSeen,
  updateNotificationsTour,
} from '../clients/frontend-component-header/notifications';
import {
  AUTHENTICATED_HEADERS,
  AUTHENTICATED_MUTATION_HEADERS,
  addCsrfTokenInteraction,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
} from '../support/interactions';
import { seedJwtCookie } from '../support/jwt';
import { createPact } from '../support/pact';
import { configurePlatformFor } from '../support/platform';
import { STATES, VERIFIED_LEARNER } from '../support/states';

const { like, boolean, integer, eachLike, regex, datetime, nullValue } = MatchersV3;

const pact = createPact({ consumer: 'frontend-component-header' });
const user = VERIFIED_LEARNER;
const LOGGED_IN: Given[] = [[STATES.userLoggedIn, user]];

describe('getNotificationCounts', () => {
  it('returns the unread count per app and shows the tray when a learner is logged in', async () => {
    // Arrange
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving('a request for the unread notification count')
      .withRequest('GET', '/api/notifications/count/', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({
          count: integer(4),
          count_by_app_name: like({ discussion: 4 }),
          show_notifications_tray: boolean(true),
          notification_expiry_days: integer(60),
          is_new_notification_view_enabled: boolean(false),
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);

          // Act
          const counts = await getNotificationCounts();

          // Assert
          expect(counts).toEqual({
            count: 4,
            count_by_app_name: { discussion: 4 },
            show_notifications_tray: true,
            notification_expiry_days: 60,
            is_new_notification_view_enabled: false,
          });
        }),
      );
  });
});

describe('getNotificationsTours', () => {
  it('lists the discussion tours still to show when a learner is logged in', async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving('a request for the discussion tours of the notifications tray')
      .withRequest('GET', '/api/user_tours/discussion_tours/', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(
          eachLike({
            id: integer(1),
            tour_name: regex('^[a-z_]+$', 'notifications_tray'),
            show_tour: boolean(true),
          }),
        );
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);

          const tours = await getNotificationsTours();

          expect(tours).toEqual([{ id: 1, tour_name: 'notifications_tray', show_tour: true }]);
        }),
      );
  });
});

describe('getNotificationsList', () => {
  it('lists the first page of discussion notifications when a learner opens the tray', async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving('a request for the first page of notifications as the tray opens')
      .withRequest('GET', '/api/notifications/', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
        request.query({
          app_name: regex('^[a-z_]+$', 'discussion'),
          page: regex('^[0-9]+$', '1'),
          page_size: regex('^[0-9]+$', '10'),
          tray_opened: regex('^(true|false)$', 'true'),
        });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        // openedx-platform notifications/views.py NotificationListAPIView, paginated.
        response.jsonBody({
          next: nullValue(),
          previous: nullValue(),
          count: integer(1),
          num_pages: integer(1),
          current_page: integer(1),
          start: integer(0),
          results: eachLike({
            id: integer(101),
            app_name: like('discussion'),
            notification_type: like('new_response'),
            content: like(
              '<p><strong>Aldo Audit</strong> responded to your post <strong>Welcome</strong></p>',
            ),
            content_context: like({ course_name: 'Demonstration Course' }),
            content_url: like(
              'http://localhost:2002/discussions/course-v1:edX+DemoX+Demo_Course/posts/1',
            ),
            course_id: like('course-v1:edX+DemoX+Demo_Course'),
            last_read: nullValue(),
            last_seen: nullValue(),
            created: datetime("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", '2026-11-30T10:00:00.000000Z'),
          }),
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);

          const page = await getNotificationsList('discussion', 1, 10, true);

          expect(page).toMatchObject({
            current_page: 1,
            next: null,
            results: [{ id: 101, app_name: 'discussion', last_read: null }],
          });
        }),
      );
  });
});

describe('markNotificationSeen', () => {
  it("marks the app's notifications seen when a learner has opened the tray", async () => {
    addCsrfTokenInteraction(pact, 'a learner with the notifications tray open', LOGGED_IN);
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request to mark an app's notifications seen")
      .withRequest('PUT', '/api/notifications/mark-seen/discussion/', (request) => {
        request.headers(AUTHENTICATED_MUTATION_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({ message: like('Notifications marked as seen.') });
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);

          const answer = await markNotificationSeen('discussion');

          expect(answer).toEqual({ message: 'Notifications marked as seen.' });
        }),
      );
  });
});

describe('markAllNotificationRead', () => {
  it("marks all the app's notifications read when a learner clicks Mark all as read", async () => {
    addCsrfTokenInteraction(pact, 'a learner with the notifications tray open', LOGGED_IN);
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request to mark all of an app's notifications read")
      .withRequest('PATCH', '/api/notifications/read/', (request) => {
        request.headers({ ...AUTHENTICATED_MUTATION_HEADERS, 'Content-Type': 'application/json' });
        request.jsonBody({ app_name: regex('^[a-z_]+$', 'discussion') });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({ message: like('Notifications marked read.') });
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);

          const answer = await markAllNotificationRead('discussion');

          expect(answer).toEqual({ message: 'Notifications marked read.' });
        }),
      );
  });
});

describe('markNotificationRead', () => {
  it('marks one notification read when a learner clicks it in the tray', async () => {
    addCsrfTokenInteraction(pact, 'a learner with the notifications tray open', LOGGED_IN);
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving('a request to mark one notification read')
      .withRequest('PATCH', '/api/notifications/read/', (request) => {
        request.headers({ ...AUTHENTICATED_MUTATION_HEADERS, 'Content-Type': 'application/json' });
        request.jsonBody({ notification_id: integer(101) });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        // openedx-platform notifications/views.py NotificationReadAPIView.patch.
        response.jsonBody({ message: like('Notification marked read.') });
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);

          const answer = await markNotificationRead(101);

          expect(answer).toEqual({ data: { message: 'Notification marked read.' }, id: 101 });
        }),
      );
  });
});

describe('updateNotificationsTour', () => {
  it('hides the tray tour when a learner dismisses it', async () => {
    addCsrfTokenInteraction(pact, 'a learner with the notifications tray open', LOGGED_IN);
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving('a request to stop showing a discussion tour')
      .withRequest(
        'PUT',
        regex('^/api/user_tours/discussion_tours/[0-9]+$', '/api/user_tours/discussion_tours/1'),
        (request) => {
          request.headers({
            ...AUTHENTICATED_MUTATION_HEADERS,
            'Content-Type': 'application/json',
          });
          request.jsonBody({ show_tour: false });
        },
      )
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        // openedx-platform user_tours/v1/views.py UserDiscussionsToursView.put: the saved tour.
        response.jsonBody({
          id: integer(1),
          tour_name: regex('^[a-z_]+$', 'notifications_tray'),
          show_tour: false,
          user: integer(8),
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);

          const tour = await updateNotificationsTour(1);

          expect(tour).toMatchObject({ id: 1, show_tour: false });
        }),
      );
  });
});
