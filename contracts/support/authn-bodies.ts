/**
 * Answers of the LMS's login and registration APIs that the authn MFE reads, as Pact templates
 * (openedx-platform openedx/core/djangoapps/user_authn/: api/views.py MFEContextView and
 * serializers.py, views/login.py, views/register.py, and the validation view in
 * views/register.py RegistrationValidationView).
 */
import { MatchersV3 } from '@pact-foundation/pact';

const { like, boolean, integer, nullValue, regex } = MatchersV3;

/** `contextData` of GET /api/mfe_context for a visitor with no third-party auth provider and
 *  no running pipeline (user_authn/views/utils.py third_party_auth_context, camel-cased by
 *  user_authn/serializers.py ContextDataSerializer). */
function contextData() {
  return {
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
  };
}

/** GET /api/mfe_context from the login page: the context alone. MFEContextView adds form
 *  fields only for `is_register_page`, and the serializer's defaults fill the rest. */
export function loginContextBody() {
  return {
    contextData: contextData(),
    registrationFields: {},
    optionalFields: { extended_profile: [] },
  };
}

/** GET /api/mfe_context?is_register_page=true with ENABLE_DYNAMIC_REGISTRATION_FIELDS on and
 *  REGISTRATION_EXTRA_FIELDS requiring the country and the honor code (terms of service hidden,
 *  so one "terms of service and honor code" checkbox) with `goals` optional, as
 *  user_authn/api/form_fields.py describes each field (add_country_field, add_honor_code_field,
 *  add_goals_field): the page then shows the country and terms fields, and an optional field
 *  sends a new learner to the welcome page after registering. */
export function registerContextBody() {
  return {
    contextData: contextData(),
    registrationFields: {
      fields: {
        country: { name: 'country', error_message: boolean(true) },
        honor_code: { name: 'honor_code', type: 'tos_and_honor_code', error_message: '' },
      },
      extended_profile: [],
    },
    optionalFields: {
      fields: {
        goals: {
          name: 'goals',
          type: 'textarea',
          label: like("Tell us why you're interested in Open edX"),
          error_message: '',
        },
      },
      extended_profile: [],
    },
  };
}

/** GET /api/mfe_context?is_welcome_page=true, from the welcome page a new account lands on:
 *  the optional fields to ask for (those of the registration page's context) and where to go
 *  next, null when the page was opened without `next`. */
export function welcomeContextBody() {
  const { optionalFields } = registerContextBody();
  return {
    contextData: contextData(),
    registrationFields: {},
    optionalFields,
  };
}

/** 200 of POST /api/user/v2/account/login_session/ (user_authn/views/login.py login_user): the
 *  page the LMS sends the learner to (get_next_url_for_login_page: the form's `next` when
 *  allowed, else the dashboard). The LMS also sets the logged-in cookies (session and JWT),
 *  which Pact does not describe; the stub sets its own. */
export function loginSuccessBody(redirectUrl: string) {
  return {
    success: boolean(true),
    redirect_url: MatchersV3.fromProviderState('${redirect_url}', redirectUrl),
  };
}

/** 400 of the same call for wrong credentials (AuthFailedError.get_response, raised by
 *  login.py's _handle_failed_authentication): the MFE picks its message by `error_code`, and by
 *  `context.failureCount` (src/login/LoginFailure.jsx: "The username, email, or password you
 *  entered is incorrect. Please try again." for the first failure, a reset link for the second;
 *  no message at all without the count). */
export function loginFailureBody() {
  return {
    success: boolean(false),
    value: like('Email or password is incorrect.'),
    error_code: regex('^[a-z-]+$', 'incorrect-email-or-password'),
    context: { failureCount: integer(1) },
  };
}

/** 200 of POST /api/user/v2/account/registration/ for a new account: where to go (its `next`,
 *  else the dashboard) and the account created, which the welcome page reads. The LMS also logs
 *  the new account in (session and JWT cookies). */
export function registrationSuccessBody(redirectUrl: string) {
  return {
    success: boolean(true),
    redirect_url: MatchersV3.fromProviderState('${redirect_url}', redirectUrl),
    authenticated_user: {
      username: MatchersV3.fromProviderState('${username}', 'new_learner'),
      full_name: MatchersV3.fromProviderState('${name}', 'Nia New'),
      user_id: MatchersV3.fromProviderState('${user_id}', 42),
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

/** 200 of POST /api/user/v1/validation/registration (user_authn/views/register.py
 *  RegistrationValidationView): a message for each field sent, '' when it is valid. */
export function validationDecisionsBody(field: string, message: string) {
  return { validation_decisions: { [field]: like(message) } };
}
