/**
 * Replays the recorded traffic of a real frontend-base site (frontend-template-site with the
 * learner dashboard app, in Tutor's dev layout; e2e/frontend-base/learner-dashboard-site.json,
 * written by record.ts) against a stub started with `--tutor` from this checkout, and expects
 * every request to get the answer it got when recorded: same status, same kind of answer, same
 * interaction. A contract or stub change that would break the real site fails here, in CI,
 * without the site (nothing is downloaded from GitHub).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { send } from '../../stub/testing/http';
import { type RunningStub, startStub } from '../../stub/testing/stub-process';
import { readSiteTraffic } from './traffic';

const FIXTURE = path.join(__dirname, 'learner-dashboard-site.json');
const fixture = readSiteTraffic(readFileSync(FIXTURE, 'utf8'), FIXTURE);
const RECORDED_HOST = 'local.openedx.io:8000';

interface Answer {
  status: number;
  outcome: string;
  interaction?: string;
}

describe(`the recorded traffic of ${fixture.site} (${fixture.commit}) against the stub with --tutor`, () => {
  let stub: RunningStub;

  beforeAll(async () => {
    stub = await startStub(['--tutor']);
  });

  afterAll(async () => {
    await stub?.stop();
  });

  it.each(fixture.walks.map((walk) => [walk.name, walk] as const))(
    '%s: every request gets the recorded answer',
    async (_name, walk) => {
      // Arrange
      const base = `http://127.0.0.1:${stub.port}`;
      await send('POST', `${base}/__stub/reset`, { 'Content-Type': 'application/json' }, '{}');

      // Act: the same requests, in order, with the recorded Host moved to this stub's port.
      const statuses: number[] = [];
      for (const request of walk.requests) {
        const headers = { ...request.headers };
        headers.host = (headers.host as string).replace(
          RECORDED_HOST,
          `local.openedx.io:${stub.port}`,
        );
        const reply = await send(request.method, `${base}${request.url}`, headers, request.body);
        statuses.push(reply.status);
      }
      const journal = (await send('GET', `${base}/__stub/requests`)).json();
      const answered: Answer[] = journal.entries
        .filter((entry: { outcome: string }) => entry.outcome !== 'admin')
        .reverse()
        .map(
          (entry: { status: number; outcome: string; interaction?: { description: string } }) => ({
            status: entry.status,
            outcome: entry.outcome,
            ...(entry.interaction && { interaction: entry.interaction.description }),
          }),
        );

      // Assert: the recorded answer again; a request no contract answered when recorded may now
      // be answered (a gap closed, e.g. course assets), but nothing answered may stop being so.
      const expected: Answer[] = walk.requests.map((request) => ({
        status: request.status,
        outcome: request.outcome,
        ...(request.interaction && { interaction: request.interaction }),
      }));
      expect(answered).toHaveLength(expected.length);
      const regressions = expected.flatMap((want, i) => {
        const got = answered[i] as Answer;
        const closedGap = want.outcome === 'unmatched' && got.status < 400;
        const same =
          got.status === want.status &&
          got.outcome === want.outcome &&
          got.interaction === want.interaction;
        return same || closedGap
          ? []
          : [{ request: `${walk.requests[i]?.method} ${walk.requests[i]?.url}`, want, got }];
      });
      expect(regressions).toEqual([]);
      expect(statuses).toEqual(answered.map((answer) => answer.status));
    },
  );

  it('the only request of the recording no contract answered is the course image asset', () => {
    // What the recording says, so the gap is visible here: the course image (`/asset-v1:…`) was
    // not served when it was recorded. The replay above accepts it being served now.
    const unmatched = fixture.walks.flatMap((walk) =>
      walk.requests.filter((request) => request.outcome === 'unmatched').map((r) => r.url),
    );
    expect(unmatched).toEqual([
      '/asset-v1:edX+DemoX+Demo_Course+type@asset+block@images_course_image.jpg',
    ]);
  });
});
