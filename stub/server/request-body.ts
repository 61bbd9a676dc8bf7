/**
 * Reading a request's headers and body off Node's IncomingMessage, paying only for what the
 * request needs: no body read when none is announced, a body no interaction can match dropped
 * as it arrives, a body over the limit refused without holding it.
 */
import type * as http from 'node:http';

export class TooLargeError extends Error {}

/** A body the stub need not read: what it reads of it is dropped, only its size is kept. */
export const DRAINED = Symbol('drained');
/** Up to this many bytes, a body nothing can match is still kept whole, so the explanation of
 *  the miss and the journal have it; past it, the rest is dropped as it arrives. */
export const UNMATCHABLE_BODY_KEPT = 64 * 1024;

/**
 * Reads a body up to `limit` bytes (over it: TooLargeError). With `drainOver`, a body longer
 * than that is not kept at all: its bytes are counted and dropped as they arrive, and the
 * result is DRAINED with its size, whatever `limit` says.
 */
export function readBody(
  req: http.IncomingMessage,
  limit: number,
  drainOver?: number,
): Promise<Buffer | { [DRAINED]: number }> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | undefined = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (chunks === undefined) return;
      if (drainOver !== undefined && size > drainOver) {
        chunks = undefined;
        return;
      }
      if (size > limit) {
        reject(new TooLargeError(`the body is over ${limit} bytes`));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (chunks === undefined) resolve({ [DRAINED]: size });
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Whether the request says it has a body; most (GET) do not, and skip reading one. */
export function announcesBody(headers: Record<string, string>): boolean {
  const length = headers['content-length'];
  return length === undefined ? headers['transfer-encoding'] !== undefined : length !== '0';
}

/** Node's parsed headers (lower-cased names), used as they are: Node already joins repeated
 *  headers into one value, except `set-cookie`, which it keeps as a list. */
export function requestHeaders(req: http.IncomingMessage): Record<string, string> {
  const headers = req.headers as Record<string, string | string[]>;
  const setCookie = headers['set-cookie'];
  if (Array.isArray(setCookie)) headers['set-cookie'] = setCookie.join(', ');
  return headers as Record<string, string>;
}
