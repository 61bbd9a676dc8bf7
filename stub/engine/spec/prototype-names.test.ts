/**
 * Issue 13, F1/F2: maps keyed by request data are null-prototype objects (stub/engine/dict.ts)
 * read with Object.hasOwn, in the engine, the HTTP front door and msw. Every name of
 * Object.prototype (`constructor`, `toString`, `__proto__`, `hasOwnProperty`, ...) is sent as a
 * query name, a header name, a JSON body key and a form field: an extra query parameter or body
 * key is refused as unexpected (never a 400 "bad percent-encoding", never a 200), an extra
 * header is ignored as Pact ignores headers the contract does not name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setupServer } from 'msw/node';
import { createLmsHandlers } from '../../msw';
import { send } from '../../testing/http';
import { startTestStub, type TestStub } from '../../testing/start-stub';
import { CONTEXT, engineFor, request, type SpecInteraction, v4Pact, verdict } from './spec-helpers';

const NAMES = Object.getOwnPropertyNames(Object.prototype);
const ok = {
  status: 200,
  headers: { 'Content-Type': ['application/json'] },
  body: { contentType: 'application/json', encoded: false, content: { ok: true } },
};
const interactions: SpecInteraction[] = [
  {
    description: 'query',
    request: { method: 'GET', path: '/q', query: { a: ['1'] } },
    response: ok,
  },
  {
    description: 'json',
    request: {
      method: 'POST',
      path: '/j',
      headers: { 'Content-Type': ['application/json'] },
      body: { contentType: 'application/json', encoded: false, content: { a: 1 } },
    },
    response: ok,
  },
  {
    description: 'form',
    request: {
      method: 'POST',
      path: '/f',
      headers: { 'Content-Type': ['application/x-www-form-urlencoded'] },
      body: { contentType: 'application/x-www-form-urlencoded', encoded: false, content: 'a=1' },
    },
    response: ok,
  },
];

/** The requests of one prototype name, and the status each must get (200 fits, 404 refused). */
interface Probe {
  what: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  status: number;
}

const probes = (name: string): Probe[] => [
  {
    what: `query ${name}`,
    method: 'GET',
    url: `/q?a=1&${encodeURIComponent(name)}=2`,
    headers: {},
    status: 404,
  },
  {
    what: `only query ${name}`,
    method: 'GET',
    url: `/q?${encodeURIComponent(name)}=1`,
    headers: {},
    status: 404,
  },
  { what: `header ${name}`, method: 'GET', url: '/q?a=1', headers: { [name]: 'x' }, status: 200 },
  {
    what: `JSON key ${name}`,
    method: 'POST',
    url: '/j',
    headers: { 'content-type': 'application/json' },
    body: `{"a":1,${JSON.stringify(name)}:1}`,
    status: 404,
  },
  {
    what: `JSON key ${name} alone`,
    method: 'POST',
    url: '/j',
    headers: { 'content-type': 'application/json' },
    body: `{${JSON.stringify(name)}:1}`,
    status: 404,
  },
  {
    what: `form field ${name}`,
    method: 'POST',
    url: '/f',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `a=1&${encodeURIComponent(name)}=2`,
    status: 404,
  },
];

const ALL = NAMES.flatMap(probes);

it('covers every Object.prototype name, __proto__ included', () => {
  expect(NAMES).toEqual(
    expect.arrayContaining(['constructor', 'toString', '__proto__', 'hasOwnProperty']),
  );
  expect(ALL.length).toBe(NAMES.length * 6);
});

describe('in the engine', () => {
  const engine = engineFor(...interactions);

  it.each(ALL.map((p) => [p.what, p] as const))('%s', (_, probe) => {
    const result = engine.handle(
      request(probe.method, probe.url, probe.headers, probe.body),
      CONTEXT,
    );

    expect(
      verdict(result).startsWith(probe.status === 200 ? 'fits' : 'refused: NO_INTERACTION_MATCHED'),
    ).toBe(true);
  });
});

describe('over HTTP', () => {
  let dir: string;
  let stub: TestStub;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stub-prototype-'));
    const pact = v4Pact(...interactions);
    pact.provider = { name: 'lms' };
    writeFileSync(path.join(dir, 'prototype.json'), JSON.stringify(pact));
    stub = await startTestStub({ pacts: [dir] });
  });

  afterAll(async () => {
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each probe as the contract says', async () => {
    const wrong: string[] = [];
    for (const probe of ALL) {
      const reply = await send(
        probe.method,
        `${stub.url}${probe.url}`,
        { accept: 'application/json', ...probe.headers },
        probe.body,
      );
      if (reply.status !== probe.status)
        wrong.push(`${probe.what}: ${reply.status} ${reply.text.slice(0, 200)}`);
    }

    expect(wrong).toEqual([]);
  });
});

describe('in msw', () => {
  const LMS = 'http://localhost:18000';
  const pact = v4Pact(...interactions);
  pact.provider = { name: 'lms' };
  const lms = createLmsHandlers({
    lmsBaseUrl: LMS,
    pacts: [pact],
    openedx: false,
    onUnmatched: 'warn',
  });
  const server = setupServer(...lms.handlers);

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers each probe as the contract says', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const wrong: string[] = [];
    try {
      for (const probe of ALL) {
        // fetch refuses none of these header names; __proto__ is a valid token.
        const response = await fetch(`${LMS}${probe.url}`, {
          method: probe.method,
          headers: probe.headers,
          ...(probe.body !== undefined && { body: probe.body }),
        });
        if (response.status !== probe.status)
          wrong.push(`${probe.what}: ${response.status} ${(await response.text()).slice(0, 200)}`);
      }
    } finally {
      warn.mockRestore();
    }

    expect(wrong).toEqual([]);
  });
});
