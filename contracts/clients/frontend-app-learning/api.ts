/**
 * The learning MFE's LMS calls, each request built as frontend-app-learning builds it:
 *  - openedx/frontend-app-learning:src/course-home/data/api.ts (course home metadata, outline,
 *    dates and progress tabs; `appendBrowserTimezoneToUrl` from src/utils.ts)
 *  - openedx/frontend-app-learning:src/courseware/data/api.js (courseware metadata, learning
 *    sequences outline, sequence metadata with `params: { preview }`, navigation sidebar and its
 *    toggles, xblock handlers)
 *  - openedx/frontend-app-learning:src/product-tours/data/api.js (user tours)
 *  - openedx/frontend-app-learning:src/alerts/enrollment-alert/data/api.js (enroll now)
 *  - openedx/frontend-app-learning:src/course-home/data/api.js at 90559439 (edx-proctoring
 *    onboarding status and exam attempts, courseware search toggle; EXAMS_BASE_URL unset, so
 *    the calls go to the LMS's edx-proctoring plugin)
 *  - openedx/frontend-app-learning:src/courseware/course/sequence/Unit/urls.ts at 90559439 (the
 *    unit iframe's URL, which the browser loads as a document, not through the client)
 * URLs come from getConfig().LMS_BASE_URL and every call goes through the platform's
 * authenticated client, as in the MFE. The MFE is not published on npm, so this typed client is
 * what the contracts drive. Each function returns what the MFE's own function hands to its
 * components (camelCased where the MFE camelCases), so tests assert on what the MFE sees.
 */

import { auth, getConfig } from '../../support/platform';
import { camelCaseObject } from '../../support/platform-extras';

type Json = Record<string, unknown>;

const lms = () => getConfig().LMS_BASE_URL;
const client = () => auth.getAuthenticatedHttpClient();

/** The HTTP status of a failed call, as the MFE's `getResponseStatus` reads it. */
export function responseStatus(error: unknown): number | undefined {
  return (error as { response?: { status?: number } } | null)?.response?.status;
}

/** The browser's IANA time zone as a `browser_timezone` query parameter (src/utils.ts). */
function withBrowserTimezone(url: string): string {
  const browserTimezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const withZone = new URL(url);
  if (browserTimezone) withZone.searchParams.append('browser_timezone', browserTimezone);
  return withZone.href;
}

/** Calls whose 401/403 the MFE turns into an empty tab, because course_metadata already tells
 *  it why the learner has no access. */
async function emptyOnAccessError(request: Promise<{ data: unknown }>, statuses: number[]) {
  try {
    const { data } = await request;
    return camelCaseObject(data);
  } catch (error) {
    const status = responseStatus(error);
    if (status !== undefined && statuses.includes(status)) return {};
    throw error;
  }
}

export async function getCourseHomeCourseMetadata(courseId: string): Promise<Json> {
  const url = withBrowserTimezone(`${lms()}/api/course_home/course_metadata/${courseId}`);
  const { data } = await client().get(url);
  const metadata = camelCaseObject(data);
  return { ...metadata, isMasquerading: !!metadata.originalUserIsStaff && !metadata.isStaff };
}

export async function getCoursewareMetadata(courseId: string): Promise<Json> {
  const url = withBrowserTimezone(`${lms()}/api/courseware/course/${courseId}`);
  const { data } = await client().get(url);
  const enrollment = data.enrollment as { mode: string | null; is_active: boolean };
  return {
    ...camelCaseObject(data),
    title: data.name,
    enrollmentMode: enrollment.mode,
    isEnrolled: enrollment.is_active,
  };
}

export async function getLearningSequencesOutline(courseId: string): Promise<Json> {
  const url = new URL(`${lms()}/api/learning_sequences/v1/course_outline/${courseId}`);
  const { data } = await client().get(url.href, {});
  return data;
}

export async function getSequenceMetadata(
  sequenceId: string,
  params: { preview: '0' | '1' },
): Promise<Json> {
  const { data } = await client().get(`${lms()}/api/courseware/sequence/${sequenceId}`, {
    params,
  });
  return data;
}

/** The courseware sidebar tree, or null when the LMS sends no blocks. */
export async function getCourseNavigation(courseId: string): Promise<Json | null> {
  const { data } = await client().get(`${lms()}/api/course_home/v1/navigation/${courseId}`);
  return data.blocks ? (data.blocks as Json) : null;
}

export async function getCoursewareOutlineSidebarToggles(
  courseId: string,
): Promise<{ enable_completion_tracking: boolean }> {
  const url = new URL(`${lms()}/courses/${courseId}/courseware-navigation-sidebar/toggles/`);
  const { data } = await client().get(url.href);
  return { enable_completion_tracking: data.enable_completion_tracking || false };
}

export async function getOutlineTabData(courseId: string): Promise<Json> {
  let data: Json;
  try {
    ({ data } = await client().get(`${lms()}/api/course_home/outline/${courseId}`));
  } catch (error) {
    if (responseStatus(error) === 403) return {};
    throw error;
  }
  // The MFE camelCases each part but reads course_blocks raw: its keys are usage keys.
  return { ...camelCaseObject(data), courseBlocks: data.course_blocks };
}

export async function getDatesTabData(courseId: string): Promise<Json> {
  return emptyOnAccessError(client().get(`${lms()}/api/course_home/dates/${courseId}`), [401, 403]);
}

export async function getProgressTabData(courseId: string): Promise<Json> {
  let data: Json;
  try {
    ({ data } = await client().get(`${lms()}/api/course_home/progress/${courseId}`));
  } catch (error) {
    const status = responseStatus(error);
    if (status === 401 || status === 403) return {};
    throw error;
  }
  const progress = camelCaseObject<Json & { gradingPolicy: Json }>(data);
  // Grade letters are the course team's own labels ("Pass", "A"): the MFE keeps their case.
  progress.gradingPolicy.gradeRange = (data.grading_policy as Json).grade_range;
  const locked = (progress.completionSummary as { lockedCount?: number }).lockedCount ?? 0;
  return { ...progress, gradesFeatureIsFullyLocked: locked > 0 };
}

export async function getTourData(username: string): Promise<Json> {
  try {
    const { data } = await client().get(`${lms()}/api/user_tours/v1/${username}`);
    return { toursEnabled: true, ...camelCaseObject(data) };
  } catch (error) {
    // 401 not logged in, 403 tours waffle flag off, 404 no tour record for the user.
    const status = responseStatus(error);
    if (status === 401 || status === 403 || status === 404) return { toursEnabled: false };
    throw error;
  }
}

export async function postCourseEnrollment(courseId: string): Promise<Json> {
  const { data } = await client().post(`${lms()}/api/enrollment/v1/enrollment`, {
    course_details: { course_id: courseId },
  });
  return data;
}

const sequenceHandlerUrl = (courseId: string, sequenceId: string) =>
  `${lms()}/courses/${courseId}/xblock/${sequenceId}/handler`;

export async function getBlockCompletion(
  courseId: string,
  sequenceId: string,
  usageKey: string,
): Promise<boolean> {
  const { data } = await client().post(
    `${sequenceHandlerUrl(courseId, sequenceId)}/get_completion`,
    {
      usage_key: usageKey,
    },
  );
  return data.complete === true;
}

/** The server counts positions from 1, the MFE from 0. */
export async function postSequencePosition(
  courseId: string,
  sequenceId: string,
  activeUnitIndex: number,
): Promise<Json> {
  const { data } = await client().post(
    `${sequenceHandlerUrl(courseId, sequenceId)}/goto_position`,
    {
      position: activeUnitIndex + 1,
    },
  );
  return data;
}

/** The onboarding status of the proctoring panel on the outline tab
 *  (src/course-home/data/api.js getProctoringInfoData): a 404 means "no onboarding exam", which
 *  the MFE turns into an empty object and no panel. */
export async function getProctoringInfoData(courseId: string, username?: string): Promise<Json> {
  let url = `${lms()}/api/edx_proctoring/v1/user_onboarding/status?is_learning_mfe=true&course_id=${encodeURIComponent(courseId)}`;
  if (username) url += `&username=${encodeURIComponent(username)}`;
  try {
    const { data } = await client().get(url);
    return data;
  } catch (error) {
    if (responseStatus(error) === 404) return {};
    throw error;
  }
}

/** The exam of one sequence and the learner's active attempt (getExamsData): the MFE keeps
 *  `exam`, an empty object for a sequence that is no exam. Without a sequence it is the
 *  request frontend-lib-special-exams sends for the active attempt alone. */
export async function getExamsData(courseId: string, sequenceId?: string): Promise<Json> {
  let url = `${lms()}/api/edx_proctoring/v1/proctored_exam/attempt/course_id/${encodeURIComponent(courseId)}?is_learning_mfe=true`;
  if (sequenceId !== undefined) url += `&content_id=${encodeURIComponent(sequenceId)}`;
  try {
    const { data } = await client().get(url);
    return camelCaseObject(data);
  } catch (error) {
    if (responseStatus(error) === 404) return {};
    throw error;
  }
}

/** Whether the courseware search button shows (getCoursewareSearchEnabled). */
export async function getCoursewareSearchEnabled(courseId: string): Promise<{ enabled: boolean }> {
  const url = new URL(`${lms()}/courses/${courseId}/courseware-search/enabled/`);
  const { data } = await client().get(url.href);
  return { enabled: data.enabled || false };
}

/** The URL of the unit iframe (Unit/urls.ts getIFrameUrl): `iframeParams`, the view
 *  (`student_view` for a logged-in user, `public_view` otherwise), `preview`, the sequence's
 *  format when it has one, and `exam_access` (empty outside an exam), sorted. */
export function unitIframeUrl(
  usageKey: string,
  options: { view: 'student_view' | 'public_view'; format: string | null },
): string {
  const url = new URL(`${lms()}/xblock/${usageKey}`);
  url.searchParams.set('show_title', '0');
  url.searchParams.set('show_bookmark', '0');
  url.searchParams.set('recheck_access', '1');
  url.searchParams.set('view', options.view);
  url.searchParams.set('preview', '0');
  if (options.format) url.searchParams.set('format', options.format);
  url.searchParams.set('exam_access', '');
  url.searchParams.sort();
  return url.toString();
}

/** What the browser gets when it loads the iframe: a document request with the LMS's cookies
 *  and no API headers (XHR here, so the test can read the answer). */
export function loadUnitIframe(
  url: string,
): Promise<{ status: number; contentType: string; html: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.withCredentials = true;
    xhr.onload = () =>
      resolve({
        status: xhr.status,
        contentType: xhr.getResponseHeader('Content-Type') ?? '',
        html: xhr.responseText,
      });
    xhr.onerror = () => reject(new Error(`GET ${url} failed`));
    xhr.send();
  });
}

/** The staff toolbar's masquerade options
 *  (src/instructor-toolbar/masquerade-widget/data/api.ts at 90559439). */
export async function getMasqueradeOptions(courseId: string): Promise<Json> {
  const url = new URL(`${lms()}/courses/${courseId}/masquerade`);
  const { data } = await client().get(url.href, {});
  return camelCaseObject(data);
}
