/**
 * The LMS's personas: a small data spec (users, courses, enrollments, shaped like the Open edX
 * test-data spec) and the named personas that log in as one of its users, or as nobody. A persona
 * satisfies the persona states of the Open edX vocabulary (vocabulary/openedx/states.ts) with its
 * own values; the table below is the one place that says how. States not in the table are
 * request states: no persona satisfies them, so their interactions are served only when a
 * request names them. The engine sees a catalog only through its generic PersonaStates side
 * (stub/engine/personas.ts); it knows nothing of users or courses.
 */
import {
  type CourseParams,
  courseKeyParams,
  type EnrollmentParams,
  enrolledCourseParams,
  STATES,
  type StateName,
  twoEnrollmentsParams,
  type UserParams,
} from '../../vocabulary/openedx/states';
import type { PersonaStates, StateParams } from '../engine';

export interface Persona {
  name: string;
  description: string;
  /** The user this persona logs in as; undefined for an anonymous visitor. */
  user: UserParams | undefined;
}

export interface PersonaCatalog extends PersonaStates {
  source: string;
  users: UserParams[];
  courses: CourseParams[];
  enrollments: EnrollmentParams[];
  personas: Map<string, Persona>;
  defaultPersona: string;
}

export class PersonaLoadError extends Error {
  constructor(
    readonly source: string,
    readonly at: string,
    readonly reason: string,
  ) {
    super(`${source} at ${at}: ${reason}`);
  }
}

interface PersonaFacts {
  user: UserParams | undefined;
  catalog: PersonaCatalog;
}

const userParams = (user: UserParams): StateParams => ({ ...user, roles: [...user.roles] });
// With its key's parts (course_number, course_run, course_key), which pages show on their own.
const courseParams = (course: CourseParams): StateParams => ({
  ...course,
  ...courseKeyParams(course.course_id),
});

const enrollmentsOf = ({ user, catalog }: PersonaFacts): EnrollmentParams[] =>
  user ? catalog.enrollments.filter((e) => e.username === user.username) : [];

/** The course values of an enrollment (readPersonas checked that its course exists). */
const enrolledCourse = (catalog: PersonaCatalog, enrollment: EnrollmentParams) => {
  const course = catalog.courses.find((c) => c.course_id === enrollment.course_id);
  if (!course) throw new Error(`no course '${enrollment.course_id}' in ${catalog.source}`);
  return enrolledCourseParams(course, enrollment.mode);
};

/** How a persona satisfies each persona state: the parameter sets it offers (none = not
 *  satisfied). Keyed by the shared STATES constants, so a new persona state that is not
 *  handled here fails type-checking. */
export const PERSONA_STATE_TABLE: Record<StateName, (persona: PersonaFacts) => StateParams[]> = {
  [STATES.userLoggedIn]: ({ user }) => (user ? [userParams(user)] : []),
  [STATES.noUserLoggedIn]: ({ user }) => (user ? [] : [{}]),
  [STATES.mfeConfigApiEnabled]: () => [{}],
  [STATES.courseExists]: ({ catalog }) => catalog.courses.map(courseParams),
  [STATES.userEnrolled]: ({ user, catalog }) =>
    user
      ? catalog.enrollments.filter((e) => e.username === user.username).map((e) => ({ ...e }))
      : [],
  [STATES.userNotEnrolled]: ({ user, catalog }) =>
    user
      ? catalog.courses
          .filter(
            (c) =>
              !catalog.enrollments.some(
                (e) => e.username === user.username && e.course_id === c.course_id,
              ),
          )
          .map((c) => ({ username: user.username, course_id: c.course_id }))
      : [],
  [STATES.userEnrolledInNoOtherCourse]: (facts) => {
    const own = enrollmentsOf(facts);
    return own.length === 1 && own[0]
      ? [{ username: own[0].username, course_id: own[0].course_id }]
      : [];
  },
  [STATES.userEnrolledInTwoCourses]: (facts) => {
    const [first, second, ...more] = enrollmentsOf(facts);
    if (!first || !second || more.length > 0) return [];
    const { catalog } = facts;
    return [
      {
        ...twoEnrollmentsParams(
          first.username,
          enrolledCourse(catalog, first),
          enrolledCourse(catalog, second),
        ),
      },
    ];
  },
  [STATES.otherUserSharesProfile]: ({ user, catalog }) =>
    user
      ? catalog.users
          .filter((other) => other.username !== user.username)
          .map((other) => ({ other_username: other.username, other_name: other.name }))
      : [],
};

/**
 * The most enrollments one user of a persona may have. The learner dashboard lists one card per
 * enrollment, and a Pact response cannot repeat an element per enrollment, so every count of
 * cards is its own persona state above: none (a logged-in user's answer), `the user is enrolled
 * in no other course` (one) and `the user is enrolled in two courses` (two). A persona with more
 * would satisfy none of them and silently get an empty dashboard, so readPersonas refuses it.
 */
export const MOST_ENROLLMENTS_PER_PERSONA = 2;

export const isPersonaState = (name: string): name is StateName =>
  Object.hasOwn(PERSONA_STATE_TABLE, name);

/** Parameter sets with which `persona` satisfies each persona state. */
export function satisfiedStates(
  catalog: PersonaCatalog,
  persona: Persona,
): Map<string, StateParams[]> {
  const facts: PersonaFacts = { user: persona.user, catalog };
  const result = new Map<string, StateParams[]>();
  for (const [name, offer] of Object.entries(PERSONA_STATE_TABLE)) {
    const sets = offer(facts);
    if (sets.length > 0) result.set(name, sets);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Reading the persona document (already parsed from YAML or JSON).

const MODES: EnrollmentParams['mode'][] = [
  'audit',
  'verified',
  'honor',
  'professional',
  'no-id-professional',
  'masters',
];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function readPersonas(doc: unknown, source: string): PersonaCatalog {
  const fail = (at: string, reason: string): never => {
    throw new PersonaLoadError(source, at, reason);
  };
  const list = (value: unknown, at: string): unknown[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) fail(at, 'expected a list');
    return value as unknown[];
  };
  const str = (obj: Record<string, unknown>, key: string, at: string): string => {
    const value = obj[key];
    if (typeof value !== 'string' || value === '')
      fail(`${at}.${key}`, 'expected a non-empty string');
    return value as string;
  };
  if (!isObject(doc))
    fail('$', 'a persona file must be a mapping with users, courses, enrollments and personas');
  const root = doc as Record<string, unknown>;

  const users = list(root.users, '$.users').map((raw, i): UserParams => {
    const at = `$.users[${i}]`;
    if (!isObject(raw)) fail(at, 'a user must be a mapping');
    const u = raw as Record<string, unknown>;
    const userId = u.user_id;
    if (typeof userId !== 'number' || !Number.isInteger(userId))
      fail(`${at}.user_id`, 'expected an integer');
    const roles = u.roles ?? [];
    if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string'))
      fail(`${at}.roles`, 'expected a list of strings');
    const administrator = u.administrator ?? false;
    if (typeof administrator !== 'boolean') fail(`${at}.administrator`, 'expected true or false');
    return {
      username: str(u, 'username', at),
      user_id: userId as number,
      email: str(u, 'email', at),
      name: str(u, 'name', at),
      administrator: administrator as boolean,
      roles: roles as string[],
    };
  });
  const usernames = new Set<string>();
  users.forEach((user, i) => {
    if (usernames.has(user.username))
      fail(`$.users[${i}].username`, `duplicate username '${user.username}'`);
    usernames.add(user.username);
  });

  const courses = list(root.courses, '$.courses').map((raw, i): CourseParams => {
    const at = `$.courses[${i}]`;
    if (!isObject(raw)) fail(at, 'a course must be a mapping');
    const c = raw as Record<string, unknown>;
    return {
      course_id: str(c, 'course_id', at),
      course_name: str(c, 'course_name', at),
      org: str(c, 'org', at),
      sequence_id: str(c, 'sequence_id', at),
      unit_id: str(c, 'unit_id', at),
    };
  });

  const enrollments = list(root.enrollments, '$.enrollments').map((raw, i): EnrollmentParams => {
    const at = `$.enrollments[${i}]`;
    if (!isObject(raw)) fail(at, 'an enrollment must be a mapping');
    const e = raw as Record<string, unknown>;
    const username = str(e, 'username', at);
    const courseId = str(e, 'course_id', at);
    const mode = str(e, 'mode', at);
    if (!usernames.has(username)) fail(`${at}.username`, `no user '${username}' in users`);
    if (!courses.some((c) => c.course_id === courseId))
      fail(`${at}.course_id`, `no course '${courseId}' in courses`);
    if (!MODES.includes(mode as EnrollmentParams['mode']))
      fail(`${at}.mode`, `mode must be one of ${MODES.join(', ')}`);
    return { username, course_id: courseId, mode: mode as EnrollmentParams['mode'] };
  });

  if (!isObject(root.personas))
    fail('$.personas', 'expected a mapping of persona name to { user, description }');
  const personas = new Map<string, Persona>();
  for (const [name, raw] of Object.entries(root.personas as Record<string, unknown>)) {
    const at = `$.personas['${name}']`;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
      fail(at, 'persona names are lower-case words joined by "-"');
    if (!isObject(raw)) fail(at, 'a persona must be a mapping with "user" (a username or null)');
    const p = raw as Record<string, unknown>;
    const username = p.user ?? null;
    if (username !== null && typeof username !== 'string')
      fail(`${at}.user`, 'expected a username or null');
    const user = username === null ? undefined : users.find((u) => u.username === username);
    if (username !== null && !user) fail(`${at}.user`, `no user '${String(username)}' in users`);
    const description = typeof p.description === 'string' ? p.description : '';
    personas.set(name, { name, description, user });
  }
  if (personas.size === 0) fail('$.personas', 'define at least one persona');
  for (const [name, persona] of personas) {
    if (!persona.user) continue;
    const username = persona.user.username;
    const own = enrollments.flatMap((e, i) =>
      e.username === username ? [`$.enrollments[${i}]`] : [],
    );
    if (own.length > MOST_ENROLLMENTS_PER_PERSONA) {
      fail(
        `$.personas['${name}'].user`,
        `user '${username}' has ${own.length} enrollments (${own.join(', ')}), but the learner ` +
          `dashboard's contracts answer at most ${MOST_ENROLLMENTS_PER_PERSONA} ` +
          `('${STATES.userEnrolledInNoOtherCourse}', '${STATES.userEnrolledInTwoCourses}'): ` +
          `the persona would get an empty dashboard. Give '${username}' at most ` +
          `${MOST_ENROLLMENTS_PER_PERSONA} enrollments, or log the persona in as another user`,
      );
    }
  }

  const defaultPersona = root.default_persona ?? [...personas.keys()][0];
  if (typeof defaultPersona !== 'string' || !personas.has(defaultPersona)) {
    fail(
      '$.default_persona',
      `'${String(defaultPersona)}' is not one of the personas (${[...personas.keys()].join(', ')})`,
    );
  }
  const catalog: PersonaCatalog = {
    source,
    users,
    courses,
    enrollments,
    personas,
    defaultPersona: defaultPersona as string,
    isPersonaState,
    satisfiedBy: (name) => {
      const persona = personas.get(name);
      return persona ? satisfiedStates(catalog, persona) : new Map();
    },
  };
  return catalog;
}
