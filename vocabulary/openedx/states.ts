/**
 * Provider states of the LMS, defined once and shared by every contract (contracts/), the stub
 * (stub/, which selects interactions by them) and the LMS verifier (which sets them up). Part of
 * the neutral Open edX vocabulary (vocabulary/): it imports nothing, and both contracts/ and
 * stub/ import it, so neither imports the other. The example values the contracts are written
 * with live in contracts/support/states.ts.
 *
 * Parameters are shaped like the Open edX test-data spec (`users:` and `enrollments:`), so the
 * LMS can create them with the same fixtures and a stub persona can satisfy them. Values that
 * depend on the state are injected into the contracts with `fromProviderState('${param}', example)`.
 *
 * Never bake an id into a state name: put it in the parameters.
 */

/** A user as the LMS's test-data spec describes it; also the claims the JWT cookie carries. */
export type UserParams = {
  username: string;
  user_id: number;
  email: string;
  name: string;
  administrator: boolean;
  roles: string[];
};

/** An enrollment as the LMS's test-data spec describes it. */
export type EnrollmentParams = {
  username: string;
  course_id: string;
  mode: 'audit' | 'verified' | 'honor' | 'professional' | 'no-id-professional' | 'masters';
};

/** A course as the stub's persona file and the LMS's course fixtures describe it. */
export type CourseParams = {
  course_id: string;
  course_name: string;
  org: string;
  /** The first sequence (subsection) of the course, as a usage key. */
  sequence_id: string;
  /** The first unit (vertical) of that sequence, as a usage key. */
  unit_id: string;
};

/**
 * Every state name, once. Two kinds:
 *  - persona states: a stub persona satisfies them with its own values (stub/personas/), so the
 *    stub serves these interactions by default for the active persona;
 *  - request states (see REQUEST_STATES in the contracts that declare them, e.g. a validation
 *    error): no persona satisfies them; the stub serves them only when a request or `--state`
 *    asks for them by name.
 */
export const STATES = {
  /** A Django session exists for the user: /login_refresh mints their JWT cookie.
   *  Params: UserParams. Satisfied by every persona that has a user. */
  userLoggedIn: 'a user is logged in',
  /** No session: /login_refresh answers 401 and authenticated pages redirect to login.
   *  No params. Satisfied by the anonymous persona. */
  noUserLoggedIn: 'no user is logged in',
  /** `ENABLE_MFE_CONFIG_API` is on and `MFE_CONFIG` points the MFEs at this LMS and its
   *  Studio. Params: RuntimeConfigParams (`studio_base_url`: the CMS the LMS names; the state
   *  handler answers its own CMS_BASE_URL, the stub the Studio it serves). Satisfied by every
   *  persona. */
  mfeConfigApiEnabled: 'the MFE config API is enabled',
  /** A course run exists with at least one sequence and unit. Params: CourseParams, and the
   *  parts of its key (CourseKeyParams) when a page shows them. Satisfied by every course of
   *  the persona file. */
  courseExists: 'a course exists',
  /** The user has an active enrollment in the course. Params: EnrollmentParams.
   *  Satisfied by each enrollment of the persona's user. */
  userEnrolled: 'the user is enrolled in the course',
  /** The user has no enrollment in the course. Params: { username, course_id }.
   *  Satisfied by each course of the persona file the persona's user is not enrolled in. */
  userNotEnrolled: 'the user is not enrolled in the course',
  /** The course is the user's only active enrollment: the learner dashboard lists one card.
   *  Params: { username, course_id }. Satisfied by a persona whose user has exactly one
   *  enrollment. */
  userEnrolledInNoOtherCourse: 'the user is enrolled in no other course',
  /** The user has exactly two active enrollments: the learner dashboard lists both cards, in
   *  enrollment order. Params: TwoEnrollmentsParams. Satisfied by a persona whose user has
   *  exactly two enrollments. (A response cannot repeat an element per enrollment, so each
   *  enrollment count the dashboard shows is its own state and interaction.) */
  userEnrolledInTwoCourses: 'the user is enrolled in two courses',
  /** Another user than the one logged in has an account whose profile fields are all shared
   *  with every user (`account_privacy: custom`, each `visibility.<field>: all_users`): the
   *  accounts API answers that user's shared fields, the certificates API their certificates.
   *  Params: OtherUserParams. Satisfied, for a persona with a user, by each other user of the
   *  persona file. */
  otherUserSharesProfile: 'another user shares their profile with all users',
} as const;

export type StateName = (typeof STATES)[keyof typeof STATES];

/** Parameters of {@link STATES.mfeConfigApiEnabled}: what the runtime config names besides the
 *  LMS itself (whose URLs are the server's own). */
export type RuntimeConfigParams = { studio_base_url: string };

/** Parameters of {@link STATES.otherUserSharesProfile}: the other user, named apart from the
 *  `username` of the logged-in user, since both states' parameters fill the same request. */
export type OtherUserParams = { other_username: string; other_name: string };

/** Parameters of {@link STATES.userNotEnrolled}. */
export type NotEnrolledParams = Pick<EnrollmentParams, 'username' | 'course_id'>;

/** One enrollment with the course values a page shows for it (a dashboard card). */
export type EnrolledCourseParams = Pick<CourseParams, 'course_id' | 'course_name' | 'org'> & {
  mode: EnrollmentParams['mode'];
  /** The course number of the key (`DemoX` of `course-v1:edX+DemoX+Demo_Course`). */
  course_number: string;
  /** The key without its `course-v1:` prefix, as asset URLs embed it. */
  course_key: string;
};

type Prefixed<P extends string, T> = { [K in keyof T as `${P}${K & string}`]: T[K] };

/** Parameters of {@link STATES.userEnrolledInTwoCourses}: the user and both enrollments. */
export type TwoEnrollmentsParams = { username: string } & Prefixed<'first_', EnrolledCourseParams> &
  Prefixed<'second_', EnrolledCourseParams>;

export function enrolledCourseParams(
  course: CourseParams,
  mode: EnrollmentParams['mode'],
): EnrolledCourseParams {
  const key = course.course_id.replace(/^course-v1:/, '');
  return {
    course_id: course.course_id,
    course_name: course.course_name,
    org: course.org,
    mode,
    course_number: key.split('+')[1] ?? key,
    course_key: key,
  };
}

export function twoEnrollmentsParams(
  username: string,
  first: EnrolledCourseParams,
  second: EnrolledCourseParams,
): TwoEnrollmentsParams {
  const prefixed = <P extends string>(prefix: P, values: EnrolledCourseParams) =>
    Object.fromEntries(
      Object.entries(values).map(([key, value]) => [`${prefix}${key}`, value]),
    ) as Prefixed<P, EnrolledCourseParams>;
  return { username, ...prefixed('first_', first), ...prefixed('second_', second) };
}

/**
 * Request states: error answers and one-off situations that the MFEs handle. No persona
 * satisfies them, so the stub serves these interactions only when a request
 * (`X-Pact-Provider-State`) or `--state` names them; the LMS verifier sets each one up as its
 * doc comment says. They are usually combined with a persona state (who is asking).
 */
export const REQUEST_STATES = {
  /** No account exists with this username: the accounts API answers 404.
   *  Params: { missing_username } (named apart from the `username` of the logged-in user who
   *  asks, since both states' parameters fill the same request). */
  accountDoesNotExist: 'no account exists for the username',
  /** An active account exists whose email (or username) and password are the ones the login
   *  form sends: login_session answers 200 with `success` and `redirect_url` (the form's `next`
   *  when allowed, else the dashboard; and, on a real LMS, the logged-in cookies). A request state because no persona says what a
   *  password is; the stub sets it itself when the form names a persona's user
   *  (stub/openedx/login-session.ts). Params: { email_or_username, password, redirect_url }. */
  loginCredentialsRight: 'an account exists with the login credentials',
  /** The login form was sent with an email or password that matches no active account:
   *  login_session answers 400 with `error_code: incorrect-email-or-password`. The stub sets it
   *  for a form that names no persona's user or has another password.
   *  Params: { email_or_username }. */
  loginCredentialsWrong: 'the login credentials are wrong',
  /** The username and the email of a registration are already used by an account:
   *  registration answers 409 with per-field messages, `error_code` and username suggestions.
   *  Params: { username, email } (those of the existing account). */
  registrationDuplicate: 'an account already uses the registration username and email',
  /** No account uses the registration's username and email: registration creates the account,
   *  logs it in and answers 200 with `success`, `redirect_url` (as for a login) and
   *  `authenticated_user`. The stub cannot create accounts: it sets this state with the values
   *  of the persona a registration logs in as (stub/openedx/login-session.ts).
   *  Params: { username, name, user_id, redirect_url } (those of the account created, and
   *  where the LMS sends the browser). */
  registrationCreatesAccount: 'the registration creates an account',
  /** Registration field validation finds problems (email already taken, password too short):
   *  the validation API answers 200 with a message per failing field. Params: { email }. */
  registrationFieldsInvalid: 'the registration fields fail validation',
  /** A merge-patch of an account carries a value the LMS rejects (a year of birth out of
   *  range): the accounts API answers 400 with `field_errors`. Params: { username }. */
  accountUpdateInvalid: 'the account update is invalid',
  /** The user tours waffle flag (`user_tours.tours_enabled`) is off: the tours API answers 403
   *  and the learning MFE shows no tour. Params: { username }. */
  userToursDisabled: 'user tours are disabled',
} as const;

export type RequestStateName = (typeof REQUEST_STATES)[keyof typeof REQUEST_STATES];

/** The parts of a course key (`course-v1:{org}+{number}+{run}`) that pages show on their own:
 *  the course number in a header, the key without its prefix in block ids. */
export type CourseKeyParams = {
  /** The key without its `course-v1:` prefix, as usage keys embed it. */
  course_key: string;
  /** The course number (`DemoX` of `course-v1:edX+DemoX+Demo_Course`). */
  course_number: string;
  /** The course run (`Demo_Course`). */
  course_run: string;
};

export function courseKeyParams(courseId: string): CourseKeyParams {
  const key = courseId.replace(/^course-v1:/, '');
  const [, number = key, run = ''] = key.split('+');
  return { course_key: key, course_number: number, course_run: run };
}

/** A course as Studio (the CMS) shows it to its course team: the course's values and its key's
 *  parts. Parameters of {@link CMS_STATES.userIsCourseStaff}, with the user's username. */
export type StudioCourseParams = CourseParams & CourseKeyParams;

/** Parameters of {@link CMS_STATES.userIsCourseStaff}. */
export type CourseStaffParams = { username: string } & StudioCourseParams;

/** One course of Studio's course list, as a card shows it. */
export type StudioListedCourseParams = Pick<
  StudioCourseParams,
  'course_id' | 'course_name' | 'org'
> &
  Pick<CourseKeyParams, 'course_number' | 'course_run'>;

/** Parameters of {@link CMS_STATES.userIsStaffOfTwoCourses}: the user and both courses, in the
 *  order Studio lists them (by display name). */
export type TwoStudioCoursesParams = { username: string } & Prefixed<
  'first_',
  StudioListedCourseParams
> &
  Prefixed<'second_', StudioListedCourseParams>;

export function studioCourseParams(course: CourseParams): StudioCourseParams {
  return { ...course, ...courseKeyParams(course.course_id) };
}

export function twoStudioCoursesParams(
  username: string,
  first: CourseParams,
  second: CourseParams,
): TwoStudioCoursesParams {
  const listed = <P extends string>(prefix: P, course: CourseParams) => {
    const { course_number, course_run } = courseKeyParams(course.course_id);
    const values: StudioListedCourseParams = {
      course_id: course.course_id,
      course_name: course.course_name,
      org: course.org,
      course_number,
      course_run,
    };
    return Object.fromEntries(
      Object.entries(values).map(([key, value]) => [`${prefix}${key}`, value]),
    ) as Prefixed<P, StudioListedCourseParams>;
  };
  return { username, ...listed('first_', first), ...listed('second_', second) };
}

/**
 * Provider states of Studio (the CMS, provider `cms`), used with the persona states above (`a
 * user is logged in`: the JWT cookie the LMS minted, which the CMS accepts as well). Persona
 * states too: the stub's cms profile (stub/cms/profile.ts) says which persona satisfies them
 * with which values; the CMS verifier sets them up as each doc comment says.
 */
export const CMS_STATES = {
  /** The user is on the course team of the course (course staff or instructor role), or global
   *  staff, who has Studio access to every course: Studio shows the course's outline and
   *  settings. Params: CourseStaffParams (the username and the course's values). Satisfied, for
   *  each course of the persona file, by a persona whose user is global staff. */
  userIsCourseStaff: 'the user is course staff of the course',
  /** Studio's course list of the user holds exactly two courses, listed by display name.
   *  Params: TwoStudioCoursesParams. Satisfied by a persona whose user is global staff when the
   *  persona file has exactly two courses. (A response cannot repeat an element per course, so
   *  each count the list shows is its own state and interaction.) */
  userIsStaffOfTwoCourses: 'the user is course staff of two courses',
  /** Studio's course list of the user is empty: the user is on no course team and not global
   *  staff. Params: { username }. Satisfied by every persona with a user who is not global
   *  staff. */
  userIsStaffOfNoCourse: 'the user is course staff of no course',
  /** `MEILISEARCH_ENABLED` is off (the default): Studio's search configuration answers 404 and
   *  the authoring MFE hides search. No params. Satisfied by every persona. */
  meilisearchDisabled: 'Meilisearch is not enabled',
} as const;

export type CmsStateName = (typeof CMS_STATES)[keyof typeof CMS_STATES];
