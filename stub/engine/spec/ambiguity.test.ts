/**
 * Several interactions fit one request with different responses (e.g. pact_broker-client's own
 * pact: `GET /` twice, with two bodies and no state). The Pact specification does not choose;
 * pact-stub-server answers with the first in pact order and logs a warning. The stub does the
 * same by default (deterministic, marked in the response, the journal and the log once) and
 * refuses with 409 AMBIGUOUS_INTERACTION under --strict. No valid pact gives a 5xx.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { send } from '../../testing/http';
import { startTestStub, type TestStub } from '../../testing/start-stub';
import { CONTEXT, engineFor, request, type SpecInteraction, v4Pact } from './spec-helpers';

const index = (body: string, description: string): SpecInteraction => ({
  description,
  request: { method: 'GET', path: '/' },
  response: {
    status: 200,
    headers: { 'Content-Type': ['application/json'] },
    body: { contentType: 'application/json', encoded: false, content: { index: body } },
  },
});

describe('ambiguous requests in the engine', () => {
  it('answers with the first interaction in pact order, whichever order the router finds them', () => {
    const a = index('A', 'the index (A)');
    const b = index('B', 'the index (B)');

    const ab = engineFor(a, b).handle(request('GET', '/'), CONTEXT);
    const ba = engineFor(b, a).handle(request('GET', '/'), CONTEXT);

    expect(ab.kind === 'matched' && ab.interaction.description).toBe('the index (A)');
    expect(ba.kind === 'matched' && ba.interaction.description).toBe('the index (B)');
    expect(ab.kind === 'matched' && ab.ambiguity?.candidates.map((c) => c.description)).toEqual([
      'the index (A)',
      'the index (B)',
    ]);
  });

  it('does not mark a request that only one interaction fits', () => {
    const result = engineFor(index('A', 'only')).handle(request('GET', '/'), CONTEXT);

    expect(result.kind).toBe('matched');
    expect(result.kind === 'matched' && result.ambiguity).toBeUndefined();
  });
});

describe('ambiguous requests over HTTP', () => {
  let dir: string;
  let stub: TestStub | undefined;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'stub-ambiguity-'));
    const pact = v4Pact(index('A', 'the index (A)'), index('B', 'the index (B)'));
    pact.provider = { name: 'lms' };
    writeFileSync(path.join(dir, 'broker-like.json'), JSON.stringify(pact));
  });

  afterEach(async () => {
    await stub?.close();
    stub = undefined;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers 200 with the first, marks the response and the journal, and warns once in the log', async () => {
    stub = await startTestStub({ pacts: [dir] });

    const first = await send('GET', `${stub.url}/`, { Accept: 'application/json' });
    const second = await send('GET', `${stub.url}/`, { Accept: 'application/json' });
    const journal = (await send('GET', `${stub.url}/__stub/requests`)).json();

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.json()).toEqual({ index: 'A' });
    expect(first.headers['x-pact-stub-warning']).toContain('answered with the first in pact order');
    const entries = journal.entries as Array<{ url: string; warning?: string }>;
    const mine = entries.filter((e) => e.url === '/');
    expect(mine.length).toBe(2);
    expect(mine.every((e) => e.warning?.includes('2 interactions'))).toBe(true);
    expect(
      stub.logs.filter((line) => line.includes('answered with the first in pact order')),
    ).toHaveLength(1);
  });

  it('refuses with 409 AMBIGUOUS_INTERACTION under --strict', async () => {
    stub = await startTestStub({ pacts: [dir], strict: true });

    const reply = await send('GET', `${stub.url}/`, { Accept: 'application/json' });

    expect(reply.status).toBe(409);
    expect(reply.json().code).toBe('AMBIGUOUS_INTERACTION');
  });
});
