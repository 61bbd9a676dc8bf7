/** @jest-environment node */
/**
 * `ci/lms-webhook.ts` against the Pact Broker: `pact broker create-or-update-webhook` finds the
 * templated `pb:webhook` relation in the index and PUTs the webhook under its fixed UUID, so
 * running the script again updates the same webhook instead of adding one: the broker answers
 * 201 when it creates the webhook and 200 when it updates it.
 */

import { MatchersV3 } from '@pact-foundation/pact';
import { createOrUpdateWebhook, loadWebhookDefinition, resolveWebhook } from '../../ci/lms-webhook';
import { settled } from '../support/interactions';
import {
  authorization,
  BROKER_STATES,
  HAL_JSON,
  mockBroker,
  pipelinePact,
  withIndex,
} from './broker';

const { like, regex, url2 } = MatchersV3;

const pact = pipelinePact();
const DISPATCH_TOKEN = 'ci-test-dispatch-token';
const webhook = resolveWebhook(loadWebhookDefinition(), {
  lmsRepository: 'openedx/edx-platform',
  dispatchToken: DISPATCH_TOKEN,
});

describe('createOrUpdateWebhook', () => {
  it.each([
    [BROKER_STATES.webhookAbsent, 201],
    [BROKER_STATES.webhookPresent, 200],
  ])('puts the LMS verification webhook under its fixed UUID (%s: %d)', async (state, status) => {
    // Arrange
    withIndex(pact);
    const requestTemplate = {
      method: 'POST',
      url: regex('^https://api\\.github\\.com/repos/[^/]+/[^/]+/dispatches$', webhook.request.url),
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: regex('^Bearer \\S+$', `Bearer ${DISPATCH_TOKEN}`),
        'Content-Type': 'application/json',
      },
      body: webhook.request.body,
    };
    await pact
      .addInteraction()
      .given(state, { uuid: webhook.uuid, provider: 'lms' })
      .uponReceiving('a request to create or update the LMS verification webhook')
      .withRequest('PUT', `/webhooks/${webhook.uuid}`, (request) => {
        request.headers({
          Accept: 'application/hal+json',
          'Content-Type': 'application/json',
          Authorization: authorization(),
        });
        request.jsonBody({
          description: like(webhook.description),
          events: [{ name: 'contract_requiring_verification_published' }],
          provider: { name: 'lms' },
          request: requestTemplate,
        });
      })
      .willRespondWith(status, (response) => {
        response.headers(HAL_JSON);
        response.jsonBody({
          uuid: webhook.uuid,
          description: like(webhook.description),
          enabled: true,
          events: [{ name: 'contract_requiring_verification_published' }],
          provider: { name: 'lms' },
          request: {
            method: 'POST',
            url: like(webhook.request.url),
            // The broker redacts the Authorization header when it shows a webhook.
            headers: {
              Accept: 'application/vnd.github+json',
              Authorization: '**********',
              'Content-Type': 'application/json',
            },
            body: webhook.request.body,
          },
          _links: {
            self: {
              title: like(webhook.description),
              href: url2(null, ['webhooks', webhook.uuid]),
            },
          },
        });
      })
      .executeTest(
        settled(async (mockServer) => {
          // Act
          const outcome = createOrUpdateWebhook(webhook, mockBroker(mockServer.url));

          // Assert
          await expect(outcome).resolves.toBeUndefined();
        }),
      );
  });
});
