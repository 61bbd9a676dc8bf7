/**
 * The banner's "point a front end at it" part, for both kinds of Open edX front end:
 *  - a frontend-platform MFE (@openedx/frontend-build) reads `.env.development`, overridden by
 *    `.env.private` or the shell (not `.env.development.local`);
 *  - an `@openedx/frontend-base` site is configured in `site.config.dev.tsx`, and its dev server
 *    forwards `/api/frontend_site_config/v1` to http://local.openedx.io:8000 (hard-coded).
 * With the Tutor preset on port 8000 the defaults of both already point at the stub.
 */

import { JWT_COOKIE_NAME } from '../vocabulary/openedx/jwt';
import { domainCovers } from './openedx/cookie-domain';
import { TUTOR_HOSTS, TUTOR_LMS_PORT, TUTOR_PRESET } from './tutor-preset';

const CSRF_TOKEN_API_PATH = '/csrf/api/v1/token';
const LOGOUT_ROLE = 'org.openedx.frontend.role.logout';
export const FRONTEND_SITE_CONFIG_PATH = '/api/frontend_site_config/v1/';

export interface FrontEndSetupInput {
  /** The LMS URL front ends use (`http://localhost:18000`, `http://local.openedx.io:8000`). */
  lms: string;
  port: number;
  tutor: boolean;
  cookieDomain: string | undefined;
}

/** `.env.private` lines of a frontend-platform MFE. */
export function envPrivateLines(lms: string): string[] {
  return [
    `LMS_BASE_URL=${lms}`,
    `LOGIN_URL=${lms}/login`,
    `LOGOUT_URL=${lms}/logout`,
    `REFRESH_ACCESS_TOKEN_ENDPOINT=${lms}/login_refresh`,
    `ACCESS_TOKEN_COOKIE_NAME=${JWT_COOKIE_NAME}`,
    `CSRF_TOKEN_API_PATH=${CSRF_TOKEN_API_PATH}`,
    `MFE_CONFIG_API_URL=${lms}/api/mfe_config/v1`,
  ];
}

/** `site.config.dev.tsx` fields of a frontend-base site. */
export function siteConfigFields(lms: string, baseUrl: string | undefined): string[] {
  return [
    ...(baseUrl ? [`baseUrl: '${baseUrl}',`] : []),
    `lmsBaseUrl: '${lms}',`,
    `loginUrl: '${lms}/login',`,
    `logoutUrl: '${lms}/logout',`,
    `externalRoutes: [{ role: '${LOGOUT_ROLE}', url: '${lms}/logout' }],`,
    `runtimeConfigJsonUrl: '${lms}${FRONTEND_SITE_CONFIG_PATH}',`,
  ];
}

export function frontEndSetupLines(input: FrontEndSetupInput): string[] {
  const { lms, port, tutor, cookieDomain } = input;
  const indent = (lines: string[]) => lines.map((line) => `    ${line}`);
  const lmsHost = new URL(lms).hostname;
  const cookies =
    cookieDomain === undefined
      ? []
      : domainCovers(cookieDomain, lmsHost)
        ? [
            `  Login cookies are scoped to Domain=${cookieDomain}: front ends on any host in that domain read them.`,
          ]
        : [
            `  Login cookies are scoped to Domain=${cookieDomain} only for requests that reach the stub by a name inside it;`,
            `  reached as ${lmsHost}, as the lines below do, they stay host-only.`,
          ];
  if (tutor && port === TUTOR_LMS_PORT) {
    return [
      ...cookies,
      '',
      "  Tutor's dev layout (--tutor): front ends with Tutor defaults need nothing.",
      `  A frontend-platform MFE: nothing, if its .env.development says LMS_BASE_URL=${lms};`,
      '  otherwise put these lines in its .env.private (frontend-build reads .env.private, not .env.development.local):',
      ...indent(envPrivateLines(lms)),
      `  A frontend-base site (site.config.dev.tsx): nothing: its defaults (site on ${TUTOR_PRESET.siteUrl}, lmsBaseUrl '${lms}')`,
      `  point here, and its dev server forwards ${FRONTEND_SITE_CONFIG_PATH} here; add runtimeConfigJsonUrl: '${FRONTEND_SITE_CONFIG_PATH}' to read the runtime config.`,
      '  Name resolution: local.openedx.io and its subdomains resolve to 127.0.0.1 in public DNS; offline, see docs/using-the-stub.md.',
    ];
  }
  // Without a cookie domain the cookies are host-only: a site must live on the stub's host name.
  const siteBase = cookieDomain
    ? undefined
    : `${new URL(lms).protocol}//${new URL(lms).hostname}:8080`;
  return [
    ...cookies,
    '',
    "  Point a frontend-platform MFE at it: put these lines in the MFE's .env.private, or export them in the shell",
    '  before its `npm start` (@openedx/frontend-build reads .env.private, not .env.development.local):',
    ...indent(envPrivateLines(lms)),
    '',
    "  Point a frontend-base site at it: set these fields in its site.config.dev.tsx (the site's host must share",
    `  the stub's cookies: ${cookieDomain ? `a host in ${cookieDomain}` : `the same host name, ${lmsHost}`}${tutor ? '' : "; or start the stub with --tutor for frontend-base's default layout"}):`,
    ...indent(siteConfigFields(lms, siteBase)),
  ];
}

/** The URL front ends should use for the backend `provider` served on `host:port`: with
 *  --tutor, its name in Tutor's layout (the LMS's, Studio's); else the host as a browser names
 *  it. */
export function frontEndUrl(provider: string, host: string, port: number, tutor: boolean): string {
  const tutorHost = tutor ? TUTOR_HOSTS[provider] : undefined;
  if (tutorHost) return `http://${tutorHost}:${port}`;
  // An MFE on http://localhost:<port> reads cookies of host `localhost`, not `127.0.0.1`.
  const shown =
    host === '127.0.0.1' || host === '::1' || host === '0.0.0.0' || host === '::'
      ? 'localhost'
      : host;
  return `http://${shown}:${port}`;
}
