/**
 * Studio (the CMS, provider `cms`) as a backend profile: its pacts on the CMS's devstack port,
 * the personas of the LMS's persona file with Studio's own states (stub/cms/personas.ts), and
 * the lines that point the course-authoring MFE at it. It has no routes of its own: login is
 * the LMS's (/login, /login_refresh on the LMS port), and a browser logged in there carries the
 * same session and JWT cookie to Studio's port, as in a deployment where Studio reads the LMS's
 * cookie.
 */
import { envPrivateLines } from '../front-end-setup';
import type { BackendProfile, BannerInput } from '../profiles/types';
import { cmsPersonaStates } from './personas';

/** The CMS's devstack port, which frontend-app-authoring's .env.development names. */
export const CMS_DEFAULT_PORT = 18010;

const LOGOS = [
  ['LOGO_URL', 'logo.png'],
  ['LOGO_TRADEMARK_URL', 'logo-trademark.png'],
  ['LOGO_WHITE_URL', 'logo-white.png'],
  ['FAVICON_URL', 'favicon.ico'],
] as const;

/** The authoring MFE's `.env.private` lines for the LMS and Studio served now. */
export function authoringEnvLines({ urls }: BannerInput): string[] {
  const studio = urls.get('cms');
  const lms = urls.get('lms');
  if (!studio) return [];
  const lines = [
    '',
    '  Point frontend-app-authoring at it: put these lines in its .env.private (or export them before its `npm start`):',
    // The LMS's lines except the runtime-config URL: the LMS's runtime config (the
    // frontend-platform contract) names Studio by that contract's example URL, which would
    // override STUDIO_BASE_URL below whenever Studio is served on another port.
    ...(lms ? envPrivateLines(lms).filter((line) => !line.startsWith('MFE_CONFIG_API_URL=')) : []),
    `STUDIO_BASE_URL=${studio}`,
    // What the runtime config would otherwise give: the LMS stub's placeholder images, so an
    // offline MFE shows no broken logo (.env.development points at a CDN).
    ...(lms ? LOGOS.map(([key, file]) => `${key}=${lms}/theming/asset/images/${file}`) : []),
  ].map((line) => (line.startsWith(' ') || line === '' ? line : `    ${line}`));
  if (!lms) {
    return [
      ...lines,
      '  No LMS is served here: Studio answers as the active persona (--persona, POST /__stub/persona).',
      '  Serve both from one `npm start` to log in once for both.',
    ];
  }
  return [
    ...lines,
    '  Leave MFE_CONFIG_API_URL out for it: the LMS runtime config the stub serves names Studio by its example URL, which overrides STUDIO_BASE_URL.',
  ];
}

export const cmsProfile: BackendProfile = {
  provider: 'cms',
  title: 'Studio (CMS)',
  defaultPort: CMS_DEFAULT_PORT,
  servedByDefault: true,
  personaStates: cmsPersonaStates,
  bannerLines: authoringEnvLines,
};
