/**
 * msw handlers for several backends at once (the LMS and a synthetic second provider standing
 * in for Studio): each base URL answered from its own provider's pacts, one login session, one
 * persona and one list of recorded calls for all.
 */
import { setupServer } from 'msw/node';
import { SECOND_BACKEND, secondBackendPact } from '../testing/synthetic-pact/second-backend';
import { createHandlers, LmsHandlersError } from './index';
import { shippedPacts } from './shipped';

const LMS = 'http://localhost:18000';
const SECOND = 'http://localhost:18010';
const pacts = [
  ...shippedPacts().map(({ source, doc }) => ({ source, pact: doc })),
  { source: 'second.json', pact: secondBackendPact() },
];
const stub = createHandlers({ pacts, backends: { lms: LMS, [SECOND_BACKEND]: SECOND } });
const server = setupServer(...stub.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => stub.reset());
afterAll(() => server.close());

const home = async () => {
  const response = await fetch(`${SECOND}/api/contentstore/v1/home`);
  return (await response.json()) as { username: string };
};

describe('createHandlers with several backends', () => {
  it("answers each base URL from its own provider's pacts", async () => {
    // Act
    const second = await fetch(`${SECOND}/heartbeat`);
    const lms = await fetch(`${LMS}/csrf/api/v1/token`, { headers: { 'USE-JWT-COOKIE': 'true' } });

    // Assert
    expect(second.status).toBe(200);
    expect(lms.status).toBe(200);
    expect(stub.engines.get(SECOND_BACKEND)?.interactions).toHaveLength(2);
    expect(stub.calls().map((call) => [call.backend, call.outcome])).toEqual([
      [SECOND_BACKEND, 'matched'],
      ['lms', 'matched'],
    ]);
  });

  it('logs in once: /login?persona= at the LMS is the persona on the other backend', async () => {
    // Arrange
    const before = await home();

    // Act
    const login = await fetch(`${LMS}/login?persona=staff`, { redirect: 'manual' });
    const after = await home();
    await fetch(`${LMS}/logout`);
    const loggedOut = await home();

    // Assert
    expect(login.status).toBe(200);
    expect(before.username).toBe('verified');
    expect(after.username).toBe('staff');
    // Logged out, the active persona (verified-learner) is who asks again.
    expect(loggedOut.username).toBe('verified');
  });

  it('switches persona for every backend with use()', async () => {
    // Act
    stub.use({ persona: 'staff' });

    // Assert
    expect((await home()).username).toBe('staff');
  });

  it('refuses to serve no backend at all', () => {
    // Act + Assert
    expect(() => createHandlers({ pacts, backends: {} })).toThrow(LmsHandlersError);
  });
});
