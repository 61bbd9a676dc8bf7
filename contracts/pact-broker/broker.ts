/**
 * What the contracts between this repository's broker clients and the Pact Broker share: the
 * pact (consumer and provider names from ci/), matchers for the broker's answers, and the answers
 * more than one contract uses. The provider states, pinned example values (so the pact file is
 * byte-reproducible) and logins are re-exported from vocabulary/pact-broker/.
 *
 * Answers follow the Pact Broker's own resource decorators (pact-foundation/pact_broker,
 * lib/pact_broker/api/decorators/*) as far as the `pact broker` CLI reads them. Links are
 * mock-server URLs (`url2(null, [...])`) so that a stub serving this pact rewrites them to its
 * own address, as the real broker writes its own base URL into every link.
 */
import type { PactV4 } from '@pact-foundation/pact';
import { MatchersV3 } from '@pact-foundation/pact';
import { type BrokerConnection, brokerConnection } from '../../ci/broker/config';
import { BROKER_PROVIDER, PIPELINE_CONSUMER } from '../../ci/broker/pact-files';
import { BROKER_USERS, basicAuth, loginAs } from '../../vocabulary/pact-broker/logins';
import { createPact } from '../support/pact';

// The states, pinned values and logins are the broker contract's vocabulary, shared with the
// state handler (ci/broker-contract/states.ts); re-exported so a contract imports one module.
export * from '../../vocabulary/pact-broker/logins';
export * from '../../vocabulary/pact-broker/states';

const { like, regex, url2 } = MatchersV3;

export const pipelinePact = () =>
  createPact({ consumer: PIPELINE_CONSUMER, provider: BROKER_PROVIDER });

/** A pacticipant name as this repository writes them (`frontend-platform`, `frontend-app-learning`). */
export const PACTICIPANT_NAME = '^[a-z0-9][a-z0-9-]*$';
export const GIT_SHA = '^[0-9a-f]{40}$';
/** How the CLI authenticates: a bearer token or basic auth (the example is what the verifier
 *  sends, so it is the broker's real login). */
export const authorization = (example: string = basicAuth(BROKER_USERS.writer)) =>
  regex('^(Bearer|Basic) \\S+$', example);

export const HAL_JSON = { 'Content-Type': 'application/hal+json;charset=utf-8' };
/** What the CLI sends on every GET. */
export const GET_HEADERS = { Accept: 'application/hal+json, application/json' };

/** The broker's index resource, with the relations the CLI follows. */
export function indexBody() {
  return {
    _links: {
      self: { href: url2(null, []), title: 'Index' },
      'pb:publish-contracts': {
        href: url2(null, ['contracts', 'publish']),
        title: 'Publish contracts',
        templated: false,
      },
      'pb:webhook': {
        href: url2(null, ['webhooks', regex('\\{uuid\\}', '{uuid}')]),
        title: 'Webhook',
        templated: true,
      },
      'pb:provider-pacts-for-verification': {
        href: url2(null, [
          'pacts',
          'provider',
          regex('\\{provider\\}', '{provider}'),
          'for-verification',
        ]),
        title: like('Pact versions to be verified for the specified provider'),
        templated: true,
      },
    },
  };
}

/** A connection to the Pact mock server, as the ci/ steps build it from the environment. */
export function mockBroker(
  mockServerUrl: string,
  credentials: Record<string, string> = loginAs(BROKER_USERS.writer),
): BrokerConnection {
  return brokerConnection({
    PATH: process.env.PATH,
    PACT_BROKER_BASE_URL: mockServerUrl,
    // The mock server answers at once; a retry would only hide a contract mismatch.
    PACT_BROKER_HTTP_RETRIES: '0',
    ...credentials,
  });
}

/** Collects what a step prints, to assert on the user-facing output. */
export function captureOutput(): { echo: (text: string) => void; text: () => string } {
  let output = '';
  return {
    echo: (text) => {
      output += text;
    },
    text: () => output,
  };
}

/** The index request of a CLI logged in as the read-write user. One builder for every file, as
 *  Pact merges interactions with the same description and state into one. */
export function withIndex(pact: PactV4) {
  return pact
    .addInteraction()
    .uponReceiving('a request for the index resource')
    .withRequest('GET', '/', (request) => {
      request.headers({ ...GET_HEADERS, Authorization: authorization() });
    })
    .willRespondWith(200, (response) => {
      response.headers(HAL_JSON);
      response.jsonBody(indexBody());
    });
}
