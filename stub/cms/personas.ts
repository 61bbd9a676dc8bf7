/**
 * Which Studio (CMS) provider states each persona of the LMS's persona file satisfies. The
 * personas are the LMS's (one login for both backends, as in a deployment where Studio reads the
 * LMS's JWT cookie), so this adds Studio's own states (vocabulary/openedx/states.ts CMS_STATES)
 * to what the LMS's table already says of them. The persona file has no course teams: global
 * staff (the user's `administrator` flag, the JWT's claim) is course staff of every course, as
 * Studio's permission checks make it; any other user is on no course team.
 */
import {
  CMS_STATES,
  type CmsStateName,
  type CourseParams,
  studioCourseParams,
  twoStudioCoursesParams,
  type UserParams,
} from '../../vocabulary/openedx/states';
import type { PersonaStates, StateParams } from '../engine';
import type { PersonaCatalog } from '../openedx/personas';

interface CmsFacts {
  user: UserParams | undefined;
  courses: readonly CourseParams[];
}

/** Studio lists a user's courses by display name. */
const byDisplayName = (courses: readonly CourseParams[]) =>
  [...courses].sort((a, b) => a.course_name.localeCompare(b.course_name));

const isGlobalStaff = (user: UserParams | undefined): user is UserParams =>
  user?.administrator === true;

/** How a persona satisfies each of Studio's states: the parameter sets it offers (none = not
 *  satisfied). Keyed by CMS_STATES, so a new Studio state not handled here fails type-checking. */
export const CMS_PERSONA_STATE_TABLE: Record<CmsStateName, (facts: CmsFacts) => StateParams[]> = {
  [CMS_STATES.userIsCourseStaff]: ({ user, courses }) =>
    isGlobalStaff(user)
      ? courses.map((course) => ({ username: user.username, ...studioCourseParams(course) }))
      : [],
  [CMS_STATES.userIsStaffOfTwoCourses]: ({ user, courses }) => {
    const [first, second, ...more] = byDisplayName(courses);
    if (!isGlobalStaff(user) || !first || !second || more.length > 0) return [];
    return [{ ...twoStudioCoursesParams(user.username, first, second) }];
  },
  [CMS_STATES.userIsStaffOfNoCourse]: ({ user, courses }) =>
    user && (!isGlobalStaff(user) || courses.length === 0) ? [{ username: user.username }] : [],
  [CMS_STATES.meilisearchDisabled]: () => [{}],
};

const isCmsState = (name: string): name is CmsStateName =>
  Object.hasOwn(CMS_PERSONA_STATE_TABLE, name);

/** Studio's own states that `user` satisfies, with their parameter sets. */
export function cmsStatesOf(
  user: UserParams | undefined,
  courses: readonly CourseParams[],
): Map<string, StateParams[]> {
  const satisfied = new Map<string, StateParams[]>();
  for (const [name, offer] of Object.entries(CMS_PERSONA_STATE_TABLE)) {
    const sets = offer({ user, courses });
    if (sets.length > 0) satisfied.set(name, sets);
  }
  return satisfied;
}

/** The persona file as Studio sees it: the LMS's persona states (a user is logged in, a course
 *  exists…) and Studio's own. */
export function cmsPersonaStates(catalog: PersonaCatalog): PersonaStates {
  return {
    personas: catalog.personas,
    defaultPersona: catalog.defaultPersona,
    isPersonaState: (name) => isCmsState(name) || catalog.isPersonaState(name),
    satisfiedBy: (name) => {
      const persona = catalog.personas.get(name);
      if (!persona) return new Map();
      return new Map([...catalog.satisfiedBy(name), ...cmsStatesOf(persona.user, catalog.courses)]);
    },
  };
}
