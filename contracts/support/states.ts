/**
 * Provider states of the LMS, defined once and shared by every contract, the stub (which selects
 * interactions by them) and the LMS verifier (which sets them up).
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
  /** `ENABLE_MFE_CONFIG_API` is on and `MFE_CONFIG` points the MFEs at this LMS.
   *  No params. Satisfied by every persona. */
  mfeConfigApiEnabled: 'the MFE config API is enabled',
  /** A course run exists with at least one sequence and unit. Params: CourseParams.
   *  Satisfied by every course of the persona file. */
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
} as const;

export type StateName = (typeof STATES)[keyof typeof STATES];

/**
 * The user most contracts are written for: a verified learner, with realistic LMS values.
 * The stub's personas (stub/personas/default.yaml) satisfy the same states with other values.
 */
export const VERIFIED_LEARNER: UserParams = {
  username: 'verified',
  user_id: 8,
  email: 'verified@example.com',
  name: 'Vera Verified',
  administrator: false,
  roles: [],
};

/** The course the contracts use: the Open edX demo course. */
export const DEMO_COURSE: CourseParams = {
  course_id: 'course-v1:edX+DemoX+Demo_Course',
  course_name: 'Demonstration Course',
  org: 'edX',
  sequence_id: 'block-v1:edX+DemoX+Demo_Course+type@sequential+block@basic_questions',
  unit_id: 'block-v1:edX+DemoX+Demo_Course+type@vertical+block@vertical_0270f6de40fc',
};

/** The second course of the persona file, which the verified learner audits: a course whose
 *  pages must look like itself (its own number, outline and units), not like the demo course. */
export const STUB101_COURSE: CourseParams = {
  course_id: 'course-v1:OpenedX+Stub101+2026_T1',
  course_name: 'Working With a Stub LMS',
  org: 'OpenedX',
  sequence_id: 'block-v1:OpenedX+Stub101+2026_T1+type@sequential+block@getting_started',
  unit_id: 'block-v1:OpenedX+Stub101+2026_T1+type@vertical+block@first_steps',
};

/** The verified learner's audit enrollment in Stub101 (stub/personas/default.yaml). */
export const VERIFIED_AUDITS_STUB101: EnrollmentParams = {
  username: VERIFIED_LEARNER.username,
  course_id: STUB101_COURSE.course_id,
  mode: 'audit',
};

export const VERIFIED_ENROLLMENT: EnrollmentParams = {
  username: VERIFIED_LEARNER.username,
  course_id: DEMO_COURSE.course_id,
  mode: 'verified',
};

/** A learner enrolled in the demo course in the free audit track (no certificate, no graded
 *  content behind content-type gating). */
export const AUDIT_LEARNER: UserParams = {
  username: 'audit',
  user_id: 9,
  email: 'audit@example.com',
  name: 'Aldo Audit',
  administrator: false,
  roles: [],
};

export const AUDIT_ENROLLMENT: EnrollmentParams = {
  username: AUDIT_LEARNER.username,
  course_id: DEMO_COURSE.course_id,
  mode: 'audit',
};

/** A learner with an account and no enrollment in the demo course. */
export const UNENROLLED_LEARNER: UserParams = {
  username: 'novice',
  user_id: 10,
  email: 'novice@example.com',
  name: 'Nora Novice',
  administrator: false,
  roles: [],
};

/** Global staff (Django `is_staff`, the JWT's `administrator` claim): sees every course without
 *  an enrollment and may view the dashboard as another learner. */
export const STAFF_USER: UserParams = {
  username: 'staff',
  user_id: 3,
  email: 'staff@example.com',
  name: 'Sam Staff',
  administrator: true,
  roles: [],
};

/** Parameters of {@link STATES.userNotEnrolled}. */
export type NotEnrolledParams = Pick<EnrollmentParams, 'username' | 'course_id'>;

export const UNENROLLED_IN_DEMO_COURSE: NotEnrolledParams = {
  username: UNENROLLED_LEARNER.username,
  course_id: DEMO_COURSE.course_id,
};

export const STAFF_NOT_ENROLLED: NotEnrolledParams = {
  username: STAFF_USER.username,
  course_id: DEMO_COURSE.course_id,
};

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
  /** An active account exists whose email and password are the ones the login form sends:
   *  login_session answers 200 with `success` and where to go (and, on a real LMS, the logged-in
   *  cookies). A request state because no persona says what a password is. Params: UserParams
   *  and { password }. */
  loginCredentialsRight: 'an account exists with the login credentials',
  /** The login form was sent with an email or password that matches no active account:
   *  login_session answers 400 with `error_code: incorrect-email-or-password`.
   *  Params: { email_or_username }. */
  loginCredentialsWrong: 'the login credentials are wrong',
  /** The username and the email of a registration are already used by an account:
   *  registration answers 409 with per-field messages, `error_code` and username suggestions.
   *  Params: { username, email } (those of the existing account). */
  registrationDuplicate: 'an account already uses the registration username and email',
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

/** The verified learner as the persona file enrolls her: verified in the demo course, auditing
 *  Stub101. */
export const VERIFIED_TWO_ENROLLMENTS: TwoEnrollmentsParams = twoEnrollmentsParams(
  VERIFIED_LEARNER.username,
  enrolledCourseParams(DEMO_COURSE, 'verified'),
  enrolledCourseParams(STUB101_COURSE, 'audit'),
);
