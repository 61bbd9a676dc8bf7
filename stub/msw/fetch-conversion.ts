/**
 * Between the Fetch API objects msw hands a resolver and the engine's plain request and
 * response. Kept apart from the handler so the same conversion serves Node, jsdom and a
 * service worker.
 */
import { HttpResponse } from 'msw';
import type { Problem, StubRequest, StubResponse } from '../engine';
import { splitTarget } from '../front-door/answer';

/** Statuses whose response must have no body (the Response constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The request as the HTTP stub would see it from a browser. `cookies` are the ones msw resolved
 * for the request (document.cookie for credentialed calls, plus msw's own cookie store): msw
 * appends them to the request's `cookie` header once per handler it runs, so the header itself
 * may repeat them; one `name=value` list is what a browser sends. A query with broken
 * percent-encoding gives the problem instead, with the request as far as it could be read.
 */
export async function toStubRequest(
  request: Request,
  cookies: Record<string, string>,
): Promise<{ request: StubRequest } | { problem: Problem; seen: StubRequest }> {
  const url = new URL(request.url);
  // Null prototype: header names are the request's (see stub/engine/dict.ts).
  const headers: Record<string, string> = Object.create(null);
  request.headers.forEach((value, name) => {
    if (name !== 'cookie') headers[name] = value;
  });
  const cookieHeader = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  if (cookieHeader) headers.cookie = cookieHeader;
  const bytes = new Uint8Array(await request.clone().arrayBuffer());
  const method = request.method.toUpperCase();
  const target = splitTarget(method, `${url.pathname}${url.search}`, request.url);
  const body = bytes.length > 0 ? { body: bytes } : {};
  if ('problem' in target)
    return {
      problem: target.problem,
      seen: { method, path: url.pathname, query: {}, headers, ...body },
    };
  return { request: { method, path: target.path, query: target.query, headers, ...body } };
}

/** An msw response (HttpResponse, so msw forwards its Set-Cookie to document.cookie). */
export function toFetchResponse(response: StubResponse): Response {
  const headers = new Headers();
  for (const [name, values] of Object.entries(response.headers)) {
    for (const value of values) headers.append(name, value);
  }
  // Bytes, never a string: the Response constructor gives a string body a
  // `text/plain;charset=UTF-8` Content-Type the contract (and the HTTP stub) may not have.
  // A fresh ArrayBuffer, because BodyInit wants a plain buffer, not a view of a shared one.
  const body =
    NULL_BODY_STATUSES.has(response.status) || response.body === undefined
      ? null
      : typeof response.body === 'string'
        ? new TextEncoder().encode(response.body).buffer
        : new Uint8Array(response.body).buffer;
  return new HttpResponse(body, { status: response.status, headers });
}

/** Text of a body for the recorded call, or undefined when there is none. */
export function bodyText(body: string | Uint8Array | undefined): string | undefined {
  if (body === undefined || body.length === 0) return undefined;
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}
