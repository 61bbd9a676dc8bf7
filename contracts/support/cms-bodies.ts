/**
 * Studio (CMS) answers as Pact templates, shaped by openedx-platform's own serializers:
 * cms/djangoapps/contentstore/rest_api/v1/serializers/{home,course_index,course_details,
 * course_waffle_flags}.py, rest_api/v2/views/home.py (the paginated course list, its fields as
 * rest_api/v2/views/tests/test_home.py expects them) and rest_api/v2/serializers/downstreams.py.
 * Values that differ per course or per user come from the provider state's parameters
 * (`fromProviderState`), so the stub answers each persona with its own course values; the rest
 * are examples with type matchers.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { ISO_DATETIME } from './lms-bodies';
import {
  type CourseParams,
  type StudioCourseParams,
  studioCourseParams,
  type TwoStudioCoursesParams,
} from './states';

const { like, boolean, integer, datetime, fromProviderState, nullValue } = MatchersV3;

/** A Studio course value filled from a state parameter, the example course's value as example. */
const param = (name: keyof StudioCourseParams, course: StudioCourseParams) =>
  fromProviderState(`\${${name}}`, String(course[name]));

/** `GET /api/contentstore/v1/home`: what Studio home shows around the course list. The course
 *  list itself comes from the v2 API; `courses` here stays empty because Studio paginates
 *  (openedx-platform cms/djangoapps/contentstore/views/course.py get_home_context with
 *  `no_course=True` once the v2 list is on). */
export function studioHomeBody() {
  return {
    allow_course_reruns: boolean(true),
    allow_to_create_new_org: boolean(false),
    allow_unicode_course_id: boolean(false),
    allowed_organizations: [],
    archived_courses: [],
    can_access_advanced_settings: boolean(true),
    can_create_organizations: boolean(true),
    course_creator_status: like('granted'),
    courses: [],
    in_process_course_actions: [],
    libraries: [],
    libraries_enabled: boolean(true),
    libraries_v1_enabled: boolean(false),
    libraries_v2_enabled: boolean(false),
    taxonomies_enabled: boolean(false),
    taxonomy_list_mfe_url: like(''),
    optimization_enabled: boolean(false),
    request_course_creator_url: like('/request_course_creator'),
    rerun_creator_status: boolean(true),
    show_new_library_button: boolean(false),
    show_new_library_v2_button: boolean(false),
    split_studio_home: boolean(false),
    studio_name: like('Studio'),
    studio_short_name: like('Studio'),
    studio_request_email: like(''),
    tech_support_email: like('technical@example.com'),
    platform_name: like('Open edX'),
    user_is_active: boolean(true),
  };
}

/** One card of Studio's course list (CourseCommonSerializer plus the v2 list's `cms_link` and
 *  `is_active`), its values from the `first_` or `second_` parameters of the two-course state. */
function listedCourse(prefix: 'first_' | 'second_', example: TwoStudioCoursesParams) {
  const value = (name: string) =>
    fromProviderState(
      `\${${prefix}${name}}`,
      String(example[`${prefix}${name}` as keyof TwoStudioCoursesParams]),
    );
  const courseId = example[`${prefix}course_id`];
  return {
    course_key: value('course_id'),
    display_name: value('course_name'),
    lms_link: like(`//localhost:18000/courses/${courseId}/jump_to/block@course`),
    cms_link: like(`//localhost:18010/course/${courseId}`),
    number: value('course_number'),
    org: value('org'),
    rerun_link: fromProviderState(
      `/course_rerun/\${${prefix}course_id}`,
      `/course_rerun/${courseId}`,
    ),
    run: value('course_run'),
    url: fromProviderState(`/course/\${${prefix}course_id}`, `/course/${courseId}`),
    is_active: boolean(true),
  };
}

/** `GET /api/contentstore/v2/home/courses`: one page holding the user's two courses. */
export function twoCoursesPageBody(example: TwoStudioCoursesParams) {
  return {
    count: integer(2),
    num_pages: integer(1),
    next: nullValue(),
    previous: nullValue(),
    results: {
      courses: [listedCourse('first_', example), listedCourse('second_', example)],
      in_process_course_actions: [],
    },
  };
}

/** The same page for a user on no course team: nothing to list. */
export function emptyCoursesPageBody() {
  return {
    count: integer(0),
    num_pages: integer(1),
    next: nullValue(),
    previous: nullValue(),
    results: { courses: [], in_process_course_actions: [] },
  };
}

/** `GET /api/contentstore/v1/course_waffle_flags[/{course}]`: Studio's page switches. The
 *  new (MFE) pages are on, as the MFE expects when it is the authoring front end. */
export function waffleFlagsBody(courseId?: string) {
  const on = boolean(true);
  const off = boolean(false);
  return {
    ...(courseId !== undefined && { course_id: fromProviderState('${course_id}', courseId) }),
    use_new_home_page: on,
    use_new_custom_pages: on,
    use_new_schedule_details_page: on,
    use_new_advanced_settings_page: on,
    use_new_grading_page: on,
    use_new_updates_page: on,
    use_new_import_page: on,
    use_new_export_page: on,
    use_new_files_uploads_page: on,
    use_new_video_uploads_page: off,
    use_new_course_outline_page: on,
    use_new_unit_page: on,
    use_new_course_team_page: on,
    use_new_certificates_page: on,
    use_new_textbooks_page: on,
    use_new_group_configurations_page: on,
    enable_course_optimizer: off,
    use_react_markdown_editor: off,
    use_video_gallery_flow: off,
  };
}

/** Fields every outline node (course, section, subsection, unit) has in Studio's xblock info
 *  (cms/djangoapps/contentstore/xblock_storage_handlers/view_handlers.py create_xblock_info). */
function nodeFields(displayName: unknown, category: string) {
  return {
    display_name: displayName,
    category,
    edited_on: like('Aug 23, 2026 at 12:35 UTC'),
    published: boolean(true),
    published_on: like('Aug 23, 2026 at 11:32 UTC'),
    released_to_students: boolean(true),
    release_date: like('Feb 05, 2013 at 05:00 UTC'),
    visibility_state: like('live'),
    has_explicit_staff_lock: boolean(false),
    start: datetime(ISO_DATETIME, '2013-02-05T05:00:00Z'),
    graded: boolean(false),
    due_date: like(''),
    due: nullValue(),
    format: nullValue(),
    has_changes: boolean(false),
    actions: {
      deletable: boolean(true),
      draggable: boolean(true),
      childAddable: boolean(true),
      duplicable: boolean(true),
    },
    explanatory_message: nullValue(),
    group_access: {},
    user_partitions: [],
    show_correctness: like('always'),
    highlights: [],
    highlights_enabled: boolean(true),
    highlights_preview_only: boolean(false),
    highlights_doc_url: like(''),
    ancestor_has_staff_lock: boolean(false),
    staff_only_message: boolean(false),
    has_partition_group_components: boolean(false),
    enable_copy_paste_units: boolean(false),
    is_header_visible: boolean(true),
  };
}

/** An outline node whose id is a usage key built from the course key. */
function blockId(course: StudioCourseParams, template: string) {
  const example = template.replace('${course_key}', course.course_key);
  return fromProviderState(template, example);
}

/**
 * `GET /api/contentstore/v1/course_index/{course}`: the outline of a course with one section,
 * its first subsection (the course's `sequence_id`) and that subsection's first unit
 * (`unit_id`), as Studio's xblock info nests them (`child_info.children`). The section's id is
 * built from the course key: the persona file names no section.
 */
export function courseIndexBody(example: CourseParams) {
  const course = studioCourseParams(example);
  const courseId = param('course_id', course);
  const usage = (id: unknown) => ({ id, locator: id, usage_key: id });
  const unit = {
    ...usage(param('unit_id', course)),
    ...nodeFields(like('Introduction'), 'vertical'),
    has_children: boolean(false),
    // No group restriction (index -1): the outline shows no "access restricted" line.
    user_partition_info: {
      selectable_partitions: [],
      selected_partition_index: integer(-1),
      selected_groups_label: like(''),
    },
    child_info: { display_name: like('Component'), category: like('html'), children: [] },
  };
  const subsection = {
    ...usage(param('sequence_id', course)),
    ...nodeFields(like('Getting started'), 'sequential'),
    has_children: boolean(true),
    child_info: { display_name: like('Unit'), category: like('vertical'), children: [unit] },
  };
  const section = {
    ...usage(blockId(course, 'block-v1:${course_key}+type@chapter+block@first_section')),
    ...nodeFields(like('Introduction'), 'chapter'),
    has_children: boolean(true),
    child_info: {
      display_name: like('Subsection'),
      category: like('sequential'),
      children: [subsection],
    },
  };
  return {
    course_release_date: like('Feb 05, 2013 at 05:00 UTC'),
    course_structure: {
      id: blockId(course, 'block-v1:${course_key}+type@course+block@course'),
      display_name: param('course_name', course),
      category: 'course',
      has_children: boolean(true),
      highlights_enabled_for_messaging: boolean(false),
      video_sharing_enabled: boolean(false),
      video_sharing_options: like('per-video'),
      start: datetime(ISO_DATETIME, '2013-02-05T05:00:00Z'),
      end: nullValue(),
      actions: {
        deletable: boolean(false),
        draggable: boolean(false),
        childAddable: boolean(true),
        duplicable: boolean(false),
      },
      has_changes: boolean(false),
      enable_proctored_exams: boolean(false),
      enable_timed_exams: boolean(true),
      child_info: {
        display_name: like('Section'),
        category: like('chapter'),
        children: [section],
      },
    },
    deprecated_blocks_info: {
      advance_settings_url: fromProviderState(
        '/settings/advanced/${course_id}',
        `/settings/advanced/${course.course_id}`,
      ),
      blocks: [],
      deprecated_enabled_block_types: [],
    },
    discussions_incontext_feedback_url: like(''),
    discussions_incontext_learnmore_url: like(''),
    initial_state: nullValue(),
    initial_user_clipboard: emptyClipboardBody(),
    language_code: like('en'),
    lms_link: like(`//localhost:18000/courses/${course.course_id}/jump_to/block@course`),
    mfe_proctored_exam_settings_url: like(''),
    notification_dismiss_url: nullValue(),
    proctoring_errors: [],
    reindex_link: fromProviderState(
      '/course/${course_id}/search_reindex',
      `/course/${course.course_id}/search_reindex`,
    ),
    rerun_notification_id: nullValue(),
    discussions_settings: {
      provider_type: like('openedx'),
      enable_graded_units: boolean(false),
    },
    advance_settings_url: fromProviderState(
      '/settings/advanced/${course_id}',
      `/settings/advanced/${course.course_id}`,
    ),
    course_id: courseId,
  };
}

/** `GET /api/contentstore/v1/course_details/{course}` (CourseDetailsSerializer). */
export function studioCourseDetailsBody(example: CourseParams) {
  const course = studioCourseParams(example);
  return {
    about_sidebar_html: like(''),
    banner_image_name: like(''),
    banner_image_asset_path: like(''),
    certificate_available_date: nullValue(),
    certificates_display_behavior: like('end'),
    // Studio's CourseDetails calls the course number `course_id` (models/settings/course_details.py).
    course_id: param('course_number', course),
    course_image_asset_path: like(''),
    course_image_name: like(''),
    description: like(''),
    duration: like(''),
    effort: nullValue(),
    end_date: nullValue(),
    enrollment_end: nullValue(),
    enrollment_start: nullValue(),
    entrance_exam_enabled: like(''),
    entrance_exam_id: like(''),
    entrance_exam_minimum_score_pct: like('50'),
    instructor_info: { instructors: [] },
    intro_video: nullValue(),
    language: like('en'),
    learning_info: [],
    license: nullValue(),
    org: param('org', course),
    overview: like(''),
    pre_requisite_courses: [],
    run: param('course_run', course),
    self_paced: boolean(false),
    short_description: like(''),
    start_date: datetime(ISO_DATETIME, '2013-02-05T05:00:00Z'),
    subtitle: like(''),
    syllabus: nullValue(),
    title: param('course_name', course),
    video_thumbnail_image_asset_path: like(''),
    video_thumbnail_image_name: like(''),
  };
}

/** `GET /api/courses/v1/quality/{course}/`: the best-practices checklist of a small course. */
export function courseBestPracticesBody() {
  const stats = () => ({
    min: integer(1),
    max: integer(1),
    mean: integer(1),
    median: integer(1),
    mode: integer(1),
  });
  return {
    is_self_paced: boolean(false),
    sections: {
      total_number: integer(1),
      total_visible: integer(1),
      number_with_highlights: integer(0),
      highlights_active_for_course: boolean(false),
      highlights_enabled: boolean(true),
    },
    subsections: {
      total_visible: integer(1),
      num_with_one_block_type: integer(1),
      num_block_types: stats(),
    },
    units: { total_visible: integer(1), num_blocks: stats() },
    videos: {
      total_number: integer(0),
      num_mobile_encoded: integer(0),
      num_with_val_id: integer(0),
      durations: {
        min: nullValue(),
        max: nullValue(),
        mean: nullValue(),
        median: nullValue(),
        mode: nullValue(),
      },
    },
  };
}

/** `GET /api/courses/v1/validation/{course}/`: the launch checklist of a small course. */
export function courseLaunchBody() {
  return {
    is_self_paced: boolean(false),
    dates: { has_start_date: boolean(true), has_end_date: boolean(false) },
    assignments: {
      total_number: integer(0),
      total_visible: integer(0),
      assignments_with_dates_before_start: [],
      assignments_with_dates_after_end: [],
      assignments_with_ora_dates_before_start: [],
      assignments_with_ora_dates_after_end: [],
    },
    grades: { has_grading_policy: boolean(true), sum_of_weights: integer(1) },
    certificates: {
      is_activated: boolean(false),
      has_certificate: boolean(false),
      is_enabled: boolean(true),
    },
    updates: { has_update: boolean(false) },
    proctoring: {
      needs_proctoring_escalation_email: boolean(false),
      has_proctoring_escalation_email: boolean(false),
    },
  };
}

/** `GET /api/content_tagging/v1/object_tags/{course}/`: no tags on the course yet. */
export function noObjectTagsBody(courseId: string) {
  // The key is the course id itself, which a template cannot name: the stub answers with the
  // example course's key, and the MFE reads `data[courseId]` (undefined: no tags) for another.
  return { [courseId]: { taxonomies: [] } };
}

/** `GET /api/contentstore/v1/help_urls`: documentation links by page token (snake_case, as
 *  the MFE camelCases them). */
export function helpUrlsBody() {
  const docs = (page: string) => like(`https://docs.openedx.org/en/latest/educators/${page}`);
  return {
    default: docs('index.html'),
    home: docs('navigation/content_creation_management.html'),
    outline: docs('concepts/open_edx_platform/about_course_outline.html'),
    unit: docs('concepts/open_edx_platform/about_course_units.html'),
    content_highlights: docs('how-tos/course_development/manage_course_highlight_emails.html'),
    visibility: docs('references/controlling_content_visibility.html'),
    grading: docs('concepts/grading/about_graded_subsections.html'),
    content_libraries: docs('navigation/content_creation_management.html'),
    welcome: docs('quickstarts/build_a_course.html'),
  };
}

/** `GET /api/content-staging/v1/clipboard/` with nothing copied yet
 *  (openedx-platform content_staging/serializers.py UserClipboardSerializer). */
export function emptyClipboardBody() {
  return {
    content: nullValue(),
    source_usage_key: like(''),
    source_context_title: like(''),
    source_edit_url: like(''),
  };
}
