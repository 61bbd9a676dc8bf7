/**
 * Provider states of the contract between this repository's broker clients and the Pact Broker
 * (generated-pacts/openedx-lms-contracts-ci-pact-broker.json), with the pinned values they are set
 * up with. Shared by the consumer tests (contracts/pact-broker/) and the state handler that sets
 * each state up in a real broker when the contract is verified (ci/broker-contract/states.ts):
 * the same shape as the Open edX vocabulary (vocabulary/openedx/), so contracts/ and ci/ meet
 * here and ci/ never imports contracts/. Imports nothing from the repository.
 */
import path from 'node:path';

/**
 * States of the broker's data. Interactions without a state do not depend on what the broker
 * holds (the index, a refused login).
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

/** A small real LMS pact (one interaction of the frontend-platform pact): the states publish it
 *  and the contracts expect it back, instead of the generated ones, so that the broker pact does
 *  not change whenever an LMS contract does. */
export const FIXTURE_PACT = path.join(__dirname, 'fixtures', 'frontend-platform-lms.json');
