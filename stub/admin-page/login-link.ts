/**
 * The link that logs a browser in as a persona and returns to the MFE. Pure: no DOM.
 *
 * The login cookies are set for the host name the link names, and an MFE reads only those of
 * its own host name (cookies ignore ports, not names). So when the page is open on 127.0.0.1
 * and the MFE on localhost, the link goes to the stub under the MFE's name: every loopback name
 * reaches the same stub.
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The MFE to return to, as typed: a URL, or an error sentence to show beside the field. */
export function parseMfeUrl(text: string): { url?: URL; error?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { error: `${url.protocol} is not a web address; use http://localhost:<port>/` };
    return { url };
  } catch {
    return { error: `"${trimmed}" is not a URL; use e.g. http://localhost:2000/` };
  }
}

export function loginHref(stubOrigin: string, persona: string, mfe: URL | undefined): string {
  const stub = new URL(stubOrigin);
  if (mfe && LOOPBACK.has(stub.hostname) && LOOPBACK.has(mfe.hostname))
    stub.hostname = mfe.hostname;
  const link = new URL('/login', stub);
  link.searchParams.set('persona', persona);
  if (mfe) link.searchParams.set('next', mfe.toString());
  return link.toString();
}

/** The MFE a journal has seen: the newest Origin that is not the stub's own page. */
export function guessMfeUrl(
  entries: ReadonlyArray<{ origin?: string }>,
  stubOrigin: string,
): string | undefined {
  const stubPort = new URL(stubOrigin).port;
  for (const entry of entries) {
    if (!entry.origin || entry.origin === 'null') continue;
    try {
      const origin = new URL(entry.origin);
      if (origin.port === stubPort && LOOPBACK.has(origin.hostname)) continue;
      return `${origin.origin}/`;
    } catch {}
  }
  return undefined;
}
