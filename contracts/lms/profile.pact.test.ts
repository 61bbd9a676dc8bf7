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
  formBody,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
  statePath,
} from '../support/interactions';
import { seedJwtCookie } from '../support/jwt';
import {
  accountBody,
  ISO_DATETIME,
  preferencesBody,
  registrationFormBody,
} from '../support/lms-bodies';
import { createPact } from '../support/pact';
import { configurePlatformFor } from '../support/platform';
import { configureAnalytics, sendTrackingLogEvent } from '../support/platform-extras';
import {
  AUDIT_LEARNER_AS_OTHER_USER,
  DEMO_COURSE,
  REQUEST_STATES,
  STATES,
  VERIFIED_LEARNER,
} from '../support/states';

const { like, boolean, datetime, eachLike, fromProviderState, regex, url2 } = MatchersV3;

const pact = createPact({ consumer: 'frontend-app-profile' });
const user = VERIFIED_LEARNER;
const LOGGED_IN: Given[] = [[STATES.userLoggedIn, user]];
const ACCOUNT_PATH = '/api/user/v1/accounts/${username}';
const PREFERENCES_PATH = '/api/user/v1/preferences/${username}';
const other = AUDIT_LEARNER_AS_OTHER_USER;
/** The verified learner opens the audit learner's profile. */
const VIEWING_OTHER: Given[] = [...LOGGED_IN, [STATES.otherUserSharesProfile, other]];

/**
 * GET /api/user/v1/accounts/{other}: another user's account as a logged-in learner sees it.
 * The LMS's UserReadOnlySerializer keeps only the visible fields: the public ones (username,
 * profile_image, account_privacy) and, with `account_privacy: custom`, each field whose
 * `visibility.<field>` is `all_users` (openedx-platform user_api/accounts/serializers.py
 * `_visible_fields`, settings ACCOUNT_VISIBILITY_CONFIGURATION). No email, no id.
 */
function otherAccountBody() {
  return {
    username: fromProviderState('${other_username}', other.other_username),
    account_privacy: like('custom'),
    profile_image: {
      has_image: boolean(false),
      image_url_full: url2(null, ['static', 'images', 'profiles', 'default_500.png']),
      image_url_large: url2(null, ['static', 'images', 'profiles', 'default_120.png']),
      image_url_medium: url2(null, ['static', 'images', 'profiles', 'default_50.png']),
      image_url_small: url2(null, ['static', 'images', 'profiles', 'default_30.png']),
    },
    name: fromProviderState('${other_name}', other.other_name),
    bio: like('Auditing the demo course.'),
    country: like('FR'),
    date_joined: datetime(ISO_DATETIME, '2025-02-10T08:00:00Z'),
    level_of_education: like('m'),
    language_proficiencies: eachLike({ code: like('fr') }),
    social_links: [],
    course_certificates: null,
  };
}

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

describe('getAccount of another user', () => {
  it("returns the other user's shared fields when a learner opens their profile", async () => {
    // Arrange
    await givenAll(pact.addInteraction(), VIEWING_OTHER)
      .uponReceiving('a request for the account of another user who shares their profile')
      .withRequest(
        'GET',
        statePath('/api/user/v1/accounts/${other_username}', other),
        (request) => {
          request.headers(AUTHENTICATED_HEADERS);
        },
      )
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(otherAccountBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          openProfile(mockServer.url);

          // Act
          const shown = await profile.getAccount(other.other_username);

          // Assert
          expect(shown).toMatchObject({
            username: other.other_username,
            name: other.other_name,
            bio: 'Auditing the demo course.',
            accountPrivacy: 'custom',
            socialLinks: [],
            yearOfBirth: null,
            profileImage: { hasImage: false },
          });
          expect(shown).not.toHaveProperty('email');
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
  it('returns the camelCased visibility preferences when a learner opens their own profile', async () => {
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
            visibilityBio: 'all_users',
            visibilityExtendedProfile: '{}',
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

describe('getCourseCertificates of another user', () => {
  it("lists the other user's certificates (none) when their certificates are shared", async () => {
    await givenAll(pact.addInteraction(), VIEWING_OTHER)
      .uponReceiving('a request for the certificates of another user who shares their profile')
      .withRequest(
        'GET',
        statePath('/api/certificates/v0/certificates/${other_username}/', other),
        (request) => {
          request.headers(AUTHENTICATED_HEADERS);
        },
      )
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        // The persona file gives no one a certificate; the LMS answers a user without one [].
        response.jsonBody([]);
      })
      .executeTest(
        settled(async (mockServer) => {
          openProfile(mockServer.url);

          const certificates = await profile.getCourseCertificates(other.other_username);

          expect(certificates).toEqual([]);
        }),
      );
  });
});

describe('getCountryList', () => {
  it("lists the country codes of the registration form's country field when a learner opens a profile", async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving('a request for the registration form by the profile page')
      .withRequest('GET', '/user_api/v1/account/registration/', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(registrationFormBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          openProfile(mockServer.url);

          const countries = await profile.getCountryList();

          expect(countries).toEqual(['', 'US']);
        }),
      );
  });
});

describe('deleteProfilePhoto', () => {
  it('removes the photo, then reads the default image URLs when a learner removes their photo', async () => {
    addCsrfTokenInteraction(pact, "the profile's owner", LOGGED_IN);
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request to remove the profile owner's photo")
      .withRequest('DELETE', statePath(`${ACCOUNT_PATH}/image`, user), (request) => {
        request.headers(AUTHENTICATED_MUTATION_HEADERS);
      })
      .willRespondWith(204);
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request for the account of the profile's owner after removing the photo")
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

          const image = await profile.deleteProfilePhoto(user.username);

          expect(image).toMatchObject({
            hasImage: false,
            imageUrlFull: `${mockServer.url}/static/images/profiles/default_500.png`,
          });
        }),
      );
  });
});

describe('the profile page view event', () => {
  it('posts edx.profile.viewed to the tracking log when a learner opens a profile', async () => {
    addCsrfTokenInteraction(pact, "the profile's owner", LOGGED_IN);
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving('a tracking log event from the profile page')
      .withRequest('POST', '/event', (request) => {
        request.headers(AUTHENTICATED_MUTATION_HEADERS);
        // ProfilePage.jsx: sendTrackingLogEvent('edx.profile.viewed', { username }).
        formBody(request, {
          event_type: 'edx.profile.viewed',
          event: regex('^\\{"username":"[^"]+"\\}$', `{"username":"${user.username}"}`),
          page: regex('^https?://.+$', 'http://127.0.0.1/'),
        });
      })
      .willRespondWith(200, (response) => {
        response.body('text/html; charset=utf-8', Buffer.from('success'));
      })
      .executeTest(
        settled(async (mockServer) => {
          const logging = configurePlatformFor(mockServer.url);
          seedJwtCookie(user);
          configureAnalytics(logging);

          const sent = (await sendTrackingLogEvent('edx.profile.viewed', {
            username: user.username,
          })) as { status: number };

          expect(logging.errors).toEqual([]);
          expect(sent.status).toBe(200);
        }),
      );
  });
});
