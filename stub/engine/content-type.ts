/**
 * The `contentType` matcher (V3): "Match binary data by its content type (magic file check)".
 * pact_matching detects the type of the bytes (tree_magic) and compares it with the expected
 * one; the content itself is not compared, so another JPEG fits a JPEG example. Here the
 * detection is magic-bytes.js (a small, dependency-free, browser-safe signature table, so the
 * msw bundle can carry it). Text formats have no magic number: JSON, XML and plain text are
 * recognised by parsing or decoding, as pact_matching falls back to for text types.
 */
import { filetypemime } from 'magic-bytes.js';

const essenceOf = (mime: string) => (mime.split(';')[0] ?? '').trim().toLowerCase();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodesAsText(bytes: Uint8Array): string | undefined {
  try {
    const text = strictUtf8.decode(bytes);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** The media types the bytes are detected as (several when a signature is shared). */
export function detectContentTypes(bytes: Uint8Array): string[] {
  const found = new Set(filetypemime(Array.from(bytes.subarray(0, 4096))).map(essenceOf));
  const text = found.size === 0 ? decodesAsText(bytes) : undefined;
  if (text !== undefined) {
    const trimmed = text.trim();
    try {
      JSON.parse(trimmed);
      found.add('application/json');
    } catch {
      // not JSON
    }
    if (trimmed.startsWith('<')) found.add('application/xml').add('text/xml');
    if (/^<!doctype html|^<html/i.test(trimmed)) found.add('text/html');
    found.add('text/plain');
  }
  return [...found];
}

/** Null when the bytes are of the expected media type, else the reason. */
export function matchContentType(expected: string, bytes: Uint8Array): string | null {
  const wanted = essenceOf(expected);
  const detected = detectContentTypes(bytes);
  const fits = detected.some(
    (type) =>
      type === wanted ||
      // `application/vnd.x+json` is JSON, `image/svg+xml` is XML.
      (wanted.endsWith('+json') && type === 'application/json') ||
      (wanted.endsWith('+xml') && type === 'application/xml'),
  );
  if (fits) return null;
  return `expected content of type '${wanted}' but the bytes are ${detected.length ? detected.map((t) => `'${t}'`).join(' or ') : 'of no type it recognises'}`;
}
