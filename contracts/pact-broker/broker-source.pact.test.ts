/** @jest-environment node */
/**
 * `fetchPactsFromBroker` (pact-broker-client/fetch-pacts.ts, behind `npm start -- --broker-url
 * --branch` and `--environment`) against the Pact Broker: it finds the "pacts for verification"
 * resource in the index, asks it with a consumer version selector (the latest of a branch, or
 * what is deployed to an environment), then downloads each pact it names. The URL of a pact
 * names its content's SHA and what selected it, so the verifier takes those from the provider
 * state (`${pactVersion}`, `${metadata}`).
 */

import fs from 'node:fs';
import { MatchersV3 } from '@pact-foundation/pact';
import { fetchPactsFromBroker, type PactSelection } from '../../pact-broker-client/fetch-pacts';
import { settled } from '../support/interactions';
import {
  authorization,
  BROKER_STATES,
  BROKER_USERS,
  EXAMPLE,
  FIXTURE_PACT,
  GET_HEADERS,
  HAL_JSON,
  loginAs,
  PACT_PARAMS,
  pipelinePact,
  withIndex,
} from './broker';

const { like, eachLike, regex, url2, fromProviderState } = MatchersV3;

const pact = pipelinePact();
const fixtureContent = JSON.parse(fs.readFileSync(FIXTURE_PACT, 'utf8')) as Record<string, unknown>;
const PACT_SHA = 'addd4b6f9d5daf44a3f03614e5734a56320203de';
const METADATA_EXAMPLE = 'c1tdW2JdPW1haW4mc1tdW2xdPXRydWUmc1tdW2N2XT0xJnA9ZmFsc2U';
const examplePactPath = `/pacts/provider/${EXAMPLE.provider}/consumer/${EXAMPLE.consumer}/pact-version/${PACT_SHA}/metadata/${METADATA_EXAMPLE}`;

/** The URL of a pact to verify, on the broker's own address: its content SHA, then what the
 *  selector matched (metadata the verifier sends back with its result). */
const pactUrl = () =>
  url2(null, [
    'pacts',
    'provider',
    EXAMPLE.provider,
    'consumer',
    regex('[a-z0-9][a-z0-9-]*', EXAMPLE.consumer),
    'pact-version',
    regex('[0-9a-f]+', PACT_SHA),
    'metadata',
    regex('[A-Za-z0-9_=-]+', METADATA_EXAMPLE),
  ]);

function askAndDownload(
  state: string,
  selector: Record<string, unknown>,
  shortDescription: string,
  stateParams: Record<string, string>,
) {
  // What the broker chooses, as examples: the state handler answers the real values.
  const params = { ...stateParams, pactVersion: PACT_SHA, metadata: METADATA_EXAMPLE };
  withIndex(pact);
  pact
    .addInteraction()
    .given(state, params)
    .uponReceiving('a request for the lms pacts to verify, by consumer version selector')
    .withRequest('POST', '/pacts/provider/lms/for-verification', (request) => {
      request.headers({
        ...GET_HEADERS,
        'Content-Type': 'application/json',
        Authorization: authorization(),
      });
      request.jsonBody({ consumerVersionSelectors: [selector] });
    })
    .willRespondWith(200, (response) => {
      response.headers(HAL_JSON);
      response.jsonBody({
        _embedded: {
          pacts: eachLike({
            shortDescription: like(shortDescription),
            _links: {
              self: {
                href: pactUrl(),
                name: like(`Pact between ${EXAMPLE.consumer} (${EXAMPLE.version}) and lms`),
              },
            },
          }),
        },
        _links: {
          self: { href: url2(null, ['pacts', 'provider', 'lms', 'for-verification']) },
        },
      });
    });
  return pact
    .addInteraction()
    .given(state, params)
    .uponReceiving('a request for a pact to verify')
    .withRequest(
      'GET',
      fromProviderState(
        `/pacts/provider/${EXAMPLE.provider}/consumer/\${consumer}/pact-version/\${pactVersion}/metadata/\${metadata}`,
        examplePactPath,
      ),
      (request) => {
        request.headers({ ...GET_HEADERS, Authorization: authorization() });
      },
    )
    .willRespondWith(200, (response) => {
      response.headers(HAL_JSON);
      response.jsonBody({
        ...fixtureContent,
        createdAt: regex(
          '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00$',
          '2026-11-20T09:00:00+00:00',
        ),
        _links: {
          // The pact as a consumer version's pact, whatever URL it was fetched by.
          self: {
            title: 'Pact',
            href: url2(null, [
              'pacts',
              'provider',
              EXAMPLE.provider,
              'consumer',
              regex('[a-z0-9][a-z0-9-]*', EXAMPLE.consumer),
              'version',
              regex('[0-9a-f]{40}', EXAMPLE.version),
            ]),
          },
          'pb:consumer': {
            title: 'Consumer',
            name: like(EXAMPLE.consumer),
            href: url2(null, ['pacticipants', EXAMPLE.consumer]),
          },
          'pb:provider': {
            title: 'Provider',
            name: like(EXAMPLE.provider),
            href: url2(null, ['pacticipants', EXAMPLE.provider]),
          },
        },
      });
    });
}

async function fetchAndCheck(url: string, selection: PactSelection) {
  const fetched = await fetchPactsFromBroker({
    brokerUrl: url,
    provider: 'lms',
    ...selection,
    env: loginAs(BROKER_USERS.writer),
  });
  try {
    // The plain pact, as generated-pacts/ would hold it, under the consumer's name.
    expect(fetched.files.map((file) => file.slice(fetched.dir.length + 1))).toEqual([
      `${EXAMPLE.consumer}-${EXAMPLE.provider}.json`,
    ]);
    expect(JSON.parse(fs.readFileSync(fetched.files[0] as string, 'utf8'))).toEqual(fixtureContent);
    expect(fetched.login.description).toBe(`basic auth as ${BROKER_USERS.writer.username}`);
  } finally {
    fs.rmSync(fetched.dir, { recursive: true, force: true });
  }
}

describe('fetchPactsFromBroker', () => {
  it('writes the latest lms pact of each consumer of a branch as <consumer>-lms.json', async () => {
    // Arrange
    await askAndDownload(
      BROKER_STATES.branchPact,
      { branch: EXAMPLE.branch, latest: true },
      `latest from branch ${EXAMPLE.branch}`,
      PACT_PARAMS,
    ).executeTest(
      settled(async (mockServer) => {
        // Act + Assert
        await fetchAndCheck(mockServer.url, { branch: EXAMPLE.branch });
      }),
    );
  });

  it('writes the lms pact of each consumer version deployed to an environment', async () => {
    // Arrange
    await askAndDownload(
      BROKER_STATES.deployedPact,
      { environment: EXAMPLE.environment },
      `currently deployed to ${EXAMPLE.environment}`,
      { ...PACT_PARAMS, environment: EXAMPLE.environment },
    ).executeTest(
      settled(async (mockServer) => {
        // Act + Assert
        await fetchAndCheck(mockServer.url, { environment: EXAMPLE.environment });
      }),
    );
  });
});
