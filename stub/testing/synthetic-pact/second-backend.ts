/**
 * A small pact of a second backend (provider `synthetic-cms`, a stand-in for Studio until its
 * real pact exists) to test serving several backends from one `npm start`: one interaction
 * whose answer names the logged-in user (from the persona's state parameters), so a test can
 * tell which persona a request on the second port was answered for, and one stateless one.
 */
import { STATES } from '../../../vocabulary/openedx/states';
import { buildInteraction } from './interaction';
import { fromState } from './template';

export const SECOND_BACKEND = 'synthetic-cms';

export function secondBackendPact() {
  return {
    consumer: { name: 'synthetic-authoring' },
    interactions: [
      buildInteraction({
        description: 'a request for the home page of the logged-in user',
        given: [[STATES.userLoggedIn, { username: 'verified' }]],
        request: { method: 'GET', path: '/api/contentstore/v1/home' },
        response: {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
          body: { username: fromState('${username}', 'verified') },
        },
      }),
      buildInteraction({
        description: 'a request for the Studio heartbeat',
        given: [],
        request: { method: 'GET', path: '/heartbeat' },
        response: {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
          body: { ok: true },
        },
      }),
    ],
    metadata: { pactSpecification: { version: '4.0' } },
    provider: { name: SECOND_BACKEND },
  };
}
