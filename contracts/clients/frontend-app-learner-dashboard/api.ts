/**
 * The learner dashboard's LMS calls, each request built as frontend-app-learner-dashboard builds
 * it: openedx/frontend-app-learner-dashboard:src/data/services/lms/api.ts (initializeList,
 * logEvent/logShare, updateEmailSettings), with URLs from src/data/services/lms/urls.js
 * (`${getConfig().LMS_BASE_URL}/api/...`) and the query from utils.js (query-string's
 * stringifyUrl, dropping null and empty values, so `?user=` appears only when masquerading).
 * Every call goes through the platform's authenticated client, as in the MFE. The MFE is not
 * published on npm, so this typed client is what the contracts drive.
 */
import queryString from 'query-string';
import { auth, getConfig } from '../../support/platform';

type Json = Record<string, unknown>;

const apiUrl = () => `${getConfig().LMS_BASE_URL}/api`;
const client = () => auth.getAuthenticatedHttpClient();

const stringifyUrl = (url: string, query: Record<string, string | undefined>) =>
  queryString.stringifyUrl({ url, query }, { skipNull: true, skipEmptyString: true });

/** The whole dashboard. `user` is the learner a staff member views the dashboard as. */
export async function initializeList(user?: string): Promise<Json> {
  const { data } = await client().get(stringifyUrl(`${apiUrl()}/learner_home/init`, { user }));
  return data;
}

/** Turns a course's emails on (`receive_emails: 'on'`) or off (the key left out). */
export async function updateEmailSettings({
  courseId,
  enable,
}: {
  courseId: string;
  enable: boolean;
}): Promise<{ status: number; data: unknown }> {
  const content = { course_id: courseId, ...(enable && { receive_emails: 'on' }) };
  return client().post(`${apiUrl()}/change_email_settings`, content);
}

/** The dashboard's own tracking call: a JSON body, unlike the platform's form-encoded one. */
export async function logEvent({
  eventName,
  data,
  courseId,
}: {
  eventName: string;
  data: Json;
  courseId: string;
}): Promise<{ status: number; data: unknown }> {
  const content = {
    courserun_key: courseId,
    event_type: eventName,
    page: window.location.href,
    event: JSON.stringify(data),
  };
  return client().post(`${getConfig().LMS_BASE_URL}/event`, content);
}

/** A click on a social share button of a course card (src/tracking/constants.js names it). */
export function logShare({ courseId, site }: { courseId: string; site: string }) {
  return logEvent({
    eventName: 'edx.course.share_clicked',
    courseId,
    data: { course_id: courseId, social_media_site: site, location: 'dashboard' },
  });
}
