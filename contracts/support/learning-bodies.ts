/**
 * Response bodies of the LMS APIs behind the learning MFE (course home and courseware), as Pact
 * templates. Field lists follow what frontend-app-learning reads (src/course-home/data/api.ts,
 * courseHomeOutline.ts, src/courseware/data/api.js and utils.js); example values follow the
 * Open edX demo course and the MFE's own factories. snake_case, as the LMS emits them.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { type CourseContent, DEMO_CONTENT, type UnitContent } from './course-content';
import { courseKeySegment, lmsUrl, usageKeySegment } from './interactions';
import { ISO_DATETIME } from './lms-bodies';
import type { CourseParams } from './states';

const { like, integer, decimal, boolean, eachLike, datetime, fromProviderState, regex, nullValue } =
  MatchersV3;
const { arrayContaining } = MatchersV3;

const courseIdFromState = (course: CourseParams) =>
  fromProviderState('${course_id}', course.course_id);
const courseSegment = (course: CourseParams) => courseKeySegment(course.course_id);

/** Who is looking at the course: the fields of the learning APIs that depend on it. */
export interface CourseViewer {
  /** `null` for an anonymous visitor (the LMS answers `username: ""` then). */
  enrollmentMode: 'verified' | 'audit' | null;
  isStaff: boolean;
  anonymous?: boolean;
  /** The example username (the state's `username` parameter fills it). */
  username: string;
}

/** course_access of course_home/course_metadata (openedx-platform courseware/access_response.py). */
function courseAccess(viewer: CourseViewer) {
  if (viewer.anonymous) {
    return {
      has_access: boolean(false),
      error_code: like('authentication_required'),
      developer_message: like('You must be logged in to see course content.'),
      user_message: like('You must be signed in to see course content.'),
      additional_context_user_message: nullValue(),
      user_fragment: nullValue(),
    };
  }
  if (viewer.enrollmentMode === null && !viewer.isStaff) {
    return {
      has_access: boolean(false),
      error_code: like('enrollment_required'),
      developer_message: like('User is not enrolled in this course.'),
      user_message: like('You must be enrolled in the course to see course content.'),
      additional_context_user_message: nullValue(),
      user_fragment: nullValue(),
    };
  }
  return {
    has_access: boolean(true),
    error_code: nullValue(),
    developer_message: nullValue(),
    user_message: nullValue(),
    additional_context_user_message: nullValue(),
    user_fragment: nullValue(),
  };
}

/** The upgrade offer the LMS sends to a learner who can still buy the verified track. */
function verifiedModeOffer() {
  return {
    access_expiration_date: datetime(ISO_DATETIME, '2030-01-01T00:00:00Z'),
    currency: like('USD'),
    currency_symbol: like('$'),
    price: integer(149),
    sku: like('8CF08E5'),
    upgrade_url: like('http://localhost:18130/basket/add/?sku=8CF08E5'),
  };
}

/** One tab of course_home/course_metadata, its URL on the LMS. */
function tab(course: CourseParams, tabId: string, title: string, ...path: string[]) {
  return {
    tab_id: like(tabId),
    title: like(title),
    url: lmsUrl('courses', courseSegment(course), ...path),
  };
}

/** GET /api/course_home/course_metadata/{course_id}: every page of the learning MFE. */
export function courseHomeMetadataBody(viewer: CourseViewer, content = DEMO_CONTENT) {
  const course = content.params;
  const enrolled = viewer.enrollmentMode !== null;
  return {
    course_id: courseIdFromState(course),
    title: fromProviderState('${course_name}', course.course_name),
    org: fromProviderState('${org}', course.org),
    number: like(content.number),
    start: datetime(ISO_DATETIME, '2013-02-05T05:00:00Z'),
    is_enrolled: boolean(enrolled),
    is_self_paced: boolean(false),
    is_staff: boolean(viewer.isStaff),
    original_user_is_staff: boolean(viewer.isStaff),
    has_course_author_access: boolean(viewer.isStaff),
    is_masquerading: boolean(false),
    username: viewer.anonymous ? like('') : fromProviderState('${username}', viewer.username),
    user_timezone: nullValue(),
    can_view_certificate: boolean(viewer.enrollmentMode === 'verified'),
    can_load_courseware: boolean(enrolled || viewer.isStaff),
    celebrations: {
      first_section: boolean(false),
      streak_length_to_celebrate: nullValue(),
      streak_discount_enabled: boolean(false),
      weekly_goal: boolean(false),
    },
    course_access: courseAccess(viewer),
    course_modes: arrayContaining(
      { slug: like('audit'), name: like('Audit') },
      { slug: like('verified'), name: like('Verified Certificate') },
    ),
    verified_mode: viewer.enrollmentMode === 'audit' ? verifiedModeOffer() : nullValue(),
    tabs: arrayContaining(
      tab(course, 'courseware', 'Course', 'course', ''),
      tab(course, 'progress', 'Progress', 'progress'),
      tab(course, 'dates', 'Dates', 'dates'),
    ),
  };
}

/** access_expiration of an audit learner under course duration limits. */
function auditAccessExpiration() {
  return {
    expiration_date: datetime(ISO_DATETIME, '2030-02-05T05:00:00Z'),
    masquerading_expired_course: boolean(false),
    upgrade_deadline: datetime(ISO_DATETIME, '2030-01-01T00:00:00Z'),
    upgrade_url: like('http://localhost:18130/basket/add/?sku=8CF08E5'),
  };
}

/** GET /api/courseware/course/{course_id}: the unit page's course metadata. */
export function coursewareCourseBody(viewer: CourseViewer, content = DEMO_CONTENT) {
  const course = content.params;
  const audit = viewer.enrollmentMode === 'audit';
  return {
    id: courseIdFromState(course),
    name: fromProviderState('${course_name}', course.course_name),
    number: like(content.number),
    org: fromProviderState('${org}', course.org),
    start: datetime(ISO_DATETIME, '2013-02-05T05:00:00Z'),
    end: nullValue(),
    enrollment_start: nullValue(),
    enrollment_end: nullValue(),
    enrollment: {
      mode: viewer.enrollmentMode === null ? nullValue() : like(viewer.enrollmentMode),
      is_active: boolean(viewer.enrollmentMode !== null),
    },
    access_expiration: audit ? auditAccessExpiration() : nullValue(),
    content_type_gating_enabled: boolean(audit),
    course_goals: { selected_goal: nullValue(), weekly_learning_goal_enabled: boolean(false) },
    offer: nullValue(),
    license: like('all-rights-reserved'),
    user_timezone: nullValue(),
    show_calculator: boolean(false),
    notes: { enabled: boolean(false), visible: boolean(true) },
    marketing_url: nullValue(),
    celebrations: {
      first_section: boolean(false),
      streak_length_to_celebrate: nullValue(),
      streak_discount_enabled: boolean(false),
      weekly_goal: boolean(false),
    },
    user_has_passing_grade: boolean(false),
    course_exit_page_is_active: boolean(true),
    certificate_data: {
      cert_status: like(audit ? 'audit_notpassing' : 'notpassing'),
      cert_web_view_url: nullValue(),
      download_url: nullValue(),
      certificate_available_date: nullValue(),
    },
    entrance_exam_data: {
      entrance_exam_current_score: integer(0),
      entrance_exam_enabled: boolean(false),
      entrance_exam_id: like(''),
      entrance_exam_minimum_score_pct: decimal(0.65),
      entrance_exam_passed: boolean(true),
    },
    language: like('en'),
    verify_identity_url: nullValue(),
    verification_status: like('none'),
    linkedin_add_to_profile_url: nullValue(),
    related_programs: nullValue(),
    user_needs_integrity_signature: boolean(false),
    can_access_proctored_exams: boolean(viewer.enrollmentMode === 'verified' || viewer.isStaff),
  };
}

/** GET /api/learning_sequences/v1/course_outline/{course_id}: the sections and sequences the
 *  learner may see. Keyed by the recorded course's usage keys (a map key cannot come from a
 *  state; see course-content.ts). */
export function learningSequencesOutlineBody(content = DEMO_CONTENT) {
  const course = content.params;
  return {
    course_key: courseIdFromState(course),
    title: fromProviderState('${course_name}', course.course_name),
    outline: {
      sections: eachLike({
        id: like(content.section.id),
        title: like(content.section.title),
        start: nullValue(),
        effective_start: nullValue(),
        sequence_ids: eachLike(course.sequence_id),
      }),
      sequences: {
        [course.sequence_id]: {
          id: like(course.sequence_id),
          title: like(content.sequence.title),
          accessible: boolean(true),
          start: nullValue(),
          effective_start: nullValue(),
        },
      },
    },
  };
}

/** One unit of a sequence's `items`. */
function sequenceItem(unit: UnitContent, id: unknown) {
  return {
    id,
    type: like(unit.type),
    page_title: like(unit.title),
    bookmarked: boolean(false),
    complete: boolean(false),
    graded: boolean(unit.type === 'problem'),
    contains_content_type_gated_content: boolean(false),
  };
}

/** GET /api/courseware/sequence/{sequence_id}?preview=0: the units of one sequence, the first
 *  from the course state and the next one after it (where the unit page's "Next" goes). */
export function sequenceMetadataBody(content = DEMO_CONTENT) {
  const course = content.params;
  const [first, second] = content.units;
  return {
    item_id: fromProviderState('${sequence_id}', course.sequence_id),
    tag: like('sequential'),
    display_name: like(content.sequence.title),
    format: like(content.sequence.format),
    banner_text: nullValue(),
    position: integer(1),
    save_position: boolean(true),
    show_completion: boolean(true),
    is_time_limited: boolean(false),
    is_proctored: boolean(false),
    is_hidden_after_due: boolean(false),
    allow_proctoring_opt_out: boolean(false),
    navigation_disabled: boolean(false),
    gated_content: {
      prereq_id: nullValue(),
      prereq_url: nullValue(),
      prereq_section_name: nullValue(),
      gated: boolean(false),
      gated_section_name: like(content.sequence.title),
    },
    items: arrayContaining(
      sequenceItem(first, fromProviderState('${unit_id}', course.unit_id)),
      sequenceItem(second, like(second.id)),
    ),
  };
}

/** completion_stat of the navigation sidebar. */
const completionStat = (done: number, of: number) => ({
  completion: integer(done),
  completable_children: integer(of),
});

/** GET /api/course_home/v1/navigation/{course_id}: the courseware sidebar's tree, keyed by
 *  usage key (the recorded course's, for the same reason as the outline). */
export function courseNavigationBody(content = DEMO_CONTENT) {
  const course = content.params;
  const unitIds = content.units.map((unit) => unit.id);
  const unitBlocks = Object.fromEntries(
    content.units.map((unit) => [
      unit.id,
      {
        id: like(unit.id),
        type: like('vertical'),
        display_name: like(unit.title),
        children: like([]),
        complete: boolean(false),
        icon: like(unit.type),
      },
    ]),
  );
  return {
    blocks: {
      [content.section.id]: {
        id: like(content.section.id),
        type: like('chapter'),
        display_name: like(content.section.title),
        children: eachLike(course.sequence_id),
        complete: boolean(false),
        completion_stat: completionStat(0, 1),
      },
      [course.sequence_id]: {
        id: like(course.sequence_id),
        type: regex('^(sequential|lock)$', 'sequential'),
        display_name: like(content.sequence.title),
        children: like(unitIds),
        complete: boolean(false),
        completion_stat: completionStat(0, unitIds.length),
        special_exam_info: nullValue(),
      },
      ...unitBlocks,
    },
  };
}

/** A block of course_blocks in the outline tab (course_home_api/outline/serializers.py). */
function outlineBlock(
  id: string,
  type: string,
  displayName: string,
  children: string[],
  extra: Record<string, unknown> = {},
) {
  return {
    id: like(id),
    block_id: like(id.split('@').pop() ?? id),
    type: like(type),
    display_name: like(displayName),
    children: children.length > 0 ? eachLike(children[0]) : like([]),
    complete: boolean(false),
    resume_block: boolean(false),
    has_scheduled_content: nullValue(),
    hide_from_toc: boolean(false),
    ...extra,
  };
}

/** The link of the course's first sequence, on the LMS that answers. */
const jumpToSequence = (course: CourseParams) =>
  lmsUrl('courses', courseSegment(course), 'jump_to', usageKeySegment(course.sequence_id));

/** course_blocks of the outline tab: the course, its first section and sequence. */
function outlineCourseBlocks(content: CourseContent) {
  const course = content.params;
  return {
    blocks: {
      [content.rootId]: outlineBlock(content.rootId, 'course', course.course_name, [
        content.section.id,
      ]),
      [content.section.id]: outlineBlock(content.section.id, 'chapter', content.section.title, [
        course.sequence_id,
      ]),
      [course.sequence_id]: outlineBlock(
        course.sequence_id,
        'sequential',
        content.sequence.title,
        [],
        {
          description: nullValue(),
          due: nullValue(),
          effort_activities: integer(2),
          effort_time: integer(15),
          icon: nullValue(),
          lms_web_url: jumpToSequence(course),
        },
      ),
    },
  };
}

/** GET /api/course_home/outline/{course_id}: the course home's outline tab. Enrolled learners
 *  and staff get the course; a learner who is not enrolled and a visitor get only the public
 *  parts (openedx-platform course_home_api/outline/views.py): no course blocks, handouts,
 *  dates or resume link (the course's outline is not public), and the enroll alert. Course
 *  goals are for enrolled learners only. */
export function outlineTabBody(viewer: CourseViewer, content = DEMO_CONTENT) {
  const course = content.params;
  const audit = viewer.enrollmentMode === 'audit';
  const enrolled = viewer.enrollmentMode !== null;
  const visitor = !enrolled && !viewer.isStaff;
  return {
    access_expiration: audit ? auditAccessExpiration() : nullValue(),
    cert_data: nullValue(),
    course_blocks: visitor ? nullValue() : outlineCourseBlocks(content),
    course_goals: { selected_goal: nullValue(), weekly_learning_goal_enabled: boolean(enrolled) },
    // Bookmarks is a tool for logged-in users only.
    course_tools: visitor
      ? like([])
      : eachLike({
          analytics_id: like('edx.bookmarks'),
          title: like('Bookmarks'),
          url: lmsUrl('courses', courseSegment(course), 'bookmarks', ''),
        }),
    dates_banner_info: {
      content_type_gating_enabled: boolean(audit),
      missed_deadlines: boolean(false),
      missed_gated_content: boolean(false),
      verified_upgrade_link: audit
        ? like('http://localhost:18130/basket/add/?sku=8CF08E5')
        : nullValue(),
    },
    dates_widget: {
      course_date_blocks: visitor ? like([]) : eachLike(courseDateBlock(content)),
      dates_tab_link: like(`http://localhost:2000/course/${course.course_id}/dates`),
      user_timezone: nullValue(),
    },
    enroll_alert: { can_enroll: boolean(true), extra_text: nullValue() },
    enrollment_mode: viewer.enrollmentMode === null ? nullValue() : like(viewer.enrollmentMode),
    enable_proctored_exams: boolean(false),
    handouts_html: visitor ? nullValue() : like('<ol><li>A list of course handouts</li></ol>'),
    has_ended: boolean(false),
    offer: nullValue(),
    resume_course: {
      has_visited_course: boolean(false),
      url: visitor ? nullValue() : jumpToSequence(course),
    },
    user_has_passing_grade: boolean(false),
    verified_mode: audit ? verifiedModeOffer() : nullValue(),
    welcome_message_html: visitor ? nullValue() : like(content.welcomeHtml),
  };
}

/** One entry of course_date_blocks (course_home_api/dates/serializers.py DateSummarySerializer). */
function courseDateBlock(content: CourseContent) {
  const course = content.params;
  return {
    assignment_type: like(content.sequence.format),
    complete: boolean(false),
    date: datetime(ISO_DATETIME, '2030-03-01T00:00:00Z'),
    date_type: like('assignment-due-date'),
    description: like(''),
    extra_info: nullValue(),
    first_component_block_id: like(course.unit_id),
    learner_has_access: boolean(true),
    link: jumpToSequence(course),
    title: like(content.sequence.title),
  };
}

/** GET /api/course_home/dates/{course_id}: the dates tab. */
export function datesTabBody(viewer: CourseViewer, content = DEMO_CONTENT) {
  const audit = viewer.enrollmentMode === 'audit';
  return {
    course_date_blocks: eachLike(courseDateBlock(content)),
    dates_banner_info: {
      content_type_gating_enabled: boolean(audit),
      missed_deadlines: boolean(false),
      missed_gated_content: boolean(false),
      verified_upgrade_link: audit
        ? like('http://localhost:18130/basket/add/?sku=8CF08E5')
        : nullValue(),
    },
    has_ended: boolean(false),
    learner_is_full_access: boolean(!audit),
    user_timezone: nullValue(),
  };
}

/** GET /api/course_home/progress/{course_id}: the progress tab. */
export function progressTabBody(viewer: CourseViewer, content = DEMO_CONTENT) {
  const course = content.params;
  const audit = viewer.enrollmentMode === 'audit';
  return {
    username: fromProviderState('${username}', viewer.username),
    end: nullValue(),
    enrollment_mode: like(viewer.enrollmentMode ?? 'audit'),
    user_has_passing_grade: boolean(false),
    has_scheduled_content: nullValue(),
    disable_progress_graph: boolean(false),
    studio_url: nullValue(),
    credit_course_requirements: nullValue(),
    certificate_data: {
      cert_status: like(audit ? 'audit_notpassing' : 'notpassing'),
      cert_web_view_url: nullValue(),
      download_url: nullValue(),
      certificate_available_date: nullValue(),
    },
    completion_summary: {
      complete_count: integer(1),
      incomplete_count: integer(11),
      locked_count: integer(audit ? 3 : 0),
    },
    course_grade: { is_passing: boolean(false), letter_grade: nullValue(), percent: decimal(0.1) },
    grading_policy: {
      assignment_policies: eachLike({
        num_droppable: integer(0),
        num_total: integer(3),
        short_label: like('HW'),
        type: like('Homework'),
        weight: decimal(0.15),
      }),
      grade_range: { Pass: decimal(0.5) },
    },
    assignment_type_grade_summary: eachLike({
      type: like('Homework'),
      short_label: like('HW'),
      weight: decimal(0.15),
      average_grade: decimal(0.33),
      weighted_grade: decimal(0.05),
      num_droppable: integer(0),
      has_hidden_contribution: like('none'),
      last_grade_publish_date: nullValue(),
    }),
    section_scores: eachLike({
      display_name: like(content.section.title),
      subsections: eachLike({
        assignment_type: like('Homework'),
        block_key: like(course.sequence_id),
        display_name: like(content.sequence.title),
        has_graded_assignment: boolean(true),
        learner_has_access: boolean(!audit),
        num_points_earned: integer(1),
        num_points_possible: integer(3),
        override: nullValue(),
        percent_graded: decimal(0.33),
        problem_scores: eachLike({ earned: like(1), possible: like(1) }),
        show_correctness: like('always'),
        show_grades: boolean(true),
        url: jumpToSequence(course),
      }),
    }),
    verification_data: { link: nullValue(), status: like('none'), status_date: nullValue() },
    verified_mode: audit ? verifiedModeOffer() : nullValue(),
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

/**
 * GET /xblock/{usage_key}: the page the unit iframe loads (openedx-platform
 * courseware/views/views.py render_xblock). The LMS's page carries the unit's title and its
 * blocks' HTML, and its courseware JavaScript posts `plugin.resize` with the content height to
 * the MFE, which shows the unit only once that message arrives; this page does the same with
 * one inline script.
 */
export function unitIframeHtml(unit: UnitContent): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(unit.title)}</title></head>
<body><main class="xblock xblock-student_view xblock-student_view-vertical" data-usage-id="${escapeHtml(unit.id)}">
<h2 class="unit-title">${escapeHtml(unit.title)}</h2>
<p>${escapeHtml(unit.text)}</p>
</main>
<script>
function resize(){window.parent.postMessage({type:'plugin.resize',payload:{height:Math.max(document.documentElement.scrollHeight,120)}},'*');}
resize();window.addEventListener('load',resize);
</script>
</body></html>
`;
}
