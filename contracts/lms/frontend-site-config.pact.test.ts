/**
 * The runtime config of an `@openedx/frontend-base` site (`GET /api/frontend_site_config/v1/`,
 * openedx-platform's FrontendSiteConfigView: no authentication, camelCase SiteConfig translated
 * from MFE_CONFIG/MFE_CONFIG_OVERRIDES), driven through frontend-base's runtime config step
 * (contracts/clients/frontend-base). Consumer `frontend-base`.
 *
 * The LMS URLs in the answer are mock-server URLs, so a stub answers with its own address and the
 * site's login, logout and refresh go to whatever LMS served the config. `baseUrl` is left out on
 * purpose: it is the site's own address, and a value from the LMS would replace it.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import {
  EnvironmentTypes,
  FRONTEND_SITE_CONFIG_PATH,
  loadRuntimeConfig,
  mergeRuntimeConfig,
  type SiteConfig,
} from '../clients/frontend-base/runtime-config';
import { settled } from '../support/interactions';
import { createPact } from '../support/pact';
import { CSRF_TOKEN_API_PATH, JWT_COOKIE_NAME } from '../support/platform';
import { STATES } from '../support/states';

const { like, boolean, integer, url2, regex } = MatchersV3;

const pact = createPact({ consumer: 'frontend-base' });

const LOGOUT_ROLE = 'org.openedx.frontend.role.logout';
const LEARNER_DASHBOARD = 'org.openedx.frontend.app.learnerDashboard';
const INSTRUCTOR_DASHBOARD = 'org.openedx.frontend.app.instructorDashboard';
const INSTRUCTOR_HELP = 'https://docs.openedx.org/en/latest/educators/index.html';

/** What FrontendSiteConfigView answers for a Tutor-like MFE_CONFIG: the site-level keys
 *  translated to camelCase, the legacy keys in commonAppConfig, the logout external route it
 *  adds for LOGOUT_URL, and the per-app overrides as `apps` (the instructor dashboard's
 *  SUPPORT_URL comes from the help-tokens fallback every LMS has). */
function siteConfigBody() {
  return {
    siteName: like('Open edX'),
    lmsBaseUrl: url2(null, []),
    loginUrl: url2(null, ['login']),
    logoutUrl: url2(null, ['logout']),
    accessTokenCookieName: like(JWT_COOKIE_NAME),
    languagePreferenceCookieName: like('openedx-language-preference'),
    userInfoCookieName: like('edx-user-info'),
    csrfTokenApiPath: like(CSRF_TOKEN_API_PATH),
    refreshAccessTokenApiPath: like('/login_refresh'),
    commonAppConfig: {
      ENABLE_COURSE_SORTING_BY_START_DATE: boolean(true),
      HOMEPAGE_COURSE_MAX: integer(12),
      NON_BROWSABLE_COURSES: boolean(false),
      ENABLE_COURSE_DISCOVERY: boolean(false),
    },
    externalRoutes: [{ role: LOGOUT_ROLE, url: url2(null, ['logout']) }],
    apps: [{ appId: INSTRUCTOR_DASHBOARD, config: { SUPPORT_URL: like(INSTRUCTOR_HELP) } }],
  };
}

/** A site as frontend-template-site's site.config.dev.tsx writes it, asking the LMS at `lms`. */
function site(lms: string, environment: EnvironmentTypes, withInstructor: boolean): SiteConfig {
  return {
    siteId: 'contract-site',
    siteName: 'Contract site',
    baseUrl: 'http://apps.local.openedx.io:8080',
    lmsBaseUrl: 'http://local.openedx.io:8000',
    loginUrl: 'http://local.openedx.io:8000/login',
    logoutUrl: 'http://local.openedx.io:8000/logout',
    environment,
    runtimeConfigJsonUrl: `${lms}${FRONTEND_SITE_CONFIG_PATH}`,
    commonAppConfig: { SUPPORT_URL: 'https://example.com/help/' },
    apps: [
      { appId: LEARNER_DASHBOARD, config: { ENABLE_PROGRAMS: false } },
      ...(withInstructor ? [{ appId: INSTRUCTOR_DASHBOARD, config: {} }] : []),
    ],
    externalRoutes: [{ role: LOGOUT_ROLE, url: 'http://local.openedx.io:8000/logout' }],
  };
}

/** What every merged config must say: the LMS it came from, and the site's own fields kept. */
function expectPointsAt(config: SiteConfig, lms: string): void {
  expect(config).toMatchObject({
    baseUrl: 'http://apps.local.openedx.io:8080',
    siteId: 'contract-site',
    lmsBaseUrl: lms,
    loginUrl: `${lms}/login`,
    logoutUrl: `${lms}/logout`,
    accessTokenCookieName: JWT_COOKIE_NAME,
    csrfTokenApiPath: CSRF_TOKEN_API_PATH,
    refreshAccessTokenApiPath: '/login_refresh',
    externalRoutes: [{ role: LOGOUT_ROLE, url: `${lms}/logout` }],
  });
  expect(config.commonAppConfig).toMatchObject({
    SUPPORT_URL: 'https://example.com/help/',
    ENABLE_COURSE_SORTING_BY_START_DATE: true,
  });
}

describe('frontend-base runtime config', () => {
  it('a development build asks with a cache-busting timestamp and merges only the config of apps the site has', async () => {
    // Arrange
    const interaction = pact
      .addInteraction()
      .given(STATES.mfeConfigApiEnabled)
      .uponReceiving('a request for the frontend site config from a development build')
      .withRequest('GET', FRONTEND_SITE_CONFIG_PATH, (request) => {
        request.query({ timestamp: regex('^[0-9]+$', '1764633600000') });
        request.headers({ Accept: regex('application/json', 'application/json') });
      })
      .willRespondWith(200, (response) => {
        response.headers({ 'Content-Type': 'application/json' });
        response.jsonBody(siteConfigBody());
      });
    await interaction.executeTest(
      settled(async (mockServer) => {
        // Act: two sites boot against the same answer, one with the instructor dashboard.
        const withApp = await loadRuntimeConfig(
          site(mockServer.url, EnvironmentTypes.DEVELOPMENT, true),
          'http://apps.local.openedx.io:8080',
        );
        const withoutApp = await loadRuntimeConfig(
          site(mockServer.url, EnvironmentTypes.DEVELOPMENT, false),
          'http://apps.local.openedx.io:8080',
        );

        // Assert
        expect(withApp.error).toBeUndefined();
        expectPointsAt(withApp.config, mockServer.url);
        expect(withApp.config.apps).toEqual([
          { appId: LEARNER_DASHBOARD, config: { ENABLE_PROGRAMS: false } },
          { appId: INSTRUCTOR_DASHBOARD, config: { SUPPORT_URL: INSTRUCTOR_HELP } },
        ]);
        expect(withoutApp.error).toBeUndefined();
        expect(withoutApp.config.apps).toEqual([
          { appId: LEARNER_DASHBOARD, config: { ENABLE_PROGRAMS: false } },
        ]);
      }),
    );
  });

  it('a production build asks without a query', async () => {
    // Arrange
    const interaction = pact
      .addInteraction()
      .given(STATES.mfeConfigApiEnabled)
      .uponReceiving('a request for the frontend site config from a production build')
      .withRequest('GET', FRONTEND_SITE_CONFIG_PATH, (request) => {
        request.headers({ Accept: regex('application/json', 'application/json') });
      })
      .willRespondWith(200, (response) => {
        response.headers({ 'Content-Type': 'application/json' });
        response.jsonBody(siteConfigBody());
      });
    await interaction.executeTest(
      settled(async (mockServer) => {
        // Act
        const result = await loadRuntimeConfig(
          site(mockServer.url, EnvironmentTypes.PRODUCTION, false),
          'http://apps.local.openedx.io:8080',
        );

        // Assert
        expect(result.error).toBeUndefined();
        expectPointsAt(result.config, mockServer.url);
      }),
    );
  });
});

describe('mergeRuntimeConfig (frontend-base v1.0.1 mergeSiteConfig, limitAppMergeToConfig)', () => {
  it("merges arrays index by index as lodash.merge does: the LMS logout route lands on the site's first external route", () => {
    // Arrange: frontend-template-site's external routes, and the one the LMS adds for LOGOUT_URL.
    const current = {
      ...site('http://lms.test', EnvironmentTypes.PRODUCTION, false),
      externalRoutes: [
        {
          role: 'org.openedx.frontend.role.profile',
          url: 'http://apps.local.openedx.io:1995/profile/',
        },
        { role: LOGOUT_ROLE, url: 'http://local.openedx.io:8000/logout' },
      ],
    };

    // Act
    const merged = mergeRuntimeConfig(current, {
      externalRoutes: [{ role: LOGOUT_ROLE, url: 'http://lms.test/logout' }],
      apps: [{ appId: 'org.openedx.frontend.app.unknown', config: { X: 1 } }],
    });

    // Assert: what frontend-base itself does (upstream behaviour, kept on purpose).
    expect(merged.externalRoutes).toEqual([
      { role: LOGOUT_ROLE, url: 'http://lms.test/logout' },
      { role: LOGOUT_ROLE, url: 'http://local.openedx.io:8000/logout' },
    ]);
    expect(merged.apps).toEqual(current.apps);
    expect(current.externalRoutes[0]?.role).toBe('org.openedx.frontend.role.profile');
  });
});
