/**
 * The account MFE's settings calls, built exactly as
 * openedx/frontend-app-account:src/account-settings/data/service.js builds them (URL from
 * getConfig().LMS_BASE_URL, the platform's authenticated client, merge-patch for updates).
 * The MFE is not published on npm, so this typed copy is what the contracts drive.
 */
import { auth, getConfig } from '../../support/platform';

const MERGE_PATCH = { headers: { 'Content-Type': 'application/merge-patch+json' } };

export type Preferences = Record<string, string>;

export async function getAccount(username: string): Promise<Record<string, unknown>> {
  const { data } = await auth
    .getAuthenticatedHttpClient()
    .get(`${getConfig().LMS_BASE_URL}/api/user/v1/accounts/${username}`);
  return data;
}

export async function patchAccount(
  username: string,
  commitValues: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const { data } = await auth
    .getAuthenticatedHttpClient()
    .patch(
      `${getConfig().LMS_BASE_URL}/api/user/v1/accounts/${username}`,
      commitValues,
      MERGE_PATCH,
    );
  return data;
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
