/** The registry of backend profiles, and what each profile gives the stub. */
import { loadPersonaFile } from '../load/personas';
import { DEFAULT_PERSONAS } from '../testing/start-stub';
import { genericProfile, PROFILES, profileFor } from './index';
import { lmsProfile } from './lms';

describe('backend profiles', () => {
  it('gives each registered provider its own profile, and any other the generic one', () => {
    // Act
    const lms = profileFor('lms');
    const broker = profileFor('pact-broker');
    const foreign = profileFor('ecommerce');

    // Assert
    expect(lms).toBe(lmsProfile);
    expect(lms.defaultPort).toBe(18000);
    expect(broker.title).toBe('Pact Broker');
    expect(broker.servedByDefault).toBe(false);
    expect(foreign).toMatchObject({ provider: 'ecommerce', servedByDefault: false });
    expect(foreign.routes).toBeUndefined();
    expect(foreign.bannerLines).toBeUndefined();
    expect(foreign.checkStartup).toBeUndefined();
  });

  it('registers each provider once', () => {
    // Act
    const providers = PROFILES.map((profile) => profile.provider);

    // Assert
    expect(new Set(providers).size).toBe(providers.length);
  });

  it("routes the LMS's login pages and static files, and leaves the rest to the pacts", () => {
    // Arrange
    const personas = loadPersonaFile(DEFAULT_PERSONAS);
    const routes = lmsProfile.routes?.({ personas: () => personas, allowRedirect: () => false });

    // Act + Assert
    expect(routes?.owns('/login')).toBe(true);
    expect(routes?.owns('/login_refresh')).toBe(true);
    expect(routes?.owns('/api/user/v1/me')).toBe(false);
    expect(genericProfile('lms').routes).toBeUndefined();
  });

  it("prints the LMS's .env.private lines from the URL front ends use for it", () => {
    // Act
    const lines = lmsProfile.bannerLines?.({
      urls: new Map([['lms', 'http://localhost:18000']]),
      port: 18000,
      tutor: false,
      cookieDomain: undefined,
    });

    // Assert
    expect(lines).toContain('    LMS_BASE_URL=http://localhost:18000');
    expect(lines).toContain('    LOGIN_URL=http://localhost:18000/login');
  });
});
