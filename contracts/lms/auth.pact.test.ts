/**
 * The Open edX auth boot path, driven through the real AxiosJwtAuthService of
 * @edx/frontend-platform: JWT cookie refresh, login redirect, user hydration, CSRF token and
 * a state-changing call. Consumer `frontend-platform`, provider `lms`.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { getPreferences, patchPreferences } from '../clients/frontend-app-account/service';
import {
  addAnonymousRefreshInteraction,
  addLoggedInRefreshInteraction,
  settled,
} from '../support/interactions';
import { seedJwtCookie } from '../support/jwt';
import { accountBody, preferencesBody } from '../support/lms-bodies';
import { createPact } from '../support/pact';
import { auth, CSRF_TOKEN_API_PATH, configurePlatformFor } from '../support/platform';
import { STATES, VERIFIED_LEARNER } from '../support/states';

const { like, regex, fromProviderState } = MatchersV3;

const pact = createPact({ consumer: 'frontend-platform' });
const user = VERIFIED_LEARNER;
const accountPath = fromProviderState(
  '/api/user/v1/accounts/${username}',
  `/api/user/v1/accounts/${user.username}`,
);
const preferencesPath = fromProviderState(
  '/api/user/v1/preferences/${username}',
  `/api/user/v1/preferences/${user.username}`,
);

describe('fetchAuthenticatedUser', () => {
  it('decodes the JWT cookie set by /login_refresh when a user is logged in', async () => {
    // Arrange
    await addLoggedInRefreshInteraction(pact, user).executeTest(
      settled(async (mockServer) => {
        const logging = configurePlatformFor(mockServer.url);

        // Act
        const authenticatedUser = await auth.fetchAuthenticatedUser();

        // Assert
        expect(authenticatedUser).toEqual({
          userId: user.user_id,
          username: user.username,
          email: user.email,
          name: user.name,
          administrator: user.administrator,
          roles: user.roles,
        });
        expect(logging.errors).toEqual([]);
      }),
    );
  });

  it('resolves an anonymous user when /login_refresh answers 401', async () => {
    // Arrange
    await addAnonymousRefreshInteraction(pact).executeTest(
      settled(async (mockServer) => {
        configurePlatformFor(mockServer.url);

        // Act
        const authenticatedUser = await auth.fetchAuthenticatedUser();

        // Assert
        expect(authenticatedUser).toBeNull();
        expect(auth.getAuthenticatedUser()).toBeNull();
      }),
    );
  });
});

describe('ensureAuthenticatedUser', () => {
  it('redirects to LOGIN_URL?next=<page> instead of failing when no user is logged in', async () => {
    // Arrange
    await addAnonymousRefreshInteraction(pact).executeTest(
      settled(async (mockServer) => {
        // jsdom implements only same-document navigation, so LOGIN_URL points at a fragment of
        // this page: the platform's real location.assign() then visibly changes location.href.
        const page = window.location.href.split('#')[0] ?? window.location.href;
        const loginUrl = `${page}#login`;
        configurePlatformFor(mockServer.url, { LOGIN_URL: loginUrl });

        // Act
        const outcome = await auth.ensureAuthenticatedUser(page).catch((error: unknown) => error);

        // Assert
        expect(outcome).toMatchObject({ isRedirecting: true });
        expect(window.location.href).toBe(`${loginUrl}?next=${encodeURIComponent(page)}`);
      }),
    );
  });
});

describe('hydrateAuthenticatedUser', () => {
  it('merges the camelCased account of the logged-in user', async () => {
    // Arrange
    await pact
      .addInteraction()
      .given(STATES.userLoggedIn, user)
      .uponReceiving("a request for the logged-in user's account")
      .withRequest('GET', accountPath, (request) => {
        request.headers({ 'USE-JWT-COOKIE': 'true' });
      })
      .willRespondWith(200, (response) => {
        response.headers({ 'Content-Type': 'application/json' });
        response.jsonBody(accountBody(user));
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);
          await auth.fetchAuthenticatedUser();

          // Act
          await auth.hydrateAuthenticatedUser();

          // Assert
          expect(auth.getAuthenticatedUser()).toMatchObject({
            userId: user.user_id,
            username: user.username,
            name: user.name,
            email: user.email,
            isActive: true,
            dateJoined: '2024-09-01T10:00:00Z',
            accountPrivacy: 'custom',
            languageProficiencies: [{ code: 'en' }],
            profileImage: expect.objectContaining({ hasImage: false }),
          });
        }),
      );
  });
});

describe('getAuthenticatedHttpClient', () => {
  it('fetches a CSRF token and sends it with a merge-patch of the preferences', async () => {
    // Arrange
    const csrfToken = 'k3vbA1Qx9TzPw6nH0cYdR2mLs8fJu5Ge';
    pact
      .addInteraction()
      .given(STATES.userLoggedIn, user)
      .uponReceiving('a request for a CSRF token')
      .withRequest('GET', CSRF_TOKEN_API_PATH, (request) => {
        request.headers({ 'USE-JWT-COOKIE': 'true' });
      })
      .willRespondWith(200, (response) => {
        response.headers({ 'Content-Type': 'application/json' });
        response.jsonBody({ csrfToken: regex('^[A-Za-z0-9]{32,64}$', csrfToken) });
      });
    await pact
      .addInteraction()
      .given(STATES.userLoggedIn, user)
      .uponReceiving("a merge-patch of the logged-in user's preferences")
      .withRequest('PATCH', preferencesPath, (request) => {
        request.headers({
          'Content-Type': 'application/merge-patch+json',
          'X-CSRFToken': regex('^[A-Za-z0-9]{32,64}$', csrfToken),
          'USE-JWT-COOKIE': 'true',
        });
        request.jsonBody({ 'pref-lang': like('fr'), time_zone: like('Europe/Paris') });
      })
      .willRespondWith(204)
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);
          const changes = { 'pref-lang': 'fr', time_zone: 'Europe/Paris' };

          // Act
          const saved = await patchPreferences(user.username, changes);

          // Assert: the PATCH succeeded, which required the token fetched from CSRF_TOKEN_API_PATH.
          expect(saved).toEqual(changes);
        }),
      );
  });

  it('reads the preferences of the logged-in user', async () => {
    // Arrange
    await pact
      .addInteraction()
      .given(STATES.userLoggedIn, user)
      .uponReceiving("a request for the logged-in user's preferences")
      .withRequest('GET', preferencesPath, (request) => {
        request.headers({ 'USE-JWT-COOKIE': 'true' });
      })
      .willRespondWith(200, (response) => {
        response.headers({ 'Content-Type': 'application/json' });
        response.jsonBody(preferencesBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);

          // Act
          const preferences = await getPreferences(user.username);

          // Assert
          expect(preferences).toMatchObject({ 'pref-lang': 'en', time_zone: 'America/New_York' });
        }),
      );
  });
});
