/** @jest-environment node */
/**
 * `ci/publish.ts` against the Pact Broker: the real `pact broker publish` reads the index, then
 * posts each pact with the consumer version (git SHA), branch and build URL. Covers the broker's
 * answers the step must explain: published, credentials rejected (401), a token sent to a broker
 * that uses basic auth (400), the read-only user writing (401 on the write), and a pact that
 * conflicts with the one already published for the same version (409).
 */

import fs from 'node:fs';
import { MatchersV3 } from '@pact-foundation/pact';
import { readPactFile } from '../../ci/broker/pact-files';
import { publishPacts } from '../../ci/publish';
import { settled } from '../support/interactions';
import {
  authorization,
  BROKER_STATES,
  BROKER_USERS,
  basicAuth,
  captureOutput,
  EXAMPLE,
  FIXTURE_PACT,
  GET_HEADERS,
  GIT_SHA,
  HAL_JSON,
  indexBody,
  loginAs,
  mockBroker,
  PACT_PARAMS,
  PACTICIPANT_NAME,
  pipelinePact,
  withIndex,
} from './broker';

const { like, eachLike, regex, url2 } = MatchersV3;

const pact = pipelinePact();
const fixture = readPactFile(FIXTURE_PACT);
const versionPath = ['pacticipants', EXAMPLE.consumer, 'versions', EXAMPLE.version];
const pactPath = [
  'pacts',
  'provider',
  EXAMPLE.provider,
  'consumer',
  EXAMPLE.consumer,
  'version',
  EXAMPLE.version,
];

/** What the CLI posts for one pact file (one request per file). */
const publishRequestBody = {
  pacticipantName: regex(PACTICIPANT_NAME, EXAMPLE.consumer),
  pacticipantVersionNumber: regex(GIT_SHA, EXAMPLE.version),
  branch: like(EXAMPLE.branch),
  buildUrl: like(EXAMPLE.buildUrl),
  contracts: eachLike({
    consumerName: regex(PACTICIPANT_NAME, EXAMPLE.consumer),
    providerName: regex(PACTICIPANT_NAME, EXAMPLE.provider),
    specification: 'pact',
    contentType: 'application/json',
    // The pact itself, re-serialised by the CLI and base64-encoded; the example is the fixture,
    // so a broker that verifies this contract receives a real pact.
    content: regex('^[A-Za-z0-9+/]+={0,2}$', fs.readFileSync(FIXTURE_PACT).toString('base64')),
    onConflict: 'overwrite',
  }),
};

const conflictText =
  `Cannot change the content of the pact for ${EXAMPLE.consumer} version ${EXAMPLE.version} and provider ${EXAMPLE.provider}, ` +
  'as race conditions will cause unreliable results for can-i-deploy. Each pact must be published with a unique consumer version number. ' +
  'For more information see https://docs.pact.io/go/versioning';

/** The broker's answer to a publication (PublishContractsResultsDecorator). */
function publishedBody() {
  return {
    notices: eachLike({
      type: 'success',
      text: like(
        `Created ${EXAMPLE.consumer} version ${EXAMPLE.version} with branch ${EXAMPLE.branch}`,
      ),
    }),
    logs: eachLike({
      level: 'info',
      message: like(
        `Pact published for ${EXAMPLE.consumer} version ${EXAMPLE.version} and provider ${EXAMPLE.provider}.`,
      ),
      deprecationWarning: like('Replaced by notices'),
    }),
    _embedded: {
      pacticipant: {
        name: like(EXAMPLE.consumer),
        _links: { self: { href: url2(null, ['pacticipants', EXAMPLE.consumer]) } },
      },
      // The version as the broker shows it here: its number and link (no branch or build URL).
      version: {
        number: like(EXAMPLE.version),
        _links: {
          self: {
            title: 'Version',
            name: like(EXAMPLE.version),
            href: url2(null, versionPath),
          },
        },
      },
    },
    _links: {
      'pb:pacticipant': {
        title: 'Pacticipant',
        name: like(EXAMPLE.consumer),
        href: url2(null, ['pacticipants', EXAMPLE.consumer]),
      },
      'pb:pacticipant-version': {
        title: 'Pacticipant version',
        name: like(EXAMPLE.version),
        href: url2(null, versionPath),
      },
      'pb:pacticipant-version-tags': [],
      'pb:contracts': eachLike({
        title: 'Pact',
        name: like(`Pact between ${EXAMPLE.consumer} (${EXAMPLE.version}) and ${EXAMPLE.provider}`),
        href: url2(null, pactPath),
      }),
    },
  };
}

describe('publishPacts', () => {
  it('publishes a pact as the git SHA with its branch and build URL', async () => {
    // Arrange
    withIndex(pact);
    await pact
      .addInteraction()
      .given(BROKER_STATES.noPact, PACT_PARAMS)
      .uponReceiving('a request to publish the pact of a consumer version')
      .withRequest('POST', '/contracts/publish', (request) => {
        request.headers({
          Accept: 'application/hal+json',
          'Content-Type': 'application/json',
          Authorization: authorization(),
        });
        request.jsonBody(publishRequestBody);
      })
      .willRespondWith(200, (response) => {
        response.headers(HAL_JSON);
        response.jsonBody(publishedBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          const output = captureOutput();

          // Act
          await publishPacts({
            pacts: [fixture],
            version: EXAMPLE.version,
            branch: EXAMPLE.branch,
            buildUrl: EXAMPLE.buildUrl,
            connection: mockBroker(mockServer.url),
            echo: output.echo,
          });

          // Assert
          // The CLI prints the broker's notices: proof that it read the answer.
          expect(output.text()).toContain(
            `✅ Created ${EXAMPLE.consumer} version ${EXAMPLE.version} with branch ${EXAMPLE.branch}`,
          );
          expect(output.text()).not.toContain(BROKER_USERS.writer.password);
        }),
      );
  });

  it('publishes from a laptop, where there is no build URL', async () => {
    // Arrange
    withIndex(pact);
    const { buildUrl: _ciOnly, ...laptopBody } = publishRequestBody;
    await pact
      .addInteraction()
      .given(BROKER_STATES.noPact, PACT_PARAMS)
      .uponReceiving('a request to publish the pact of a consumer version built outside CI')
      .withRequest('POST', '/contracts/publish', (request) => {
        request.headers({
          Accept: 'application/hal+json',
          'Content-Type': 'application/json',
          Authorization: authorization(),
        });
        request.jsonBody(laptopBody);
      })
      .willRespondWith(200, (response) => {
        response.headers(HAL_JSON);
        response.jsonBody(publishedBody());
      })
      .executeTest(
        settled(async (mockServer) => {
          const output = captureOutput();

          // Act
          await publishPacts({
            pacts: [fixture],
            version: EXAMPLE.version,
            branch: EXAMPLE.branch,
            connection: mockBroker(mockServer.url),
            echo: output.echo,
          });

          // Assert
          expect(output.text()).not.toContain('--build-url');
          expect(output.text()).toContain(
            `✅ Created ${EXAMPLE.consumer} version ${EXAMPLE.version}`,
          );
        }),
      );
  });

  it('fails with a credentials message when the broker answers 401', async () => {
    // Arrange
    await pact
      .addInteraction()
      .uponReceiving('a request for the index resource with a wrong password')
      .withRequest('GET', '/', (request) => {
        request.headers({ ...GET_HEADERS, Authorization: authorization('Basic cmVhZGVyOndyb25n') });
      })
      .willRespondWith(401, (response) => {
        response.headers({ 'WWW-Authenticate': 'Basic realm="Restricted area"' });
      })
      .executeTest(
        settled(async (mockServer) => {
          const connection = mockBroker(mockServer.url, {
            PACT_BROKER_USERNAME: 'reader',
            PACT_BROKER_PASSWORD: 'wrong',
          });

          // Act
          const outcome = publishPacts({
            pacts: [fixture],
            version: EXAMPLE.version,
            branch: EXAMPLE.branch,
            buildUrl: EXAMPLE.buildUrl,
            connection,
          });

          // Assert
          await expect(outcome).rejects.toThrow(
            /^\[ci\] Failed to publish the pacts to http:\/\/127\.0\.0\.1:\d+: the broker at .* rejected the credentials \(401 Unauthorized; sent basic auth as reader\)\. Check PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD/,
          );
          await expect(outcome).rejects.not.toThrow(/wrong|cmVhZGVyOndyb25n/);
        }),
      );
  });

  it('explains a 400 when a token meets a broker that uses basic auth', async () => {
    // Arrange
    await pact
      .addInteraction()
      .uponReceiving(
        'a request for the index resource with a token, to a broker that uses basic auth',
      )
      .withRequest('GET', '/', (request) => {
        request.headers({
          ...GET_HEADERS,
          Authorization: authorization(`Bearer ${EXAMPLE.token}`),
        });
      })
      .willRespondWith(400)
      .executeTest(
        settled(async (mockServer) => {
          // A stray token left in the environment wins over the username and password.
          const connection = mockBroker(mockServer.url, {
            ...loginAs(BROKER_USERS.writer),
            PACT_BROKER_TOKEN: EXAMPLE.token,
          });

          // Act
          const outcome = publishPacts({
            pacts: [fixture],
            version: EXAMPLE.version,
            branch: EXAMPLE.branch,
            connection,
          });

          // Assert
          await expect(outcome).rejects.toThrow(
            /answered 400 Bad Request to a token \(sent a token; PACT_BROKER_TOKEN wins over PACT_BROKER_USERNAME\)\. A broker with basic auth answers 400 to a bearer token: unset PACT_BROKER_TOKEN/,
          );
          await expect(outcome).rejects.not.toThrow(EXAMPLE.token);
        }),
      );
  });

  it('explains that the read-only user cannot publish (401 on the write)', async () => {
    // Arrange
    const readerAuth = authorization(basicAuth(BROKER_USERS.reader));
    pact
      .addInteraction()
      .uponReceiving('a request for the index resource as the read-only user')
      .withRequest('GET', '/', (request) => {
        request.headers({ ...GET_HEADERS, Authorization: readerAuth });
      })
      .willRespondWith(200, (response) => {
        response.headers(HAL_JSON);
        response.jsonBody(indexBody());
      });
    await pact
      .addInteraction()
      .given(BROKER_STATES.noPact, PACT_PARAMS)
      .uponReceiving('a request to publish the pact of a consumer version as the read-only user')
      .withRequest('POST', '/contracts/publish', (request) => {
        request.headers({
          Accept: 'application/hal+json',
          'Content-Type': 'application/json',
          Authorization: readerAuth,
        });
        request.jsonBody(publishRequestBody);
      })
      .willRespondWith(401)
      .executeTest(
        settled(async (mockServer) => {
          // Act
          const outcome = publishPacts({
            pacts: [fixture],
            version: EXAMPLE.version,
            branch: EXAMPLE.branch,
            buildUrl: EXAMPLE.buildUrl,
            connection: mockBroker(mockServer.url, loginAs(BROKER_USERS.reader)),
          });

          // Assert
          await expect(outcome).rejects.toThrow(
            /the broker at .* let basic auth as reader read but refused the write to \/contracts\/publish \(401 Unauthorized\)\. The open-source broker answers 401 when its read-only user writes: use the read-write user/,
          );
        }),
      );
  });

  it('fails with a versioning message when the broker already holds other content (409)', async () => {
    // Arrange
    withIndex(pact);
    await pact
      .addInteraction()
      .given(BROKER_STATES.pactConflict, PACT_PARAMS)
      .uponReceiving('a request to publish the pact of a consumer version')
      .withRequest('POST', '/contracts/publish', (request) => {
        request.headers({
          Accept: 'application/hal+json',
          'Content-Type': 'application/json',
          Authorization: authorization(),
        });
        request.jsonBody(publishRequestBody);
      })
      .willRespondWith(409, (response) => {
        response.headers({ 'Content-Type': 'application/json;charset=utf-8' });
        response.jsonBody({
          notices: eachLike({ type: 'error', text: like(conflictText) }),
          errors: { contracts: eachLike(like(conflictText)) },
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          // Act
          const outcome = publishPacts({
            pacts: [fixture],
            version: EXAMPLE.version,
            branch: EXAMPLE.branch,
            buildUrl: EXAMPLE.buildUrl,
            connection: mockBroker(mockServer.url),
          });

          // Assert
          await expect(outcome).rejects.toThrow(
            `the broker already holds a different pact for ${EXAMPLE.consumer} version ${EXAMPLE.version} (409 Conflict). A published version never changes`,
          );
        }),
      );
  });
});
