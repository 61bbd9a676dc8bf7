/**
 * The account settings MFE's LMS calls (account, preferences, time zones, countries), driven
 * through contracts/clients/frontend-app-account and frontend-platform's real authenticated
 * client. Consumer `frontend-app-account`, provider `lms`.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import * as account from '../clients/frontend-app-account/service';
import {
  AUTHENTICATED_HEADERS,
  AUTHENTICATED_MUTATION_HEADERS,
  addCsrfTokenInteraction,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
  statePath,
} from '../support/interactions';
import { seedJwtCookie } from '../support/jwt';
import {
  accountBody,
  accountFieldErrorsBody,
  preferencesBody,
  registrationFormBody,
  timeZonesBody,
} from '../support/lms-bodies';
import { createPact } from '../support/pact';
import { configurePlatformFor } from '../support/platform';
import { REQUEST_STATES, STATES, VERIFIED_LEARNER } from '../support/states';

const { like, integer } = MatchersV3;

const pact = createPact({ consumer: 'frontend-app-account' });
const user = VERIFIED_LEARNER;
const LOGGED_IN: Given[] = [[STATES.userLoggedIn, user]];
const ACCOUNT_PATH = '/api/user/v1/accounts/${username}';
const PREFERENCES_PATH = '/api/user/v1/preferences/${username}';

/** The settings page of the logged-in learner: platform pointed at the mock server, JWT held. */
function openSettings(mockServerUrl: string) {
  configurePlatformFor(mockServerUrl);
  seedJwtCookie(user);
}

describe('getAccount', () => {
  it('returns the social links and language as the form reads them when a learner is logged in', async () => {
    // Arrange
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request for the logged-in learner's account")
      .withRequest('GET', statePath(ACCOUNT_PATH, user), (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(accountBody(user));
      })
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          // Act
          const fields = await account.getAccount(user.username);

          // Assert
          expect(fields).toMatchObject({
            username: user.username,
            name: user.name,
            email: user.email,
            social_link_linkedin: 'https://www.linkedin.com/in/vera-verified',
            social_link_facebook: '',
            language_proficiencies: 'en',
            year_of_birth: 1990,
          });
          expect(fields).not.toHaveProperty('time_zone');
        }),
      );
  });
});

describe('patchAccount', () => {
  it('saves a social link as a merge-patch of social_links when a learner is logged in', async () => {
    // Arrange
    addCsrfTokenInteraction(pact, 'the logged-in learner', LOGGED_IN);
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a merge-patch of the logged-in learner's social links")
      .withRequest('PATCH', statePath(ACCOUNT_PATH, user), (request) => {
        request.headers({
          ...AUTHENTICATED_MUTATION_HEADERS,
          'Content-Type': 'application/merge-patch+json',
        });
        request.jsonBody({
          social_links: [
            {
              platform: 'linkedin',
              social_link: like('https://www.linkedin.com/in/vera-verified'),
            },
          ],
        });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(accountBody(user));
      })
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          // Act
          const saved = await account.patchAccount(user.username, {
            social_link_linkedin: 'https://www.linkedin.com/in/vera-verified',
          });

          // Assert
          expect(saved).toMatchObject({
            social_link_linkedin: 'https://www.linkedin.com/in/vera-verified',
          });
        }),
      );
  });

  it('reports the field error when the account update is invalid', async () => {
    // Arrange
    addCsrfTokenInteraction(pact, 'the logged-in learner', LOGGED_IN);
    await givenAll(pact.addInteraction(), [
      ...LOGGED_IN,
      [REQUEST_STATES.accountUpdateInvalid, { username: user.username }],
    ])
      .uponReceiving('a merge-patch of the account with an invalid year of birth')
      .withRequest('PATCH', statePath(ACCOUNT_PATH, user), (request) => {
        request.headers({
          ...AUTHENTICATED_MUTATION_HEADERS,
          'Content-Type': 'application/merge-patch+json',
        });
        request.jsonBody({ year_of_birth: integer(1850) });
      })
      .willRespondWith(400, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(
          accountFieldErrorsBody(
            'year_of_birth',
            '"1850" is not a valid choice.',
            'The year of birth is not valid.',
          ),
        );
      })
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          // Act
          const failure = await account
            .patchAccount(user.username, { year_of_birth: 1850 })
            .catch((error: unknown) => error);

          // Assert
          expect(failure).toBeInstanceOf(account.AccountUpdateError);
          expect((failure as account.AccountUpdateError).fieldErrors).toEqual({
            year_of_birth: 'The year of birth is not valid.',
          });
        }),
      );
  });
});

describe('getPreferences', () => {
  it('returns the time zone and language preferences when a learner is logged in', async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request for the logged-in learner's preferences")
      .withRequest('GET', statePath(PREFERENCES_PATH, user), (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(preferencesBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          const preferences = await account.getPreferences(user.username);

          expect(preferences).toMatchObject({ 'pref-lang': 'en', time_zone: 'America/New_York' });
        }),
      );
  });
});

describe('patchPreferences', () => {
  it('saves the time zone as a merge-patch when a learner is logged in', async () => {
    addCsrfTokenInteraction(pact, 'the logged-in learner', LOGGED_IN);
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a merge-patch of the logged-in learner's time zone")
      .withRequest('PATCH', statePath(PREFERENCES_PATH, user), (request) => {
        request.headers({
          ...AUTHENTICATED_MUTATION_HEADERS,
          'Content-Type': 'application/merge-patch+json',
        });
        request.jsonBody({ time_zone: like('Europe/Paris') });
      })
      .willRespondWith(204)
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          const saved = await account.patchPreferences(user.username, {
            time_zone: 'Europe/Paris',
          });

          expect(saved).toEqual({ time_zone: 'Europe/Paris' });
        }),
      );
  });
});

describe('getTimeZones', () => {
  it("lists the time zones of the learner's country when a learner is logged in", async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving('a request for the time zones of a country')
      .withRequest('GET', '/user_api/v1/preferences/time_zones/', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
        request.query({ country_code: MatchersV3.regex('^[A-Z]{2}$', 'US') });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(timeZonesBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          const zones = await account.getTimeZones('US');

          expect(zones).toEqual([
            { time_zone: 'America/New_York', description: 'America/New_York (EST, UTC-0500)' },
          ]);
        }),
      );
  });
});

describe('getCountryList', () => {
  it('returns the country codes of the registration form when a learner is logged in', async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving('a request for the registration form, for its country list')
      .withRequest('GET', '/user_api/v1/account/registration/', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(registrationFormBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          const countries = await account.getCountryList();

          expect(countries).toEqual(['', 'US']);
        }),
      );
  });
});

describe('getTimeZones without a country', () => {
  it('lists every time zone when the learner has no country (the page asks with none)', async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving('a request for the time zones of no country')
      .withRequest('GET', '/user_api/v1/preferences/time_zones/', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        // user_api/preferences/views.py CountryTimeZoneListView: common_timezones when no
        // country_code is given.
        response.jsonBody(
          MatchersV3.eachLike({
            time_zone: like('Africa/Abidjan'),
            description: like('Africa/Abidjan (GMT, UTC+0000)'),
          }),
        );
      })
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          const zones = await account.getTimeZones();

          expect(zones).toEqual([
            { time_zone: 'Africa/Abidjan', description: 'Africa/Abidjan (GMT, UTC+0000)' },
          ]);
        }),
      );
  });
});

describe('getThirdPartyAuthProviders', () => {
  it('lists no provider on an LMS with no third-party sign-in configured', async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving('a request for the third-party auth providers linked to the learner')
      .withRequest('GET', '/api/third_party_auth/v0/providers/user_status', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        // third_party_auth/api/views.py UserMappingView... user_status: one entry per enabled
        // provider; none on a default LMS (devstack, Tutor).
        response.jsonBody([]);
      })
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          const providers = await account.getThirdPartyAuthProviders();

          expect(providers).toEqual([]);
        }),
      );
  });
});

describe('getNotificationPreferences', () => {
  it('returns the discussion notification preferences per channel', async () => {
    const channels = {
      web: MatchersV3.boolean(true),
      email: MatchersV3.boolean(true),
      push: MatchersV3.boolean(false),
      email_cadence: like('Daily'),
      info: like(''),
    };
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request for the learner's notification preferences")
      .withRequest('GET', '/api/notifications/v3/configurations/', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        // openedx-platform notifications/views.py (v3 aggregated preferences).
        response.jsonBody({
          status: like('success'),
          show_preferences: MatchersV3.boolean(true),
          data: {
            discussion: {
              enabled: MatchersV3.boolean(true),
              core_notification_types: MatchersV3.eachLike('new_response'),
              notification_types: {
                core: channels,
                new_discussion_post: { ...channels, email: MatchersV3.boolean(false) },
              },
              non_editable: { core: MatchersV3.eachLike('web') },
            },
          },
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          const preferences = await account.getNotificationPreferences();

          expect(preferences).toEqual({
            apps: [{ id: 'discussion', enabled: true }],
            preferences: [
              { id: 'core', appId: 'discussion', web: true, email: true, push: false },
              {
                id: 'new_discussion_post',
                appId: 'discussion',
                web: true,
                email: false,
                push: false,
              },
            ],
            showPreferences: true,
          });
        }),
      );
  });
});

describe('name affirmation (edx-name-affirmation, a learner with no verified name)', () => {
  it('answers 404 for the verified name, which the page treats as none', async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request for the learner's verified name when there is none")
      .withRequest('GET', '/api/edx_name_affirmation/v1/verified_name', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(404, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({ detail: like('There is no verified name related to this user.') });
      })
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          expect(await account.getVerifiedName()).toEqual({});
        }),
      );
  });

  it('returns an empty verified name history', async () => {
    await givenAll(pact.addInteraction(), LOGGED_IN)
      .uponReceiving("a request for the learner's verified name history")
      .withRequest('GET', '/api/edx_name_affirmation/v1/verified_name/history', (request) => {
        request.headers(AUTHENTICATED_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody({
          results: [],
          verified_name_enabled: MatchersV3.boolean(false),
          use_verified_name_for_certs: MatchersV3.boolean(false),
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          openSettings(mockServer.url);

          expect(await account.getVerifiedNameHistory()).toEqual({
            results: [],
            verified_name_enabled: false,
            use_verified_name_for_certs: false,
          });
        }),
      );
  });
});
