/**
 * The profile MFE's LMS calls, each request built as
 * openedx/frontend-app-profile:src/profile/data/services.js builds it: URLs from
 * getConfig().LMS_BASE_URL, the platform's authenticated client (the MFE imports it under the
 * name `getHttpClient`), merge-patch for updates, preference keys renamed to the LMS's
 * `visibility.<field>` form. Answers are camelCased as the MFE camelCases them.
 * The MFE is not published on npm, so this typed client is what the contracts drive.
 */

import { auth, getConfig } from '../../support/platform';
import { camelCaseObject, snakeCaseObject } from '../../support/platform-extras';

type Json = Record<string, unknown>;

const lms = () => getConfig().LMS_BASE_URL;
const client = () => auth.getAuthenticatedHttpClient();
const MERGE_PATCH = { headers: { 'Content-Type': 'application/merge-patch+json' } };

export async function getAccount(username: string): Promise<Json> {
  const { data } = await client().get(`${lms()}/api/user/v1/accounts/${username}`);
  return camelCaseObject(data);
}

export async function patchProfile(username: string, params: Json): Promise<Json> {
  const { data } = await client().patch(
    `${lms()}/api/user/v1/accounts/${username}`,
    snakeCaseObject(params),
    MERGE_PATCH,
  );
  return camelCaseObject(data);
}

export async function getPreferences(username: string): Promise<Json> {
  const { data } = await client().get(`${lms()}/api/user/v1/preferences/${username}`);
  return {
    ...camelCaseObject(data),
    // The only preference stored as JSON text.
    visibilityExtendedProfile: JSON.parse(data['visibility.extended_profile']),
  };
}

/** `visibility_name` (snake_cased from the MFE's `visibilityName`) is `visibility.name` in the LMS. */
function toPreferenceKey(snakeKey: string): string {
  return snakeKey.startsWith('visibility_')
    ? `visibility.${snakeKey.slice('visibility_'.length)}`
    : snakeKey;
}

/** The LMS answers 204; the MFE returns what it asked to save. */
export async function patchPreferences(username: string, params: Json): Promise<Json> {
  const snake = snakeCaseObject(params);
  const body: Json = Object.fromEntries(
    Object.entries(snake).map(([key, value]) => [toPreferenceKey(key), value]),
  );
  if ('visibility.extended_profile' in body) {
    body['visibility.extended_profile'] = JSON.stringify(body['visibility.extended_profile']);
  }
  await client().patch(`${lms()}/api/user/v1/preferences/${username}`, body, MERGE_PATCH);
  return params;
}

/** The learner's certificates; a relative download URL is made absolute on the LMS. */
export async function getCourseCertificates(username: string): Promise<Json[]> {
  try {
    const { data } = await client().get(`${lms()}/api/certificates/v0/certificates/${username}/`);
    return (data as Json[]).map((certificate) => {
      const url = certificate.download_url;
      const relative = typeof url === 'string' && !/^https?:\/\//.test(url);
      return {
        ...camelCaseObject(certificate),
        certificateType: certificate.certificate_type,
        downloadUrl: relative ? `${lms()}${url}` : url,
      };
    });
  } catch {
    return [];
  }
}
