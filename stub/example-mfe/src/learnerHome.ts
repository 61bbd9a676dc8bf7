/**
 * The one MFE endpoint the example page shows: the learner dashboard's course list. Called the
 * way frontend-app-learner-dashboard's `initializeList` does (src/data/services/lms/api), through
 * the platform's authenticated client, so the JWT cookie, CORS with credentials and the
 * `USE-JWT-COOKIE` header all take the same path as in the real MFE.
 */
import { getAuthenticatedHttpClient, getConfig } from './platform';

/** Only the fields this page reads; the LMS serializer emits camelCase keys directly. */
export interface LearnerHomeCourse {
  course: { courseName: string; courseNumber?: string };
  courseRun: { courseId: string };
  enrollment?: { mode?: string; isVerified?: boolean; isAudit?: boolean };
}

export interface LearnerHome {
  courses: LearnerHomeCourse[];
  platformSettings?: { supportEmail?: string };
}

export const learnerHomeInitUrl = (): string => `${getConfig().LMS_BASE_URL}/api/learner_home/init`;

export async function fetchLearnerHome(): Promise<LearnerHome> {
  const { data } = await getAuthenticatedHttpClient().get<LearnerHome>(learnerHomeInitUrl());
  return data;
}
