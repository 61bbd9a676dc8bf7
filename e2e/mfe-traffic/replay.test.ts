/**
 * Real-MFE traffic as a regression test: every request an unmodified Open edX MFE sent to the
 * stub while e2e/mfe-traffic/record.ts walked its pages (e2e/mfe-traffic/<mfe>.json) is sent
 * again to a stub serving the committed generated-pacts/, as the persona it was recorded with
 * (its session cookie), in the recorded order, each to the port of the backend it was sent to
 * (the LMS, or Studio for the authoring MFE). Each must get the recorded status from the same
 * kind of answer (a contract, the login bootstrap, a preflight, a static file): a contract
 * change that would break the real MFE, or a call no contract answers, fails here, in CI, with
 * no MFE and no browser. Re-record when an MFE changes: docs/using-the-stub.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type CliRun, startCli } from '../../stub/cli';
import { cookiesOf, send } from '../../stub/testing/http';
import { REPO_ROOT } from '../../stub/testing/start-stub';
import { type RecordedRequest, readFixture } from './fixture';

const FIXTURES = readdirSync(__dirname)
  .filter((file) => file.endsWith('.json'))
  .map((file) => readFixture(readFileSync(path.join(__dirname, file), 'utf8'), file));

/** Answers that count as answered: a recorded unmatched or ambiguous request is a failure. */
const ANSWERED = new Set(['matched', 'auth', 'preflight', 'asset']);

type Running = Exclude<CliRun, { exitCode: number }>;

/** The stub as `npm start` runs it: the LMS and Studio (which the authoring MFE also called),
 *  each on a free port, one login and one journal. */
let stub: Running;
/** The base URL of each backend served, by provider; the LMS's holds the admin API. */
let backendUrls: Map<string, string>;
const urlOf = (request: RecordedRequest) => {
  const url = backendUrls.get(request.backend ?? 'lms');
  if (!url) throw new Error(`[replay] no backend '${request.backend}' served for ${request.url}`);
  return url;
};

beforeAll(async () => {
  const run = await startCli(
    [
      ...['--pacts', path.join(REPO_ROOT, 'generated-pacts'), '--port', '0'],
      ...['--backend-port', 'cms=0', '--log-level', 'error'],
    ],
    { out: () => undefined, err: () => undefined, cwd: REPO_ROOT },
  );
  if (run.exitCode !== undefined) throw new Error('[replay] the stub did not start');
  stub = run;
  backendUrls = new Map(stub.backends.map((b) => [b.served.profile.provider, b.server.url]));
});

afterAll(async () => {
  await stub?.stop();
});

interface Replayed {
  request: RecordedRequest;
  status: number;
  outcome: string;
  problem?: string;
  /** The login session the answer set (`lms-stub-session`), when it set one. */
  session?: string;
}

const SESSION_COOKIE = 'lms-stub-session';

async function replay(requests: RecordedRequest[]): Promise<Replayed[]> {
  const admin = stub.server.url;
  await send('POST', `${admin}/__stub/reset`, { 'content-type': 'application/json' }, '{}');
  const replies: { status: number; session?: string }[] = [];
  for (const request of requests) {
    const reply = await send(
      request.method,
      `${urlOf(request)}${request.url}`,
      request.headers,
      request.body,
    );
    const session = cookiesOf(reply).get(SESSION_COOKIE);
    replies.push({ status: reply.status, ...(session !== undefined && { session }) });
  }
  const journal = (await send('GET', `${admin}/__stub/requests`)).json() as {
    entries: { outcome: string; problem?: { detail: string } }[];
  };
  const entries = journal.entries.filter((entry) => entry.outcome !== 'admin').reverse();
  return requests.map((request, i) => ({
    request,
    status: replies[i]?.status ?? 0,
    ...(replies[i]?.session !== undefined && { session: replies[i]?.session }),
    outcome: entries[i]?.outcome ?? 'missing',
    ...(entries[i]?.problem && { problem: entries[i]?.problem?.detail }),
  }));
}

/** One line per request that went wrong, e.g. "GET /api/x: 404 unmatched, recorded 200 matched". */
function failures(replayed: Replayed[]): string[] {
  return replayed
    .filter(
      ({ request, status, outcome }) =>
        status !== request.status || outcome !== request.outcome || !ANSWERED.has(outcome),
    )
    .map(
      ({ request, status, outcome, problem }) =>
        `${request.method} ${request.url}: ${status} ${outcome}, recorded ${request.status} ${request.outcome}${problem ? ` (${problem.slice(0, 300)})` : ''}`,
    );
}

/** A login the replay did differently: an answer that logs the browser in (the stub's /login, a
 *  form login of the authn MFE) must set the session that the MFE's next request carried when
 *  it was recorded, e.g. "POST /api/user/v2/account/login_session/ set the session
 *  'audit-learner', the MFE's next request carried 'verified-learner'". */
function sessionMismatches(replayed: Replayed[]): string[] {
  const mismatches: string[] = [];
  replayed.forEach(({ request, session }, i) => {
    if (session === undefined || session === '') return;
    const next = replayed
      .slice(i + 1)
      .find(({ request: later }) => later.headers.cookie?.startsWith(`${SESSION_COOKIE}=`));
    const carried = next?.request.headers.cookie?.slice(SESSION_COOKIE.length + 1);
    if (carried !== undefined && carried !== session)
      mismatches.push(
        `${request.method} ${request.url} set the session '${session}', the MFE's next request carried '${carried}'`,
      );
  });
  return mismatches;
}

describe.each(
  FIXTURES.map((fixture) => [`${fixture.repository}@${fixture.commit}`, fixture] as const),
)('traffic of %s', (_name, fixture) => {
  it('was recorded with every request answered', () => {
    const recordedMisses = fixture.walks.flatMap((walk) =>
      walk.requests
        .filter((request) => !ANSWERED.has(request.outcome))
        .map((request) => `${walk.persona}: ${request.method} ${request.url} ${request.outcome}`),
    );
    expect(recordedMisses).toEqual([]);
  });

  it.each(fixture.walks.map((walk) => [walk.name, walk] as const))(
    'replays the walk "%s" with the recorded answers',
    async (_walkName, walk) => {
      const replayed = await replay(walk.requests);

      expect(failures(replayed)).toEqual([]);
      expect(sessionMismatches(replayed)).toEqual([]);
      expect(replayed).toHaveLength(walk.requests.length);
    },
  );
});
