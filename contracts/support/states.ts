/**
 * The values the contracts are written with: users, courses and enrollments with realistic LMS
 * values. The state names and parameter types themselves are the shared Open edX vocabulary
 * (vocabulary/openedx/states.ts), re-exported here so a contract imports one module.
 */
import {
  type CourseParams,
  type EnrollmentParams,
  enrolledCourseParams,
  type NotEnrolledParams,
  type OtherUserParams,
  type TwoEnrollmentsParams,
  twoEnrollmentsParams,
  type UserParams,
} from '../../vocabulary/openedx/states';

export * from '../../vocabulary/openedx/states';

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

export const UNENROLLED_IN_DEMO_COURSE: NotEnrolledParams = {
  username: UNENROLLED_LEARNER.username,
  course_id: DEMO_COURSE.course_id,
};

export const STAFF_NOT_ENROLLED: NotEnrolledParams = {
  username: STAFF_USER.username,
  course_id: DEMO_COURSE.course_id,
};

/** The verified learner as the persona file enrolls her: verified in the demo course, auditing
 *  Stub101. */
export const VERIFIED_TWO_ENROLLMENTS: TwoEnrollmentsParams = twoEnrollmentsParams(
  VERIFIED_LEARNER.username,
  enrolledCourseParams(DEMO_COURSE, 'verified'),
  enrolledCourseParams(STUB101_COURSE, 'audit'),
);

/** The audit learner, as another user whose profile the verified learner opens. */
export const AUDIT_LEARNER_AS_OTHER_USER: OtherUserParams = {
  other_username: AUDIT_LEARNER.username,
  other_name: AUDIT_LEARNER.name,
};
