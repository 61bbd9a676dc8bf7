/**
 * Static files an LMS serves besides its APIs, as small placeholders, so that an MFE's pages
 * have no broken images or failed stylesheet loads offline:
 *  - `/theming/asset/images/{logo,logo-white,logo-trademark}.png` and `favicon.ico`: where
 *    Tutor's MFE_CONFIG points LOGO_URL, LOGO_WHITE_URL, LOGO_TRADEMARK_URL and FAVICON_URL
 *    (openedx-platform's theming asset view), and where the stub's runtime config points them;
 *  - `/asset-v1:{org}+{course}+{run}+type@asset+block@{file}`: course files such as the course
 *    image the learner dashboard shows (openedx-platform contentserver);
 *  - `/static/**.css`: LMS stylesheets, such as the `css/bootstrap/lms-main.css` that the learning
 *    MFE's LmsHtmlFragment links for handouts and welcome messages.
 * They are files, not API calls: no contract describes them, and the journal records them as
 * `asset`. Each placeholder is an SVG (browsers go by the Content-Type, not the file name).
 * Browser-safe: plain strings.
 */
import type { StubRequest, StubResponse } from '../engine';

const ASSET_PREFIXES = ['/theming/asset/', '/asset-v1:', '/static/'] as const;

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

/** A labelled rectangle: visibly a placeholder, sized like the image it stands for. */
function placeholderSvg(width: number, height: number, label: string, dark: boolean): string {
  const [fill, ink] = dark ? ['#0a3055', '#ffffff'] : ['#e1e8ef', '#0a3055'];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" rx="4" fill="${fill}"/><text x="50%" y="50%" dominant-baseline="middle" text-anchor="middle" font-family="sans-serif" font-size="${Math.round(Math.min(height / 2.6, (width * 1.4) / Math.max(label.length, 1) / 1.2))}" fill="${ink}">${escapeXml(label)}</text></svg>`;
}

const svg = (body: string): StubResponse => ({
  status: 200,
  headers: { 'Content-Type': ['image/svg+xml'], 'Cache-Control': ['max-age=3600'] },
  body,
});

/** Whether a request is for one of the files above. */
export function isAssetRequest(request: StubRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    ASSET_PREFIXES.some((prefix) => request.path.startsWith(prefix))
  );
}

/** The placeholder for an asset path, or undefined when the stub has none for it (the
 *  contracts then decide, as for any other request). */
export function assetResponse(request: StubRequest): StubResponse | undefined {
  const { path } = request;
  if (path.startsWith('/theming/asset/images/')) {
    const file = path.slice('/theming/asset/images/'.length);
    if (file === 'favicon.ico') return svg(placeholderSvg(32, 32, 'S', true));
    if (file === 'logo-white.png') return svg(placeholderSvg(120, 40, 'LMS stub', true));
    if (file === 'logo.png' || file === 'logo-trademark.png')
      return svg(placeholderSvg(120, 40, 'LMS stub', false));
    return undefined;
  }
  if (path.startsWith('/asset-v1:')) {
    const file = decodeURIComponent(path.slice(path.lastIndexOf('@') + 1));
    if (!/\.(jpe?g|png|gif|svg|webp)$/i.test(file)) return undefined;
    // The course key's course part (`+DemoX+`) names the course on its image.
    const course = decodeURIComponent(path).split('+')[1] ?? 'Course';
    return svg(placeholderSvg(378, 225, course, false));
  }
  if (path.endsWith('.css')) {
    return {
      status: 200,
      headers: { 'Content-Type': ['text/css; charset=utf-8'], 'Cache-Control': ['max-age=3600'] },
      body: '/* LMS stub: no LMS stylesheet */\n',
    };
  }
  return undefined;
}
