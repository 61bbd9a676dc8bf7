/**
 * A stub journal entry as both recorders (e2e/mfe-traffic/record.ts for MFEs,
 * e2e/frontend-base/record.ts for a frontend-base site) turn it into a fixture's request: the
 * headers the stub's answer can depend on, and of the cookies only the stub's session cookie
 * (the JWT cookie expires, and the stub never reads it).
 */
import { REDACTED } from '../../stub/server/journal';
import type { RecordedRequest } from './fixture';

/** What a recorder reads of `GET /__stub/requests`. */
export interface JournalEntry {
  method: string;
  url: string;
  status: number;
  outcome: string;
  interaction?: { description: string };
  /** The backend (provider) whose port answered, when the stub serves several. */
  backend?: string;
  problem?: { code: string; detail: string };
  request: { headers: Record<string, string>; body?: string };
}

/** Request headers the stub's answer can depend on; the rest (user agent, accept…) is noise. */
const KEPT_HEADERS = [
  'origin',
  'use-jwt-cookie',
  'x-csrftoken',
  'content-type',
  'accept',
  'access-control-request-method',
  'access-control-request-headers',
];
const SESSION_COOKIE = 'lms-stub-session';

/** The fixture's request for a journal entry; `keepHost` for a site recorded through proxies
 *  and host names (the Tutor layout), whose replay sends the same Host. */
export function recordedRequest(entry: JournalEntry, keepHost = false): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const name of keepHost ? ['host', ...KEPT_HEADERS] : KEPT_HEADERS) {
    const value = entry.request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const session = entry.request.headers.cookie
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  if (session?.endsWith(REDACTED)) {
    throw new Error(
      '[record] the stub redacts cookies in its journal: start it with --journal-credentials to record the session cookie.',
    );
  }
  if (session) headers.cookie = session;
  if (entry.request.body?.includes(REDACTED)) {
    throw new Error(
      `[record] the stub redacts passwords in its journal (${entry.method} ${entry.url}): start it with --journal-credentials to record the body as sent.`,
    );
  }
  return {
    method: entry.method,
    url: entry.url,
    headers,
    ...(entry.request.body !== undefined && { body: entry.request.body }),
    status: entry.status,
    outcome: entry.outcome,
    ...(entry.interaction && { interaction: entry.interaction.description }),
    ...(entry.backend && entry.backend !== 'lms' && { backend: entry.backend }),
  };
}
