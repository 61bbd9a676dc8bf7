/**
 * Nothing secret is ever printed: every line that ci/ prints about a broker call (the command
 * line, the CLI's own output, an error message) goes through a mask built from the credentials
 * in use, which also hides credentials written into a URL (`https://user:pass@broker`).
 */
export type Mask = (text: string) => string;

const HIDDEN = '***';

export function createMask(secrets: readonly (string | undefined)[]): Mask {
  // Longest first, so that a secret containing another is hidden whole.
  const values = [
    ...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length > 0)),
  ]
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
    .sort((a, b) => b.length - a.length);
  return (text: string) => {
    let masked = text.replace(
      /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi,
      `$1${HIDDEN}@`,
    );
    for (const value of values) masked = masked.split(value).join(HIDDEN);
    return masked;
  };
}
