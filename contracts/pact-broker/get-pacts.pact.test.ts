/** @jest-environment node */
/**
 * `fetchPactsFromBroker` (ci/broker/get-pacts.ts, behind `npm start -- --broker-url --branch`)
 * against the Pact Broker: `pact broker get-pacts --branch --latest --download` lists the latest
 * lms pact of each consumer from a branch, then downloads each one.
 */

import fs from 'node:fs';
import { MatchersV3 } from '@pact-foundation/pact';
import { fetchPactsFromBroker } from '../../ci/broker/get-pacts';
import { settled } from '../support/interactions';
import { EXAMPLE, FIXTURE_PACT, GET_HEADERS, HAL_JSON, pipelinePact } from './broker';

const { like, eachLike, regex, url2 } = MatchersV3;

const pact = pipelinePact();
const fixtureContent = JSON.parse(fs.readFileSync(FIXTURE_PACT, 'utf8')) as Record<string, unknown>;
const pactPath = [
  'pacts',
  'provider',
  EXAMPLE.provider,
  'consumer',
  EXAMPLE.consumer,
  'version',
  EXAMPLE.version,
];
const BRANCH_PACTS_PATH = '^/pacts/provider/lms/branch/[^/]+/latest$';
const PACT_VERSION_PATH = '^/pacts/provider/lms/consumer/[a-z0-9][a-z0-9-]*/version/[0-9a-f]{40}$';

describe('fetchPactsFromBroker', () => {
  it('writes the latest lms pact of each consumer of a branch as <consumer>-lms.json', async () => {
    // Arrange
    pact
      .addInteraction()
      .uponReceiving('a request for the latest lms pacts of each consumer from a branch')
      .withRequest(
        'GET',
        regex(BRANCH_PACTS_PATH, `/pacts/provider/lms/branch/${EXAMPLE.branch}/latest`),
        (request) => {
          request.headers(GET_HEADERS);
        },
      )
      .willRespondWith(200, (response) => {
        response.headers(HAL_JSON);
        response.jsonBody({
          _links: {
            self: {
              href: url2(null, [
                'pacts',
                'provider',
                EXAMPLE.provider,
                'branch',
                EXAMPLE.branch,
                'latest',
              ]),
              title: like(
                `Latest pact versions for the provider lms with consumer version branch '${EXAMPLE.branch}'`,
              ),
            },
            'pb:provider': {
              href: url2(null, ['pacticipants', EXAMPLE.provider]),
              name: EXAMPLE.provider,
            },
            'pb:pacts': eachLike({
              href: url2(null, pactPath),
              title: like(
                `Pact between ${EXAMPLE.consumer} (${EXAMPLE.version}) and ${EXAMPLE.provider}`,
              ),
              name: like(EXAMPLE.consumer),
            }),
          },
        });
      });
    await pact
      .addInteraction()
      .uponReceiving('a request for the pact of a consumer version')
      .withRequest('GET', regex(PACT_VERSION_PATH, `/${pactPath.join('/')}`), (request) => {
        request.headers(GET_HEADERS);
      })
      .willRespondWith(200, (response) => {
        response.headers(HAL_JSON);
        response.jsonBody({
          ...fixtureContent,
          createdAt: regex(
            '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00$',
            '2026-11-20T09:00:00+00:00',
          ),
          _links: {
            self: { title: 'Pact', href: url2(null, pactPath) },
            'pb:consumer': {
              title: 'Consumer',
              name: like(EXAMPLE.consumer),
              href: url2(null, ['pacticipants', EXAMPLE.consumer]),
            },
            'pb:consumer-version': {
              title: 'Consumer version',
              name: like(EXAMPLE.version),
              href: url2(null, ['pacticipants', EXAMPLE.consumer, 'versions', EXAMPLE.version]),
            },
            'pb:provider': {
              title: 'Provider',
              name: like(EXAMPLE.provider),
              href: url2(null, ['pacticipants', EXAMPLE.provider]),
            },
          },
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          // Act
          const fetched = await fetchPactsFromBroker({
            branch: EXAMPLE.branch,
            env: {
              PATH: process.env.PATH,
              PACT_BROKER_BASE_URL: mockServer.url,
              PACT_BROKER_HTTP_RETRIES: '0',
            },
          });

          // Assert: the plain pact, as generated-pacts/ would hold it
          try {
            expect(fetched.files.map((file) => file.slice(fetched.dir.length + 1))).toEqual([
              `${EXAMPLE.consumer}-${EXAMPLE.provider}.json`,
            ]);
            const written = JSON.parse(fs.readFileSync(fetched.files[0] as string, 'utf8'));
            expect(written).toEqual(fixtureContent);
          } finally {
            fs.rmSync(fetched.dir, { recursive: true, force: true });
          }
        }),
      );
  });
});
