/**
 * Response bodies the LMS returns, as Pact templates: shape by matchers, realistic example
 * values (from openedx-platform and the MFEs' own mocks), and state-dependent values injected
 * from provider-state parameters. Shared by every contract that reads the same resource.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { UserParams } from './states';

const {
  like,
  integer,
  decimal,
  boolean,
  eachLike,
  datetime,
  fromProviderState,
  regex,
  nullValue,
  url2,
} = MatchersV3;

export const ISO_DATETIME = "yyyy-MM-dd'T'HH:mm:ss'Z'";

/** GET /api/user/v1/accounts/{username}: the fields frontend-platform's hydration, the account
 *  MFE and the profile MFE read (openedx-platform user_api/accounts/views.py, snake_case). */
export function accountBody(user: UserParams) {
  return {
    id: fromProviderState('${user_id}', user.user_id),
    username: fromProviderState('${username}', user.username),
    email: fromProviderState('${email}', user.email),
    name: fromProviderState('${name}', user.name),
    bio: like('Learning about Open edX.'),
    country: like('US'),
    date_joined: datetime(ISO_DATETIME, '2024-09-01T10:00:00Z'),
    last_login: datetime(ISO_DATETIME, '2026-11-01T09:30:00Z'),
    is_active: boolean(true),
    year_of_birth: integer(1990),
    level_of_education: like('b'),
    gender: like('f'),
    goals: like('Finish the demo course'),
    mailing_address: like(''),
    language_proficiencies: eachLike({ code: like('en') }),
    social_links: eachLike({
      platform: regex('^(xTwitter|facebook|linkedin)$', 'linkedin'),
      social_link: like('https://www.linkedin.com/in/vera-verified'),
    }),
    profile_image: {
      has_image: boolean(false),
      // Absolute LMS URLs: mock-server URLs, so a stub answers with its own address.
      image_url_full: url2(null, ['static', 'images', 'profiles', 'default_500.png']),
      image_url_large: url2(null, ['static', 'images', 'profiles', 'default_120.png']),
      image_url_medium: url2(null, ['static', 'images', 'profiles', 'default_50.png']),
      image_url_small: url2(null, ['static', 'images', 'profiles', 'default_30.png']),
    },
    requires_parental_consent: boolean(false),
    account_privacy: regex('^(private|all_users|custom)$', 'custom'),
    accomplishments_shared: boolean(false),
    extended_profile: like([]),
    secondary_email: nullValue(),
    time_zone: nullValue(),
    phone_number: nullValue(),
    is_verified_name_enabled: boolean(false),
    pending_name_change: nullValue(),
  };
}

/** GET /api/user/v1/preferences/{username}: a flat map of string preferences. One body for
 *  every consumer (the LMS returns all of a user's preferences whoever asks), so the stub never
 *  sees two different answers to the same request. The profile MFE parses
 *  `visibility.extended_profile`, a JSON string. */
export function preferencesBody() {
  return {
    'pref-lang': like('en'),
    time_zone: like('America/New_York'),
    account_privacy: like('custom'),
    'visibility.name': like('all_users'),
    'visibility.bio': like('all_users'),
    'visibility.country': like('all_users'),
    'visibility.extended_profile': like('{}'),
    'visibility.course_certificates': like('all_users'),
    'visibility.date_joined': like('all_users'),
    'visibility.level_of_education': like('all_users'),
    'visibility.language_proficiencies': like('all_users'),
    'visibility.social_links': like('all_users'),
    'visibility.time_zone': like('all_users'),
  };
}

/** POST /login_refresh for a logged-in user (openedx-platform user_authn/cookies.py). One
 *  definition, because every contract that boots an MFE declares this same interaction. */
export function refreshedCookieBody(user: UserParams) {
  return {
    success: boolean(true),
    user_id: fromProviderState('${user_id}', user.user_id),
    response_epoch_seconds: decimal(1767222000.52),
    response_http_date: like('Wed, 31 Dec 2025 23:00:00 GMT'),
    expires: like('Thu, 01 Jan 2026 00:00:00 GMT'),
    expires_epoch_seconds: integer(1767225600),
  };
}

/** GET /user_api/v1/account/registration/: the registration form description. Account, profile
 *  and authn read the country field's options (openedx-platform user_authn/views/registration_form.py). */
export function registrationFormBody() {
  return {
    method: like('post'),
    submit_url: like('/user_api/v1/account/registration/'),
    fields: MatchersV3.arrayContaining({
      name: 'country',
      type: like('select'),
      label: like('Country or Region of Residence'),
      required: boolean(true),
      options: MatchersV3.arrayContaining(
        { value: '', name: like('--'), default: boolean(true) },
        { value: regex('^[A-Z]{2}$', 'US'), name: like('United States') },
      ),
    }),
  };
}

/** GET /user_api/v1/preferences/time_zones/?country_code=: the choices of the time zone field. */
export function timeZonesBody() {
  return eachLike({
    time_zone: like('America/New_York'),
    description: like('America/New_York (EST, UTC-0500)'),
  });
}

/** A 400 of the accounts API's PATCH: a message per rejected field (user_api/accounts/api.py). */
export function accountFieldErrorsBody(
  field: string,
  developerMessage: string,
  userMessage: string,
) {
  return {
    field_errors: {
      [field]: { developer_message: like(developerMessage), user_message: like(userMessage) },
    },
  };
}
