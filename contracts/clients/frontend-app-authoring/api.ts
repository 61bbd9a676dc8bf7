/**
 * The course-authoring MFE's calls on the first render of Studio home (the course list) and of a
 * course's outline, each request built as openedx/frontend-app-authoring builds it at commit
 * f10e018 (f10e018ef, "fix: Fix course file sorting regression"):
 *  - src/studio-home/data/api.ts (getStudioHomeData, getStudioHomeCoursesV2 with its
 *    snake_cased `params`)
 *  - src/data/api.ts (getCourseDetails from the LMS, getWaffleFlags)
 *  - src/course-outline/data/api.ts (getCourseOutlineIndex, getCourseDetails from Studio,
 *    getCourseBestPractices, getCourseLaunch)
 *  - src/course-libraries/data/api.ts (getEntityLinksSummaryByDownstreamContext,
 *    getCourseReadyToMigrateLegacyLibContentBlocks)
 *  - src/content-tags-drawer/data/api.ts (getContentTaxonomyTagsData)
 *  - src/search-manager/data/api.ts (getContentSearchConfig)
 *  - src/help-urls/data/api.ts (getHelpUrls)
 *  - src/generic/data/api.ts (getClipboard, getTagsCount)
 * Studio URLs come from getConfig().STUDIO_BASE_URL, the course details from LMS_BASE_URL, and
 * every call goes through the platform's authenticated client, as in the MFE. The MFE is not
 * published on npm, so this typed client is what the contracts drive. Each function returns what
 * the MFE's own function hands to its components (camelCased where the MFE camelCases).
 */

import { auth, getConfig } from '../../support/platform';
import { camelCaseObject, snakeCaseObject } from '../../support/platform-extras';

type Json = Record<string, unknown>;

const studio = () => getConfig().STUDIO_BASE_URL as string;
const lms = () => getConfig().LMS_BASE_URL;
const client = () => auth.getAuthenticatedHttpClient();

/** The HTTP status of a failed call, as the MFE's error handlers read it. */
export function responseStatus(error: unknown): number | undefined {
  return (error as { response?: { status?: number } } | null)?.response?.status;
}

// --- Studio home (src/studio-home/data/api.ts) -----------------------------------------------

export async function getStudioHomeData(): Promise<Json> {
  const { data } = await client().get(new URL('api/contentstore/v1/home', studio()).href);
  return camelCaseObject(data);
}

/** The paginated course list. `search` is the page's own query string (empty on first render);
 *  the hook passes `{ page: 1, order: 'display_name' }` (src/studio-home/hooks.tsx). */
export async function getStudioHomeCoursesV2(search: string, customParams: Json): Promise<Json> {
  const { data } = await client().get(`${studio()}/api/contentstore/v2/home/courses${search}`, {
    params: snakeCaseObject(customParams),
  });
  return camelCaseObject(data);
}

// --- Shared course data (src/data/api.ts) ----------------------------------------------------

/** The course as the LMS's course API describes it (header title, number, org). */
export async function getCourseDetails(courseId: string, username: string): Promise<Json> {
  const { data } = await client().get(
    `${lms()}/api/courses/v1/courses/${courseId}?username=${username}`,
  );
  return { id: data.course_id, ...camelCaseObject<Json>(data) };
}

/** Studio's waffle flags, system-wide (no course) or for one course. */
export async function getWaffleFlags(courseId?: string): Promise<Json> {
  const path = '/api/contentstore/v1/course_waffle_flags';
  const url = courseId ? `${studio()}${path}/${courseId}` : `${studio()}${path}`;
  const { data } = await client().get(url);
  return { id: data.course_id, ...camelCaseObject<Json>(data) };
}

// --- Course outline (src/course-outline/data/api.ts) -----------------------------------------

export async function getCourseOutlineIndex(courseId: string): Promise<Json> {
  const { data } = await client().get(`${studio()}/api/contentstore/v1/course_index/${courseId}`);
  return camelCaseObject(data);
}

/** Studio's course settings summary (title, self-paced), distinct from the LMS's course API. */
export async function getStudioCourseDetails(courseId: string): Promise<Json> {
  const { data } = await client().get(`${studio()}/api/contentstore/v1/course_details/${courseId}`);
  return camelCaseObject(data);
}

export async function getCourseBestPractices(options: {
  courseId: string;
  excludeGraded: boolean;
  all: boolean;
}): Promise<Json> {
  const { courseId, excludeGraded, all } = options;
  const { data } = await client().get(
    `${studio()}/api/courses/v1/quality/${courseId}/?exclude_graded=${excludeGraded}&all=${all}`,
  );
  return camelCaseObject(data);
}

export async function getCourseLaunch(options: {
  courseId: string;
  gradedOnly: boolean;
  validateOras: boolean;
  all: boolean;
}): Promise<Json> {
  const { courseId, gradedOnly, validateOras, all } = options;
  const { data } = await client().get(
    `${studio()}/api/courses/v1/validation/${courseId}/?graded_only=${gradedOnly}&validate_oras=${validateOras}&all=${all}`,
  );
  return camelCaseObject(data);
}

// --- Libraries, tags, search, help (the outline page's side calls) ---------------------------

/** Library content linked into the course, summed per library. */
export async function getEntityLinksSummaryByDownstreamContext(courseId: string): Promise<Json[]> {
  const { data } = await client().get(
    `${studio()}/api/contentstore/v2/downstreams/${courseId}/summary`,
  );
  return camelCaseObject(data);
}

/** Blocks of legacy (v1) library content in the course that are ready to migrate to a v2 item
 *  bank (the MFE's getCourseReadyToMigrateLegacyLibContentBlocks). */
export async function getCourseReadyToMigrateLegacyLibContentBlocks(
  courseId: string,
): Promise<Json[]> {
  const { data } = await client().get(
    `${studio()}/api/courses/v1/migrate_legacy_content_blocks/${courseId}/`,
  );
  return camelCaseObject(data);
}

/** The taxonomy tags applied to a content object (the course itself on the outline page). */
export async function getContentTaxonomyTagsData(contentId: string): Promise<Json> {
  const url = new URL(`api/content_tagging/v1/object_tags/${contentId}/`, studio()).href;
  const { data } = await client().get(url);
  return camelCaseObject(data[contentId]);
}

/** Where and how to search Studio content (Meilisearch), when the CMS has it. */
export async function getContentSearchConfig(): Promise<{
  url: string;
  indexName: string;
  apiKey: string;
}> {
  const response = await client().get(new URL('api/content_search/v2/studio/', studio()).href);
  return {
    url: response.data.url,
    indexName: response.data.index_name,
    apiKey: response.data.api_key,
  };
}

export async function getHelpUrls(): Promise<Json> {
  const { data } = await client().get(`${studio()}/api/contentstore/v1/help_urls`);
  return camelCaseObject(data);
}

// --- Clipboard and tag counts (src/generic/data/api.ts) --------------------------------------

/** The user's Studio clipboard (what "copy" last put there), for the paste buttons. */
export async function getClipboard(): Promise<Json> {
  const { data } = await client().get(`${studio()}/api/content-staging/v1/clipboard/`);
  return camelCaseObject(data);
}

/** Tag counts of several objects, by a comma list or a `*` pattern (the outline asks for every
 *  block of the course, `block-v1:{key}*`), implicit tags counted. Not camelCased: the keys are
 *  object ids. */
export async function getTagsCount(contentPattern: string): Promise<Record<string, number>> {
  const url = new URL(
    `api/content_tagging/v1/object_tag_counts/${contentPattern}/?count_implicit`,
    studio(),
  ).href;
  const { data } = await client().get(url);
  return data;
}
