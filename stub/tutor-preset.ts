/**
 * `--tutor`: the stub takes the place of the LMS of Tutor's dev layout, which is what
 * frontend-base's defaults, frontend-template-site and many MFEs' `.env.development` point at,
 * so such a front end needs no configuration at all:
 *  - the LMS at http://local.openedx.io:8000 (the name resolves to 127.0.0.1 in public DNS; the
 *    stub still binds 127.0.0.1 only);
 *  - the login cookies scoped to `.local.openedx.io`, as Tutor's LMS scopes them, so a site on
 *    apps.local.openedx.io reads the JWT cookie;
 *  - CORS and redirects allowed for any port of apps.local.openedx.io and of any other
 *    subdomain of local.openedx.io.
 * Explicit flags win over the preset (`--tutor --port 0` in tests).
 */

export const TUTOR_LMS_HOST = 'local.openedx.io';
export const TUTOR_LMS_PORT = 8000;

export const TUTOR_PRESET = {
  host: '127.0.0.1',
  port: TUTOR_LMS_PORT,
  cookieDomain: `.${TUTOR_LMS_HOST}`,
  origins: [`http://apps.${TUTOR_LMS_HOST}:*`, `http://*.${TUTOR_LMS_HOST}:*`],
  /** Host names the stub answers as: the LMS's (a dev server forwarding with changeOrigin
   *  sends `Host: local.openedx.io:8000`). */
  allowedHosts: [TUTOR_LMS_HOST],
  /** frontend-base's default site address (the template site's baseUrl). */
  siteUrl: `http://apps.${TUTOR_LMS_HOST}:8080`,
} as const;

/** The LMS URL front ends use with the preset on `port`. */
export const tutorLmsUrl = (port: number): string => `http://${TUTOR_LMS_HOST}:${port}`;
