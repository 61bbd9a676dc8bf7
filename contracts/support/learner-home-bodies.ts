/**
 * GET /api/learner_home/init, as a Pact template. The LMS's learner_home serializers emit
 * camelCase keys themselves (openedx-platform lms/djangoapps/learner_home/serializers.py), so the
 * learner dashboard reads them as they come. Values follow the LMS's own mock
 * (learner_home/mock/mock_data.json) and the Open edX demo course.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { ISO_DATETIME } from './lms-bodies';
import { DEMO_COURSE, type EnrolledCourseParams } from './states';

const { like, boolean, eachLike, datetime, fromProviderState, nullValue, regex } = MatchersV3;

const course = DEMO_COURSE;

/** One card of the dashboard: a course run and the learner's enrollment in it. */
function courseCard(mode: 'verified' | 'audit') {
  const audit = mode === 'audit';
  const courseId = fromProviderState('${course_id}', course.course_id);
  return {
    course: {
      courseName: fromProviderState('${course_name}', course.course_name),
      courseNumber: like('DemoX'),
      bannerImgSrc: like(
        '/asset-v1:edX+DemoX+Demo_Course+type@asset+block@images_course_image.jpg',
      ),
      socialShareUrl: nullValue(),
    },
    courseProvider: { name: fromProviderState('${org}', course.org) },
    courseRun: {
      courseId,
      isStarted: boolean(true),
      isArchived: boolean(false),
      startDate: datetime(ISO_DATETIME, '2013-02-05T05:00:00Z'),
      endDate: nullValue(),
      advertisedStart: nullValue(),
      minPassingGrade: like('0.60'),
      homeUrl: like('http://localhost:2000/course/course-v1:edX+DemoX+Demo_Course/home'),
      resumeUrl: like('http://localhost:2000/course/course-v1:edX+DemoX+Demo_Course/home'),
      progressUrl: like('/courses/course-v1:edX+DemoX+Demo_Course/progress'),
      unenrollUrl: like('/courses/course-v1:edX+DemoX+Demo_Course/unenroll/'),
      upgradeUrl: audit ? like('http://localhost:18130/basket/add/?sku=8CF08E5') : nullValue(),
      marketingUrl: nullValue(),
    },
    enrollment: {
      mode: like(mode),
      isEnrolled: boolean(true),
      isAudit: boolean(audit),
      isVerified: boolean(!audit),
      canUpgrade: boolean(audit),
      hasStarted: boolean(true),
      hasFinished: boolean(false),
      isAuditAccessExpired: boolean(false),
      isEmailEnabled: boolean(true),
      hasOptedOutOfEmail: boolean(false),
      lastEnrolled: datetime(ISO_DATETIME, '2024-09-01T10:05:00Z'),
      accessExpirationDate: audit ? datetime(ISO_DATETIME, '2030-02-05T05:00:00Z') : nullValue(),
      coursewareAccess: {
        isTooEarly: boolean(false),
        hasUnmetPrerequisites: boolean(false),
        isStaff: boolean(false),
      },
    },
    certificate: {
      availableDate: nullValue(),
      isRestricted: boolean(false),
      isEarned: boolean(false),
      isDownloadable: boolean(false),
      certPreviewUrl: nullValue(),
    },
    gradeData: { isPassing: boolean(false) },
    entitlement: nullValue(),
    programs: { relatedPrograms: like([]) },
  };
}

/** A card whose course values come from the state parameters named `<prefix><name>` (the
 *  two-enrollment state), so each persona's own courses show on their own cards. The flags that
 *  follow from the mode (isAudit, canUpgrade...) are those of the recorded example's mode. */
function templatedCourseCard(prefix: 'first_' | 'second_', example: EnrolledCourseParams) {
  const card = courseCard(example.mode === 'audit' ? 'audit' : 'verified');
  const param = (name: keyof EnrolledCourseParams) => `\${${prefix}${name}}`;
  const courseId = fromProviderState(param('course_id'), example.course_id);
  const inCourse = (template: (value: string) => string) =>
    fromProviderState(template(param('course_id')), template(example.course_id));
  return {
    ...card,
    course: {
      ...card.course,
      courseName: fromProviderState(param('course_name'), example.course_name),
      courseNumber: fromProviderState(param('course_number'), example.course_number),
      bannerImgSrc: fromProviderState(
        `/asset-v1:${param('course_key')}+type@asset+block@images_course_image.jpg`,
        `/asset-v1:${example.course_key}+type@asset+block@images_course_image.jpg`,
      ),
    },
    courseProvider: { name: fromProviderState(param('org'), example.org) },
    courseRun: {
      ...card.courseRun,
      courseId,
      homeUrl: inCourse((id) => `http://localhost:2000/course/${id}/home`),
      resumeUrl: inCourse((id) => `http://localhost:2000/course/${id}/home`),
      progressUrl: inCourse((id) => `/courses/${id}/progress`),
      unenrollUrl: inCourse((id) => `/courses/${id}/unenroll/`),
    },
    enrollment: { ...card.enrollment, mode: fromProviderState(param('mode'), example.mode) },
  };
}

/** The dashboard of a learner: one enrollment card in `mode`, or no card for a user with no
 *  enrollment (`null`). */
export function learnerHomeInitBody(mode: 'verified' | 'audit' | null) {
  return {
    courses: mode === null ? like([]) : eachLike(courseCard(mode)),
    ...dashboardSettings(),
  };
}

/** The dashboard of a learner enrolled in two courses: one card each, in enrollment order. */
export function learnerHomeInitBodyForTwo(
  first: EnrolledCourseParams,
  second: EnrolledCourseParams,
) {
  return {
    courses: [templatedCourseCard('first_', first), templatedCourseCard('second_', second)],
    ...dashboardSettings(),
  };
}

function dashboardSettings() {
  return {
    emailConfirmation: {
      isNeeded: boolean(false),
      sendEmailUrl: like('/api/send_account_activation_email'),
    },
    enterpriseDashboard: nullValue(),
    platformSettings: {
      supportEmail: regex('^[^@\\s]+@[^@\\s]+$', 'support@example.com'),
      billingEmail: regex('^[^@\\s]+@[^@\\s]+$', 'billing@example.com'),
      courseSearchUrl: like('/courses'),
    },
    socialShareSettings: {
      facebook: { isEnabled: boolean(false), brand: nullValue(), utmParams: like('') },
      twitter: { isEnabled: boolean(false), brand: nullValue(), utmParams: like('') },
    },
    suggestedCourses: like([]),
    unfulfilledEntitlements: like([]),
  };
}
