/**
 * What the stub serves for its admin page (stub/admin-page/): the page itself, the set served,
 * personas with enrollments, coverage by endpoint, provider-state parameters in the journal, and
 * the journal's event stream, which only the stub's own page may open.
 */
import * as http from 'node:http';
import { loadServedSet } from '../load/served';
import { genericProfile } from '../profiles';
import { send } from '../testing/http';
import { DEFAULT_PERSONAS, REPO_ROOT, startTestStub, type TestStub } from '../testing/start-stub';

let stub: TestStub;

beforeAll(async () => {
  stub = await startTestStub({ pacts: ['generated-pacts'] });
});
afterAll(() => stub.close());

describe('the admin page', () => {
  it('is served at /__stub/ with its script and style, framed by no one, and /__stub leads there', async () => {
    const page = await send('GET', `${stub.url}/__stub/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<script src="page.js"></script>');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');

    const script = await send('GET', `${stub.url}/__stub/page.js`);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text).toContain('/__stub/events');
    const style = await send('GET', `${stub.url}/__stub/page.css`);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');

    const bare = await send('GET', `${stub.url}/__stub`);
    expect(bare.status).toBe(302);
    expect(bare.headers.location).toBe('/__stub/');
  });

  it('gets no CORS headers, even for an allowed origin (the admin API keeps its own)', async () => {
    const origin = { Origin: 'http://localhost:2999' };
    for (const path of ['/__stub/', '/__stub/page.js', '/__stub/served']) {
      const reply = await send('GET', `${stub.url}${path}`, origin);
      expect([path, reply.headers['access-control-allow-origin']]).toEqual([path, undefined]);
    }
  });
});

describe('what the page reads', () => {
  it('GET /__stub/served: the pacts, their spec versions, the load warnings and the load time', async () => {
    const served = (await send('GET', `${stub.url}/__stub/served`)).json();
    expect(served.pacts).toContainEqual({
      source: 'generated-pacts/frontend-platform-lms.json',
      consumer: 'frontend-platform',
      provider: 'lms',
      specification: '4.0',
      interactions: 7,
    });
    expect(served.warnings).toEqual([
      'generated-pacts/frontend-app-authoring-cms.json: left out, its provider is cms, not lms (--provider)',
      'generated-pacts/openedx-lms-contracts-ci-pact-broker.json: left out, its provider is pact-broker, not lms (--provider)',
    ]);
    expect(Date.parse(served.loadedAt)).not.toBeNaN();
    expect(served.lastReload).toBeNull();
    expect(served.personasFile).toBe('stub/personas/default.yaml');
  });

  it('GET /__stub/served after reloads: the last one, good or failed', async () => {
    const runtime = stub.server.runtime;
    runtime.reloadFailed('generated-pacts/x.json', 'Failed to load pact x.json: not valid JSON.');
    let served = (await send('GET', `${stub.url}/__stub/served`)).json();
    expect(served.lastReload).toMatchObject({ changed: 'generated-pacts/x.json', ok: false });
    expect(served.lastReload.error).toMatch(/not valid JSON/);

    const again = loadServedSet({
      pacts: ['generated-pacts'],
      personasFile: DEFAULT_PERSONAS,
      profile: genericProfile('lms'),
      cwd: REPO_ROOT,
    });
    stub.server.replace(again, 'generated-pacts/x.json');
    served = (await send('GET', `${stub.url}/__stub/served`)).json();
    expect(served.lastReload).toMatchObject({ changed: 'generated-pacts/x.json', ok: true });
    expect(served.loadedAt).toBe(served.lastReload.at);
  });

  it('GET /__stub/persona: each persona with its enrollments and course names', async () => {
    const { personas } = (await send('GET', `${stub.url}/__stub/persona`)).json();
    const byName = new Map(personas.map((p: { name: string }) => [p.name, p]));
    expect(byName.get('audit-learner')).toMatchObject({
      user: { username: 'audit' },
      enrollments: [
        {
          course_id: 'course-v1:edX+DemoX+Demo_Course',
          course_name: 'Demonstration Course',
          mode: 'audit',
        },
      ],
    });
    expect(byName.get('anonymous')).toMatchObject({ user: null, enrollments: [] });
  });

  it('GET /__stub/coverage: each interaction with its endpoint; the journal keeps state parameters', async () => {
    await send('GET', `${stub.url}/api/learner_home/init`, { 'USE-JWT-COOKIE': 'true' });
    const rows = (await send('GET', `${stub.url}/__stub/coverage`)).json().interactions;
    expect(rows.find((r: { hits: number }) => r.hits > 0)).toMatchObject({
      method: 'GET',
      path: '/api/learner_home/init',
      consumer: 'frontend-app-learner-dashboard',
    });
    const [, entry] = (await send('GET', `${stub.url}/__stub/requests`)).json().entries;
    expect(entry).toMatchObject({
      url: '/api/learner_home/init',
      // The default persona is enrolled in two courses: both are in the parameters served.
      stateParams: {
        username: 'verified',
        first_course_id: 'course-v1:edX+DemoX+Demo_Course',
        second_course_id: 'course-v1:OpenedX+Stub101+2026_T1',
      },
    });
  });
});

/** Opens GET /__stub/events and collects its events until `close()`. */
function openEvents(headers: Record<string, string> = {}) {
  const events: Array<{ event: string; data: string }> = [];
  let buffer = '';
  let raw = '';
  let ended: () => void = () => undefined;
  const end = new Promise<void>((resolve) => {
    ended = resolve;
  });
  let response: http.IncomingMessage | undefined;
  const request = http.get(`${stub.url}/__stub/events`, { headers });
  const opened = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.on('response', (res) => {
      response = res;
      res.setEncoding('utf8');
      res.on('end', () => ended());
      res.on('data', (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) events.push({ event, data });
          end = buffer.indexOf('\n\n');
        }
      });
      resolve(res);
    });
    request.on('error', reject);
  });
  const waitFor = async (test: () => boolean) => {
    for (let i = 0; i < 200 && !test(); i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(test()).toBe(true);
  };
  return {
    events,
    opened,
    waitFor,
    /** The whole body, once the server ended it. */
    text: async () => {
      await end;
      return raw;
    },
    close: () => {
      response?.destroy();
      request.destroy();
    },
  };
}

describe('GET /__stub/events', () => {
  it('streams each request as it is answered, then resets and reloads', async () => {
    const stream = openEvents({ Host: `localhost:${stub.port}` });
    try {
      const res = await stream.opened;
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();

      await send('GET', `${stub.url}/api/nowhere?x=1`);
      await stream.waitFor(() => stream.events.some((e) => e.event === 'request'));
      const entry = JSON.parse(stream.events[0]?.data ?? '{}');
      expect(entry).toMatchObject({
        url: '/api/nowhere?x=1',
        status: 404,
        outcome: 'unmatched',
        problem: { code: 'NO_INTERACTION_MATCHED' },
      });
      expect(typeof entry.seq).toBe('number');
      expect(Date.parse(entry.time)).not.toBeNaN();

      await send('POST', `${stub.url}/__stub/reset`, { 'Content-Type': 'application/json' }, '{}');
      await stream.waitFor(() => stream.events.some((e) => e.event === 'reset'));
      stub.server.runtime.reloadFailed('x.json', 'broken');
      await stream.waitFor(() => stream.events.some((e) => e.event === 'served'));
    } finally {
      stream.close();
    }
  });

  it('tells the page when the active persona or state changes, from the core', async () => {
    const stream = openEvents({ Host: `localhost:${stub.port}` });
    try {
      await stream.opened;
      const post = (route: string, body: string) =>
        send('POST', `${stub.url}/__stub/${route}`, { 'Content-Type': 'application/json' }, body);

      await post('persona', '{"persona":"staff"}');
      await post('state', '{"state":"user tours are disabled"}');
      await stream.waitFor(() => stream.events.filter((e) => e.event === 'selection').length === 2);
      expect(
        stream.events.filter((e) => e.event === 'selection').map((e) => JSON.parse(e.data)),
      ).toEqual([
        { persona: 'staff', state: null },
        { persona: 'staff', state: { name: 'user tours are disabled' } },
      ]);
    } finally {
      stream.close();
    }
  });

  it('stops following the journal when the page goes away', async () => {
    const { events } = stub.server.runtime.core;
    const stream = openEvents({ Host: `localhost:${stub.port}` });
    await stream.opened;
    expect(events.listening).toBe(1);
    stream.close();
    await stream.waitFor(() => events.listening === 0);
  });

  it('drops entries for a reader too slow to take them, then tells it to read the list again', async () => {
    const { recorder } = stub.server.runtime.core;
    const stream = openEvents({ Host: `localhost:${stub.port}` });
    try {
      const res = await stream.opened;
      res.pause();
      // 300 entries of 16 KiB each (4.8 MB): more than the stream buffers for one reader.
      const body = 'x'.repeat(16 * 1024);
      for (let i = 0; i < 300; i += 1)
        recorder.record({
          timeMs: Date.now(),
          method: 'POST',
          url: `/slow/${i}`,
          status: 404,
          durationMs: 1,
          persona: 'verified-learner',
          outcome: 'unmatched',
          request: { headers: {}, body, bodyBytes: body.length },
        });
      res.resume();
      // Once the reader caught up, the next entry comes after a resync.
      await stream.waitFor(() => stream.events.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await send('GET', `${stub.url}/api/after-the-flood`);
      await stream.waitFor(() =>
        stream.events.some((e) => e.data.includes('/api/after-the-flood')),
      );
      const kinds = stream.events.map((e) => e.event);
      expect(kinds.filter((k) => k === 'request').length).toBeLessThan(301);
      expect(kinds.slice(-2)).toEqual(['resync', 'request']);
    } finally {
      stream.close();
    }
  });

  it.each([
    [
      'another origin',
      { Host: 'localhost:PORT', Origin: 'http://localhost:2999' },
      /not for http:\/\/localhost:2999/,
    ],
    [
      'a cross-site fetch',
      { Host: 'localhost:PORT', 'Sec-Fetch-Site': 'cross-site' },
      /cross-site page/,
    ],
    [
      'a Host that is not the stub (DNS rebinding)',
      { Host: 'rebind.example.com:PORT' },
      /only a Host that names this stub/,
    ],
  ])('refuses %s', async (_what, raw, message) => {
    const headers = Object.fromEntries(
      Object.entries(raw).map(([name, value]) => [name, value.replace('PORT', String(stub.port))]),
    );
    const stream = openEvents(headers);
    try {
      const res = await stream.opened;
      expect(res.statusCode).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(JSON.parse(await stream.text())).toMatchObject({
        code: 'ORIGIN_NOT_ALLOWED',
        detail: expect.stringMatching(message),
      });
    } finally {
      stream.close();
    }
  });
});
