/**
 * GET /__stub/events: the core's events (stub/front-door/events.ts) as server-sent events, for
 * the admin page's live list.
 *
 *   event: request   data: one journal entry, as GET /__stub/requests lists it
 *   event: selection data: {"persona": …, "state": … or null}: the active persona or state
 *                    changed (the admin API, a reset, a reload)
 *   event: reset     the journal and coverage were cleared
 *   event: served    the set served changed (or a reload failed): read GET /__stub/served again
 *   event: resync    entries were dropped for a slow reader: read GET /__stub/requests again
 *
 * It only reads, and only for the stub's own page: a request whose Host is not a name of the
 * stub (DNS rebinding), or that says it comes from another origin or site (Origin,
 * Sec-Fetch-Site), is refused; the stream carries no CORS headers, so a page of another origin
 * can neither open nor read it. It is not itself journaled (it lasts as long as the page).
 */
import type * as http from 'node:http';
import { problemResponse } from '../engine';
import { problem } from '../front-door/problems';
import { journalEntry } from './journal';
import type { StubRuntime } from './runtime';

export const EVENTS_PATH = '/__stub/events';

/** Past this many unsent bytes the reader is too slow: drop entries, then ask it to resync. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** How long events wait to be written together. */
const BATCH_MS = 50;
/** A comment line now and then keeps proxies and idle timeouts from closing the stream. */
const KEEPALIVE_MS = 15_000;

/** Why a request may not open the stream, or undefined when it may. `selfOrigin` is the
 *  stub's base URL as the request's Host names it (stub/server/base-url.ts): the bound URL when
 *  the Host is not a name of this stub, as for a DNS-rebinding page. */
export function refuseCrossSite(
  headers: Record<string, string | undefined>,
  selfOrigin: string,
): string | undefined {
  const host = headers.host?.toLowerCase();
  if (host === undefined || selfOrigin !== `http://${host}`)
    return `the event stream answers only a Host that names this stub (${new URL(selfOrigin).host}), not ${host ?? 'a request without Host'}`;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `the event stream is for the stub's own page; this request comes from a ${site} page`;
  const origin = headers.origin;
  if (origin !== undefined && origin !== selfOrigin)
    return `the event stream is for the stub's own page at ${selfOrigin}, not for ${origin}`;
  return undefined;
}

export function openEventStream(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  runtime: StubRuntime,
  selfOrigin: string,
): void {
  const refused = refuseCrossSite(req.headers as Record<string, string | undefined>, selfOrigin);
  if (refused) {
    const answer = problemResponse(problem('ORIGIN_NOT_ALLOWED', `${refused}.`));
    res.writeHead(answer.status, {
      'Content-Type': answer.headers['Content-Type']?.[0],
      'Cache-Control': 'no-store',
    });
    res.end(answer.body);
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.write(': the LMS stub journal\n\n');
  // Events are written in batches, a few times a second: one write per batch rather than one
  // per request keeps a busy stub's cost of an open page low. A reader that does not keep up
  // (its unsent bytes past the bound) loses entries, then gets a resync.
  let pending: string[] = [];
  let pendingBytes = 0;
  let dropped = false;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (dropped && res.writableLength <= MAX_BUFFERED_BYTES) {
      dropped = false;
      pending.push('event: resync\ndata: {}\n\n');
    }
    if (pending.length > 0) res.write(pending.join(''));
    pending = [];
    pendingBytes = 0;
  };
  const send = (event: string, data: unknown) => {
    if (dropped || res.writableLength + pendingBytes > MAX_BUFFERED_BYTES) {
      dropped = true;
    } else {
      const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      pending.push(text);
      pendingBytes += text.length;
    }
    timer ??= setTimeout(flush, BATCH_MS);
  };
  const stopCore = runtime.core.subscribe((event) => {
    if (event.type === 'request') send('request', journalEntry(event.record));
    else if (event.type === 'selection')
      send('selection', { persona: event.persona, state: event.state ?? null });
    else send('reset', {});
  });
  const stopServed = runtime.onServedChange(() => send('served', {}));
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
  keepAlive.unref();
  const close = () => {
    clearInterval(keepAlive);
    clearTimeout(timer);
    stopCore();
    stopServed();
  };
  req.on('close', close);
  res.on('error', close);
}
