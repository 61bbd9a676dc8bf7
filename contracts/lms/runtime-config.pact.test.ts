/**
 * The runtime configuration an MFE merges at boot (`GET {MFE_CONFIG_API_URL}?mfe={APP_ID}`),
 * driven through frontend-platform's real initialize(). The LMS URLs in the answer are
 * mock-server URLs, so a stub answers with its own address and the MFE's next call (the JWT
 * refresh) already goes to whatever LMS served the config. Studio's URL is the state's
 * `studio_base_url`: the LMS names its own CMS, a stub the Studio it serves.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { addLoggedInRefreshInteraction, settled } from '../support/interactions';
import { createPact } from '../support/pact';
import {
  auth,
  CSRF_TOKEN_API_PATH,
  getConfig,
  initialize,
  JWT_COOKIE_NAME,
  mergeConfig,
} from '../support/platform';
import { type RuntimeConfigParams, STATES, VERIFIED_LEARNER } from '../support/states';

const { like, boolean, url2, regex, fromProviderState } = MatchersV3;

const pact = createPact({ consumer: 'frontend-platform' });
const user = VERIFIED_LEARNER;
const APP_ID = 'learner-dashboard';
/** The CMS of a devstack, as the LMS's CMS_BASE_URL names it. */
const RUNTIME_CONFIG: RuntimeConfigParams = { studio_base_url: 'http://localhost:18010' };

/** MFE_CONFIG of openedx-platform's MFEConfigView, with the legacy keys it always adds.
 *  Keys are SCREAMING_SNAKE on purpose: the MFE merges them into its config as they are. */
function mfeConfigBody() {
  return {
    LMS_BASE_URL: url2(null, []),
    LOGIN_URL: url2(null, ['login']),
    LOGOUT_URL: url2(null, ['logout']),
    REFRESH_ACCESS_TOKEN_ENDPOINT: url2(null, ['login_refresh']),
    ACCESS_TOKEN_COOKIE_NAME: like(JWT_COOKIE_NAME),
    CSRF_TOKEN_API_PATH: like(CSRF_TOKEN_API_PATH),
    LANGUAGE_PREFERENCE_COOKIE_NAME: like('openedx-language-preference'),
    USER_INFO_COOKIE_NAME: like('edx-user-info'),
    SITE_NAME: like('Open edX'),
    STUDIO_BASE_URL: fromProviderState('${studio_base_url}', RUNTIME_CONFIG.studio_base_url),
    LEARNING_BASE_URL: like('http://localhost:2000'),
    ACCOUNT_SETTINGS_URL: like('http://localhost:1997'),
    ACCOUNT_PROFILE_URL: like('http://localhost:1995'),
    LEARNER_DASHBOARD_URL: like('http://localhost:1996'),
    CREDENTIALS_BASE_URL: like(''),
    // Where Tutor's MFE_CONFIG points them: the LMS's theming assets (the stub serves
    // placeholders there, so an offline MFE has no broken logo).
    LOGO_URL: url2(null, ['theming', 'asset', 'images', 'logo.png']),
    LOGO_TRADEMARK_URL: url2(null, ['theming', 'asset', 'images', 'logo-trademark.png']),
    LOGO_WHITE_URL: url2(null, ['theming', 'asset', 'images', 'logo-white.png']),
    FAVICON_URL: url2(null, ['theming', 'asset', 'images', 'favicon.ico']),
    ENABLE_COURSE_SORTING_BY_START_DATE: boolean(true),
    NON_BROWSABLE_COURSES: boolean(false),
    ENABLE_COURSE_DISCOVERY: boolean(false),
  };
}

describe('initialize', () => {
  it('merges the runtime config, then refreshes the JWT cookie at the LMS it names', async () => {
    // Arrange
    pact
      .addInteraction()
      .given(STATES.mfeConfigApiEnabled, RUNTIME_CONFIG)
      .uponReceiving('a request for the runtime config of an MFE')
      .withRequest('GET', '/api/mfe_config/v1', (request) => {
        // Any app id: MFE_CONFIG_OVERRIDES is keyed by it, and the stub serves every MFE.
        request.query({ mfe: regex('^[a-z0-9_-]*$', APP_ID) });
        request.headers({ Accept: regex('application/json', 'application/json') });
      })
      .willRespondWith(200, (response) => {
        response.headers({ 'Content-Type': 'application/json' });
        response.jsonBody(mfeConfigBody());
      });
    await addLoggedInRefreshInteraction(pact, user).executeTest(
      settled(async (mockServer) => {
        const initErrors: unknown[] = [];

        // Act: boot as an MFE whose .env only says where the runtime config lives.
        await initialize({
          messages: [],
          handlers: {
            config: () =>
              mergeConfig({
                MFE_CONFIG_API_URL: `${mockServer.url}/api/mfe_config/v1`,
                APP_ID,
              }),
            initError: (error) => {
              initErrors.push(error);
            },
          },
        });

        // Assert
        expect(initErrors).toEqual([]);
        expect(getConfig()).toMatchObject({
          LMS_BASE_URL: mockServer.url,
          LOGIN_URL: `${mockServer.url}/login`,
          REFRESH_ACCESS_TOKEN_ENDPOINT: `${mockServer.url}/login_refresh`,
          STUDIO_BASE_URL: RUNTIME_CONFIG.studio_base_url,
          LOGO_URL: `${mockServer.url}/theming/asset/images/logo.png`,
          FAVICON_URL: `${mockServer.url}/theming/asset/images/favicon.ico`,
          ACCESS_TOKEN_COOKIE_NAME: JWT_COOKIE_NAME,
          CSRF_TOKEN_API_PATH,
        });
        expect(auth.getAuthenticatedUser()).toMatchObject({ username: user.username });
      }),
    );
  });
});
