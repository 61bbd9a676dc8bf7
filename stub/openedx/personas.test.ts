/**
 * readPersonas refuses a persona whose user has more enrollments than the learner dashboard's
 * contracts can list, instead of serving that persona an empty dashboard.
 */
import { MOST_ENROLLMENTS_PER_PERSONA, PersonaLoadError, readPersonas } from './personas';

const course = (n: number) => ({
  course_id: `course-v1:Org+C${n}+2026`,
  course_name: `Course ${n}`,
  org: 'Org',
  sequence_id: `block-v1:Org+C${n}+2026+type@sequential+block@s`,
  unit_id: `block-v1:Org+C${n}+2026+type@vertical+block@u`,
});

const user = (username: string, userId: number) => ({
  username,
  user_id: userId,
  email: `${username}@example.com`,
  name: username,
  administrator: false,
  roles: [],
});

/** A persona file where 'many' is enrolled in `count` courses and 'one' in the first. */
function fileWith(count: number, personas: Record<string, { user: string | null }>) {
  const courses = [1, 2, 3, 4].map(course);
  return {
    users: [user('one', 1), user('many', 2)],
    courses,
    enrollments: [
      { username: 'one', course_id: courses[0]?.course_id, mode: 'audit' },
      ...courses
        .slice(0, count)
        .map((c) => ({ username: 'many', course_id: c.course_id, mode: 'verified' })),
    ],
    personas,
  };
}

function loadError(doc: unknown): PersonaLoadError {
  try {
    readPersonas(doc, 'crowded.yaml');
  } catch (error) {
    if (error instanceof PersonaLoadError) return error;
    throw error;
  }
  throw new Error('readPersonas accepted the file');
}

describe('readPersonas: enrollments per persona', () => {
  it(`accepts a persona whose user has ${MOST_ENROLLMENTS_PER_PERSONA} enrollments`, () => {
    // Act
    const catalog = readPersonas(
      fileWith(MOST_ENROLLMENTS_PER_PERSONA, { busy: { user: 'many' } }),
      'ok.yaml',
    );

    // Assert
    expect(catalog.personas.get('busy')?.user?.username).toBe('many');
  });

  it('refuses a persona whose user has one enrollment too many, naming the file, persona, user and enrollments', () => {
    // Act
    const error = loadError(
      fileWith(MOST_ENROLLMENTS_PER_PERSONA + 1, {
        learner: { user: 'one' },
        busy: { user: 'many' },
      }),
    );

    // Assert
    expect(error.source).toBe('crowded.yaml');
    expect(error.at).toBe("$.personas['busy'].user");
    expect(error.message).toContain(
      "crowded.yaml at $.personas['busy'].user: user 'many' has 3 enrollments " +
        '($.enrollments[1], $.enrollments[2], $.enrollments[3])',
    );
    expect(error.message).toContain('empty dashboard');
  });

  it('accepts the file when no persona logs in as the user with many enrollments', () => {
    // Act
    const catalog = readPersonas(
      fileWith(4, { learner: { user: 'one' }, visitor: { user: null } }),
      'unused-user.yaml',
    );

    // Assert
    expect([...catalog.personas.keys()]).toEqual(['learner', 'visitor']);
  });
});
