/**
 * The transport-neutral front door, without a server or msw: plain requests in, answers and
 * records out, over the real engine and the platform's boot contracts.
 */
import { STATES } from '../../contracts/support/states';
import {
  createEngine,
  type HandleContext,
  type HandleResult,
  type Problem,
  type Responder,
  type StubRequest,
} from '../engine';
import { loadPacts } from '../load/pact-files';
import { loadPersonaFile } from '../load/personas';
import { lmsProfile } from '../profiles/lms';
import { DEFAULT_PERSONAS, PLATFORM_PACT, REPO_ROOT } from '../testing/start-stub';
import {
  type AnswerContext,
  answerRequest,
  type FrontDoorAnswer,
  refuse,
  splitTarget,
} from './answer';
import { explainProblem } from './explain';
import { problem } from './problems';
import { SESSION_COOKIE_NAME } from './session';
import { STATE_HEADER } from './state-header';

const personas = loadPersonaFile(DEFAULT_PERSONAS);
const engine = createEngine({ pacts: loadPacts([PLATFORM_PACT], REPO_ROOT), personas });
const routes = lmsProfile.routes?.({ personas: () => personas, allowRedirect: () => false });
const BASE = 'http://localhost:18000';

const context = (overrides: Partial<AnswerContext> = {}): AnswerContext => ({
  responder: engine,
  personas,
  routes,
  activePersona: 'verified-learner',
  activeState: undefined,
  baseUrl: BASE,
  ...overrides,
});

const request = (
  method: string,
  target: string,
  headers: Record<string, string> = {},
): StubRequest => {
  const split = splitTarget(method, target);
  if ('problem' in split) throw new Error(split.problem.detail);
  return { method, path: split.path, query: split.query, headers };
};

const session = (persona: string) => ({ cookie: `${SESSION_COOKIE_NAME}=${persona}` });

describe('answerRequest', () => {
  it('answers at once, without a promise, when the responder does', () => {
    // Act
    const answer = answerRequest(
      request('GET', '/csrf/api/v1/token', { 'use-jwt-cookie': 'true' }),
      context(),
    );

    // Assert
    expect(answer).not.toBeInstanceOf(Promise);
    const { response, record } = answer as FrontDoorAnswer;
    expect(response.status).toBe(200);
    expect(record).toMatchObject({
      outcome: 'matched',
      persona: 'verified-learner',
      interaction: { description: 'a request for a CSRF token' },
    });
  });

  it('answers for the login session persona over the active persona', async () => {
    // Act
    const { record } = await answerRequest(
      request('GET', '/api/user/v1/accounts/staff', {
        'use-jwt-cookie': 'true',
        ...session('staff'),
      }),
      context(),
    );

    // Assert
    expect(record).toMatchObject({ outcome: 'matched', persona: 'staff' });
    expect(record.stateParams).toMatchObject({ username: 'staff' });
  });

  it('refuses a bad X-Pact-Provider-State-Params header for the session persona, before the engine', async () => {
    // Arrange
    const asked: StubRequest[] = [];
    const spy: Responder = {
      handle: (req: StubRequest, ctx: HandleContext): HandleResult => {
        asked.push(req);
        return engine.handle(req, ctx);
      },
    };

    // Act
    const { response, record } = await answerRequest(
      request('GET', '/csrf/api/v1/token', {
        [STATE_HEADER]: STATES.userLoggedIn,
        'x-pact-provider-state-params': '{not json',
        ...session('audit-learner'),
      }),
      context({ responder: spy }),
    );

    // Assert
    expect(asked).toEqual([]);
    expect(response.status).toBe(400);
    expect(record).toMatchObject({
      outcome: 'bad-request',
      persona: 'audit-learner',
      problem: { code: 'INVALID_PROVIDER_STATE_PARAMS' },
    });
  });

  it('waits for a responder that answers with a promise (the reference engine)', async () => {
    // Arrange
    const later: Responder = { handle: (req, ctx) => Promise.resolve(engine.handle(req, ctx)) };

    // Act
    const answer = answerRequest(
      request('GET', '/csrf/api/v1/token', { 'use-jwt-cookie': 'true' }),
      context({ responder: later }),
    );

    // Assert
    expect(answer).toBeInstanceOf(Promise);
    expect((await answer).record.outcome).toBe('matched');
  });

  it('reports the session a login starts and a logout ends, and none for other answers', async () => {
    // Act
    const login = await answerRequest(request('GET', '/login?persona=staff'), context());
    const anonymous = await answerRequest(request('GET', '/login?persona=anonymous'), context());
    const logout = await answerRequest(request('GET', '/logout'), context());
    const unknown = await answerRequest(request('GET', '/login?persona=ghost'), context());
    const picker = await answerRequest(request('GET', '/login'), context());

    // Assert
    expect(login).toMatchObject({ session: 'staff', record: { outcome: 'auth' } });
    expect(anonymous.session).toBeNull();
    expect(logout.session).toBeNull();
    expect(unknown.session).toBeUndefined();
    expect(unknown.response.status).toBe(400);
    expect(picker.session).toBeUndefined();
    expect(picker.record).toEqual({
      outcome: 'auth',
      persona: 'verified-learner',
      note: 'persona picker',
    });
  });

  it('answers the refresh with the minted cookie and records the contract that answered', async () => {
    // Act
    const { response, record } = await answerRequest(
      request('POST', '/login_refresh', session('staff')),
      context(),
    );

    // Assert
    expect(response.status).toBe(200);
    const setCookie = Object.entries(response.headers).find(
      ([name]) => name.toLowerCase() === 'set-cookie',
    )?.[1];
    expect(setCookie?.[0]).toMatch(/^edx-jwt-cookie-header-payload=/);
    expect(record).toMatchObject({
      outcome: 'auth',
      persona: 'staff',
      interaction: { providerStates: [STATES.userLoggedIn] },
      note: expect.stringContaining('minted a JWT cookie for staff'),
    });
  });

  it('leaves the auth paths to the contracts for a backend whose profile has no routes', async () => {
    // Act
    const { record } = await answerRequest(
      request('POST', '/login_refresh', session('staff')),
      context({ routes: undefined }),
    );

    // Assert
    expect(record.outcome).toBe('matched');
    expect(record.note).toBeUndefined();
  });

  it('records an unmatched request with the problem and its closest interactions', async () => {
    // Act
    const { response, record } = await answerRequest(
      request('GET', '/api/user/v1/accounts/verified'),
      context(),
    );

    // Assert
    expect(response.status).toBe(404);
    expect(record.outcome).toBe('unmatched');
    expect(record.problem?.code).toBe('NO_INTERACTION_MATCHED');
    expect(record.problem?.closest).toBeDefined();
  });
});

describe('splitTarget and refuse', () => {
  it('splits path and query, and names the request in the problem of a broken query', () => {
    // Act
    const good = splitTarget('GET', '/api/mfe_config/v1?mfe=learning&x=a%20b');
    const bad = splitTarget('GET', '/api?mfe=%ZZ', 'http://localhost:18000/api?mfe=%ZZ');

    // Assert
    expect(good).toEqual({ path: '/api/mfe_config/v1', query: { mfe: ['learning'], x: ['a b'] } });
    expect(bad).toMatchObject({
      problem: {
        code: 'MALFORMED_REQUEST',
        detail: expect.stringMatching(/^GET http:\/\/localhost:18000\/api\?mfe=%ZZ: /),
      },
    });
  });

  it('refuses with a problem response and a bad-request record', () => {
    // Act
    const answer = refuse(problem('MALFORMED_REQUEST', 'no.'), 'staff');

    // Assert
    expect(answer.response.status).toBe(400);
    expect(answer.record).toEqual({
      outcome: 'bad-request',
      persona: 'staff',
      problem: expect.objectContaining({ code: 'MALFORMED_REQUEST' }),
    });
  });
});

describe('explainProblem', () => {
  const unmatched: Problem = {
    ...problem('NO_INTERACTION_MATCHED', 'No interaction of the 7 served matched.'),
    closest: [{ description: 'a request for a CSRF token', source: 'a.json', reasons: ['why'] }],
  };

  it('lists the same closest interactions in both forms', () => {
    // Act
    const terminal = explainProblem('GET', '/x', unmatched, 'terminal');
    const failure = explainProblem('GET', 'http://localhost:18000/x', unmatched, 'failure');

    // Assert
    expect(terminal.split('\n')[0]).toBe(
      '404 GET /x: no interaction matched the request (NO_INTERACTION_MATCHED).',
    );
    expect(failure.split('\n')[0]).toBe(
      '[stub] Failed to answer GET http://localhost:18000/x from the contracts: no interaction matched the request (NO_INTERACTION_MATCHED, 404).',
    );
    const candidates = ['  1. "a request for a CSRF token" (a.json)', '       - why'];
    expect(terminal.split('\n').slice(2)).toEqual(candidates);
    expect(failure.split('\n').slice(2, 4)).toEqual(candidates);
    expect(failure).toMatch(/Add a contract for this call/);
  });
});
