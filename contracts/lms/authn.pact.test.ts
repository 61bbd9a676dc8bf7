/**
 * The authn MFE's LMS calls on its login and registration pages, on render and on submit,
 * driven through contracts/clients/frontend-app-authn (transcribed from
 * openedx/frontend-app-authn at 211cfcb2) and frontend-platform's real HTTP clients: nobody is
 * logged in, so the calls are public (`isPublic`), yet the POSTs still fetch a CSRF token.
 * Each page is described twice where its calls differ: as an MFE's LOGIN_URL (frontend-platform
 * sends a visitor to `LOGIN_URL?next=<the MFE>`, and the page passes `next` on to the LMS) and
 * opened directly, without `next` (the LMS then sends the browser to its dashboard).
 * Consumer `frontend-app-authn`, provider `lms`.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import * as authn from '../clients/frontend-app-authn/api';
import {
  loginContextBody,
  loginFailureBody,
  loginSuccessBody,
  registerContextBody,
  registrationDuplicateBody,
  registrationSuccessBody,
  validationDecisionsBody,
  welcomeContextBody,
} from '../support/authn-bodies';
import {
  AUTHENTICATED_MUTATION_HEADERS,
  addCsrfTokenInteraction,
  CSRF_TOKEN_MATCHER,
  formBody,
  type Given,
  givenAll,
  JSON_RESPONSE_HEADERS,
  settled,
  statePath,
} from '../support/interactions';
import { seedJwtCookie } from '../support/jwt';
import { accountBody } from '../support/lms-bodies';
import { createPact } from '../support/pact';
import { configurePlatformFor } from '../support/platform';
import { REQUEST_STATES, STATES, VERIFIED_LEARNER } from '../support/states';

const { like, regex, fromProviderState } = MatchersV3;

const pact = createPact({ consumer: 'frontend-app-authn' });
const ANONYMOUS: Given[] = [[STATES.noUserLoggedIn]];
const LOGIN_PATH = '/api/user/v2/account/login_session/';
const REGISTRATION_PATH = '/api/user/v2/account/registration/';
const VALIDATION_PATH = '/api/user/v1/validation/registration';
/** An example password: the Open edX devstack's, never a real one. */
const PASSWORD = 'edx';
/** Where the visitor was going: the MFE that sent them to the login page (an absolute URL, as
 *  frontend-platform's redirect to LOGIN_URL writes it). */
const NEXT = 'http://localhost:1996/';
const nextMatcher = () => regex('^\\S+$', NEXT);
/** Where the LMS sends the browser after a login or registration without `next`. */
const LMS_DASHBOARD = 'http://localhost:18000/dashboard';

/** The two ways a page is opened: `suffix` ends the interaction's description. */
interface Opened {
  suffix: string;
  /** The page's `next`, passed on in every call; undefined when opened directly. */
  next: string | undefined;
}
const OPENED: Opened[] = [
  { suffix: '', next: NEXT },
  { suffix: ', the page opened without next', next: undefined },
];
/** The `next` of a call's query or form, when the page has one. */
const withNext = <T extends object>(opened: Opened, value: T): T | Record<string, never> =>
  opened.next === undefined ? {} : value;
/** Where the LMS sends the browser: the page's `next`, else its dashboard. */
const redirectOf = (opened: Opened) => opened.next ?? LMS_DASHBOARD;

/** A POST of the login or registration page: public, form-encoded, with the CSRF token. */
const PUBLIC_FORM_POST_HEADERS = { 'X-CSRFToken': CSRF_TOKEN_MATCHER };

/** The registration form as the page submits it: its four fields, the country code and the
 *  terms checkbox of the configurable fields, the time spent on the form in seconds, and the
 *  page's `next` (query-string sorts the keys). */
const registration = {
  country: 'US',
  email: 'nia@example.com',
  honor_code: 'true',
  name: 'Nia New',
  password: 'edx-Passw0rd',
  total_registration_time: '9.87',
  username: 'new_learner',
};

/** The same form as a template: any values of the same shape. */
function registrationTemplate(opened: Opened) {
  return {
    country: regex('^[A-Z]{2}$', registration.country),
    email: like(registration.email),
    honor_code: 'true',
    name: like(registration.name),
    ...withNext(opened, { next: nextMatcher() }),
    password: like(registration.password),
    total_registration_time: regex('^[0-9]+(\\.[0-9]+)?$', registration.total_registration_time),
    username: like(registration.username),
  };
}

describe('getThirdPartyAuthContext', () => {
  it.each(OPENED)(
    'returns the platform name and no form fields to the login page$suffix',
    async (opened) => {
      // Arrange
      await givenAll(pact.addInteraction(), ANONYMOUS)
        .uponReceiving(`a request for the login page context${opened.suffix}`)
        .withRequest('GET', '/api/mfe_context', (request) => {
          // The login page passes its own query on: where to go after logging in.
          if (opened.next !== undefined) request.query({ next: nextMatcher() });
        })
        .willRespondWith(200, (response) => {
          response.headers(JSON_RESPONSE_HEADERS);
          response.jsonBody(loginContextBody());
        })
        .executeTest(
          settled(async (mockServer) => {
            configurePlatformFor(mockServer.url);

            // Act
            const context = await authn.getThirdPartyAuthContext(withNext(opened, { next: NEXT }));

            // Assert
            expect(context).toEqual({
              thirdPartyAuthContext: expect.objectContaining({
                platformName: 'Open edX',
                providers: [],
                currentProvider: null,
              }),
              fieldDescriptions: {},
              optionalFields: { extended_profile: [] },
            });
          }),
        );
    },
  );

  it.each(OPENED)(
    'returns the country, terms and optional fields to the registration page$suffix',
    async (opened) => {
      // Arrange
      await givenAll(pact.addInteraction(), ANONYMOUS)
        .uponReceiving(`a request for the registration page context${opened.suffix}`)
        .withRequest('GET', '/api/mfe_context', (request) => {
          request.query({ ...withNext(opened, { next: nextMatcher() }), is_register_page: 'true' });
        })
        .willRespondWith(200, (response) => {
          response.headers(JSON_RESPONSE_HEADERS);
          response.jsonBody(registerContextBody());
        })
        .executeTest(
          settled(async (mockServer) => {
            configurePlatformFor(mockServer.url);

            // Act
            const context = await authn.getThirdPartyAuthContext({
              ...withNext(opened, { next: NEXT }),
              is_register_page: true,
            });

            // Assert: the page shows the country field and the terms checkbox from these.
            expect(context.fieldDescriptions.fields).toEqual({
              country: { name: 'country', error_message: true },
              honor_code: { name: 'honor_code', type: 'tos_and_honor_code', error_message: '' },
            });
            expect(Object.keys(context.optionalFields.fields)).toEqual(['goals']);
            expect(context.thirdPartyAuthContext.countryCode).toBe('US');
          }),
        );
    },
  );

  it('returns the optional fields to the welcome page a new account lands on', async () => {
    // Arrange: the registration logged the new account in; the welcome page has no `next`.
    await givenAll(pact.addInteraction(), [[STATES.userLoggedIn, VERIFIED_LEARNER]])
      .uponReceiving('a request for the welcome page context')
      .withRequest('GET', '/api/mfe_context', (request) => {
        request.query({ is_welcome_page: 'true' });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(welcomeContextBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);

          // Act
          const context = await authn.getThirdPartyAuthContext({ is_welcome_page: true });

          // Assert
          expect(Object.keys(context.optionalFields.fields)).toEqual(['goals']);
          expect(context.thirdPartyAuthContext.welcomePageRedirectUrl).toBeNull();
        }),
      );
  });
});

describe('login', () => {
  it.each(OPENED)(
    'logs in and names the page to go to when the credentials match an account$suffix',
    async (opened) => {
      // Arrange
      const creds = {
        email_or_username: VERIFIED_LEARNER.email,
        ...withNext(opened, { next: NEXT }),
        password: PASSWORD,
      };
      addCsrfTokenInteraction(pact, 'an anonymous visitor', ANONYMOUS);
      await givenAll(pact.addInteraction(), [
        ...ANONYMOUS,
        [
          REQUEST_STATES.loginCredentialsRight,
          {
            email_or_username: creds.email_or_username,
            password: PASSWORD,
            redirect_url: redirectOf(opened),
          },
        ],
      ])
        .uponReceiving(`a login with the right credentials${opened.suffix}`)
        .withRequest('POST', LOGIN_PATH, (request) => {
          request.headers(PUBLIC_FORM_POST_HEADERS);
          formBody(request, {
            email_or_username: fromProviderState('${email_or_username}', creds.email_or_username),
            ...withNext(opened, { next: nextMatcher() }),
            password: fromProviderState('${password}', PASSWORD),
          });
        })
        .willRespondWith(200, (response) => {
          response.headers(JSON_RESPONSE_HEADERS);
          response.jsonBody(loginSuccessBody(redirectOf(opened)));
        })
        .executeTest(
          settled(async (mockServer) => {
            configurePlatformFor(mockServer.url);

            // Act
            const result = await authn.login(creds);

            // Assert: the page then sends the browser there.
            expect(result).toEqual({ success: true, redirectUrl: redirectOf(opened) });
          }),
        );
    },
  );

  it.each(OPENED)(
    'fails with 400 and incorrect-email-or-password when the password is wrong$suffix',
    async (opened) => {
      // Arrange
      const creds = {
        email_or_username: VERIFIED_LEARNER.email,
        ...withNext(opened, { next: NEXT }),
        password: 'not-the-password',
      };
      addCsrfTokenInteraction(pact, 'an anonymous visitor', ANONYMOUS);
      await givenAll(pact.addInteraction(), [
        ...ANONYMOUS,
        [REQUEST_STATES.loginCredentialsWrong, { email_or_username: creds.email_or_username }],
      ])
        .uponReceiving(`a login with wrong credentials${opened.suffix}`)
        .withRequest('POST', LOGIN_PATH, (request) => {
          request.headers(PUBLIC_FORM_POST_HEADERS);
          formBody(request, {
            email_or_username: fromProviderState('${email_or_username}', creds.email_or_username),
            ...withNext(opened, { next: nextMatcher() }),
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
            const failure = await authn.login(creds).catch((error: unknown) => error);

            // Assert: the page picks "The username, email or password you entered is incorrect"
            // by `errorCode`.
            expect(failure).toBeInstanceOf(authn.AuthnRequestError);
            expect(failure).toMatchObject({
              status: 400,
              data: {
                success: false,
                errorCode: 'incorrect-email-or-password',
                context: { failureCount: 1 },
              },
            });
          }),
        );
    },
  );
});

describe('registerNewUserApi', () => {
  it.each(OPENED)(
    'creates the account, logs it in and names the page to go to$suffix',
    async (opened) => {
      const created = {
        username: 'new_learner',
        name: 'Nia New',
        user_id: 42,
        redirect_url: redirectOf(opened),
      };
      addCsrfTokenInteraction(pact, 'an anonymous visitor', ANONYMOUS);
      await givenAll(pact.addInteraction(), [
        ...ANONYMOUS,
        [REQUEST_STATES.registrationCreatesAccount, created],
      ])
        .uponReceiving(`a registration of a new account${opened.suffix}`)
        .withRequest('POST', REGISTRATION_PATH, (request) => {
          request.headers(PUBLIC_FORM_POST_HEADERS);
          formBody(request, registrationTemplate(opened));
        })
        .willRespondWith(200, (response) => {
          response.headers(JSON_RESPONSE_HEADERS);
          response.jsonBody(registrationSuccessBody(redirectOf(opened)));
        })
        .executeTest(
          settled(async (mockServer) => {
            configurePlatformFor(mockServer.url);

            const result = await authn.registerNewUserApi({
              ...registration,
              ...withNext(opened, { next: NEXT }),
            });

            expect(result).toEqual({
              success: true,
              redirectUrl: redirectOf(opened),
              authenticatedUser: { username: 'new_learner', full_name: 'Nia New', user_id: 42 },
            });
          }),
        );
    },
  );

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
          ...registrationTemplate(OPENED[0] as Opened),
          email: fromProviderState('${email}', taken.email),
          username: fromProviderState('${username}', taken.username),
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
            .registerNewUserApi({ ...registration, next: NEXT, ...taken })
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
  /** One field, as the page validates it on blur; the plain client sends no CSRF token and no
   *  credentials, so no CSRF interaction comes first. */
  const validation = (
    description: string,
    states: Given[],
    field: string,
    example: string,
    message: string,
  ) =>
    givenAll(pact.addInteraction(), states)
      .uponReceiving(description)
      .withRequest('POST', VALIDATION_PATH, (request) => {
        formBody(request, {
          [field]:
            field === 'email' && message !== ''
              ? fromProviderState('${email}', example)
              : like(example),
        });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(validationDecisionsBody(field, message));
      });

  it.each([
    ['name', registration.name],
    ['email', registration.email],
    ['username', registration.username],
    ['password', registration.password],
  ])('accepts a valid %s', async (field, example) => {
    await validation(
      `a validation of a valid registration ${field}`,
      ANONYMOUS,
      field,
      example,
      '',
    ).executeTest(
      settled(async (mockServer) => {
        configurePlatformFor(mockServer.url);

        const { fieldValidations } = await authn.getFieldsValidations({ [field]: example });

        expect(fieldValidations).toEqual({ validationDecisions: { [field]: '' } });
      }),
    );
  });

  it('names the problem when the email is already used by an account', async () => {
    const message = 'This email is already associated with an existing or previous account';
    await validation(
      'a validation of a registration email already used',
      [...ANONYMOUS, [REQUEST_STATES.registrationFieldsInvalid, { email: VERIFIED_LEARNER.email }]],
      'email',
      VERIFIED_LEARNER.email,
      message,
    ).executeTest(
      settled(async (mockServer) => {
        configurePlatformFor(mockServer.url);

        const { fieldValidations } = await authn.getFieldsValidations({
          email: VERIFIED_LEARNER.email,
        });

        expect(fieldValidations).toEqual({ validationDecisions: { email: message } });
      }),
    );
  });
});

describe('patchAccount', () => {
  it("saves the welcome page's answers as a merge-patch of the new account", async () => {
    // Arrange: the registration logged the new account in (its JWT cookie is in the browser).
    const user = VERIFIED_LEARNER;
    const loggedIn: Given[] = [[STATES.userLoggedIn, user]];
    addCsrfTokenInteraction(pact, 'the logged-in learner', loggedIn);
    await givenAll(pact.addInteraction(), loggedIn)
      .uponReceiving("a merge-patch of the new account's welcome page answers")
      .withRequest('PATCH', statePath('/api/user/v1/accounts/${username}', user), (request) => {
        request.headers({
          ...AUTHENTICATED_MUTATION_HEADERS,
          'Content-Type': 'application/merge-patch+json',
        });
        request.jsonBody({ goals: like('To learn how a stub LMS works'), extended_profile: [] });
      })
      .willRespondWith(200, (response) => {
        response.headers(JSON_RESPONSE_HEADERS);
        response.jsonBody(accountBody(user));
      })
      .executeTest(
        settled(async (mockServer) => {
          configurePlatformFor(mockServer.url);
          seedJwtCookie(user);

          // Act and assert: the page goes on to `next` once the PATCH resolves.
          await expect(
            authn.patchAccount(user.username, {
              goals: 'To learn how a stub LMS works',
              extended_profile: [],
            }),
          ).resolves.toBeUndefined();
        }),
      );
  });
});
