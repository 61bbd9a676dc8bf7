/**
 * Answers of the LMS's login and registration APIs that the authn MFE reads, as Pact templates
 * (openedx-platform openedx/core/djangoapps/user_authn/: api/views.py MFEContextView and
 * serializers.py, views/login.py, views/register.py, and the validation view in
 * views/register.py RegistrationValidationView).
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { lmsUrl } from './interactions';

const { like, boolean, nullValue, regex, integer } = MatchersV3;

/** GET /api/mfe_context: third-party auth context and the extra registration fields. The
 *  serializer emits camelCase keys itself. */
export function mfeContextBody() {
  return {
    contextData: {
      currentProvider: nullValue(),
      platformName: like('Open edX'),
      providers: like([]),
      secondaryProviders: like([]),
      finishAuthUrl: nullValue(),
      errorMessage: nullValue(),
      registerFormSubmitButtonText: like('Create Account'),
      autoSubmitRegForm: boolean(false),
      syncLearnerProfileData: boolean(false),
      countryCode: regex('^[A-Z]{2}$', 'US'),
      welcomePageRedirectUrl: nullValue(),
      pipelineUserDetails: like({}),
    },
    registrationFields: { fields: like({}) },
    optionalFields: { fields: like({}), extended_profile: like([]) },
  };
}

/** 200 of POST /api/user/v2/account/login_session/ (the LMS also sets the logged-in cookies). */
export function loginSuccessBody() {
  return { success: boolean(true), redirect_url: lmsUrl('dashboard') };
}

/** 400 of the same call for wrong credentials: the MFE shows `value` and keys on `error_code`. */
export function loginFailureBody() {
  return {
    success: boolean(false),
    value: like('Email or password is incorrect.'),
    error_code: regex('^[a-z-]+$', 'incorrect-email-or-password'),
    email: like('verified@example.com'),
  };
}

/** 200 of POST /api/user/v2/account/registration/ for a new account. */
export function registrationSuccessBody() {
  return {
    success: boolean(true),
    redirect_url: lmsUrl('dashboard'),
    authenticated_user: {
      username: like('new_learner'),
      full_name: like('Nia New'),
      user_id: integer(42),
    },
  };
}

/** 409 of the same call when the username and email are taken: a message list per field, the
 *  error code the MFE switches on, and username suggestions. */
export function registrationDuplicateBody() {
  return {
    email: [
      {
        user_message: like('This email is already associated with an existing or previous account'),
      },
    ],
    username: [{ user_message: like('It looks like this username is already taken') }],
    error_code: regex('^[a-z-]+$', 'duplicate-email-username'),
    username_suggestions: like(['verified_1', 'verified_2024', 'verified_x']),
  };
}

/** 200 of POST /api/user/v1/validation/registration: a message per field, '' when valid. */
export function validationDecisionsBody(emailMessage: string) {
  return {
    validation_decisions: {
      email: like(emailMessage),
      name: like(''),
      username: like(''),
      password: like(''),
    },
  };
}
