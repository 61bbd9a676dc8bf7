/**
 * The account MFE's settings calls, built exactly as
 * openedx/frontend-app-account:src/account-settings/data/service.js builds them (URL from
 * getConfig().LMS_BASE_URL, the platform's authenticated client, merge-patch for updates), with
 * the same reshaping of the account the settings page reads: one `social_link_<platform>` field
 * per platform and the first language proficiency as a plain code.
 * The MFE is not published on npm, so this typed copy is what the contracts drive.
 */
import { auth, getConfig } from '../../support/platform';

const MERGE_PATCH = { headers: { 'Content-Type': 'application/merge-patch+json' } };

export type Preferences = Record<string, string>;

/** The settings page's fields for the social links the LMS stores as a list. */
const SOCIAL_PLATFORMS = [
  { id: 'xTwitter', key: 'social_link_x' },
  { id: 'facebook', key: 'social_link_facebook' },
  { id: 'linkedin', key: 'social_link_linkedin' },
] as const;

type SocialLink = { platform: string; social_link: string };

/** The account as the settings form reads it (time_zone lives in the preferences instead). */
function toSettingsFields(data: Record<string, unknown>): Record<string, unknown> {
  const { time_zone: _timeZoneIsAPreference, ...fields } = data;
  const links = (data.social_links as SocialLink[] | undefined) ?? [];
  for (const { id, key } of SOCIAL_PLATFORMS) {
    fields[key] = links.find(({ platform }) => platform === id)?.social_link ?? '';
  }
  if (Array.isArray(data.language_proficiencies)) {
    fields.language_proficiencies =
      (data.language_proficiencies[0] as { code?: string } | undefined)?.code ?? '';
  }
  return fields;
}

/** The settings form's values as the accounts API takes them (the inverse of the above). */
function toAccountChanges(values: Record<string, unknown>): Record<string, unknown> {
  const changes = { ...values };
  for (const { id, key } of SOCIAL_PLATFORMS) {
    if (values[key] === undefined) continue;
    changes.social_links = [{ platform: id, social_link: values[key] }];
    delete changes[key];
  }
  if (values.language_proficiencies !== undefined) {
    changes.language_proficiencies = values.language_proficiencies
      ? [{ code: values.language_proficiencies }]
      : [];
  }
  if (values.year_of_birth !== undefined) changes.year_of_birth = values.year_of_birth || null;
  return changes;
}

/** A rejected update, with the LMS's per-field messages as the settings form shows them. */
export class AccountUpdateError extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super(
      `[contracts] The LMS rejected the account update: ${Object.keys(fieldErrors).join(', ')}.`,
    );
  }
}

export async function getAccount(username: string): Promise<Record<string, unknown>> {
  const { data } = await auth
    .getAuthenticatedHttpClient()
    .get(`${getConfig().LMS_BASE_URL}/api/user/v1/accounts/${username}`);
  return toSettingsFields(data);
}

export async function patchAccount(
  username: string,
  commitValues: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  try {
    const { data } = await auth
      .getAuthenticatedHttpClient()
      .patch(
        `${getConfig().LMS_BASE_URL}/api/user/v1/accounts/${username}`,
        toAccountChanges(commitValues),
        MERGE_PATCH,
      );
    return toSettingsFields(data);
  } catch (error) {
    const fieldErrors = (
      error as { response?: { data?: { field_errors?: Record<string, { user_message: string }> } } }
    ).response?.data?.field_errors;
    if (!fieldErrors) throw error;
    throw new AccountUpdateError(
      Object.fromEntries(Object.entries(fieldErrors).map(([f, e]) => [f, e.user_message])),
    );
  }
}

export async function getPreferences(username: string): Promise<Preferences> {
  const { data } = await auth
    .getAuthenticatedHttpClient()
    .get(`${getConfig().LMS_BASE_URL}/api/user/v1/preferences/${username}`);
  return data;
}

/** The LMS answers 204 with no body; the MFE returns what it sent, as here. */
export async function patchPreferences(
  username: string,
  commitValues: Preferences,
): Promise<Preferences> {
  await auth
    .getAuthenticatedHttpClient()
    .patch(
      `${getConfig().LMS_BASE_URL}/api/user/v1/preferences/${username}`,
      commitValues,
      MERGE_PATCH,
    );
  return commitValues;
}

export type TimeZone = { time_zone: string; description: string };

/** Time zones to offer, those of one country when `forCountry` is set. */
export async function getTimeZones(forCountry?: string): Promise<TimeZone[]> {
  const { data } = await auth
    .getAuthenticatedHttpClient()
    .get(`${getConfig().LMS_BASE_URL}/user_api/v1/preferences/time_zones/`, {
      params: { country_code: forCountry },
    });
  return data;
}

/** The country codes of the registration form's country field; [] when the call fails. */
export async function getCountryList(): Promise<string[]> {
  try {
    const { data } = await auth
      .getAuthenticatedHttpClient()
      .get(`${getConfig().LMS_BASE_URL}/user_api/v1/account/registration/`);
    const fields = (data?.fields ?? []) as { name: string; options?: { value: string }[] }[];
    return fields.find(({ name }) => name === 'country')?.options?.map(({ value }) => value) ?? [];
  } catch {
    return [];
  }
}
