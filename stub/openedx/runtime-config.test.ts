/**
 * The LMS's runtime config names Studio: which `studio_base_url` the LMS profile gives the
 * runtime config's state, with Studio served, alone, and in Tutor's layout.
 */
import { STATES } from '../../vocabulary/openedx/states';
import { loadPersonaFile } from '../load/personas';
import { lmsProfile } from '../profiles/lms';
import { DEFAULT_PERSONAS } from '../testing/start-stub';
import { studioBaseUrl } from './runtime-config';

const catalog = loadPersonaFile(DEFAULT_PERSONAS);
const runtimeConfigOf = (persona: string, urls: [string, string][], tutor = false) =>
  lmsProfile
    .personaStates(catalog, { urls: new Map(urls), tutor })
    .satisfiedBy(persona)
    .get(STATES.mfeConfigApiEnabled);

describe("the runtime config's studio_base_url", () => {
  it('is the URL of the Studio served, for every persona, anonymous too', () => {
    // Arrange
    const urls: [string, string][] = [
      ['lms', 'http://localhost:18200'],
      ['cms', 'http://localhost:18210'],
    ];

    // Act
    const learner = runtimeConfigOf('verified-learner', urls);
    const anonymous = runtimeConfigOf('anonymous', urls);

    // Assert
    expect(learner).toEqual([{ studio_base_url: 'http://localhost:18210' }]);
    expect(anonymous).toEqual([{ studio_base_url: 'http://localhost:18210' }]);
  });

  it("names devstack's Studio when none is served, Tutor's with --tutor", () => {
    // Act
    const alone = runtimeConfigOf('staff', [['lms', 'http://localhost:18000']]);
    const tutor = studioBaseUrl({ urls: new Map(), tutor: true });

    // Assert
    expect(alone).toEqual([{ studio_base_url: 'http://localhost:18010' }]);
    expect(tutor).toBe('http://studio.local.openedx.io:8001');
  });

  it("leaves the persona file's other states as they are", () => {
    // Act
    const withStudio = lmsProfile
      .personaStates(catalog, { urls: new Map(), tutor: false })
      .satisfiedBy('staff');
    const plain = catalog.satisfiedBy('staff');

    // Assert
    withStudio.delete(STATES.mfeConfigApiEnabled);
    plain.delete(STATES.mfeConfigApiEnabled);
    expect(withStudio).toEqual(plain);
    expect(catalog.satisfiedBy('staff').get(STATES.mfeConfigApiEnabled)).toEqual([{}]);
  });
});
