/**
 * The header's LMS calls: the notifications tray that frontend-component-header renders asks
 * for the unread count on every page of a logged-in user, and for the discussion tours when the
 * tray opens. Driven through the published @edx/frontend-plugin-notifications api modules and
 * frontend-platform's real authenticated client. Consumer `frontend-component-header` (the
 * component an MFE installs), provider `lms`.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import {
  getNotificationCounts,
  getNotificationsTours,
} from '../clients/frontend-component-header/notifications';
import {
  AUTHENTICATED_HEADERS,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
} from '../support/interactions';
import { seedJwtCookie } from '../support/jwt';
import { createPact } from '../support/pact';
import { configurePlatformFor } from '../support/platform';
import { STATES, VERIFIED_LEARNER } from '../support/states';

const { like, boolean, integer, eachLike, regex } = MatchersV3;

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
