/**
 * The profile MFE's LMS calls, each request built as
 * openedx/frontend-app-profile:src/profile/data/services.js builds it at commit 40a19bb (its
 * HEAD in December 2026): URLs from getConfig().LMS_BASE_URL, the platform's authenticated
 * client (the MFE imports it under the name `getHttpClient`), merge-patch for updates, the
 * preference keys renamed to the LMS's `visibility.<field>` form, account answers camelCased and
 * given the MFE's defaults. The MFE's own camelCaseObject/snakeCaseObject (src/profile/utils.js)
 * use lodash's camelCase/snakeCase as the platform's do.
 * The MFE is not published on npm: the registry's @edx/frontend-app-profile (1.6.6) is a build
 * of edx's old fork (github edx/frontend-app-profile, frontend-platform 1.12.4, no
 * getCountryList), not this code. So this typed client is what the contracts drive.
 */
import { auth, getConfig } from '../../support/platform';
import { camelCaseObject, snakeCaseObject } from '../../support/platform-extras';

type Json = Record<string, unknown>;

const lms = () => getConfig().LMS_BASE_URL;
const client = () => auth.getAuthenticatedHttpClient();
const MERGE_PATCH = { headers: { 'Content-Type': 'application/merge-patch+json' } };

/** processAccountData: camelCased, with the defaults the page relies on. */
function processAccountData(data: unknown): Json {
  const account = camelCaseObject(data);
  return {
    ...account,
    socialLinks: Array.isArray(account.socialLinks) ? account.socialLinks : [],
    languageProficiencies: Array.isArray(account.languageProficiencies)
      ? account.languageProficiencies
      : [],
    name: account.name || null,
    bio: account.bio || null,
    country: account.country || null,
    levelOfEducation: account.levelOfEducation || null,
    profileImage: account.profileImage || {},
    yearOfBirth: account.yearOfBirth || null,
  };
}

export async function getAccount(username: string): Promise<Json> {
  const { data } = await client().get(`${lms()}/api/user/v1/accounts/${username}`);
  return processAccountData(data);
}

export async function patchProfile(username: string, params: Json): Promise<Json> {
  const { data } = await client().patch(
    `${lms()}/api/user/v1/accounts/${username}`,
    snakeCaseObject(params),
    MERGE_PATCH,
  );
  return processAccountData(data);
}

/** The LMS answers 204; the MFE reads the account again for the new image URLs. */
export async function deleteProfilePhoto(username: string): Promise<Json> {
  await client().delete(`${lms()}/api/user/v1/accounts/${username}/image`);
  const updated = await getAccount(username);
  return updated.profileImage as Json;
}

export async function getPreferences(username: string): Promise<Json> {
  const { data } = await client().get(`${lms()}/api/user/v1/preferences/${username}`);
  return camelCaseObject(data);
}

/** convertKeyNames: `visibility_name` (snake_cased from `visibilityName`) is `visibility.name`. */
const PREFERENCE_KEYS = [
  'bio',
  'course_certificates',
  'country',
  'date_joined',
  'level_of_education',
  'language_proficiencies',
  'name',
  'social_links',
  'time_zone',
];

function toPreferenceKey(snakeKey: string): string {
  const field = snakeKey.slice('visibility_'.length);
  return snakeKey.startsWith('visibility_') && PREFERENCE_KEYS.includes(field)
    ? `visibility.${field}`
    : snakeKey;
}

/** The LMS answers 204; the MFE returns what it asked to save. */
export async function patchPreferences(username: string, params: Json): Promise<Json> {
  const snake = snakeCaseObject(params);
  const body: Json = Object.fromEntries(
    Object.entries(snake).map(([key, value]) => [toPreferenceKey(key), value]),
  );
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

/** The country codes of the registration form's country field; errors give []. */
export async function getCountryList(): Promise<string[]> {
  try {
    const { data } = await client().get(`${lms()}/user_api/v1/account/registration/`);
    const fields = (data as { fields?: { name: string; options?: { value: string }[] }[] }).fields;
    return fields?.find(({ name }) => name === 'country')?.options?.map(({ value }) => value) ?? [];
  } catch {
    return [];
  }
}
