/**
 * The profile MFE's LMS calls (a learner's public profile page, its preferences, certificates),
 * driven through contracts/clients/frontend-app-profile and frontend-platform's real
 * authenticated client. Consumer `frontend-app-profile`, provider `lms`.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import * as profile from '../clients/frontend-app-profile/services';
import {
  AUTHENTICATED_HEADERS,
  AUTHENTICATED_MUTATION_HEADERS,
  addCsrfTokenInteraction,
  courseKey,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
  statePath,
} from '../support/interactions';
import { seedJwtCookie } from '../support/jwt';
import { accountBody, ISO_DATETIME, preferencesBody } from '../support/lms-bodies';
import { createPact } from '../support/pact';
import { configurePlatformFor } from '../support/platform';
import { DEMO_COURSE, REQUEST_STATES, STATES, VERIFIED_LEARNER } from '../support/states';

const { like, boolean, datetime, eachLike, fromProviderState } = MatchersV3;

const pact = createPact({ consumer: 'frontend-app-profile' });
const user = VERIFIED_LEARNER;
const LOGGED_IN: Given[] = [[STATES.userLoggedIn, user]];
const ACCOUNT_PATH = '/api/user/v1/accounts/${username}';
const PREFERENCES_PATH = '/api/user/v1/preferences/${username}';

function openProfile(mockServerUrl: string) {
  configurePlatformFor(mockServerUrl);
  seedJwtCookie(user);
}

/** GET /api/certificates/v0/certificates/{username}/ (openedx-platform certificates/apis/v0). */
function certificatesBody() {
  return eachLike({
    username: fromProviderState('${username}', user.username),
    course_key: courseKey(DEMO_COURSE.course_id),
    course_display_name: like(DEMO_COURSE.course_name),
    course_organization: like(DEMO_COURSE.org),
    certificate_type: like('verified'),
    created_date: datetime(ISO_DATETIME, '2025-06-01T12:00:00Z'),
    modified_date: datetime(ISO_DATETIME, '2025-06-01T12:00:00Z'),
    status: like('downloadable'),
    is_passing: boolean(true),
    // Relative on the LMS's side; the MFE prefixes LMS_BASE_URL.
    download_url: like('/certificates/3f1d2c4b5a6e4f708192a3b4c5d6e7f8'),
    grade: like('0.87'),
    uuid: like('3f1d2c4b5a6e4f708192a3b4c5d6e7f8'),
  });
}

describe('getAccount', () => {
  it('returns the camelCased account when a learner opens their own profile', async () => {
    // Arrange
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request for the account of the profile's owner")
      .withRequest('GET', statePath(ACCOUNT_PATH, user), (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(accountBody(user));
      })
      .executeTest(
        settled(async (mockServer) => {
          openProfile(mockServer.url);

          // Act
          const shown = await profile.getAccount(user.username);

          // Assert
          expect(shown).toMatchObject({
            username: user.username,
            name: user.name,
            bio: 'Learning about Open edX.',
            country: 'US',
            dateJoined: '2024-09-01T10:00:00Z',
            accountPrivacy: 'custom',
            languageProficiencies: [{ code: 'en' }],
            socialLinks: [{ platform: 'linkedin' }],
            profileImage: { hasImage: false },
          });
        }),
      );
  });

  it('fails with 404 (the MFE shows /notfound) when no account exists for the username', async () => {
    const missing = { missing_username: 'ghost' };
    await givenAll(pact.addInteraction(), [
      ...LOGGED_IN,
      [REQUEST_STATES.accountDoesNotExist, missing],
    ])
      .uponReceiving('a request for the account of an unknown username')
      .withRequest(
        'GET',
        statePath('/api/user/v1/accounts/${missing_username}', missing),
        (request) => {
          request.headers(AUTHENTICATED_HEADERS);
        },
      )
      .willRespondWith(404)
      .executeTest(
        settled(async (mockServer) => {
          openProfile(mockServer.url);

          const failure = await profile.getAccount('ghost').catch((error: unknown) => error);

          expect(failure).toMatchObject({ response: { status: 404 } });
        }),
      );
  });
});

describe('patchProfile', () => {
  it('saves the bio as a merge-patch when a learner edits their own profile', async () => {
    addCsrfTokenInteraction(pact, "the profile's owner", LOGGED_IN);
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a merge-patch of the profile owner's bio")
      .withRequest('PATCH', statePath(ACCOUNT_PATH, user), (request) => {
        request.headers({
          ...AUTHENTICATED_MUTATION_HEADERS,
          'Content-Type': 'application/merge-patch+json',
        });
        request.jsonBody({ bio: like('Learning about Open edX.') });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(accountBody(user));
      })
      .executeTest(
        settled(async (mockServer) => {
          openProfile(mockServer.url);

          const saved = await profile.patchProfile(user.username, {
            bio: 'Learning about Open edX.',
          });

          expect(saved).toMatchObject({ bio: 'Learning about Open edX.', username: user.username });
        }),
      );
  });
});

describe('getPreferences', () => {
  it('parses the extended profile visibility when a learner opens their own profile', async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request for the profile owner's preferences")
      .withRequest('GET', statePath(PREFERENCES_PATH, user), (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(preferencesBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          openProfile(mockServer.url);

          const preferences = await profile.getPreferences(user.username);

          expect(preferences).toMatchObject({
            accountPrivacy: 'custom',
            visibilityName: 'all_users',
            visibilityExtendedProfile: {},
          });
        }),
      );
  });
});

describe('patchPreferences', () => {
  it('saves field visibility under visibility.<field> keys when a learner edits their profile', async () => {
    addCsrfTokenInteraction(pact, "the profile's owner", LOGGED_IN);
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a merge-patch of the profile owner's field visibility")
      .withRequest('PATCH', statePath(PREFERENCES_PATH, user), (request) => {
        request.headers({
          ...AUTHENTICATED_MUTATION_HEADERS,
          'Content-Type': 'application/merge-patch+json',
        });
        request.jsonBody({
          account_privacy: 'custom',
          'visibility.name': like('all_users'),
          'visibility.bio': like('private'),
        });
      })
      .willRespondWith(204)
      .executeTest(
        settled(async (mockServer) => {
          openProfile(mockServer.url);
          const changes = {
            accountPrivacy: 'custom',
            visibilityName: 'all_users',
            visibilityBio: 'private',
          };

          const saved = await profile.patchPreferences(user.username, changes);

          expect(saved).toEqual(changes);
        }),
      );
  });
});

describe('getCourseCertificates', () => {
  it("lists the learner's certificates with absolute download links when a learner is logged in", async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request for the profile owner's certificates")
      .withRequest(
        'GET',
        statePath('/api/certificates/v0/certificates/${username}/', user),
        (request) => {
          request.headers(AUTHENTICATED_HEADERS);
        },
      )
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(certificatesBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          openProfile(mockServer.url);

          const certificates = await profile.getCourseCertificates(user.username);

          expect(certificates).toEqual([
            expect.objectContaining({
              courseKey: DEMO_COURSE.course_id,
              certificateType: 'verified',
              status: 'downloadable',
              downloadUrl: `${mockServer.url}/certificates/3f1d2c4b5a6e4f708192a3b4c5d6e7f8`,
            }),
          ]);
        }),
      );
  });
});
