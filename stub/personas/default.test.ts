import * as path from 'node:path';
import {
  DEMO_COURSE,
  STATES,
  VERIFIED_ENROLLMENT,
  VERIFIED_LEARNER,
  VERIFIED_TWO_ENROLLMENTS,
} from '../../contracts/support/states';
import { loadPersonaFile } from '../load/personas';
import { satisfiedStates } from '../openedx/personas';

const catalog = loadPersonaFile(path.join(__dirname, 'default.yaml'));
const persona = (name: string) => {
  const found = catalog.personas.get(name);
  if (!found) throw new Error(`no persona ${name}`);
  return found;
};

describe('stub/personas/default.yaml', () => {
  it('ships the verified, audit, not-enrolled, staff and anonymous personas', () => {
    // Assert
    expect([...catalog.personas.keys()]).toEqual([
      'verified-learner',
      'audit-learner',
      'not-enrolled',
      'staff',
      'anonymous',
    ]);
    expect(catalog.defaultPersona).toBe('verified-learner');
    expect(persona('staff').user?.administrator).toBe(true);
    expect(persona('anonymous').user).toBeUndefined();
  });

  it('carries the values the contracts record for the verified learner and the demo course', () => {
    // Assert
    expect(persona('verified-learner').user).toEqual(VERIFIED_LEARNER);
    expect(catalog.courses[0]).toEqual(DEMO_COURSE);
    expect(catalog.courses.length).toBeGreaterThan(1);
    expect(catalog.enrollments).toContainEqual(VERIFIED_ENROLLMENT);
  });

  it('satisfies the persona states as the table says', () => {
    // Act
    const names = (p: string) => [...satisfiedStates(catalog, persona(p)).keys()].sort();

    // Assert
    expect(names('verified-learner')).toEqual(
      [
        STATES.userLoggedIn,
        STATES.mfeConfigApiEnabled,
        STATES.courseExists,
        STATES.userEnrolled,
        STATES.userEnrolledInTwoCourses,
        STATES.otherUserSharesProfile,
      ].sort(),
    );
    // Every other user of the file is a profile she can open.
    expect(
      satisfiedStates(catalog, persona('verified-learner')).get(STATES.otherUserSharesProfile),
    ).toEqual([
      { other_username: 'audit', other_name: 'Aldo Audit' },
      { other_username: 'novice', other_name: 'Nora Novice' },
      { other_username: 'staff', other_name: 'Sam Staff' },
    ]);
    expect(
      satisfiedStates(catalog, persona('verified-learner')).get(STATES.userEnrolledInTwoCourses),
    ).toEqual([VERIFIED_TWO_ENROLLMENTS]);
    expect(names('audit-learner')).toContain(STATES.userEnrolled);
    expect(names('audit-learner')).toContain(STATES.userEnrolledInNoOtherCourse);
    expect(names('audit-learner')).not.toContain(STATES.userEnrolledInTwoCourses);
    expect(names('not-enrolled')).not.toContain(STATES.userEnrolledInNoOtherCourse);
    expect(names('not-enrolled')).not.toContain(STATES.userEnrolled);
    expect(names('not-enrolled')).toContain(STATES.userNotEnrolled);
    expect(names('anonymous')).toEqual(
      [STATES.noUserLoggedIn, STATES.mfeConfigApiEnabled, STATES.courseExists].sort(),
    );
    const audit = satisfiedStates(catalog, persona('audit-learner')).get(STATES.userEnrolled);
    expect(audit).toEqual([{ username: 'audit', course_id: DEMO_COURSE.course_id, mode: 'audit' }]);
  });
});
