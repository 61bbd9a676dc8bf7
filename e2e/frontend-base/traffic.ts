/**
 * The committed record of a real frontend-base site's traffic to the stub in Tutor's dev layout
 * (e2e/frontend-base/<name>.json): what record.ts saw frontend-template-site with the learner
 * dashboard app send while a learner logged in, and what the stub (`--tutor`) answered.
 * replay.e2e.test.ts sends every request again to a stub with the Tutor preset and expects the
 * same answer, so a contract or stub change that would break the real site fails CI. The fields
 * follow the real-MFE recorder's fixtures (e2e/mfe-traffic), plus the Host each request carried.
 */

/** A request as the real-MFE recorder keeps it (e2e/mfe-traffic/fixture.ts); here the `host`
 *  header is kept too, and `unmatched` is recorded rather than refused, for the replay to judge. */
import type { RecordedRequest } from '../mfe-traffic/fixture';

export type { RecordedRequest };

export interface RecordedWalk {
  name: string;
  persona: string;
  /** Milliseconds from opening the page to the stub's login page, and from picking the
   *  persona to the rendered dashboard. */
  timings: { toLoginMs: number; toDashboardMs: number };
  requests: RecordedRequest[];
}

export interface SiteTrafficFixture {
  site: string;
  repository: string;
  commit: string;
  /** The other code of the site, as built and installed for the recording. */
  parts: Record<string, string>;
  /** How to record it again. */
  recordedWith: string;
  walks: RecordedWalk[];
}

/** Reads and checks a fixture, naming the file and field of anything wrong. */
export function readSiteTraffic(text: string, source: string): SiteTrafficFixture {
  const fail = (what: string): never => {
    throw new Error(`[frontend-base traffic] Failed to read ${source}: ${what}.`);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fail(`not JSON (${(error as Error).message})`);
  }
  const fixture = doc as SiteTrafficFixture;
  if (typeof fixture !== 'object' || fixture === null) return fail('not an object');
  for (const key of ['site', 'repository', 'commit', 'recordedWith'] as const)
    if (typeof fixture[key] !== 'string' || fixture[key] === '') fail(`"${key}" must be a string`);
  if (!/^[0-9a-f]{7,40}$/.test(fixture.commit)) fail('"commit" is not a git commit id');
  if (!Array.isArray(fixture.walks) || fixture.walks.length === 0) fail('"walks" is empty');
  fixture.walks.forEach((walk, w) => {
    if (typeof walk.persona !== 'string') fail(`walks[${w}].persona must be a string`);
    if (!Array.isArray(walk.requests) || walk.requests.length === 0)
      fail(`walks[${w}].requests is empty`);
    walk.requests.forEach((request, r) => {
      if (typeof request.method !== 'string' || typeof request.url !== 'string')
        fail(`walks[${w}].requests[${r}] needs a method and a url`);
      if (!Number.isInteger(request.status)) fail(`walks[${w}].requests[${r}].status`);
      if (typeof request.headers?.host !== 'string')
        fail(`walks[${w}].requests[${r}].headers.host must be a string`);
    });
  });
  return fixture;
}
