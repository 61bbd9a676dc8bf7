/**
 * The account MFE's settings calls, built exactly as
 * openedx/frontend-app-account:src/account-settings/data/service.js builds them (URL from
 * getConfig().LMS_BASE_URL, the platform's authenticated client, merge-patch for updates), with
 * the same reshaping of the account the settings page reads: one `social_link_<platform>` field
 * per platform and the first language proficiency as a plain code.
 * Also, as frontend-app-account at c935f5a builds them: third-party auth status
 * (src/account-settings/third-party-auth/data/service.js), notification preferences
 * (src/notification-preferences/data/service.js and thunks.js) and name affirmation
 * (getVerifiedName, getVerifiedNameHistory in src/account-settings/data/service.js).
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

export interface ThirdPartyAuthProvider {
  id: string;
  name: string;
  connected: boolean;
  accepts_logins: boolean;
  connectUrl: string;
  disconnectUrl: string;
}

/** The sign-in providers and whether the learner linked each; links made absolute on the LMS. */
export async function getThirdPartyAuthProviders(): Promise<ThirdPartyAuthProvider[]> {
  const lms = getConfig().LMS_BASE_URL;
  const { data } = await auth
    .getAuthenticatedHttpClient()
    .get(`${lms}/api/third_party_auth/v0/providers/user_status`);
  return (data as Record<string, unknown>[]).map(
    ({ connect_url: connectUrl, disconnect_url: disconnectUrl, ...provider }) =>
      ({
        ...provider,
        connectUrl: `${lms}${connectUrl}`,
        disconnectUrl: `${lms}${disconnectUrl}`,
      }) as ThirdPartyAuthProvider,
  );
}

export interface NotificationPreferences {
  apps: { id: string; enabled: boolean }[];
  preferences: { id: string; appId: string; web: boolean; email: boolean; push: boolean }[];
  showPreferences: boolean;
}

/** The notification preferences page's data, flattened as the MFE's thunk flattens it. */
export async function getNotificationPreferences(): Promise<NotificationPreferences> {
  const { data } = await auth
    .getAuthenticatedHttpClient()
    .get(`${getConfig().LMS_BASE_URL}/api/notifications/v3/configurations/`);
  type App = {
    enabled: boolean;
    notification_types: Record<string, { web: boolean; email: boolean; push: boolean }>;
  };
  const apps = data.data as Record<string, App>;
  return {
    apps: Object.entries(apps).map(([id, app]) => ({ id, enabled: app.enabled })),
    preferences: Object.entries(apps).flatMap(([appId, app]) =>
      Object.entries(app.notification_types).map(([id, types]) => ({
        id,
        appId,
        web: types.web,
        email: types.email,
        push: types.push,
      })),
    ),
    showPreferences: data.show_preferences,
  };
}

/** The learner's verified name, or {} when the LMS has none (the MFE swallows any error). */
export async function getVerifiedName(): Promise<Record<string, unknown>> {
  try {
    const { data } = await auth
      .getAuthenticatedHttpClient()
      .get(`${getConfig().LMS_BASE_URL}/api/edx_name_affirmation/v1/verified_name`);
    return data;
  } catch {
    return {};
  }
}

/** The learner's verified name history, or {} when the call fails. */
export async function getVerifiedNameHistory(): Promise<Record<string, unknown>> {
  try {
    const { data } = await auth
      .getAuthenticatedHttpClient()
      .get(`${getConfig().LMS_BASE_URL}/api/edx_name_affirmation/v1/verified_name/history`);
    return data;
  } catch {
    return {};
  }
}
