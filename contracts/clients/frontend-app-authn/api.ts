/**
 * The authn MFE's LMS calls (login and registration pages), each request built as
 * frontend-app-authn builds it:
 *  - openedx/frontend-app-authn:src/common-components/data/service.js (getThirdPartyAuthContext:
 *    GET /api/mfe_context with the page's query as `params`; getCountryList)
 *  - openedx/frontend-app-authn:src/login/data/service.js (loginRequest)
 *  - openedx/frontend-app-authn:src/register/data/service.js (registerRequest,
 *    getFieldsValidations)
 * The login and registration POSTs go through the authenticated client with `isPublic: true`
 * (no JWT refresh: nobody is logged in yet, but the CSRF token is still fetched) and bodies
 * encoded by query-string's `stringify`; the field validation goes through the plain
 * `getHttpClient()` (no credentials, no CSRF token). Since the MFE's TypeScript rewrite
 * (src/<page>/data/api.ts) the same requests are built through frontend-base. The MFE is not
 * published on npm, so this typed client is what the contracts drive.
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
export async function getThirdPartyAuthContext(urlParams: Record<string, string>) {
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

/** The registration form's countries as `{ code, name }`; [] when the call fails. */
export async function getCountryList(): Promise<{ code: string; name: string }[]> {
  try {
    const { data } = await auth
      .getAuthenticatedHttpClient()
      .get(`${lms()}/user_api/v1/account/registration/`, PUBLIC_FORM as object);
    const fields = (data?.fields ?? []) as {
      name: string;
      options?: { value: string; name: string }[];
    }[];
    return (
      fields
        .find(({ name }) => name === 'country')
        ?.options?.map(({ value, name }) => ({ code: value, name })) ?? []
    );
  } catch {
    return [];
  }
}

export async function loginRequest(creds: Record<string, string>) {
  try {
    const { data } = await auth
      .getAuthenticatedHttpClient()
      .post(
        `${lms()}/api/user/v2/account/login_session/`,
        queryString.stringify(creds),
        PUBLIC_FORM as object,
      );
    return {
      redirectUrl: data.redirect_url || `${lms()}/dashboard`,
      success: data.success || false,
    };
  } catch (error) {
    throw asAuthnError(error);
  }
}

export async function registerRequest(registrationInformation: Record<string, unknown>) {
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

export async function getFieldsValidations(formPayload: Record<string, unknown>) {
  const { data } = await auth
    .getHttpClient()
    .post(`${lms()}/api/user/v1/validation/registration`, queryString.stringify(formPayload), FORM);
  return { fieldValidations: data };
}
