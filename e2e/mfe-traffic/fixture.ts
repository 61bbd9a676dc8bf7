/**
 * The committed record of a real MFE's traffic to the stub (e2e/mfe-traffic/<mfe>.json): what
 * the recorder (record.ts) saw an unmodified MFE send while it walked the MFE's pages, and
 * what the stub answered. replay.test.ts sends every request again and expects the same status
 * from a matching interaction, so a contract change that would break the real MFE fails CI.
 */

/** One request the MFE's page sent to the stub. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as the browser sent them. */
  url: string;
  /** The headers the stub's choice can depend on (lower-case names); the session cookie alone
   *  of the cookies (the JWT cookie expires, and the stub never reads it). */
  headers: Record<string, string>;
  body?: string;
  /** What the stub answered when the MFE was recorded. */
  status: number;
  /** `matched`, `auth` or `preflight`: a recorded unmatched request fails the replay. */
  outcome: string;
  /** The interaction that answered, for a reader of the fixture. */
  interaction?: string;
  /** The backend (provider) whose port the request went to, when not the LMS's (`cms` for
   *  Studio): the replay sends it to that backend's port. */
  backend?: string;
}

/** One walk: a persona opening pages of the MFE in one fresh browser. */
export interface RecordedWalk {
  name: string;
  /** The persona logged in, or `anonymous` for a visitor who never logged in. */
  persona: string;
  pages: RecordedPage[];
  requests: RecordedRequest[];
}

export interface RecordedPage {
  step: string;
  url: string;
  /** Milliseconds from the navigation (or click) to the page's ready selector. */
  renderMs: number;
  /** Error alerts shown, uncaught page errors: empty for a clean page. */
  problems: string[];
}

export interface TrafficFixture {
  mfe: string;
  repository: string;
  commit: string;
  /** How to record it again: the command, from the repository root. */
  recordedWith: string;
  walks: RecordedWalk[];
}

/** Reads and checks a fixture, naming the file and field of anything wrong. */
export function readFixture(text: string, source: string): TrafficFixture {
  const fail = (what: string): never => {
    throw new Error(`[mfe-traffic] Failed to read ${source}: ${what}.`);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fail(`not JSON (${(error as Error).message})`);
  }
  const fixture = doc as TrafficFixture;
  if (typeof fixture !== 'object' || fixture === null) return fail('not an object');
  for (const key of ['mfe', 'repository', 'commit'] as const) {
    if (typeof fixture[key] !== 'string' || fixture[key] === '') fail(`"${key}" must be a string`);
  }
  if (!/^[0-9a-f]{7,40}$/.test(fixture.commit)) fail(`"commit" is not a git commit id`);
  if (!Array.isArray(fixture.walks) || fixture.walks.length === 0) fail('"walks" is empty');
  fixture.walks.forEach((walk, w) => {
    if (typeof walk.persona !== 'string') fail(`walks[${w}].persona must be a string`);
    if (!Array.isArray(walk.requests) || walk.requests.length === 0)
      fail(`walks[${w}].requests is empty`);
    walk.requests.forEach((request, r) => {
      if (typeof request.method !== 'string' || typeof request.url !== 'string')
        fail(`walks[${w}].requests[${r}] needs a method and a url`);
      if (!Number.isInteger(request.status)) fail(`walks[${w}].requests[${r}].status`);
    });
  });
  return fixture;
}
