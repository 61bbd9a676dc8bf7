/** @jest-environment node */
/**
 * `ci/record-deployment.ts` against the Pact Broker: `pact broker record-deployment` reads the
 * consumer version resource, follows its `pb:record-deployment` link for the environment and
 * posts to it. A broker assigns each environment its own UUID, so the UUID in the posted path
 * comes from the provider state (`${environmentUuid}`), as a verifier fills it in.
 */

import { MatchersV3 } from '@pact-foundation/pact';
import { recordDeployment } from '../../ci/record-deployment';
import { settled } from '../support/interactions';
import {
  authorization,
  BROKER_STATES,
  captureOutput,
  EXAMPLE,
  GET_HEADERS,
  HAL_JSON,
  mockBroker,
  pipelinePact,
  VERIFICATION_PARAMS,
} from './broker';

const { like, eachLike, regex, url2, boolean, fromProviderState } = MatchersV3;

const pact = pipelinePact();
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const VERSION_PATH = '^/pacticipants/[a-z0-9][a-z0-9-]*/versions/[0-9a-f]{40}$';
const versionPath = ['pacticipants', EXAMPLE.consumer, 'versions', EXAMPLE.version];
const deployedVersionsPath = `/${versionPath.join('/')}/deployed-versions/environment/${EXAMPLE.environmentUuid}`;

/** The consumer version as the broker shows it, with a record-deployment link per environment. */
function withVersion(state: string, params: Record<string, string>) {
  return pact
    .addInteraction()
    .given(state, params)
    .uponReceiving('a request for a consumer version')
    .withRequest('GET', regex(VERSION_PATH, `/${versionPath.join('/')}`), (request) => {
      request.headers({ ...GET_HEADERS, Authorization: authorization() });
    })
    .willRespondWith(200, (response) => {
      response.headers(HAL_JSON);
      response.jsonBody({
        number: like(EXAMPLE.version),
        _links: {
          self: { title: 'Version', name: like(EXAMPLE.version), href: url2(null, versionPath) },
          'pb:record-deployment': eachLike({
            name: like(EXAMPLE.environment),
            title: like('Record deployment to Production'),
            href: url2(null, [
              ...versionPath,
              'deployed-versions',
              'environment',
              regex(UUID, EXAMPLE.environmentUuid),
            ]),
          }),
        },
      });
    });
}

/** The broker assigns the environment's UUID: the state handler answers the real one. */
const DEPLOYMENT_PARAMS = { ...VERIFICATION_PARAMS, environmentUuid: EXAMPLE.environmentUuid };

describe('recordDeployment', () => {
  it('records the deployment of a consumer version to production', async () => {
    // Arrange
    withVersion(BROKER_STATES.versionAndEnvironment, DEPLOYMENT_PARAMS);
    await pact
      .addInteraction()
      .given(BROKER_STATES.versionAndEnvironment, DEPLOYMENT_PARAMS)
      .uponReceiving('a request to record the deployment of a consumer version')
      .withRequest(
        'POST',
        fromProviderState(
          `/${versionPath.join('/')}/deployed-versions/environment/\${environmentUuid}`,
          deployedVersionsPath,
        ),
        (request) => {
          request.headers({
            Accept: 'application/hal+json',
            'Content-Type': 'application/json',
            Authorization: authorization(),
          });
          request.jsonBody({});
        },
      )
      .willRespondWith(201, (response) => {
        response.headers(HAL_JSON);
        response.jsonBody({
          uuid: regex(`^${UUID}$`, 'ba3d8e6f-3c1a-4f5b-9e2d-7c4b1a0f8e6d'),
          currentlyDeployed: boolean(true),
          _embedded: {
            environment: {
              uuid: regex(`^${UUID}$`, EXAMPLE.environmentUuid),
              name: like(EXAMPLE.environment),
              displayName: like('Production'),
              production: boolean(true),
            },
          },
          _links: {
            self: {
              href: url2(null, [
                'deployed-versions',
                regex(UUID, 'ba3d8e6f-3c1a-4f5b-9e2d-7c4b1a0f8e6d'),
              ]),
            },
          },
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          const output = captureOutput();

          // Act
          await recordDeployment({
            pacticipant: EXAMPLE.consumer,
            version: EXAMPLE.version,
            environment: EXAMPLE.environment,
            connection: mockBroker(mockServer.url),
            echo: output.echo,
          });

          // Assert
          expect(output.text()).toContain(
            `Recorded deployment of ${EXAMPLE.consumer} version ${EXAMPLE.version} to ${EXAMPLE.environment} environment`,
          );
        }),
      );
  });

  it('names the environment the broker does not know, and how to create it', async () => {
    // Arrange: the version links only the environments that exist (production, not staging)
    await withVersion(BROKER_STATES.noEnvironment, {
      ...VERIFICATION_PARAMS,
      environment: 'staging',
    }).executeTest(
      settled(async (mockServer) => {
        // Act
        const outcome = recordDeployment({
          pacticipant: EXAMPLE.consumer,
          version: EXAMPLE.version,
          environment: 'staging',
          connection: mockBroker(mockServer.url),
        });

        // Assert
        await expect(outcome).rejects.toThrow(
          /the broker has no environment named staging\. Create it once with `npx pact-broker create-environment --name staging --production`/,
        );
      }),
    );
  });
});
