/**
 * `--tutor`: the stub takes the place of the LMS and Studio of Tutor's dev layout, which is what
 * frontend-base's defaults, frontend-template-site and many MFEs' `.env.development` point at,
 * so such a front end needs no configuration at all:
 *  - the LMS at http://local.openedx.io:8000 and Studio (the CMS) at
 *    http://studio.local.openedx.io:8001 (both names resolve to 127.0.0.1 in public DNS; the
 *    stub still binds 127.0.0.1 only);
 *  - the login cookies scoped to `.local.openedx.io`, as Tutor's LMS scopes them, so a site on
 *    apps.local.openedx.io, and Studio's name, read the JWT cookie;
 *  - CORS and redirects allowed for any port of apps.local.openedx.io and of any other
 *    subdomain of local.openedx.io.
 * Explicit flags win over the preset (`--tutor --port 0` in tests).
 */

export const TUTOR_LMS_HOST = 'local.openedx.io';
export const TUTOR_LMS_PORT = 8000;
/** Tutor's dev Studio: CMS_HOST `studio.local.openedx.io`, port 8001. */
export const TUTOR_STUDIO_HOST = `studio.${TUTOR_LMS_HOST}`;
export const TUTOR_STUDIO_PORT = 8001;

export const TUTOR_PRESET = {
  host: '127.0.0.1',
  port: TUTOR_LMS_PORT,
  /** Ports of the other backends (--backend-port overrides them). */
  backendPorts: { cms: TUTOR_STUDIO_PORT } as Readonly<Record<string, number>>,
  cookieDomain: `.${TUTOR_LMS_HOST}`,
  origins: [`http://apps.${TUTOR_LMS_HOST}:*`, `http://*.${TUTOR_LMS_HOST}:*`],
  /** Host names the stub answers as: the LMS's and Studio's (a dev server forwarding with
   *  changeOrigin sends `Host: local.openedx.io:8000`). */
  allowedHosts: [TUTOR_LMS_HOST, TUTOR_STUDIO_HOST],
  /** frontend-base's default site address (the template site's baseUrl). */
  siteUrl: `http://apps.${TUTOR_LMS_HOST}:8080`,
} as const;

/** The LMS URL front ends use with the preset on `port`. */
export const tutorLmsUrl = (port: number): string => `http://${TUTOR_LMS_HOST}:${port}`;

/** Studio's URL front ends use with the preset on `port`. */
export const tutorStudioUrl = (port: number = TUTOR_STUDIO_PORT): string =>
  `http://${TUTOR_STUDIO_HOST}:${port}`;

/** Tutor's host name of a backend, if Tutor's layout has one for it. */
export const TUTOR_HOSTS: Readonly<Record<string, string>> = {
  lms: TUTOR_LMS_HOST,
  cms: TUTOR_STUDIO_HOST,
};
