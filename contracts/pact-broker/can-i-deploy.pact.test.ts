/** @jest-environment node */
/**
 * `ci/can-i-deploy.ts` against the Pact Broker: `pact broker can-i-deploy --to-environment`
 * queries the matrix of the consumer version against what is deployed there. The three answers
 * the step must tell apart: verified (yes), verification failed (no), verification still
 * pending (unknown, asked again while --retry-while-unknown allows).
 */

import { MatchersV3 } from '@pact-foundation/pact';
import { canIDeploy } from '../../ci/can-i-deploy';
import { settled } from '../support/interactions';
import {
  BROKER_STATES,
  EXAMPLE,
  GET_HEADERS,
  GIT_SHA,
  HAL_JSON,
  mockBroker,
  PACTICIPANT_NAME,
  pipelinePact,
  VERIFICATION_PARAMS,
} from './broker';

const { like, eachLike, regex, url2, integer } = MatchersV3;

const pact = pipelinePact();

const matrixQuery = {
  'q[][pacticipant]': regex(PACTICIPANT_NAME, EXAMPLE.consumer),
  'q[][version]': regex(GIT_SHA, EXAMPLE.version),
  latestby: 'cvpv',
  environment: EXAMPLE.environment,
};

const consumerRow = {
  name: like(EXAMPLE.consumer),
  version: { number: like(EXAMPLE.version), branch: like(EXAMPLE.branch) },
};

/** One matrix row as the broker's MatrixDecorator writes it; `verificationResult` is null while
 *  the provider has not verified the pact. */
function matrixBody(verified: boolean | null, reason: string) {
  const verificationUrl = url2(null, [
    'pacts',
    'provider',
    EXAMPLE.provider,
    'consumer',
    EXAMPLE.consumer,
    'pact-version',
    regex('[0-9a-f]{40}', 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'),
    'verification-results',
    regex('\\d+', '1'),
  ]);
  return {
    summary: {
      deployable: verified,
      reason: like(reason),
      success: integer(verified === true ? 1 : 0),
      failed: integer(verified === false ? 1 : 0),
      unknown: integer(verified === null ? 1 : 0),
    },
    matrix: eachLike({
      consumer: consumerRow,
      provider: {
        name: EXAMPLE.provider,
        version:
          verified === null
            ? null
            : { number: like(EXAMPLE.providerVersion), branch: like('master') },
      },
      verificationResult:
        verified === null
          ? null
          : {
              success: verified,
              verifiedAt: regex(
                '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00$',
                '2026-11-20T09:15:00+00:00',
              ),
              _links: { self: { href: verificationUrl } },
            },
    }),
  };
}

function askMatrix(state: string, verified: boolean | null, reason: string) {
  return pact
    .addInteraction()
    .given(state, VERIFICATION_PARAMS)
    .uponReceiving(
      'a request for the compatibility matrix of a consumer version and an environment',
    )
    .withRequest('GET', '/matrix', (request) => {
      request.query(matrixQuery);
      request.headers(GET_HEADERS);
    })
    .willRespondWith(200, (response) => {
      response.headers(HAL_JSON);
      response.jsonBody(matrixBody(verified, reason));
    });
}

const options = (url: string, retryWhileUnknown = 0) => ({
  pacticipant: EXAMPLE.consumer,
  version: EXAMPLE.version,
  environment: EXAMPLE.environment,
  retryWhileUnknown,
  retryIntervalSeconds: 1,
  connection: mockBroker(url),
});

describe('canIDeploy', () => {
  it('answers yes when the lms has verified the pact of the version', async () => {
    // Arrange
    await askMatrix(
      BROKER_STATES.verified,
      true,
      'All required verification results are published and successful',
    ).executeTest(
      settled(async (mockServer) => {
        // Act
        const answer = await canIDeploy(options(mockServer.url));

        // Assert
        expect(answer.deployable).toBe(true);
        expect(answer.rows[0]?.provider.version?.number).toBe(EXAMPLE.providerVersion);
      }),
    );
  });

  it('fails with the reason when the lms verification failed', async () => {
    // Arrange
    await askMatrix(
      BROKER_STATES.verificationFailed,
      false,
      `The verification for the pact between the latest version of ${EXAMPLE.consumer} and the version of ${EXAMPLE.provider} currently deployed to ${EXAMPLE.environment} failed`,
    ).executeTest(
      settled(async (mockServer) => {
        // Act
        const outcome = canIDeploy(options(mockServer.url));

        // Assert
        await expect(outcome).rejects.toThrow(
          /^\[ci\] Failed to check whether frontend-platform 5f3c8a1e\w+ can be deployed to production: the broker says no \(The verification .* failed\)\. lms failed to verify this version's pact/,
        );
      }),
    );
  });

  it('asks again while the verification is pending, then fails saying it is pending', async () => {
    // Arrange
    await askMatrix(
      BROKER_STATES.verificationPending,
      null,
      `There is no verified pact between the latest version of ${EXAMPLE.consumer} and the version of ${EXAMPLE.provider} currently deployed to ${EXAMPLE.environment}`,
    ).executeTest(
      settled(async (mockServer) => {
        // Act
        const outcome = canIDeploy(options(mockServer.url, 1));

        // Assert
        await expect(outcome).rejects.toThrow(
          /the verification by lms is still pending after 1 retries \(There is no verified pact .*\)\. The LMS has not published a verification result/,
        );
      }),
    );
  });
});
