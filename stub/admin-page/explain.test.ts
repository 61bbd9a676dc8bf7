/**
 * The admin page reads the engine's reasons for a miss to highlight the request's parts. These
 * tests feed it the engine's own sentences (real misses against the committed pacts), so a
 * change of wording in the engine that the page no longer understands fails here.
 */
import * as path from 'node:path';
import { createEngine, type StubRequest } from '../engine';
import { loadPacts } from '../load/pact-files';
import { loadPersonaFile } from '../load/personas';
import type { JournalEntry } from '../server/journal';
import { candidatesOf, childPath, highlightsOf, partOfReason, splitUrl } from './explain';

const ROOT = path.resolve(__dirname, '..', '..');
const engine = createEngine({
  pacts: loadPacts(['generated-pacts'], ROOT),
  personas: loadPersonaFile('stub/personas/default.yaml', ROOT),
  provider: 'lms',
});

/** The journal entry of a request the engine does not answer. */
function missOf(request: StubRequest): JournalEntry {
  const result = engine.handle(request, { persona: 'verified-learner', baseUrl: 'http://x' });
  if (result instanceof Promise || result.kind !== 'unmatched')
    throw new Error(`expected a miss for ${request.method} ${request.path}`);
  const { code, detail, closest } = result.problem;
  return {
    seq: 1,
    time: new Date(0).toISOString(),
    method: request.method,
    url: request.path,
    status: 404,
    durationMs: 1,
    persona: 'verified-learner',
    outcome: 'unmatched',
    problem: { code, detail, closest },
    request: { headers: request.headers },
  };
}

describe('partOfReason', () => {
  it.each([
    ['expected method GET but got DELETE', { kind: 'method' }],
    ["expected path '/a' but got '/b'", { kind: 'path' }],
    ["path '/a/b' does not fit the template '/a/{x}'", { kind: 'path' }],
    ["the path gives id='1' but the requested state has '2'", { kind: 'path' }],
    ["missing query parameter mfe (expected 'x')", { kind: 'query', name: 'mfe', missing: true }],
    ['unexpected query parameter zz', { kind: 'query', name: 'zz', missing: false }],
    ["query mfe: expected 'a' but got 'b'", { kind: 'query', name: 'mfe', missing: false }],
    [
      "missing header USE-JWT-COOKIE (expected 'true')",
      { kind: 'header', name: 'use-jwt-cookie', missing: true },
    ],
    [
      "header Content-Type: expected 'a' but got 'b'",
      { kind: 'header', name: 'content-type', missing: false },
    ],
    ['body $.a[0].b: missing key(s) c', { kind: 'body', at: '$.a[0].b', missing: false }],
    ['missing form field email', { kind: 'body', at: 'email', missing: true }],
    ['unexpected form field zz', { kind: 'body', at: 'zz', missing: false }],
    ['expected a request body but got none', { kind: 'body', missing: true }],
    ["body: expected 'a' but got 'b'", { kind: 'body', missing: false }],
    ["persona 'anonymous' does not satisfy the state 'a user is logged in'", { kind: 'state' }],
    ["does not declare the requested state 'x'", { kind: 'state' }],
  ])('%s', (reason, part) => {
    expect(partOfReason(reason)).toEqual(part);
  });

  it('returns undefined for a sentence it does not know', () => {
    expect(partOfReason('the moon is made of cheese')).toBeUndefined();
  });
});

describe('highlightsOf, on real misses of the engine', () => {
  it('marks the missing header, the unexpected body key and the wrong body value', () => {
    const entry = missOf({
      method: 'POST',
      path: '/api/change_email_settings',
      query: {},
      headers: { 'content-type': 'application/json', 'use-jwt-cookie': 'true' },
      body: '{"course_id":"course-v1:edX+DemoX+Demo_Course","receive_emails":"off","extra":1}',
    });
    const marks = highlightsOf(entry);
    // Both email interactions (turn on, turn off) are close; the marks number them as listed.
    const closest = candidatesOf(entry).map((candidate) => candidate.description);
    const on = closest.indexOf('a request to turn on the emails of a course') + 1;
    expect(on).toBeGreaterThan(0);
    expect(marks.get('header:x-csrftoken')).toMatchObject({
      part: { kind: 'header', missing: true },
    });
    expect(marks.get('header:x-csrftoken')?.candidates).toContain(on);
    expect(marks.has('header:use-jwt-cookie')).toBe(false);
    expect(marks.get('body:$')?.reasons.join()).toMatch(/unexpected key\(s\) extra/);
    expect(marks.get('body:$.receive_emails')?.reasons.join()).toMatch(
      /expected 'on' but got 'off'/,
    );
  });

  it('marks the path and the method', () => {
    const entry = missOf({
      method: 'DELETE',
      path: '/api/learner_home/init',
      query: {},
      headers: {},
    });
    const marks = highlightsOf(entry);
    expect(marks.has('method')).toBe(true);
    const wrongPath = missOf({
      method: 'GET',
      path: '/api/learner_home/nope',
      query: {},
      headers: {},
    });
    expect(highlightsOf(wrongPath).has('path')).toBe(true);
  });

  it('understands every reason of a miss near each committed interaction', () => {
    const unknown: string[] = [];
    let reasons = 0;
    for (const interaction of engine.interactions) {
      // The interaction's own request, spoiled three ways: an unexpected query parameter, no
      // headers at all, and a body of the wrong shape.
      const entry = missOf({
        method: interaction.request.method,
        path: interaction.request.path,
        query: { ...(interaction.request.query ?? {}), zz_unexpected: ['1'] },
        headers: { 'content-type': 'application/json' },
        body: interaction.request.body.kind === 'absent' ? undefined : '{"zz":[1]}',
      });
      for (const candidate of candidatesOf(entry))
        for (const reason of candidate.reasons ?? []) {
          reasons += 1;
          if (!partOfReason(reason)) unknown.push(reason);
        }
    }
    expect(reasons).toBeGreaterThan(engine.interactions.length);
    expect(unknown).toEqual([]);
  });
});

describe('splitUrl and childPath', () => {
  it('splits and decodes the query, keeping repeats', () => {
    expect(splitUrl('/a/b?x=1&x=2&q=a%20b&flag')).toEqual({
      path: '/a/b',
      query: [
        ['x', '1'],
        ['x', '2'],
        ['q', 'a b'],
        ['flag', ''],
      ],
    });
    expect(splitUrl('/plain')).toEqual({ path: '/plain', query: [] });
    expect(splitUrl('/bad?x=%E0%A4%A')).toEqual({ path: '/bad', query: [['x', '%E0%A4%A']] });
  });

  it('writes JSON paths as the engine does', () => {
    expect(childPath('$', 'course_id')).toBe('$.course_id');
    expect(childPath('$.a', 0)).toBe('$.a[0]');
    expect(childPath('$', 'with space')).toBe("$['with space']");
  });
});
