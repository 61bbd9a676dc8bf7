/**
 * Shared vocabulary of the contracts between this repository's CI pipeline and the Pact Broker:
 * the consumer name, the broker's provider states, pinned example values (so the pact file is
 * byte-reproducible), and the broker answers more than one contract uses.
 *
 * Answers follow the Pact Broker's own resource decorators (pact-foundation/pact_broker,
 * lib/pact_broker/api/decorators/*) as far as the `pact broker` CLI reads them. Links are
 * mock-server URLs (`url2(null, [...])`) so that a stub serving this pact rewrites them to its
 * own address, as the real broker writes its own base URL into every link.
 */
import path from 'node:path';
import type { PactV4 } from '@pact-foundation/pact';
import { MatchersV3 } from '@pact-foundation/pact';
import { type BrokerConnection, brokerConnection } from '../../ci/broker/config';
import { BROKER_PROVIDER, PIPELINE_CONSUMER } from '../../ci/broker/pact-files';
import { createPact } from '../support/pact';

const { like, regex, url2 } = MatchersV3;

export const pipelinePact = () =>
  createPact({ consumer: PIPELINE_CONSUMER, provider: BROKER_PROVIDER });

/**
 * States of the broker's data, each one set up through the broker's own API by
 * ci/broker-contract/states.ts when the contract is verified against a real Pact Broker
 * (`npm run pacts:verify-broker-contract`). Interactions without a state do not depend on what
 * the broker holds (the index, a refused login).
 */
export const BROKER_STATES = {
  noPact: 'the broker holds no pact for the consumer version',
  pactConflict: 'a pact with other content is already published for the consumer version',
  verified:
    'the lms version deployed to the environment has verified the pact of the consumer version',
  verificationFailed:
    'the lms version deployed to the environment failed to verify the pact of the consumer version',
  verificationPending:
    'the lms version deployed to the environment has not verified the pact of the consumer version',
  noProviderDeployed: 'no lms version is recorded as deployed to the environment',
  versionAndEnvironment: 'the consumer version and the environment exist',
  noEnvironment: 'the consumer version exists and the environment does not',
  webhookAbsent: 'the LMS verification webhook does not exist',
  webhookPresent: 'the LMS verification webhook exists',
  branchPact: 'the pact of the consumer version is the latest of its branch',
  deployedPact: 'the consumer version is recorded as deployed to the environment',
} as const;

/** Pinned examples: never the real git state, so the pact does not change with every commit. */
export const EXAMPLE = {
  consumer: 'frontend-platform',
  provider: 'lms',
  version: '5f3c8a1e9b7d2c4a6e8f0b1d3c5a7e9f1b3d5c7a',
  branch: 'main',
  buildUrl: 'https://github.com/openedx/openedx-lms-contracts/actions/runs/1234567890',
  environment: 'production',
  /** An example only: a broker assigns its own UUIDs, so requests that carry one take it from
   *  the provider state (`${environmentUuid}`). */
  environmentUuid: 'cb632df3-0a0d-4227-aac3-60114dd36479',
  providerVersion: '9e1d7c3b5a4f6e8d0c2b4a6f8e0d2c4b6a8f0e2d',
  providerBranch: 'master',
  /** A token, for the one interaction where a token meets a broker that uses basic auth. */
  token: 'ci-test-token',
} as const;

/**
 * The logins of the broker the contract describes: the open-source broker with basic auth, a
 * read-write user and a read-only user. Not secrets: the broker that verifies the contract (in
 * .ci/run and the GitHub workflow) is started with exactly these (`PACT_BROKER_BASIC_AUTH_*`).
 */
export const BROKER_USERS = {
  writer: { username: 'ci', password: 'ci-secret' },
  reader: { username: 'reader', password: 'reader-secret' },
} as const;

export const basicAuth = (user: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;

/** The env of a ci/ step logged in as a broker user. */
export const loginAs = (user: { username: string; password: string }) => ({
  PACT_BROKER_USERNAME: user.username,
  PACT_BROKER_PASSWORD: user.password,
});

/** Params of the verification states: what a broker would need to set them up. */
export const VERIFICATION_PARAMS = {
  consumer: EXAMPLE.consumer,
  consumer_version: EXAMPLE.version,
  provider: EXAMPLE.provider,
  provider_version: EXAMPLE.providerVersion,
  environment: EXAMPLE.environment,
};

/** Params of the states about one consumer version's pact. */
export const PACT_PARAMS = {
  consumer: EXAMPLE.consumer,
  consumer_version: EXAMPLE.version,
  branch: EXAMPLE.branch,
  provider: EXAMPLE.provider,
};

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

/** A small real LMS pact (one interaction of the frontend-platform pact), published and fetched
 *  by these contracts instead of the generated ones, so that this pact does not change whenever
 *  an LMS contract does. */
export const FIXTURE_PACT = path.join(__dirname, 'fixtures', 'frontend-platform-lms.json');

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
