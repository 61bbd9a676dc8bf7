/** @jest-environment node */
/**
 * `ci/can-i-deploy.ts` against the Pact Broker: `pact broker can-i-deploy --to-environment`
 * queries the matrix of the consumer version against what is deployed there. The answers the
 * step must tell apart: verified (yes), verification failed (no), verification still pending
 * (unknown, asked again while --retry-while-unknown allows), no LMS version deployed at all
 * (unknown, but asking again cannot help), and an environment the broker does not know.
 */

import { MatchersV3 } from '@pact-foundation/pact';
import { canIDeploy } from '../../ci/can-i-deploy';
import { settled } from '../support/interactions';
import {
  authorization,
  BROKER_STATES,
  captureOutput,
  EXAMPLE,
  GET_HEADERS,
  GIT_SHA,
  HAL_JSON,
  mockBroker,
  PACTICIPANT_NAME,
  pipelinePact,
  VERIFICATION_PARAMS,
} from './broker';

const { like, eachLike, regex, integer } = MatchersV3;

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
function matrixBody(verified: boolean | null, reason: RegExpReason) {
  // The result's link names the pact version, and (since pact_broker 2.x) its metadata.
  const verificationUrl = regex(
    '^https?://.+/pacts/provider/[^/]+/consumer/[^/]+/pact-version/[0-9a-f]+(/metadata/[^/]+)?/verification-results/\\d+$',
    'http://127.0.0.1:9292/pacts/provider/lms/consumer/frontend-platform/pact-version/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/metadata/Y3ZuPTVmM2M4YTFl/verification-results/1',
  );
  return {
    summary: {
      deployable: verified,
      reason: regex(reason.pattern, reason.example),
      success: integer(verified === true ? 1 : 0),
      failed: integer(verified === false ? 1 : 0),
      unknown: integer(verified === null ? 1 : 0),
    },
    matrix: eachLike({
      consumer: consumerRow,
      provider: {
        name: EXAMPLE.provider,
        // The matrix names the provider version only beside a verification result.
        version: verified === null ? null : { number: like(EXAMPLE.providerVersion) },
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

/** The broker's reason, matched by the words the step relies on (a pact regex matches the
 *  whole value). */
interface RegExpReason {
  pattern: string;
  example: string;
}

function askMatrix(state: string, verified: boolean | null, reason: RegExpReason) {
  return pact
    .addInteraction()
    .given(state, VERIFICATION_PARAMS)
    .uponReceiving(
      'a request for the compatibility matrix of a consumer version and an environment',
    )
    .withRequest('GET', '/matrix', (request) => {
      request.query(matrixQuery);
      request.headers({ ...GET_HEADERS, Authorization: authorization() });
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
    await askMatrix(BROKER_STATES.verified, true, {
      pattern: '^All required verification results are published and successful',
      example: 'All required verification results are published and successful',
    }).executeTest(
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
    await askMatrix(BROKER_STATES.verificationFailed, false, {
      pattern: '^The verification for the pact between .* failed',
      example: `The verification for the pact between version ${EXAMPLE.version} of ${EXAMPLE.consumer} and the version of ${EXAMPLE.provider} currently in ${EXAMPLE.environment} (${EXAMPLE.providerVersion}) failed`,
    }).executeTest(
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
    await askMatrix(BROKER_STATES.verificationPending, null, {
      // Ends with the provider version in production: one is deployed, it has not verified yet.
      pattern: '^There is no verified pact between .* currently in .* \\([^()]+\\)$',
      example: `There is no verified pact between version ${EXAMPLE.version} of ${EXAMPLE.consumer} and the version of ${EXAMPLE.provider} currently in ${EXAMPLE.environment} (${EXAMPLE.providerVersion})`,
    }).executeTest(
      settled(async (mockServer) => {
        const output = captureOutput();

        // Act
        const outcome = canIDeploy({
          ...options(mockServer.url, 1),
          echo: output.echo,
          sleep: async () => undefined,
        });

        // Assert
        await expect(outcome).rejects.toThrow(
          /the verification by lms is still pending after 1 retries \(There is no verified pact .*\)\. The LMS has not published a verification result/,
        );
        expect(output.text()).toContain('asking again in 1 s (1/1)');
      }),
    );
  });

  it('fails at once, without asking again, when no lms version is deployed to the environment', async () => {
    // Arrange
    await askMatrix(BROKER_STATES.noProviderDeployed, null, {
      pattern: '^There is no verified pact .*\\(no version is currently recorded as deployed.*\\)$',
      example: `There is no verified pact between version ${EXAMPLE.version} of ${EXAMPLE.consumer} and a version of ${EXAMPLE.provider} currently in ${EXAMPLE.environment} (no version is currently recorded as deployed/released in this environment)`,
    }).executeTest(
      settled(async (mockServer) => {
        const output = captureOutput();

        // Act: retries allowed, but none is used
        const outcome = canIDeploy({ ...options(mockServer.url, 5), echo: output.echo });

        // Assert
        await expect(outcome).rejects.toThrow(
          /no version of lms is recorded as deployed to production \(.*\)\. Nothing has verified against production yet, and waiting will not change that/,
        );
        expect(output.text()).not.toContain('asking again');
      }),
    );
  });

  it('names the environment the broker does not know, and how to create it', async () => {
    // Arrange
    await pact
      .addInteraction()
      .given(BROKER_STATES.noEnvironment, { ...VERIFICATION_PARAMS, environment: 'staging' })
      .uponReceiving(
        'a request for the compatibility matrix of a consumer version and an unknown environment',
      )
      .withRequest('GET', '/matrix', (request) => {
        request.query({ ...matrixQuery, environment: 'staging' });
        request.headers({ ...GET_HEADERS, Authorization: authorization() });
      })
      .willRespondWith(400, (response) => {
        response.headers(HAL_JSON);
        response.jsonBody({
          errors: eachLike(like("Environment with name 'staging' does not exist")),
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          // Act
          const outcome = canIDeploy({ ...options(mockServer.url), environment: 'staging' });

          // Assert
          await expect(outcome).rejects.toThrow(
            /the broker has no environment named staging\. Create it once with `npx pact-broker create-environment --name staging --production`/,
          );
        }),
      );
  });
});
