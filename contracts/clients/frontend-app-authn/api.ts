/**
 * The authn MFE's LMS calls (the login and registration pages), each request built as
 * openedx/frontend-app-authn builds it at commit 211cfcb2 (its HEAD when these contracts were
 * written; the MFE is not published on npm, so this typed client is what the contracts drive):
 *  - src/common-components/data/api.ts getThirdPartyAuthContext: GET /api/mfe_context through
 *    the authenticated client with `isPublic: true`, the page's query as `params` (the login
 *    page: its AUTH_PARAMS such as `next`; the registration page adds `is_register_page: true`);
 *  - src/login/data/api.ts login: POST /api/user/v2/account/login_session/, the form
 *    `{ email_or_username, password, ...the page's AUTH_PARAMS }` encoded by query-string's
 *    `stringify` (keys sorted), form-urlencoded, public (no JWT refresh, but the CSRF token is
 *    fetched first);
 *  - src/register/data/api.ts registerNewUserApi: POST /api/user/v2/account/registration/, the
 *    same way; getFieldsValidations: POST /api/user/v1/validation/registration through the plain
 *    `getHttpClient()` (no credentials, no CSRF token), one field per call, on blur.
 *  - src/progressive-profiling/data/api.ts patchAccount: the welcome page a new account lands on
 *    saves its answers with PATCH /api/user/v1/accounts/{username} (merge-patch JSON, through
 *    the authenticated client: the registration's cookies log it in).
 * The registration page's country list is frontend-platform's own (i18n getCountryList), not an
 * LMS call. Failures are returned as the MFE's hooks read them (src/login/data/apiHook.ts,
 * src/register/data/apiHook.ts): the status and the camel-cased body.
 */
import queryString from 'query-string';
import { auth, getConfig } from '../../support/platform';
import { camelCaseObject } from '../../support/platform-extras';

type Json = Record<string, unknown>;

const FORM = { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
const PUBLIC_FORM = { ...FORM, isPublic: true };

const lms = () => getConfig().LMS_BASE_URL;

/** An answer of the LMS that the login or registration page shows to the visitor. */
export class AuthnRequestError extends Error {
  constructor(
    readonly status: number,
    readonly data: Json,
  ) {
    super(`[contracts] The LMS refused the request with ${status}.`);
  }
}

function asAuthnError(error: unknown): unknown {
  const response = (error as { response?: { status: number; data: unknown } }).response;
  if (!response || typeof response.data !== 'object' || response.data === null) return error;
  return new AuthnRequestError(response.status, camelCaseObject(response.data));
}

/** The login and registration pages' context: providers, form fields, platform name. */
export async function getThirdPartyAuthContext(urlParams: Record<string, string | boolean>) {
  const { data } = await auth.getAuthenticatedHttpClient().get(`${lms()}/api/mfe_context`, {
    ...PUBLIC_FORM,
    params: urlParams,
  } as object);
  return {
    fieldDescriptions: data.registrationFields || {},
    optionalFields: data.optionalFields || {},
    thirdPartyAuthContext: data.contextData || {},
  };
}

/** `creds`: `email_or_username`, `password` and the page's query (`next`). */
export async function login(creds: Record<string, string>) {
  try {
    const { data } = await auth
      .getAuthenticatedHttpClient()
      .post(
        `${lms()}/api/user/v2/account/login_session/`,
        queryString.stringify(creds),
        PUBLIC_FORM as object,
      );
    return camelCaseObject({
      redirectUrl: data.redirect_url || `${lms()}/dashboard`,
      success: data.success || false,
    });
  } catch (error) {
    throw asAuthnError(error);
  }
}

export async function registerNewUserApi(registrationInformation: Record<string, unknown>) {
  try {
    const { data } = await auth
      .getAuthenticatedHttpClient()
      .post(
        `${lms()}/api/user/v2/account/registration/`,
        queryString.stringify(registrationInformation),
        PUBLIC_FORM as object,
      );
    return {
      redirectUrl: data.redirect_url || `${lms()}/dashboard`,
      success: data.success || false,
      authenticatedUser: data.authenticated_user,
    };
  } catch (error) {
    throw asAuthnError(error);
  }
}

/** One field of the registration form, as the page validates it on blur. */
export async function getFieldsValidations(formPayload: Record<string, unknown>) {
  const { data } = await auth
    .getHttpClient()
    .post(`${lms()}/api/user/v1/validation/registration`, queryString.stringify(formPayload), FORM);
  return { fieldValidations: camelCaseObject(data) };
}

/** The welcome page's answers, e.g. `{ goals: '…', extended_profile: [] }`. */
export async function patchAccount(username: string, commitValues: Record<string, unknown>) {
  await auth
    .getAuthenticatedHttpClient()
    .patch(`${lms()}/api/user/v1/accounts/${username}`, commitValues, {
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });
}
