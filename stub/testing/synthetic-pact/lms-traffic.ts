/**
 * The synthetic LMS pact: 115 V4 interactions shaped like the traffic of the Open edX MFEs (the
 * endpoints of the team's LMS endpoint catalogue, §4–5: platform boot, learner dashboard,
 * learning, account, profile, authn), several courses and users, realistic course keys,
 * query strings, JSON and form bodies, matchers of every common kind, provider states with
 * parameters, and the three generator kinds our contracts use (ProviderState, MockServerURL,
 * DateTime). Deterministic: no clock, no randomness, the same bytes on every run.
 *
 * It exists for the benchmark (a realistic interaction count, where pact-stub-server's per-
 * interaction cost shows) and for the differential conformance tests (more matcher variety than
 * the committed contracts). It is generated at run time, never committed.
 */
import {
  type CourseParams,
  DEMO_COURSE,
  STATES,
  type UserParams,
  VERIFIED_LEARNER,
} from '../../../contracts/support/states';
import { buildInteraction, type Given, type InteractionSpec } from './interaction';
import {
  boolean,
  datetime,
  decimal,
  eachLike,
  fromState,
  generatedDatetime,
  includes,
  integer,
  type Json,
  like,
  mockUrl,
  nullValue,
  regex,
} from './template';

const ISO = "yyyy-MM-dd'T'HH:mm:ss'Z'";
const COURSE_KEY = 'course-v1:[^/+]+\\+[^/+]+\\+[^/+]+';
const USAGE_KEY = 'block-v1:[^/+]+\\+[^/+]+\\+[^/+]+\\+type@[^/+]+\\+block@[^/+]+';
const CSRF = regex('^[A-Za-z0-9]{32,64}$', 'k3vbA1Qx9TzPw6nH0cYdR2mLs8fJu5Ge');
const TIMEZONE = regex('^[A-Za-z]+(?:[/_+-][A-Za-z0-9]+)*$', 'America/New_York');
const AUTH = { 'USE-JWT-COOKIE': 'true' };
const MUTATION = { 'USE-JWT-COOKIE': 'true', 'X-CSRFToken': CSRF };

/** The demo course and three more runs, keyed like real Open edX course runs. */
export const SYNTHETIC_COURSES: CourseParams[] = [
  DEMO_COURSE,
  course('OpenedX', 'PY101', '2026_T1', 'Python for Everyone', 'intro_to_python', 'vertical_1a2b'),
  course(
    'MITx',
    '6.00x',
    '3T2025',
    'Introduction to Computer Science',
    'lecture_1',
    'vertical_9f3c',
  ),
  course('HarvardX', 'CS50', '2026', 'CS50: Computer Science', 'week_0_scratch', 'vertical_c50a'),
];

const user = (username: string, user_id: number, name: string, administrator = false) => ({
  username,
  user_id,
  email: `${username}@example.com`,
  name,
  administrator,
  roles: [],
});
const AUDIT_LEARNER: UserParams = user('audit', 9, 'Aldo Audit');
const UNENROLLED_LEARNER: UserParams = user('novice', 10, 'Nora Novice');
const STAFF_USER: UserParams = user('staff', 3, 'Sam Staff', true);

/** Request states (error answers no persona satisfies), named as the contracts name them. */
const REQUEST_STATES = {
  accountDoesNotExist: 'no account exists for the username',
  loginCredentialsWrong: 'the login credentials are wrong',
  accountUpdateInvalid: 'the account update is invalid',
  loginCredentialsRight: 'the login credentials are right',
  learnerToViewExists: 'a learner to view as exists',
};

export const SYNTHETIC_USERS: UserParams[] = [
  VERIFIED_LEARNER,
  AUDIT_LEARNER,
  UNENROLLED_LEARNER,
  STAFF_USER,
];

function course(
  org: string,
  number: string,
  run: string,
  name: string,
  sequence: string,
  unit: string,
): CourseParams {
  const key = `${org}+${number}+${run}`;
  return {
    course_id: `course-v1:${key}`,
    course_name: name,
    org,
    sequence_id: `block-v1:${key}+type@sequential+block@${sequence}`,
    unit_id: `block-v1:${key}+type@vertical+block@${unit}`,
  };
}

const asParams = (value: object) => value as Record<string, Json>;

/** States of a verified learner enrolled in `c` (the persona most MFE pages are built for). */
const enrolled = (c: CourseParams): Given[] => [
  [STATES.userLoggedIn, asParams(VERIFIED_LEARNER)],
  [STATES.courseExists, asParams(c)],
  [
    STATES.userEnrolled,
    { username: VERIFIED_LEARNER.username, course_id: c.course_id, mode: 'verified' },
  ],
];
const anonymous = (c: CourseParams): Given[] => [
  [STATES.noUserLoggedIn],
  [STATES.courseExists, asParams(c)],
];
const loggedIn = (u: UserParams): Given[] => [[STATES.userLoggedIn, asParams(u)]];

/** A path filled from state parameters, as the contracts' `statePath` writes it. */
function statePath(template: string, values: Record<string, unknown>) {
  const example = template.replace(/\$\{([^}]+)\}/g, (_all, name: string) => String(values[name]));
  return fromState(template, example);
}

function courseInteractions(c: CourseParams): InteractionSpec[] {
  const who = `for ${c.course_id}`;
  const courseId = fromState('${course_id}', c.course_id);
  const tabs = eachLike({
    tab_id: regex('^(courseware|progress|dates|discussion|wiki|instructor)$', 'courseware'),
    title: like('Course'),
    url: mockUrl(`/course/${c.course_id}/home`, `\\/course\\/${COURSE_KEY}\\/home`),
  });
  const metadata = (hasAccess: boolean, username: string) => ({
    course_id: courseId,
    is_enrolled: boolean(hasAccess),
    is_self_paced: boolean(false),
    is_staff: boolean(false),
    is_masquerading: boolean(false),
    original_user_is_staff: boolean(false),
    number: like(c.course_id.split('+')[1] ?? ''),
    org: like(c.org),
    title: like(c.course_name),
    username: like(username),
    user_timezone: nullValue(),
    can_view_certificate: boolean(hasAccess),
    course_access: {
      has_access: boolean(hasAccess),
      error_code: hasAccess ? nullValue() : like('authentication_required'),
      developer_message: hasAccess ? nullValue() : like('You must be logged in.'),
      user_message: hasAccess ? nullValue() : like('You must be signed in to see course content.'),
    },
    celebrations: { first_section: boolean(false), streak_length_to_celebrate: nullValue() },
    tabs,
    verified_mode: hasAccess
      ? nullValue()
      : {
          price: integer(149),
          currency: like('USD'),
          currency_symbol: like('$'),
          sku: like('8CF08E5'),
          upgrade_url: like('http://localhost:18130/basket/add/?sku=8CF08E5'),
        },
    server_time: generatedDatetime(ISO, '2026-11-01T10:00:00Z', '+0 seconds'),
  });
  const sequences = {
    [c.sequence_id]: {
      id: regex(`^${USAGE_KEY}$`, c.sequence_id),
      title: like('Basic Questions'),
      accessible: boolean(true),
      effective_start: datetime(ISO, '2025-01-01T00:00:00Z'),
    },
  };
  return [
    {
      description: `a request for the course home metadata ${who} by a verified learner`,
      given: enrolled(c),
      request: {
        method: 'GET',
        path: statePath('/api/course_home/course_metadata/${course_id}', c),
        query: { browser_timezone: TIMEZONE },
        headers: AUTH,
      },
      response: { status: 200, body: metadata(true, VERIFIED_LEARNER.username) },
    },
    {
      description: `a request for the course home metadata ${who} by an anonymous visitor`,
      given: anonymous(c),
      request: {
        method: 'GET',
        path: statePath('/api/course_home/course_metadata/${course_id}', c),
        query: { browser_timezone: TIMEZONE },
      },
      response: { status: 200, body: metadata(false, '') },
    },
    {
      description: `a request for the course outline tab ${who}`,
      given: enrolled(c),
      request: {
        method: 'GET',
        path: statePath('/api/course_home/outline/${course_id}', c),
        headers: AUTH,
      },
      response: {
        status: 200,
        body: {
          course_blocks: {
            blocks: {
              [c.course_id]: {
                id: like(c.course_id),
                type: regex('^(course|chapter|sequential)$', 'course'),
                display_name: like(c.course_name),
                children: eachLike(regex(`^${USAGE_KEY}$`, c.sequence_id)),
                complete: boolean(false),
                lms_web_url: mockUrl(`/courses/${c.course_id}/jump_to/${c.sequence_id}`, '.+'),
              },
            },
          },
          enrollment_mode: regex('^(audit|verified|honor|professional)$', 'verified'),
          has_ended: boolean(false),
          has_scheduled_content: nullValue(),
          handouts_html: like('<ol><li>Syllabus</li></ol>'),
          welcome_message_html: like('<p>Welcome to the course!</p>'),
          user_has_passing_grade: boolean(false),
          resume_course: {
            has_visited_course: boolean(true),
            url: mockUrl(`/courses/${c.course_id}/jump_to/${c.unit_id}`, '.+'),
          },
          dates_widget: {
            course_date_blocks: eachLike({
              date: datetime(ISO, '2026-12-15T23:59:00Z'),
              date_type: like('assignment-due-date'),
              title: like('Homework 1'),
              complete: boolean(false),
            }),
          },
        },
      },
    },
    {
      description: `a request for the dates tab ${who}`,
      given: enrolled(c),
      request: {
        method: 'GET',
        path: statePath('/api/course_home/dates/${course_id}', c),
        headers: AUTH,
      },
      response: {
        status: 200,
        body: {
          course_date_blocks: eachLike({
            assignment_type: like('Homework'),
            complete: boolean(false),
            date: datetime(ISO, '2026-12-15T23:59:00Z'),
            date_type: regex('^[a-z-]+$', 'assignment-due-date'),
            description: like(''),
            learner_has_access: boolean(true),
            link: like(''),
            title: like('Homework 1'),
          }),
          dates_banner_info: {
            missed_deadlines: boolean(false),
            content_type_gating_enabled: boolean(false),
          },
          has_ended: boolean(false),
          learner_is_full_access: boolean(true),
          user_timezone: nullValue(),
        },
      },
    },
    {
      description: `a request for the progress tab ${who}`,
      given: enrolled(c),
      request: {
        method: 'GET',
        path: statePath('/api/course_home/progress/${course_id}', c),
        headers: AUTH,
      },
      response: {
        status: 200,
        body: {
          access_expiration: nullValue(),
          certificate_data: { cert_status: like('audit_passing'), cert_web_view_url: nullValue() },
          completion_summary: {
            complete_count: integer(3),
            incomplete_count: integer(12),
            locked_count: integer(0),
          },
          course_grade: {
            letter_grade: nullValue(),
            percent: decimal(0.25),
            is_passing: boolean(false),
          },
          grading_policy: {
            assignment_policies: eachLike({
              num_droppable: integer(1),
              short_label: like('HW'),
              type: like('Homework'),
              weight: decimal(0.4),
            }),
            grade_range: { Pass: decimal(0.5) },
          },
          section_scores: eachLike({
            display_name: like('Introduction'),
            subsections: eachLike({
              block_key: regex(`^${USAGE_KEY}$`, c.sequence_id),
              display_name: like('Basic Questions'),
              has_graded_assignment: boolean(true),
              num_points_earned: integer(1),
              num_points_possible: integer(3),
              percent_graded: decimal(0.33),
            }),
          }),
          username: fromState('${username}', VERIFIED_LEARNER.username),
          verified_mode: nullValue(),
        },
      },
    },
    {
      description: `a request for the courseware metadata ${who}`,
      given: enrolled(c),
      request: {
        method: 'GET',
        path: statePath('/api/courseware/course/${course_id}', c),
        query: { browser_timezone: TIMEZONE },
        headers: AUTH,
      },
      response: {
        status: 200,
        body: {
          id: courseId,
          name: like(c.course_name),
          access_expiration: nullValue(),
          content_type_gating_enabled: boolean(false),
          enrollment: { mode: like('verified'), is_active: boolean(true) },
          start: datetime(ISO, '2025-01-01T00:00:00Z'),
          end: nullValue(),
          enrollment_start: nullValue(),
          enrollment_end: nullValue(),
          license: like('all-rights-reserved'),
          show_calculator: boolean(false),
          notes: { enabled: boolean(false), visible: boolean(true) },
          marketing_url: nullValue(),
          language: regex('^[a-z]{2}(-[a-z]{2})?$', 'en'),
          verification_status: like('none'),
          user_has_passing_grade: boolean(false),
          can_access_proctored_exams: boolean(true),
          celebrations: { first_section: boolean(false), weekly_goal: boolean(false) },
        },
      },
    },
    {
      description: `a request for the learning sequences outline ${who}`,
      given: enrolled(c),
      request: {
        method: 'GET',
        path: statePath('/api/learning_sequences/v1/course_outline/${course_id}', c),
        headers: AUTH,
      },
      response: {
        status: 200,
        body: {
          course_key: courseId,
          title: like(c.course_name),
          outline: {
            sections: eachLike({
              id: regex(`^${USAGE_KEY}$`, c.sequence_id.replace('sequential', 'chapter')),
              title: like('Introduction'),
              sequence_ids: eachLike(regex(`^${USAGE_KEY}$`, c.sequence_id)),
              effective_start: nullValue(),
            }),
            sequences: sequences as unknown as Json,
          },
        },
      },
    },
    {
      description: `a request for the metadata of a sequence ${who}`,
      given: enrolled(c),
      request: {
        method: 'GET',
        path: regex(
          `^/api/courseware/sequence/${USAGE_KEY}$`,
          `/api/courseware/sequence/${c.sequence_id}`,
        ),
        query: { preview: '0' },
        headers: AUTH,
      },
      response: {
        status: 200,
        body: {
          item_id: like(c.sequence_id),
          display_name: like('Basic Questions'),
          tag: like('sequential'),
          format: nullValue(),
          position: integer(1),
          save_position: boolean(true),
          show_completion: boolean(true),
          gated_content: { gated: boolean(false), prereq_id: nullValue() },
          is_time_limited: boolean(false),
          is_proctored: boolean(false),
          is_hidden_after_due: boolean(false),
          navigation_disabled: boolean(false),
          banner_text: nullValue(),
          items: eachLike({
            id: regex(`^${USAGE_KEY}$`, c.unit_id),
            type: regex('^(video|problem|html|other)$', 'problem'),
            page_title: like('Unit 1'),
            bookmarked: boolean(false),
            complete: boolean(false),
            graded: boolean(true),
            contains_content_type_gated_content: boolean(false),
          }),
        },
      },
    },
    {
      description: `a request for the navigation sidebar toggles ${who}`,
      given: enrolled(c),
      request: {
        method: 'GET',
        path: `/courses/${c.course_id}/courseware-navigation-sidebar/toggles/`,
        headers: AUTH,
      },
      response: { status: 200, body: { enable_completion_tracking: boolean(true) } },
    },
    {
      description: `a request for the course navigation ${who}`,
      given: enrolled(c),
      request: {
        method: 'GET',
        path: `/api/course_home/v1/navigation/${c.course_id}`,
        headers: AUTH,
      },
      response: {
        status: 200,
        body: {
          blocks: {
            [c.sequence_id]: {
              id: like(c.sequence_id),
              type: like('sequential'),
              display_name: like('Basic Questions'),
              complete: boolean(false),
              children: eachLike(regex(`^${USAGE_KEY}$`, c.unit_id)),
            },
          },
        },
      },
    },
    {
      description: `a request whether courseware search is enabled ${who}`,
      given: enrolled(c),
      request: {
        method: 'GET',
        path: `/courses/${c.course_id}/courseware-search/enabled/`,
        headers: AUTH,
      },
      response: { status: 200, body: { enabled: boolean(false) } },
    },
    {
      description: `a request for the resume block ${who}`,
      given: enrolled(c),
      request: { method: 'GET', path: `/api/courseware/resume/${c.course_id}`, headers: AUTH },
      response: {
        status: 200,
        body: {
          block_id: regex(`^${USAGE_KEY}$`, c.unit_id),
          section_id: regex(`^${USAGE_KEY}$`, c.sequence_id),
          unit_id: regex(`^${USAGE_KEY}$`, c.unit_id),
        },
      },
    },
    {
      description: `a request for the live tab ${who}`,
      given: enrolled(c),
      request: { method: 'GET', path: `/api/course_live/iframe/${c.course_id}/`, headers: AUTH },
      response: {
        status: 200,
        body: { iframe: like('<iframe src="https://live.example.com"></iframe>') },
      },
    },
    {
      description: `a request to save a weekly course goal ${who}`,
      given: enrolled(c),
      request: {
        method: 'POST',
        path: '/api/course_home/save_course_goal',
        headers: MUTATION,
        body: {
          json: {
            course_id: regex(`^${COURSE_KEY}$`, c.course_id),
            days_per_week: integer(3),
            subscribed_to_reminders: boolean(true),
          },
        },
      },
      response: { status: 200, body: { header: like('Your goal was saved.') } },
    },
    {
      description: `a request to shift the missed deadlines ${who}`,
      given: enrolled(c),
      request: {
        method: 'POST',
        path: '/api/course_experience/v1/reset_course_deadlines',
        headers: MUTATION,
        body: {
          json: {
            course_key: regex(`^${COURSE_KEY}$`, c.course_id),
            research_event_data: { location: like('dates-tab') },
          },
        },
      },
      response: {
        status: 200,
        body: {
          body: like('You have been shifted to the new schedule.'),
          header: like('Your due dates have been successfully shifted.'),
          link: mockUrl(`/courses/${c.course_id}/dates`, `\\/courses\\/${COURSE_KEY}\\/dates`),
          link_text: like('View all dates'),
        },
      },
    },
    {
      description: `a request for the completion of a unit ${who}`,
      given: enrolled(c),
      request: {
        method: 'POST',
        path: regex(
          `^/courses/${COURSE_KEY}/xblock/${USAGE_KEY}/handler/get_completion$`,
          `/courses/${c.course_id}/xblock/${c.sequence_id}/handler/get_completion`,
        ),
        headers: MUTATION,
        body: { json: { usage_key: regex(`^${USAGE_KEY}$`, c.unit_id) } },
      },
      response: { status: 200, body: { complete: boolean(false) } },
    },
    {
      description: `a request to save the position in a sequence ${who}`,
      given: enrolled(c),
      request: {
        method: 'POST',
        path: regex(
          `^/courses/${COURSE_KEY}/xblock/${USAGE_KEY}/handler/goto_position$`,
          `/courses/${c.course_id}/xblock/${c.sequence_id}/handler/goto_position`,
        ),
        headers: MUTATION,
        body: { json: { position: integer(2) } },
      },
      response: { status: 200, body: { success: boolean(true) } },
    },
    {
      description: `a request to unenroll from ${c.course_id}`,
      given: enrolled(c),
      request: {
        method: 'POST',
        path: '/change_enrollment',
        headers: MUTATION,
        body: {
          form: {
            course_id: regex(`^${COURSE_KEY}$`, c.course_id),
            enrollment_action: 'unenroll',
          },
        },
      },
      response: { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
    },
  ];
}

function userInteractions(u: UserParams): InteractionSpec[] {
  const who = `of ${u.username}`;
  return [
    {
      description: `a request for the account ${who}`,
      given: loggedIn(u),
      request: {
        method: 'GET',
        path: statePath('/api/user/v1/accounts/${username}', u),
        headers: AUTH,
      },
      response: {
        status: 200,
        body: {
          id: fromState('${user_id}', u.user_id),
          username: fromState('${username}', u.username),
          email: fromState('${email}', u.email),
          name: fromState('${name}', u.name),
          bio: like('Learning about Open edX.'),
          country: regex('^[A-Z]{2}$', 'US'),
          date_joined: datetime(ISO, '2024-09-01T10:00:00Z'),
          is_active: boolean(true),
          year_of_birth: integer(1990),
          level_of_education: like('b'),
          language_proficiencies: eachLike({ code: like('en') }),
          profile_image: {
            has_image: boolean(false),
            image_url_full: like('http://localhost:18000/static/images/profiles/default_500.png'),
          },
          requires_parental_consent: boolean(false),
          account_privacy: regex('^(private|all_users|custom)$', 'custom'),
          secondary_email: nullValue(),
        },
      },
    },
    {
      description: `a request for the preferences ${who}`,
      given: loggedIn(u),
      request: {
        method: 'GET',
        path: statePath('/api/user/v1/preferences/${username}', u),
        headers: AUTH,
      },
      response: {
        status: 200,
        body: {
          'pref-lang': like('en'),
          time_zone: like('America/New_York'),
          account_privacy: like('custom'),
          'visibility.name': like('all_users'),
        },
      },
    },
    {
      description: `a request for the product tours ${who}`,
      given: loggedIn(u),
      request: { method: 'GET', path: `/api/user_tours/v1/${u.username}`, headers: AUTH },
      response: {
        status: 200,
        body: {
          course_home_tour_status: regex(
            '^(show-existing-user-tour|show-new-user-tour|no-tour)$',
            'no-tour',
          ),
          show_courseware_tour: boolean(false),
        },
      },
    },
    {
      description: `a request for the certificates ${who}`,
      given: loggedIn(u),
      request: {
        method: 'GET',
        path: `/api/certificates/v0/certificates/${u.username}/`,
        headers: AUTH,
      },
      response: {
        status: 200,
        body: eachLike({
          username: like(u.username),
          course_id: regex(`^${COURSE_KEY}$`, DEMO_COURSE.course_id),
          course_display_name: like(DEMO_COURSE.course_name),
          certificate_type: regex('^(audit|honor|verified|professional)$', 'verified'),
          created_date: datetime(ISO, '2025-06-01T12:00:00Z'),
          status: like('downloadable'),
          is_passing: boolean(true),
          download_url: like('/certificates/1a2b3c4d5e6f'),
          grade: like('0.92'),
        }),
      },
    },
  ];
}

const learner = VERIFIED_LEARNER;

function platformInteractions(): InteractionSpec[] {
  const mfeConfig = (app: string): InteractionSpec => ({
    description: `a request for the runtime config of the ${app} MFE`,
    given: [[STATES.mfeConfigApiEnabled]],
    request: {
      method: 'GET',
      path: '/api/mfe_config/v1',
      query: { mfe: app },
      headers: { Accept: 'application/json' },
    },
    response: {
      status: 200,
      headers: { 'Cache-Control': 'no-store' },
      body: {
        BASE_URL: like('apps.local.openedx.io'),
        CSRF_TOKEN_API_PATH: like('/csrf/api/v1/token'),
        LMS_BASE_URL: mockUrl('', ''),
        LOGIN_URL: mockUrl('/login'),
        LOGOUT_URL: mockUrl('/logout'),
        REFRESH_ACCESS_TOKEN_ENDPOINT: mockUrl('/login_refresh'),
        ACCESS_TOKEN_COOKIE_NAME: like('edx-jwt-cookie-header-payload'),
        SITE_NAME: like('My Open edX'),
        ENABLE_COURSE_SORTING_BY_START_DATE: boolean(true),
      },
    },
  });
  return [
    ...['learner-dashboard', 'learning', 'account', 'profile', 'authn'].map(mfeConfig),
    {
      description: 'a request to refresh the JWT cookie of a logged-in user',
      given: loggedIn(learner),
      request: { method: 'POST', path: '/login_refresh' },
      response: {
        status: 200,
        headers: {
          'Set-Cookie':
            'edx-jwt-cookie-header-payload=eyJhbGciOiJub25lIn0.eyJwcmVmZXJyZWRfdXNlcm5hbWUiOiJ2ZXJpZmllZCJ9; Path=/; Max-Age=3600',
        },
        body: {
          success: boolean(true),
          user_id: fromState('${user_id}', learner.user_id),
          response_epoch_seconds: decimal(1767222000.52),
          expires: like('Thu, 01 Jan 2026 00:00:00 GMT'),
          expires_epoch_seconds: integer(1767225600),
        },
      },
    },
    {
      description: 'a request to refresh the JWT cookie with no user logged in',
      given: [[STATES.noUserLoggedIn]],
      request: { method: 'POST', path: '/login_refresh' },
      response: { status: 401, body: 'Unauthorized' },
    },
    {
      description: 'a request for a CSRF token',
      given: loggedIn(learner),
      request: { method: 'GET', path: '/csrf/api/v1/token', headers: AUTH },
      response: { status: 200, body: { csrfToken: CSRF } },
    },
    {
      description: 'a request for the unread notifications count',
      given: loggedIn(learner),
      request: { method: 'GET', path: '/api/notifications/count/', headers: AUTH },
      response: {
        status: 200,
        body: {
          show_notifications_tray: boolean(true),
          count: integer(4),
          count_by_app_name: { discussion: integer(4) },
          notification_expiry_days: integer(60),
          is_new_notification_view_enabled: boolean(false),
        },
      },
    },
    {
      description: 'a request for the learner home of a verified learner',
      given: loggedIn(learner),
      request: { method: 'GET', path: '/api/learner_home/init', headers: AUTH },
      response: {
        status: 200,
        body: {
          courses: eachLike({
            course: { courseName: like(DEMO_COURSE.course_name), courseNumber: like('DemoX') },
            courseRun: {
              courseId: regex(`^${COURSE_KEY}$`, DEMO_COURSE.course_id),
              isStarted: boolean(true),
              isArchived: boolean(false),
              startDate: datetime(ISO, '2025-01-01T00:00:00Z'),
              homeUrl: mockUrl(`/course/${DEMO_COURSE.course_id}/home`, '.+'),
            },
            enrollment: {
              isEnrolled: boolean(true),
              isVerified: boolean(true),
              mode: like('verified'),
              lastEnrolled: datetime(ISO, '2025-09-22T14:28:03Z'),
            },
            gradeData: { isPassing: boolean(false) },
          }),
          emailConfirmation: { isNeeded: boolean(false), sendEmailUrl: like('') },
          platformSettings: {
            supportEmail: like('support@example.com'),
            courseSearchUrl: like(''),
          },
          suggestedCourses: [],
        },
      },
    },
    {
      description: 'a request by global staff for the learner home of another learner',
      given: [
        ...loggedIn(STAFF_USER),
        [REQUEST_STATES.learnerToViewExists, { username: AUDIT_LEARNER.username }],
      ],
      request: {
        method: 'GET',
        path: '/api/learner_home/init',
        query: { user: AUDIT_LEARNER.username },
        headers: AUTH,
      },
      response: {
        status: 200,
        body: {
          courses: [],
          emailConfirmation: { isNeeded: boolean(false), sendEmailUrl: like('') },
          platformSettings: {
            supportEmail: like('support@example.com'),
            courseSearchUrl: like(''),
          },
          suggestedCourses: [],
        },
      },
    },
    {
      description: 'a tracking event sent by the platform',
      given: loggedIn(learner),
      request: {
        method: 'POST',
        path: '/event',
        headers: MUTATION,
        body: {
          form: {
            event_type: regex('^edx\\.[a-z_.]+$', 'edx.ui.lms.outline.selected'),
            event: like('{"target_name":"Introduction"}'),
            page: like('http://localhost:2000/learning/course/x/home'),
          },
        },
      },
      response: { status: 200 },
    },
    {
      description: 'a request for the third-party auth providers of the user',
      given: loggedIn(learner),
      request: {
        method: 'GET',
        path: '/api/third_party_auth/v0/providers/user_status',
        headers: AUTH,
      },
      response: {
        status: 200,
        body: eachLike({
          id: like('oa2-google-oauth2'),
          name: like('Google'),
          connected: boolean(false),
          accepts_logins: boolean(true),
          connect_url: like('/auth/login/google-oauth2/?auth_entry=account_settings'),
          disconnect_url: like('/auth/disconnect/google-oauth2/?'),
        }),
      },
    },
    {
      description: 'a request for the time zones of a country',
      given: loggedIn(learner),
      request: {
        method: 'GET',
        path: '/user_api/v1/preferences/time_zones/',
        query: { country_code: regex('^[A-Z]{2}$', 'US') },
        headers: AUTH,
      },
      response: {
        status: 200,
        body: eachLike({
          time_zone: like('America/New_York'),
          description: like('America/New_York (EST, UTC-0500)'),
        }),
      },
    },
    {
      description: 'a request for the registration form (country list)',
      given: [[STATES.mfeConfigApiEnabled]],
      request: { method: 'GET', path: '/user_api/v1/account/registration/' },
      response: {
        status: 200,
        body: {
          method: like('post'),
          submit_url: like('/user_api/v1/account/registration/'),
          fields: eachLike({
            name: like('country'),
            type: like('select'),
            label: like('Country or Region of Residence'),
            options: eachLike({ value: like('US'), name: like('United States') }),
          }),
        },
      },
    },
    {
      description: 'a request for the verified name history',
      given: loggedIn(learner),
      request: {
        method: 'GET',
        path: '/api/edx_name_affirmation/v1/verified_name/history',
        headers: AUTH,
      },
      response: {
        status: 200,
        body: {
          results: eachLike({
            verified_name: like(learner.name),
            profile_name: like(learner.name),
            status: regex('^(pending|submitted|approved|denied)$', 'approved'),
            created: datetime(ISO, '2025-03-01T08:00:00Z'),
          }),
        },
      },
    },
    {
      description: 'a merge-patch of the account of the logged-in user',
      given: loggedIn(learner),
      request: {
        method: 'PATCH',
        path: statePath('/api/user/v1/accounts/${username}', learner),
        headers: MUTATION,
        body: {
          json: { bio: like('I like Python.'), year_of_birth: integer(1990) },
          contentType: 'application/merge-patch+json',
        },
      },
      response: {
        status: 200,
        body: {
          username: fromState('${username}', learner.username),
          bio: like('I like Python.'),
          year_of_birth: integer(1990),
        },
      },
    },
    {
      description: 'an invalid merge-patch of the account of the logged-in user',
      given: [
        ...loggedIn(learner),
        [REQUEST_STATES.accountUpdateInvalid, { username: learner.username }],
      ],
      request: {
        method: 'PATCH',
        path: statePath('/api/user/v1/accounts/${username}', learner),
        headers: MUTATION,
        body: {
          json: { year_of_birth: integer(1776) },
          contentType: 'application/merge-patch+json',
        },
      },
      response: {
        status: 400,
        body: {
          field_errors: {
            year_of_birth: {
              developer_message: like('"1776" is not a valid choice.'),
              user_message: like('The year of birth is not valid.'),
            },
          },
        },
      },
    },
    {
      description: 'a merge-patch of the preferences of the logged-in user',
      given: loggedIn(learner),
      request: {
        method: 'PATCH',
        path: statePath('/api/user/v1/preferences/${username}', learner),
        headers: MUTATION,
        body: {
          json: { 'pref-lang': like('fr'), time_zone: like('Europe/Paris') },
          contentType: 'application/merge-patch+json',
        },
      },
      response: { status: 204 },
    },
    {
      description: 'a request for an account that does not exist',
      given: [...loggedIn(learner), [REQUEST_STATES.accountDoesNotExist, { username: 'ghost' }]],
      request: { method: 'GET', path: '/api/user/v1/accounts/ghost', headers: AUTH },
      response: { status: 404, body: { detail: like('No account found.') } },
    },
    {
      description: 'a request for the notification preferences',
      given: loggedIn(learner),
      request: { method: 'GET', path: '/api/notifications/v3/configurations/', headers: AUTH },
      response: {
        status: 200,
        body: {
          status: like('success'),
          data: {
            discussion: {
              enabled: boolean(true),
              core_notification_types: eachLike(like('new_comment')),
              notification_types: {
                core: { web: boolean(true), email: boolean(true), email_cadence: like('Daily') },
              },
            },
          },
        },
      },
    },
    {
      description: 'a request for the enrollments of the user',
      given: [...loggedIn(learner), [STATES.courseExists, asParams(DEMO_COURSE)]],
      request: { method: 'GET', path: '/api/enrollment/v1/enrollment', headers: AUTH },
      response: {
        status: 200,
        body: eachLike({
          course_details: { course_id: regex(`^${COURSE_KEY}$`, DEMO_COURSE.course_id) },
          mode: like('verified'),
          is_active: boolean(true),
          created: datetime(ISO, '2025-09-22T14:28:03Z'),
        }),
      },
    },
    {
      description: 'a request for the login page context',
      given: [[STATES.noUserLoggedIn]],
      request: {
        method: 'GET',
        path: '/api/mfe_context',
        query: { next: like('/dashboard') },
        headers: { 'Content-Type': includes('x-www-form-urlencoded') },
      },
      response: {
        status: 200,
        body: {
          contextData: {
            platformName: like('Your Platform Name Here'),
            providers: [],
            secondaryProviders: [],
            countryCode: regex('^[A-Z]{2}$', 'US'),
            pipelineUserDetails: {},
          },
          registrationFields: { fields: {} },
          optionalFields: { fields: {}, extended_profile: [] },
        },
      },
    },
    {
      description: 'a login with the right credentials',
      given: [
        [STATES.noUserLoggedIn],
        [REQUEST_STATES.loginCredentialsRight, { email_or_username: learner.email }],
      ],
      request: {
        method: 'POST',
        path: '/api/user/v2/account/login_session/',
        headers: { 'X-CSRFToken': CSRF },
        body: {
          form: {
            email_or_username: like(learner.email),
            password: like('edx-demo-password'),
          },
        },
      },
      response: {
        status: 200,
        body: { success: boolean(true), redirect_url: mockUrl('/dashboard') },
      },
    },
    {
      description: 'a login with wrong credentials',
      given: [
        [STATES.noUserLoggedIn],
        [REQUEST_STATES.loginCredentialsWrong, { email_or_username: 'nobody@example.com' }],
      ],
      request: {
        method: 'POST',
        path: '/api/user/v2/account/login_session/',
        headers: { 'X-CSRFToken': CSRF },
        body: { form: { email_or_username: 'nobody@example.com', password: like('wrong') } },
      },
      response: {
        status: 400,
        body: {
          success: boolean(false),
          error_code: like('incorrect-email-or-password'),
          value: like('Email or password is incorrect.'),
        },
      },
    },
    {
      description: 'a validation of the registration fields',
      given: [[STATES.noUserLoggedIn]],
      request: {
        method: 'POST',
        path: '/api/user/v1/validation/registration',
        body: {
          form: {
            email: like('new.learner@example.com'),
            username: regex('^[A-Za-z0-9_-]{2,30}$', 'new_learner'),
          },
        },
      },
      response: {
        status: 200,
        body: { validation_decisions: { email: like(''), username: like('') } },
      },
    },
    {
      description: 'a request for the MFE config with the refresh endpoint time stamp',
      given: [[STATES.mfeConfigApiEnabled]],
      request: { method: 'GET', path: '/api/frontend_site_config/v1/' },
      response: {
        status: 200,
        body: {
          siteName: like('My Open edX'),
          lmsBaseUrl: mockUrl(''),
          generatedAt: generatedDatetime(ISO, '2026-11-01T10:00:00Z', '+0 seconds'),
        },
      },
    },
  ];
}

/** The synthetic pact as a V4 document, consumer `synthetic-lms-traffic`, provider `lms`. */
export function buildSyntheticPact() {
  const specs: InteractionSpec[] = [
    ...platformInteractions(),
    ...SYNTHETIC_USERS.flatMap(userInteractions),
    ...SYNTHETIC_COURSES.flatMap(courseInteractions),
  ];
  const interactions = specs
    .map(buildInteraction)
    // pact-js writes interactions sorted by description; so do we.
    .sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
  const descriptions = new Set(interactions.map((i) => i.description));
  if (descriptions.size !== interactions.length) {
    throw new Error(
      '[bench] Failed to build the synthetic pact: two interactions share a description.',
    );
  }
  return {
    consumer: { name: 'synthetic-lms-traffic' },
    interactions,
    metadata: {
      pactSpecification: { version: '4.0' },
      synthetic: { generator: 'scripts/generate-synthetic-pact.ts' },
    },
    provider: { name: 'lms' },
  };
}
