/** @jest-environment node */
/**
 * `ci/record-deployment.ts` against the Pact Broker: `pact broker record-deployment` reads the
 * consumer version resource, follows its `pb:record-deployment` link for the environment and
 * posts to it. The broker seeds the `production` environment, and the version exists once its
 * pacts are published, so the answer needs no provider state.
 */

import { MatchersV3 } from '@pact-foundation/pact';
import { recordDeployment } from '../../ci/record-deployment';
import { settled } from '../support/interactions';
import { captureOutput, EXAMPLE, GET_HEADERS, HAL_JSON, mockBroker, pipelinePact } from './broker';

const { like, eachLike, regex, url2, boolean } = MatchersV3;

const pact = pipelinePact();
const VERSION_PATH = '^/pacticipants/[a-z0-9][a-z0-9-]*/versions/[0-9a-f]{40}$';
const DEPLOYED_VERSIONS_PATH =
  '^/pacticipants/[a-z0-9][a-z0-9-]*/versions/[0-9a-f]{40}/deployed-versions/environment/[0-9a-f-]{36}$';
const versionPath = ['pacticipants', EXAMPLE.consumer, 'versions', EXAMPLE.version];
const deployedVersionsPath = [
  ...versionPath,
  'deployed-versions',
  'environment',
  EXAMPLE.environmentUuid,
];

describe('recordDeployment', () => {
  it('records the deployment of a consumer version to production', async () => {
    // Arrange
    pact
      .addInteraction()
      .uponReceiving('a request for a consumer version')
      .withRequest('GET', regex(VERSION_PATH, `/${versionPath.join('/')}`), (request) => {
        request.headers(GET_HEADERS);
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
              href: url2(null, deployedVersionsPath),
            }),
          },
        });
      });
    await pact
      .addInteraction()
      .uponReceiving('a request to record the deployment of a consumer version')
      .withRequest(
        'POST',
        regex(DEPLOYED_VERSIONS_PATH, `/${deployedVersionsPath.join('/')}`),
        (request) => {
          request.headers({ Accept: 'application/hal+json', 'Content-Type': 'application/json' });
          request.jsonBody({});
        },
      )
      .willRespondWith(201, (response) => {
        response.headers(HAL_JSON);
        response.jsonBody({
          uuid: regex('^[0-9a-f-]{36}$', 'ba3d8e6f-3c1a-4f5b-9e2d-7c4b1a0f8e6d'),
          currentlyDeployed: boolean(true),
          _embedded: {
            environment: {
              uuid: like(EXAMPLE.environmentUuid),
              name: like(EXAMPLE.environment),
              displayName: like('Production'),
              production: boolean(true),
            },
          },
          _links: {
            self: {
              href: url2(null, [
                'deployed-versions',
                regex('[0-9a-f-]{36}', 'ba3d8e6f-3c1a-4f5b-9e2d-7c4b1a0f8e6d'),
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
});
