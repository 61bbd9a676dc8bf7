/**
 * `multipart/form-data` request bodies (V3), matched part by part as pact_matching's
 * binary_utils does, not as text (each client picks its own boundary):
 *  - every part of the contract must be in the request, found by its name (Content-Disposition
 *    `name`), as a field or as a file like the contract's; parts the request adds are not
 *    compared;
 *  - a field compares its text, with the rules at `$.<name>`;
 *  - a file's Content-Type must be the contract's (when both say one), then its bytes are
 *    compared, or the rules at `$.<name>` apply (`contentType` detects the type of the bytes);
 *  - the part's other headers must be present with the same values (Content-Disposition,
 *    Content-Type and Content-Transfer-Encoding aside).
 *
 * The parser is this small, synchronous splitter (RFC 7578 / RFC 2046 over a body already in
 * memory) rather than busboy: busboy is a stream parser built on Node's `stream` module, and the
 * engine matches synchronously and must also run in a browser (the msw bundle), where neither
 * is available; the platform's own `Response.formData()` is asynchronous.
 */
export interface MimePart {
  index: number;
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  /** Lower-cased header names. */
  headers: Map<string, string>;
  data: Uint8Array;
}

export class MultipartError extends Error {}

const latin1 = new TextDecoder('latin1');
const encoder = new TextEncoder();

/** The `boundary` parameter of a multipart Content-Type, if any. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

export const isMultipartFormData = (contentType: string | undefined): boolean =>
  /^multipart\/form-data\b/i.test((contentType ?? '').trim());

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function dispositionParam(value: string, param: string): string | undefined {
  const m = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${param}=([^;\\s]+)`, 'i').exec(
    value,
  );
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The parts of a multipart body; throws MultipartError when it cannot be read. */
export function parseMultipart(body: Uint8Array, boundary: string): MimePart[] {
  const delimiter = encoder.encode(`--${boundary}`);
  const parts: MimePart[] = [];
  let at = indexOf(body, delimiter, 0);
  if (at === -1) throw new MultipartError(`the boundary '${boundary}' is not in the body`);
  while (true) {
    let start = at + delimiter.length;
    // `--` after a delimiter closes the body.
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break;
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    else if (body[start] === 0x0a) start += 1;
    const next = indexOf(body, delimiter, start);
    if (next === -1) throw new MultipartError('the body ends before its closing boundary');
    // The part ends before the CRLF that precedes the next delimiter.
    let end = next;
    if (body[end - 1] === 0x0a) end -= 1;
    if (body[end - 1] === 0x0d) end -= 1;
    const part = body.subarray(start, end);
    let split = indexOf(part, encoder.encode('\r\n\r\n'), 0);
    let gap = 4;
    if (split === -1) {
      split = indexOf(part, encoder.encode('\n\n'), 0);
      gap = 2;
    }
    if (split === -1)
      throw new MultipartError(`part ${parts.length + 1} has no blank line after its headers`);
    const headers = new Map<string, string>();
    for (const line of latin1.decode(part.subarray(0, split)).split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0)
        headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get('content-disposition') ?? '';
    parts.push({
      index: parts.length,
      name: dispositionParam(disposition, 'name') ?? '',
      filename: dispositionParam(disposition, 'filename'),
      contentType: headers.get('content-type'),
      headers,
      data: part.subarray(split + gap),
    });
    at = next;
  }
  return parts;
}
