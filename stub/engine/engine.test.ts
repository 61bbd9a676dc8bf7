import {
  bodyRulePact,
  personas,
  v2Pact,
  v2RegexPathPact,
  v3Pact,
  v4Pact,
} from './__fixtures__/pacts';
import { createEngine } from './engine';
import { PactLoadError, readPact } from './pact-file';
import { parseQueryString } from './request';
import type { HandleResult, StubRequest } from './types';

const NOW = new Date('2026-03-10T12:00:00Z');
const context = { baseUrl: 'http://localhost:18000', now: NOW };

const request = (
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): StubRequest => {
  const [path = '/', search = ''] = url.split('?');
  return {
    method,
    path,
    query: parseQueryString(search),
    headers,
    ...(body !== undefined && { body }),
  };
};

function engineFor(...docs: unknown[]) {
  return createEngine({
    pacts: docs.map((doc, i) => readPact(doc, `pact-${i}.json`)),
    personas: personas(),
  });
}

function matched(result: HandleResult) {
  if (result.kind !== 'matched')
    throw new Error(`expected a match, got ${JSON.stringify(result.problem, null, 2)}`);
  const isJson = /json/.test(result.response.headers['Content-Type']?.[0] ?? '');
  return { ...result, json: isJson ? JSON.parse(String(result.response.body)) : undefined };
}

describe('readPact', () => {
  it('reads V2, V3 and V4 documents and keeps message interactions out', () => {
    // Act
    const v2 = readPact(v2Pact, 'v2.json');
    const v3 = readPact(v3Pact, 'v3.json');
    const v4 = readPact(v4Pact, 'v4.json');

    // Assert
    expect([v2.specification, v3.specification, v4.specification]).toEqual([
      '2.0.0',
      '3.0.0',
      '4.0',
    ]);
    expect(v2.interactions.map((i) => i.request.method)).toEqual(['GET', 'GET']);
    expect(v2.interactions[0]?.request.query).toEqual({ q: ['hello world'], page: ['2'] });
    expect(v2.interactions[0]?.providerStates).toEqual([
      { name: 'the MFE config API is enabled', params: {} },
    ]);
    expect(v4.interactions).toHaveLength(4);
    expect(v4.skipped).toBe(1);
  });

  it('names the file, the interaction and the rule it does not support', () => {
    // Arrange
    const doc = bodyRulePact({ a: 1 }, { '$.a': { matchers: [{ match: 'equalsIgnoreOrder' }] } });

    // Act
    const error = (() => {
      try {
        readPact(doc, 'generated-pacts/bad.json');
      } catch (e) {
        return e;
      }
    })();

    // Assert
    expect(error).toBeInstanceOf(PactLoadError);
    expect((error as PactLoadError).message).toBe(
      'generated-pacts/bad.json (interaction "a body with rules") at ' +
        "$.interactions[0].request.matchingRules.body['$.a'].matchers[0].match: unsupported matcher 'equalsIgnoreOrder' " +
        '(the stub supports equality, regex, type (min/max), integer, decimal, number, boolean, null, include, date, time, datetime/timestamp, values, notEmpty, semver, eachKey, eachValue, arrayContains, statusCode, contentType)',
    );
  });

  it.each([
    [
      { consumer: { name: 'c' }, provider: {}, interactions: [] },
      '$.provider.name',
      'expected a string',
    ],
    [
      { consumer: { name: 'c' }, provider: { name: 'p' } },
      '$.interactions',
      'a pact needs an "interactions" list',
    ],
    [
      {
        consumer: { name: 'c' },
        provider: { name: 'p' },
        interactions: [
          { description: 'd', request: { method: 'GET', path: '/' }, response: { status: 999 } },
        ],
      },
      '$.interactions[0].response.status',
      "'999' is not an HTTP status",
    ],
    [
      bodyRulePact({}, { '$.a': { matchers: [{ match: 'regex', regex: '([a-z' }] } }),
      "$.interactions[0].request.matchingRules.body['$.a'].matchers[0].regex",
      'is not a valid Pact regular expression',
    ],
    [
      bodyRulePact({}, { '$.a': { matchers: [{ match: 'datetime', format: 'yyyy-ww' }] } }),
      "$.interactions[0].request.matchingRules.body['$.a'].matchers[0].format",
      "unsupported date/time format: the pattern letter 'w'",
    ],
    [
      bodyRulePact({}, {}, { generators: { body: { '$.a': { type: 'Fancy' } } } }),
      "$.interactions[0].request.generators.body['$.a'].type",
      "unsupported generator 'Fancy'",
    ],
  ])('rejects a malformed pact at the JSON path of the fault (%#)', (doc, at, reason) => {
    // Act / Assert
    expect(() => readPact(doc, 'x.json')).toThrow(
      expect.objectContaining({ at, reason: expect.stringContaining(reason) }),
    );
  });
});

describe('matching', () => {
  it('serves a V2 interaction by method, path, query and header, ignoring headers it does not name', () => {
    // Arrange
    const engine = engineFor(v2Pact);

    // Act
    const result = engine.handle(
      request('GET', '/api/search?q=hello%20world&page=2', {
        accept: 'application/json',
        'x-extra': 'ignored',
      }),
      context,
    );

    // Assert
    expect(matched(result).json).toEqual({ hits: [1, 2] });
  });

  it('compares header names case-insensitively but still requires the named headers', () => {
    // Arrange
    const engine = engineFor(v2Pact);

    // Act
    const withHeader = engine.handle(
      request('GET', '/api/search?q=hello+world&page=2', { accept: 'application/json' }),
      context,
    );
    const without = engine.handle(request('GET', '/api/search?q=hello+world&page=2'), context);

    // Assert
    expect(withHeader.kind).toBe('matched');
    expect(without.kind).toBe('unmatched');
  });

  it('treats unexpected query parameters as a mismatch, as Pact does', () => {
    // Arrange
    const engine = engineFor(v2Pact);

    // Act
    const result = engine.handle(
      request('GET', '/api/search?q=hello+world&page=2&x=1', { accept: 'application/json' }),
      context,
    );

    // Assert
    expect(result.kind).toBe('unmatched');
    expect(JSON.stringify(result)).toContain('unexpected query parameter x');
  });

  it('matches a V2 regex path rule and a V3 form body with a regex field rule', () => {
    // Arrange
    const engine = engineFor(v2RegexPathPact, v3Pact);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };

    // Act
    const regexPath = engine.handle(request('GET', '/api/things/12345'), context);
    const goodForm = engine.handle(
      request('POST', '/event', form, 'page=dashboard&event_type=page_view'),
      context,
    );
    const badForm = engine.handle(
      request('POST', '/event', form, 'event_type=page_view&page=Dash-1'),
      context,
    );

    // Assert
    expect(regexPath.kind).toBe('matched');
    expect(goodForm.kind).toBe('matched');
    expect(badForm.kind).toBe('unmatched');
    expect(JSON.stringify(badForm)).toContain(
      "form field page: 'Dash-1' does not match /^[a-z]+$/",
    );
  });

  it('binds a ProviderState path template segment, URL-decoded, for a course key', () => {
    // Arrange
    const engine = engineFor(v4Pact);

    // Act
    const encoded = engine.handle(
      request('GET', '/api/course_home/outline/course-v1%3AedX%2BDemoX%2BDemo_Course'),
      context,
    );

    // Assert
    const result = matched(encoded);
    expect(result.stateParams).toMatchObject({
      course_id: 'course-v1:edX+DemoX+Demo_Course',
      mode: 'verified',
    });
    expect(result.json).toEqual({ title: 'Demo', mode: 'verified' });
  });

  it('answers a malformed JSON body or a bad percent-encoding with MALFORMED_REQUEST', () => {
    // Arrange
    const engine = engineFor(v4Pact);

    // Act
    const badJson = engine.handle(
      request('POST', '/x', { 'content-type': 'application/json' }, '{"a":'),
      context,
    );
    const badPath = engine.handle(request('GET', '/api/%E0%A4%A'), context);

    // Assert
    expect(badJson).toMatchObject({
      kind: 'bad-request',
      problem: { status: 400, code: 'MALFORMED_REQUEST' },
    });
    expect(badPath).toMatchObject({
      kind: 'bad-request',
      problem: { status: 400, code: 'MALFORMED_REQUEST' },
    });
  });
});

describe('selection by persona and provider state', () => {
  it("prefers the interaction whose states the persona satisfies and fills the response from the persona's values", () => {
    // Arrange
    const engine = engineFor(v4Pact);

    // Act
    const result = matched(engine.handle(request('GET', '/api/user/v1/accounts/vera'), context));

    // Assert: the 404 interaction needs a request state and is not chosen.
    expect(result.interaction.description).toBe("the logged-in user's account");
    expect(result.tier).toBe('persona');
    expect(result.json).toEqual({
      username: 'vera',
      id: 8,
      profile: 'http://localhost:18000/u/vera',
      joined: '2026-03-09',
    });
  });

  it("serves another persona's own values, and refuses a path naming someone else", () => {
    // Arrange
    const engine = engineFor(v4Pact);

    // Act
    const own = matched(
      engine.handle(request('GET', '/api/user/v1/accounts/sam'), { ...context, persona: 'staff' }),
    );
    const other = engine.handle(request('GET', '/api/user/v1/accounts/vera'), {
      ...context,
      persona: 'staff',
    });

    // Assert
    expect(own.json).toMatchObject({ username: 'sam', id: 3 });
    expect(other.kind).toBe('unmatched');
    expect(JSON.stringify(other)).toContain(
      `the path gives username='vera' but persona 'staff' has 'sam'`,
    );
  });

  it('serves a request state when asked by name, with the path value as its parameter', () => {
    // Arrange
    const engine = engineFor(v4Pact);

    // Act
    const result = matched(
      engine.handle(request('GET', '/api/user/v1/accounts/nobody'), {
        ...context,
        state: { name: 'no account exists for the username' },
      }),
    );

    // Assert
    expect(result.response.status).toBe(404);
    expect(result.tier).toBe('override');
    expect(result.stateParams).toMatchObject({ username: 'nobody', user_id: 8 });
  });

  it('rejects an override that names a state no interaction declares', () => {
    // Arrange
    const engine = engineFor(v4Pact);

    // Act
    const result = engine.handle(request('GET', '/heartbeat'), {
      ...context,
      state: { name: 'a typo' },
    });

    // Assert
    expect(result).toMatchObject({
      kind: 'bad-request',
      problem: { code: 'UNKNOWN_PROVIDER_STATE' },
    });
  });

  it('falls back to stateless interactions, and refuses to answer for a persona the file lacks', () => {
    // Arrange
    const engine = engineFor(v4Pact);

    // Act
    const stateless = matched(
      engine.handle(request('GET', '/heartbeat'), { ...context, persona: 'anonymous' }),
    );
    const unknown = () =>
      engine.handle(request('GET', '/heartbeat'), { ...context, persona: 'ghost' });

    // Assert
    expect(stateless.tier).toBe('stateless');
    expect(stateless.response.body).toBe('OK');
    expect(stateless.response.headers).toEqual({ 'Content-Type': ['text/plain'] });
    // The front door checks the name first (stub/front-door/selection.ts): a caller that
    // did not is told so, rather than answered for nobody.
    expect(unknown).toThrow(/persona 'ghost', which its persona file does not define/);
  });

  it('needs one consistent set of persona values across states (the enrolled course must exist)', () => {
    // Arrange
    const engine = engineFor(v4Pact);

    // Act: vera is not enrolled in the second course, so the outline interaction does not apply.
    const result = engine.handle(
      request('GET', '/api/course_home/outline/course-v1:Org+Two+2026'),
      context,
    );

    // Assert
    expect(result.kind).toBe('unmatched');
    expect(JSON.stringify(result)).toContain("the path gives course_id='course-v1:Org+Two+2026'");
  });

  it('prefers the interaction recorded for values closest to the persona (verified over audit)', () => {
    // Arrange: the same request recorded for two enrollments, told apart only by their params.
    const outline = v4Pact.interactions[2] as unknown as {
      providerStates: Array<{ params: Record<string, unknown> }>;
      response: { body: { content: object } };
    };
    const audit = structuredClone(outline);
    (audit.providerStates[1] as { params: Record<string, unknown> }).params.mode = 'audit';
    audit.response.body.content = { title: 'Demo', mode: 'audit', upgrade: true };
    const doc = structuredClone(v4Pact);
    doc.interactions.unshift({ ...audit, description: 'an audit outline' } as never);
    const engine = engineFor(doc);

    // Act
    const result = matched(
      engine.handle(
        request('GET', '/api/course_home/outline/course-v1:edX+DemoX+Demo_Course'),
        context,
      ),
    );

    // Assert
    expect(result.interaction.description).toBe('a course outline');
    expect(result.json).toEqual({ title: 'Demo', mode: 'verified' });
  });

  it('answers a tie between different responses with the first in pact order, marked (pact-stub-server does the same)', () => {
    // Arrange
    const twin = structuredClone(v4Pact);
    const first = twin.interactions[3] as { description: string; response: { status: number } };
    twin.interactions.push({
      ...structuredClone(first),
      description: 'another health check',
      response: { ...first.response, status: 503 },
    } as never);
    const engine = engineFor(twin);

    // Act
    const result = engine.handle(request('GET', '/heartbeat'), context);

    // Assert
    expect(result).toMatchObject({
      kind: 'matched',
      interaction: { description: first.description },
      response: { status: first.response.status },
    });
    expect(result.kind === 'matched' && result.ambiguity?.candidates).toHaveLength(2);
    expect(result.kind === 'matched' && result.ambiguity?.warning).toContain(
      'answered with the first in pact order',
    );
  });

  it('refuses a tie with a 409 (never a 5xx) when asked to (--strict)', () => {
    // Arrange
    const twin = structuredClone(v4Pact);
    const first = twin.interactions[3] as { description: string; response: { status: number } };
    twin.interactions.push({
      ...structuredClone(first),
      description: 'another health check',
      response: { ...first.response, status: 503 },
    } as never);
    const engine = createEngine({
      pacts: [readPact(twin, 'pact-0.json')],
      personas: personas(),
      ambiguity: 'refuse',
    });

    // Act
    const result = engine.handle(request('GET', '/heartbeat'), context);

    // Assert
    expect(result).toMatchObject({
      kind: 'ambiguous',
      problem: { status: 409, code: 'AMBIGUOUS_INTERACTION' },
    });
    expect(result.kind === 'ambiguous' && result.problem.candidates).toHaveLength(2);
  });

  it('does not call identical answers from two pacts a tie', () => {
    // Arrange
    const engine = engineFor(v4Pact, { ...v4Pact, consumer: { name: 'other-mfe' } });

    // Act
    const result = engine.handle(request('GET', '/heartbeat'), context);

    // Assert
    expect(matched(result).interaction.source).toBe('pact-0.json');
  });

  it('serves only the pacts of the chosen provider', () => {
    // Arrange
    const broker = { ...v2Pact, provider: { name: 'pact-broker' } };
    const engine = createEngine({
      pacts: [readPact(broker, 'b.json'), readPact(v4Pact, 'l.json')],
      personas: personas(),
      provider: 'lms',
    });

    // Act / Assert
    expect(engine.pacts.map((p) => p.source)).toEqual(['l.json']);
    expect(engine.ignoredPacts.map((p) => p.source)).toEqual(['b.json']);
  });
});

describe('unmatched requests', () => {
  it('name the three closest interactions with the first reasons each did not match', () => {
    // Arrange
    const engine = engineFor(v2Pact, v4Pact);

    // Act
    const result = engine.handle(request('GET', '/api/search?q=x'), context);

    // Assert
    expect(result.kind).toBe('unmatched');
    if (result.kind !== 'unmatched') return;
    expect(result.problem).toMatchObject({
      status: 404,
      code: 'NO_INTERACTION_MATCHED',
      persona: 'learner',
    });
    const closest = result.problem.closest as Array<{ description: string; reasons: string[] }>;
    expect(closest).toHaveLength(3);
    expect(closest[0]).toEqual(
      expect.objectContaining({
        description: 'a v2 search',
        reasons: [
          "query q: expected 'hello world' but got 'x'",
          "missing query parameter page (expected '2')",
          "missing header Accept (expected 'application/json')",
        ],
      }),
    );
  });
});

describe('generators', () => {
  it('fills random, regex, uuid and date values where the pact asks for them', () => {
    // Arrange
    const doc = {
      consumer: { name: 'gen' },
      provider: { name: 'lms' },
      interactions: [
        {
          type: 'Synchronous/HTTP',
          description: 'generated values',
          request: { method: 'GET', path: '/generated' },
          response: {
            status: 200,
            headers: { Location: ['http://localhost:1234/next'] },
            body: {
              content: {
                n: 0,
                d: 0.5,
                hex: '',
                s: '',
                b: false,
                token: '',
                id: '',
                when: '',
                at: '',
                items: [{ id: 0 }, { id: 0 }],
              },
              contentType: 'application/json',
              encoded: false,
            },
            generators: {
              header: {
                Location: {
                  type: 'MockServerURL',
                  example: 'http://localhost:1234/next',
                  regex: '.*(/next)$',
                },
              },
              body: {
                '$.n': { type: 'RandomInt', min: 5, max: 9 },
                '$.d': { type: 'RandomDecimal', digits: 6 },
                '$.hex': { type: 'RandomHexadecimal', digits: 8 },
                '$.s': { type: 'RandomString', size: 12 },
                '$.b': { type: 'RandomBoolean' },
                '$.token': { type: 'Regex', regex: '^[A-Z]{3}-\\d{4}$' },
                '$.id': { type: 'Uuid' },
                '$.when': {
                  type: 'DateTime',
                  format: "yyyy-MM-dd'T'HH:mm:ss'Z'",
                  expression: '+ 1 hour',
                },
                '$.at': { type: 'Time', format: 'HH:mm' },
                '$.items[*].id': { type: 'RandomInt', min: 1, max: 3 },
              },
            },
          },
        },
      ],
      metadata: { pactSpecification: { version: '4.0' } },
    };
    const engine = engineFor(doc);

    // Act
    const result = matched(engine.handle(request('GET', '/generated'), context));

    // Assert
    const body = result.json;
    expect(body.n).toBeGreaterThanOrEqual(5);
    expect(body.n).toBeLessThanOrEqual(9);
    expect(Number.isInteger(body.d)).toBe(false);
    expect(body.hex).toMatch(/^[0-9a-f]{8}$/);
    expect(body.s).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(typeof body.b).toBe('boolean');
    expect(body.token).toMatch(/^[A-Z]{3}-\d{4}$/);
    expect(body.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(body.when).toBe('2026-03-10T13:00:00Z');
    expect(body.at).toBe('12:00');
    for (const item of body.items) expect([1, 2, 3]).toContain(item.id);
    expect(result.response.headers.Location).toEqual(['http://localhost:18000/next']);
  });

  it('keeps the example and warns when a ProviderState expression has no value', () => {
    // Arrange
    const doc = structuredClone(v4Pact);
    (doc.interactions[3] as { response: Record<string, unknown> }).response = {
      status: 200,
      body: { content: { who: 'x' }, contentType: 'application/json', encoded: false },
      generators: { body: { '$.who': { type: 'ProviderState', expression: '${nobody_knows}' } } },
    };
    const engine = engineFor(doc);

    // Act
    const result = matched(engine.handle(request('GET', '/heartbeat'), context));

    // Assert
    expect(result.json).toEqual({ who: 'x' });
    expect(result.warnings).toEqual([
      'body $.who: no value for ${nobody_knows} in the provider-state parameters: kept the example "x"',
    ]);
  });
});

describe('answers kept between requests', () => {
  const profileDoc = {
    consumer: { name: 'kept' },
    provider: { name: 'lms' },
    interactions: [
      {
        type: 'Synchronous/HTTP',
        description: 'who am I, and when',
        providerStates: [{ name: 'a user is logged in', params: { username: 'vera' } }],
        request: { method: 'GET', path: '/me' },
        response: {
          status: 200,
          body: {
            content: { user: 'vera', at: '', link: 'http://localhost:9999/u/vera' },
            contentType: 'application/json',
            encoded: false,
          },
          generators: {
            body: {
              '$.user': { type: 'ProviderState', expression: '${username}' },
              '$.at': { type: 'DateTime', format: "yyyy-MM-dd'T'HH:mm:ss'Z'" },
              '$.link': {
                type: 'MockServerURL',
                example: 'http://localhost:9999/u/vera',
                regex: '.*(\\/u\\/.*)$',
              },
            },
          },
        },
      },
    ],
    metadata: { pactSpecification: { version: '4.0' } },
  };
  const me = request('GET', '/me');

  afterEach(() => {
    jest.useRealTimers();
  });

  it('fills a date-time generator afresh on every request, from the given time or the clock', () => {
    // Arrange
    const engine = engineFor(profileDoc);
    const at = (now?: Date) =>
      matched(engine.handle(me, { baseUrl: context.baseUrl, ...(now && { now }) })).json.at;

    // Act
    const given = [at(NOW), at(new Date('2026-03-10T12:00:07Z'))];
    jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const first = at();
    jest.setSystemTime(new Date('2030-01-01T00:00:42Z'));
    const second = at();

    // Assert
    expect(given).toEqual(['2026-03-10T12:00:00Z', '2026-03-10T12:00:07Z']);
    expect([first, second]).toEqual(['2030-01-01T00:00:00Z', '2030-01-01T00:00:42Z']);
  });

  it("fills the persona's values after a persona switch, and the first one's after switching back", () => {
    // Arrange
    const engine = engineFor(profileDoc, v4Pact);
    const ask = (persona: string, path: string) =>
      matched(engine.handle(request('GET', path), { ...context, persona })).json;

    // Act
    const answers = [
      ask('learner', '/me').user,
      ask('staff', '/me').user,
      ask('learner', '/me').user,
      ask('learner', '/api/user/v1/accounts/vera').username,
      ask('staff', '/api/user/v1/accounts/sam').username,
      ask('learner', '/api/user/v1/accounts/vera').username,
    ];

    // Assert
    expect(answers).toEqual(['vera', 'sam', 'vera', 'vera', 'sam', 'vera']);
  });

  it('points mock-server URLs at each base URL the requests come in on', () => {
    // Arrange
    const engine = engineFor(profileDoc);
    const link = (baseUrl: string) => matched(engine.handle(me, { baseUrl, now: NOW })).json.link;

    // Act
    const links = [
      link('http://localhost:18000'),
      link('http://127.0.0.1:18000'),
      link('http://stub.test:8080/'),
      link('http://localhost:18000'),
    ];

    // Assert
    expect(links).toEqual([
      'http://localhost:18000/u/vera',
      'http://127.0.0.1:18000/u/vera',
      'http://stub.test:8080/u/vera',
      'http://localhost:18000/u/vera',
    ]);
  });

  it('answers a state requested by name with the parameters of each request', () => {
    // Arrange
    const engine = engineFor(v4Pact);
    const state = { name: 'no account exists for the username' };

    // Act
    const usernames = ['ghost', 'phantom', 'ghost'].map(
      (name) =>
        matched(
          engine.handle(request('GET', `/api/user/v1/accounts/${name}`), { ...context, state }),
        ).json.username,
    );

    // Assert
    expect(usernames).toEqual(['ghost', 'phantom', 'ghost']);
  });

  it('keeps answering right after more path values than it keeps', () => {
    // Arrange
    const engine = engineFor(v4Pact);

    // Act
    const others = Array.from({ length: 300 }, (_, i) =>
      engine.handle(request('GET', `/api/user/v1/accounts/user${i}`), context),
    );
    const own = matched(engine.handle(request('GET', '/api/user/v1/accounts/vera'), context));
    const again = engine.handle(request('GET', '/api/user/v1/accounts/user0'), context);

    // Assert
    expect(new Set(others.map((r) => r.kind))).toEqual(new Set(['unmatched']));
    expect(own.json).toMatchObject({ username: 'vera', id: 8 });
    expect(JSON.stringify(again)).toContain(
      `the path gives username='user0' but persona 'learner' has 'vera'`,
    );
  });

  it('hands out kept answers frozen, so a caller cannot change the next answer', () => {
    // Arrange
    const engine = engineFor(v4Pact);
    const first = matched(engine.handle(request('GET', '/heartbeat'), context));

    // Act
    const changeHeaders = () => {
      first.response.headers['X-Changed'] = ['yes'];
    };
    const changeParams = () => {
      const account = matched(engine.handle(request('GET', '/api/user/v1/accounts/vera'), context));
      account.stateParams.username = 'mallory';
    };

    // Assert
    expect(changeHeaders).toThrow(TypeError);
    expect(changeParams).toThrow(TypeError);
    const next = matched(engine.handle(request('GET', '/heartbeat'), context));
    expect(next.response).toEqual({
      status: 200,
      headers: { 'Content-Type': ['text/plain'] },
      body: 'OK',
    });
    expect(
      matched(engine.handle(request('GET', '/api/user/v1/accounts/vera'), context)).json.username,
    ).toBe('vera');
  });
});
