/**
 * Studio (the CMS, provider `cms`) as a backend profile: its pacts on the CMS's devstack port,
 * the personas of the LMS's persona file with Studio's own states (stub/cms/personas.ts), and
 * the lines that point the course-authoring MFE at it. It has no routes of its own: login is
 * the LMS's (/login, /login_refresh on the LMS port), and a browser logged in there carries the
 * same session and JWT cookie to Studio's port, as in a deployment where Studio reads the LMS's
 * cookie.
 */
import { envPrivateLines } from '../front-end-setup';
import { DEVSTACK_STUDIO_PORT } from '../openedx/runtime-config';
import type { BackendProfile, BannerInput } from '../profiles/types';
import { cmsPersonaStates } from './personas';

/** The CMS's devstack port, which frontend-app-authoring's .env.development names. */
export const CMS_DEFAULT_PORT = DEVSTACK_STUDIO_PORT;

/** The authoring MFE's `.env.private` lines for the LMS and Studio served now. */
export function authoringEnvLines({ urls }: BannerInput): string[] {
  const studio = urls.get('cms');
  const lms = urls.get('lms');
  if (!studio) return [];
  const lines = [
    '',
    '  Point frontend-app-authoring at it: put these lines in its .env.private (or export them before its `npm start`):',
    // The LMS's runtime config (MFE_CONFIG_API_URL) names this Studio too: the stub fills its
    // STUDIO_BASE_URL with this URL (stub/openedx/runtime-config.ts).
    ...(lms ? envPrivateLines(lms) : []),
    `STUDIO_BASE_URL=${studio}`,
  ].map((line) => (line.startsWith(' ') || line === '' ? line : `    ${line}`));
  if (!lms) {
    return [
      ...lines,
      '  No LMS is served here: Studio answers as the active persona (--persona, POST /__stub/persona).',
      '  Serve both from one `npm start` to log in once for both.',
    ];
  }
  return lines;
}

export const cmsProfile: BackendProfile = {
  provider: 'cms',
  title: 'Studio (CMS)',
  defaultPort: CMS_DEFAULT_PORT,
  servedByDefault: true,
  personaStates: cmsPersonaStates,
  bannerLines: authoringEnvLines,
};
