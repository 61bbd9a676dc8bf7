/**
 * The authn MFE's LMS calls (login and registration pages), driven through
 * contracts/clients/frontend-app-authn and frontend-platform's real HTTP clients: nobody is
 * logged in, so the calls are public (`isPublic`), yet the POSTs still fetch a CSRF token.
 * Consumer `frontend-app-authn`, provider `lms`.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import * as authn from '../clients/frontend-app-authn/api';
import {
  loginFailureBody,
  loginSuccessBody,
  mfeContextBody,
  registrationDuplicateBody,
  registrationSuccessBody,
  validationDecisionsBody,
} from '../support/authn-bodies';
import {
  addCsrfTokenInteraction,
  CSRF_TOKEN_MATCHER,
  formBody,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
} from '../support/interactions';
import { registrationFormBody } from '../support/lms-bodies';
import { createPact } from '../support/pact';
import { configurePlatformFor } from '../support/platform';
import { REQUEST_STATES, STATES, VERIFIED_LEARNER } from '../support/states';

const { like, regex } = MatchersV3;

const pact = createPact({ consumer: 'frontend-app-authn' });
const ANONYMOUS: Given[] = [[STATES.noUserLoggedIn]];
const LOGIN_PATH = '/api/user/v2/account/login_session/';
const REGISTRATION_PATH = '/api/user/v2/account/registration/';
const VALIDATION_PATH = '/api/user/v1/validation/registration';
/** An example password: the Open edX devstack's, never a real one. */
const PASSWORD = 'edx';

/** A POST of the login or registration page: public, form-encoded, with the CSRF token. */
const PUBLIC_FORM_POST_HEADERS = { 'X-CSRFToken': CSRF_TOKEN_MATCHER };

/** The registration form as the page submits it (query-string sorts the keys). */
const registration = {
  country: 'US',
  email: 'nia@example.com',
  honor_code: 'true',
  name: 'Nia New',
  password: PASSWORD,
  total_registration_time: '9',
  username: 'new_learner',
};

/** The same form as a template: any values of the same shape. */
function registrationTemplate() {
  return {
    country: regex('^[A-Z]{2}$', registration.country),
    email: like(registration.email),
    honor_code: 'true',
    name: like(registration.name),
    password: like(registration.password),
    total_registration_time: regex('^[0-9]+(\\.[0-9]+)?$', registration.total_registration_time),
    username: like(registration.username),
  };
}

describe('getThirdPartyAuthContext', () => {
  it('returns the platform name and registration fields when nobody is logged in', async () => {
    // Arrange
    await givenAll(pact.addInteraction(), ANONYMOUS)
      .uponReceiving('a request for the login page context')
      .withRequest('GET', '/api/mfe_context', (request) => {
        // The login page passes its own query on, e.g. where to go after logging in.
        request.query({ next: regex('^/.*$', '/dashboard') });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(mfeContextBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);

          // Act
          const context = await authn.getThirdPartyAuthContext({ next: '/dashboard' });

          // Assert
          expect(context).toMatchObject({
            thirdPartyAuthContext: { platformName: 'Open edX', providers: [], countryCode: 'US' },
            fieldDescriptions: { fields: {} },
            optionalFields: { extended_profile: [] },
          });
        }),
      );
  });
});

describe('getCountryList', () => {
  it('returns the countries of the registration form when nobody is logged in', async () => {
    await givenAll(pact.addInteraction(), ANONYMOUS)
      .uponReceiving('a request for the registration form, for its country list')
      .withRequest('GET', '/user_api/v1/account/registration/')
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(registrationFormBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);

          const countries = await authn.getCountryList();

          expect(countries).toEqual([
            { code: '', name: '--' },
            { code: 'US', name: 'United States' },
          ]);
        }),
      );
  });
});

describe('loginRequest', () => {
  it('logs in and names the page to go to when the credentials match an account', async () => {
    // Arrange
    const creds = { email_or_username: VERIFIED_LEARNER.email, password: PASSWORD };
    addCsrfTokenInteraction(pact, 'an anonymous visitor', ANONYMOUS);
    await givenAll(pact.addInteraction(), [
      ...ANONYMOUS,
      [REQUEST_STATES.loginCredentialsRight, { ...VERIFIED_LEARNER, password: PASSWORD }],
    ])
      .uponReceiving('a login with the right credentials')
      .withRequest('POST', LOGIN_PATH, (request) => {
        request.headers(PUBLIC_FORM_POST_HEADERS);
        formBody(request, {
          email_or_username: MatchersV3.fromProviderState('${email}', creds.email_or_username),
          password: MatchersV3.fromProviderState('${password}', PASSWORD),
        });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(loginSuccessBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);

          // Act
          const result = await authn.loginRequest(creds);

          // Assert
          expect(result).toEqual({ success: true, redirectUrl: `${mockServer.url}/dashboard` });
        }),
      );
  });

  it('fails with 400 and incorrect-email-or-password when the login credentials are wrong', async () => {
    // Arrange
    const creds = { email_or_username: VERIFIED_LEARNER.email, password: 'not-the-password' };
    addCsrfTokenInteraction(pact, 'an anonymous visitor', ANONYMOUS);
    await givenAll(pact.addInteraction(), [
      ...ANONYMOUS,
      [REQUEST_STATES.loginCredentialsWrong, { email_or_username: creds.email_or_username }],
    ])
      .uponReceiving('a login with wrong credentials')
      .withRequest('POST', LOGIN_PATH, (request) => {
        request.headers(PUBLIC_FORM_POST_HEADERS);
        formBody(request, {
          email_or_username: MatchersV3.fromProviderState(
            '${email_or_username}',
            creds.email_or_username,
          ),
          password: like(creds.password),
        });
      })
      .willRespondWith(400, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(loginFailureBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);

          // Act
          const failure = await authn.loginRequest(creds).catch((error: unknown) => error);

          // Assert: the page shows `value` and picks its message by `errorCode`.
          expect(failure).toBeInstanceOf(authn.AuthnRequestError);
          expect(failure).toMatchObject({
            status: 400,
            data: { success: false, errorCode: 'incorrect-email-or-password' },
          });
        }),
      );
  });
});

describe('registerRequest', () => {
  it('creates the account and returns the new user when nobody is logged in', async () => {
    addCsrfTokenInteraction(pact, 'an anonymous visitor', ANONYMOUS);
    await givenAll(pact.addInteraction(), ANONYMOUS)
      .uponReceiving('a registration of a new account')
      .withRequest('POST', REGISTRATION_PATH, (request) => {
        request.headers(PUBLIC_FORM_POST_HEADERS);
        formBody(request, registrationTemplate());
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(registrationSuccessBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);

          const result = await authn.registerRequest(registration);

          expect(result).toEqual({
            success: true,
            redirectUrl: `${mockServer.url}/dashboard`,
            authenticatedUser: { username: 'new_learner', full_name: 'Nia New', user_id: 42 },
          });
        }),
      );
  });

  it('fails with 409 and per-field messages when an account already uses the username and email', async () => {
    const taken = { username: VERIFIED_LEARNER.username, email: VERIFIED_LEARNER.email };
    addCsrfTokenInteraction(pact, 'an anonymous visitor', ANONYMOUS);
    await givenAll(pact.addInteraction(), [
      ...ANONYMOUS,
      [REQUEST_STATES.registrationDuplicate, taken],
    ])
      .uponReceiving('a registration with a username and email already taken')
      .withRequest('POST', REGISTRATION_PATH, (request) => {
        request.headers(PUBLIC_FORM_POST_HEADERS);
        formBody(request, {
          ...registrationTemplate(),
          email: MatchersV3.fromProviderState('${email}', taken.email),
          username: MatchersV3.fromProviderState('${username}', taken.username),
        });
      })
      .willRespondWith(409, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(registrationDuplicateBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);

          const failure = await authn
            .registerRequest({ ...registration, ...taken })
            .catch((error: unknown) => error);

          expect(failure).toMatchObject({
            status: 409,
            data: {
              errorCode: 'duplicate-email-username',
              username: [{ userMessage: 'It looks like this username is already taken' }],
              usernameSuggestions: ['verified_1', 'verified_2024', 'verified_x'],
            },
          });
        }),
      );
  });
});

describe('getFieldsValidations', () => {
  /** The plain client sends no CSRF token and no credentials: no CSRF interaction first. */
  const validation = (description: string, states: Given[], email: string, message: string) =>
    givenAll(pact.addInteraction(), states)
      .uponReceiving(description)
      .withRequest('POST', VALIDATION_PATH, (request) => {
        formBody(request, { email: like(email) });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(validationDecisionsBody(message));
      });

  it('accepts every field when the registration fields are valid', async () => {
    await validation(
      'a validation of valid registration fields',
      ANONYMOUS,
      'nia@example.com',
      '',
    ).executeTest(
      settled(async (mockServer) => {
        configurePlatformFor(mockServer.url);

        const { fieldValidations } = await authn.getFieldsValidations({ email: 'nia@example.com' });

        expect(fieldValidations).toMatchObject({ validation_decisions: { email: '' } });
      }),
    );
  });

  it('names the problem of each field when the registration fields fail validation', async () => {
    const message = 'This email is already associated with an existing or previous account';
    await validation(
      'a validation of registration fields that fail',
      [...ANONYMOUS, [REQUEST_STATES.registrationFieldsInvalid, { email: VERIFIED_LEARNER.email }]],
      VERIFIED_LEARNER.email,
      message,
    ).executeTest(
      settled(async (mockServer) => {
        configurePlatformFor(mockServer.url);

        const { fieldValidations } = await authn.getFieldsValidations({
          email: VERIFIED_LEARNER.email,
        });

        expect(fieldValidations).toMatchObject({ validation_decisions: { email: message } });
      }),
    );
  });
});
