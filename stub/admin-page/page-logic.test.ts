/**
 * The admin page's logic that needs no browser: filters, coverage counted from the event stream
 * (it must agree with the journal's own count), and the login links.
 */
import { StubCore } from '../front-door/core';
import { problem } from '../front-door/problems';
import type { RequestRecord } from '../front-door/record';
import { type JournalEntry, journalEntry } from '../server/journal';
import { countEntry, groupCoverage } from './coverage';
import { DEFAULT_FILTER, isMiss, matchesFilter } from './filters';
import { guessMfeUrl, loginHref, parseMfeUrl } from './login-link';
import type { CoverageAnswer, CoverageRow } from './types';

const summary = (id: string, consumer: string, method: string, path: string) => ({
  id,
  description: `interaction ${id}`,
  consumer,
  provider: 'lms',
  source: `${consumer}.json`,
  providerStates: [],
  method,
  path,
});

const INTERACTIONS = [
  summary('a', 'mfe-one', 'GET', '/api/one'),
  summary('b', 'mfe-one', 'GET', '/api/one'),
  summary('c', 'mfe-one', 'POST', '/api/one'),
  summary('d', 'mfe-two', 'GET', '/api/two'),
];

let clock = 1_700_000_000_000;
function record(partial: Partial<RequestRecord> & { url: string }): RequestRecord {
  clock += 1000;
  return {
    timeMs: clock,
    method: 'GET',
    status: 200,
    durationMs: 1,
    persona: 'verified-learner',
    outcome: 'matched',
    request: { headers: {} },
    ...partial,
  };
}

const hit = (id: string) =>
  record({ url: `/api/${id}`, interaction: INTERACTIONS.find((i) => i.id === id) });
const miss = (method: string, url: string) =>
  record({
    method,
    url,
    status: 404,
    outcome: 'unmatched',
    problem: problem('NO_INTERACTION_MATCHED', ''),
  });

describe('coverage counted from the event stream', () => {
  it('agrees with the journal after the same requests', () => {
    const core = new StubCore('verified-learner', undefined);
    const page = core.recorder.coverage(INTERACTIONS) as CoverageAnswer;
    const seen: JournalEntry[] = [];
    core.subscribe((event) => {
      if (event.type === 'request') seen.push(journalEntry(event.record));
    });
    for (const r of [
      hit('a'),
      hit('a'),
      hit('d'),
      miss('GET', '/api/three?x=1'),
      miss('GET', '/api/three'),
      miss('POST', '/api/three'),
      record({ url: '/__stub/coverage', outcome: 'admin' }),
    ])
      core.recorder.record(r);
    const changed = seen.map((entry) => countEntry(page, entry));
    expect(changed).toEqual([true, true, true, true, true, true, false]);
    const server = core.recorder.coverage(INTERACTIONS);
    expect(page.covered).toBe(server.covered);
    expect(page.interactions.map((r) => r.hits)).toEqual(server.interactions.map((r) => r.hits));
    expect(page.unmatched).toEqual(server.unmatched);
    expect(page.unmatched[0]).toMatchObject({ method: 'GET', path: '/api/three', count: 2 });
  });

  it('groups by consumer, then endpoint, counting the interactions hit', () => {
    const rows: CoverageRow[] = INTERACTIONS.map((i) => ({ ...i, hits: i.id === 'b' ? 3 : 0 }));
    const groups = groupCoverage(rows);
    expect(groups.map((g) => [g.consumer, g.hit, g.total])).toEqual([
      ['mfe-one', 1, 3],
      ['mfe-two', 0, 1],
    ]);
    expect(
      groups[0]?.endpoints.map((e) => [e.method, e.path, e.interactions.length, e.hit]),
    ).toEqual([
      ['GET', '/api/one', 2, 1],
      ['POST', '/api/one', 1, 0],
    ]);
  });
});

describe('coverage of several backends', () => {
  const studioRow = { ...summary('s', 'mfe-one', 'GET', '/api/home'), provider: 'cms' };
  const rows = [...INTERACTIONS, studioRow];

  it("counts each backend's unmatched requests apart, as the journal does", () => {
    // Arrange
    const core = new StubCore('verified-learner', undefined);
    const page = core.recorder.coverage(rows) as CoverageAnswer;
    const seen: JournalEntry[] = [];
    core.subscribe((event) => {
      if (event.type === 'request') seen.push(journalEntry(event.record));
    });

    // Act
    for (const r of [
      { ...hit('a'), backend: 'lms' },
      record({ url: '/api/home', interaction: studioRow, backend: 'cms' }),
      { ...miss('GET', '/api/three'), backend: 'lms' },
      { ...miss('GET', '/api/three'), backend: 'cms' },
      { ...miss('GET', '/api/three'), backend: 'cms' },
    ])
      core.recorder.record(r);
    for (const entry of seen) countEntry(page, entry);

    // Assert
    const server = core.recorder.coverage(rows);
    expect(server.covered).toBe(2);
    expect(server.interactions.find((r) => r.id === 's')).toMatchObject({
      provider: 'cms',
      hits: 1,
    });
    expect(server.unmatched.map((u) => [u.backend, u.count])).toEqual([
      ['cms', 2],
      ['lms', 1],
    ]);
    expect(page.unmatched).toEqual(server.unmatched);
    expect(page.interactions.map((r) => r.hits)).toEqual(server.interactions.map((r) => r.hits));
  });

  it('groups by consumer and provider, so one consumer of two backends is listed twice', () => {
    // Act
    const groups = groupCoverage(rows.map((row) => ({ ...row, hits: 0 })));

    // Assert
    expect(groups.map((g) => [g.consumer, g.total])).toEqual([
      ['mfe-one → cms', 1],
      ['mfe-one → lms', 3],
      ['mfe-two → lms', 1],
    ]);
  });
});

describe('filters', () => {
  const entry = (over: Partial<JournalEntry>): JournalEntry => ({
    seq: 1,
    time: '',
    method: 'GET',
    url: '/api/learner_home/init',
    status: 200,
    durationMs: 1,
    persona: 'p',
    outcome: 'matched',
    request: { headers: {} },
    ...over,
  });

  it('hides the admin API and preflights unless asked', () => {
    const admin = entry({ url: '/__stub/persona', outcome: 'admin' });
    const preflight = entry({ method: 'OPTIONS', outcome: 'preflight', status: 204 });
    expect(matchesFilter(admin, DEFAULT_FILTER)).toBe(false);
    expect(matchesFilter(preflight, DEFAULT_FILTER)).toBe(false);
    expect(matchesFilter(admin, { ...DEFAULT_FILTER, showAdmin: true })).toBe(true);
  });

  it('filters by status class, path piece (any case) and misses', () => {
    const ok = entry({});
    const missed = entry({ url: '/api/Nope?x=1', status: 404, outcome: 'unmatched' });
    const ambiguous = entry({ status: 500, outcome: 'ambiguous' });
    expect(isMiss(missed) && isMiss(ambiguous) && !isMiss(ok)).toBe(true);
    expect(matchesFilter(ok, { ...DEFAULT_FILTER, status: '4xx' })).toBe(false);
    expect(matchesFilter(missed, { ...DEFAULT_FILTER, status: '4xx' })).toBe(true);
    expect(matchesFilter(missed, { ...DEFAULT_FILTER, path: 'nope?X' })).toBe(true);
    expect(matchesFilter(ok, { ...DEFAULT_FILTER, path: 'nope' })).toBe(false);
    expect(matchesFilter(ok, { ...DEFAULT_FILTER, missesOnly: true })).toBe(false);
    expect(matchesFilter(ambiguous, { ...DEFAULT_FILTER, missesOnly: true })).toBe(true);
  });
});

describe('login links', () => {
  it('logs in on the MFE host name, so the cookie reaches the MFE, and returns to it', () => {
    const mfe = parseMfeUrl(' http://localhost:2999/ ').url;
    expect(loginHref('http://127.0.0.1:18000', 'staff', mfe)).toBe(
      'http://localhost:18000/login?persona=staff&next=http%3A%2F%2Flocalhost%3A2999%2F',
    );
  });

  it('keeps the stub host for a non-loopback MFE, and has no next without an MFE', () => {
    const mfe = parseMfeUrl('http://apps.local.openedx.io:2000/learning').url;
    expect(loginHref('http://localhost:18000', 'audit-learner', mfe)).toBe(
      'http://localhost:18000/login?persona=audit-learner&next=http%3A%2F%2Fapps.local.openedx.io%3A2000%2Flearning',
    );
    expect(loginHref('http://localhost:18000', 'a b', undefined)).toBe(
      'http://localhost:18000/login?persona=a+b',
    );
  });

  it('explains an MFE URL it cannot use', () => {
    expect(parseMfeUrl('')).toEqual({});
    expect(parseMfeUrl('localhost:2000').error).toMatch(/not a web address/);
    expect(parseMfeUrl('not a url').error).toMatch(/is not a URL/);
  });

  it('guesses the MFE from the newest request of another origin', () => {
    const stub = 'http://localhost:18000';
    expect(
      guessMfeUrl(
        [
          {},
          { origin: 'http://localhost:18000' },
          { origin: 'http://localhost:2000' },
          { origin: 'http://localhost:1995' },
        ],
        stub,
      ),
    ).toBe('http://localhost:2000/');
    expect(guessMfeUrl([{ origin: 'null' }], stub)).toBeUndefined();
  });
});
