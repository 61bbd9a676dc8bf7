/**
 * Creates, or updates in place, the broker webhook that starts the LMS's pact verification
 * whenever a pact that needs verifying is published (event
 * `contract_requiring_verification_published`: once per LMS version that matters, i.e. the
 * latest of its main branch and each deployed or released version).
 *
 * The definition lives in ci/webhooks/lms-verification.json. It calls GitHub's
 * `repository_dispatch` API of the LMS repository with the pact URL and the LMS version to
 * verify; the LMS workflow that listens for it is in docs/provider-verification.md.
 *
 *   LMS_DISPATCH_TOKEN=<token> npm run pacts:lms-webhook -- [--lms-repository openedx/edx-platform] [--dry-run]
 *
 * LMS_DISPATCH_TOKEN is a GitHub token allowed to dispatch events to the LMS repository. The
 * open-source broker has no secret store, so the token is stored in the webhook; it is masked
 * in everything this script prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BrokerConnection, brokerConnection } from './broker/config';
import { diagnose, succeeded } from './broker/diagnose';
import { failure, runMain } from './broker/errors';
import { createMask } from './broker/mask';
import { formatCommand, runBroker } from './broker/pact-cli';

export const WEBHOOK_DEFINITION = path.join(__dirname, 'webhooks', 'lms-verification.json');

export interface WebhookDefinition {
  uuid: string;
  description: string;
  provider: string;
  events: string[];
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: unknown;
  };
}

/** Webhook events the CLI can subscribe to, by their broker names. */
const EVENT_FLAGS: Record<string, string> = {
  contract_requiring_verification_published: '--contract-requiring-verification-published',
  contract_content_changed: '--contract-content-changed',
  contract_published: '--contract-published',
  provider_verification_published: '--provider-verification-published',
  provider_verification_failed: '--provider-verification-failed',
  provider_verification_succeeded: '--provider-verification-succeeded',
};

export function loadWebhookDefinition(file: string = WEBHOOK_DEFINITION): WebhookDefinition {
  const definition = JSON.parse(fs.readFileSync(file, 'utf8')) as WebhookDefinition;
  for (const event of definition.events) {
    if (!EVENT_FLAGS[event]) {
      throw failure(
        `read ${path.basename(file)}`,
        `event "${event}" is not a broker webhook event`,
        `Use one of ${Object.keys(EVENT_FLAGS).join(', ')}.`,
      );
    }
  }
  return definition;
}

/** Fills `{lmsRepository}` and `{LMS_DISPATCH_TOKEN}`; leaves the broker's `${pactbroker.*}`. */
export function resolveWebhook(
  definition: WebhookDefinition,
  values: { lmsRepository: string; dispatchToken: string },
): WebhookDefinition {
  const fill = (text: string) =>
    text
      .replaceAll('{lmsRepository}', values.lmsRepository)
      .replaceAll('{LMS_DISPATCH_TOKEN}', values.dispatchToken);
  return {
    ...definition,
    request: {
      ...definition.request,
      url: fill(definition.request.url),
      headers: Object.fromEntries(
        Object.entries(definition.request.headers).map(([name, value]) => [name, fill(value)]),
      ),
    },
  };
}

/** Arguments of `pact broker create-or-update-webhook` for a resolved definition. */
export function webhookArgs(webhook: WebhookDefinition): string[] {
  return [
    'create-or-update-webhook',
    webhook.request.url,
    '--uuid',
    webhook.uuid,
    '--provider',
    webhook.provider,
    ...webhook.events.map((event) => EVENT_FLAGS[event] as string),
    '--request',
    webhook.request.method,
    '--header',
    ...Object.entries(webhook.request.headers).map(([name, value]) => `${name}: ${value}`),
    '--data',
    JSON.stringify(webhook.request.body),
    '--description',
    webhook.description,
  ];
}

export async function createOrUpdateWebhook(
  webhook: WebhookDefinition,
  connection: BrokerConnection,
  echo?: (text: string) => void,
): Promise<void> {
  const run = await runBroker(webhookArgs(webhook), {
    connection,
    echoOutput: false,
    ...(echo ? { echo } : {}),
  });
  if (!succeeded(run)) {
    throw diagnose(run, {
      action: `create or update the LMS verification webhook ${webhook.uuid}`,
      connection,
    });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'lms-repository': { type: 'string', default: 'openedx/edx-platform' },
      definition: { type: 'string', default: WEBHOOK_DEFINITION },
      'dry-run': { type: 'boolean', default: false },
      'broker-url': { type: 'string' },
    },
  });
  const dispatchToken = process.env.LMS_DISPATCH_TOKEN ?? '';
  if (dispatchToken.trim() === '' && !values['dry-run']) {
    throw failure(
      'create the LMS verification webhook',
      'LMS_DISPATCH_TOKEN is not set',
      'Export a GitHub token allowed to send repository_dispatch events to the LMS repository (or use --dry-run to see the webhook).',
    );
  }
  const webhook = resolveWebhook(loadWebhookDefinition(values.definition), {
    lmsRepository: values['lms-repository'],
    dispatchToken: dispatchToken || 'LMS_DISPATCH_TOKEN',
  });
  const log = (text: string) => process.stdout.write(text);
  if (values['dry-run']) {
    const mask = createMask([dispatchToken]);
    log(mask(`[ci] lms-webhook (dry run): ${formatCommand(webhookArgs(webhook))}\n`));
    return;
  }
  const connection = brokerConnection(process.env, { brokerUrl: values['broker-url'] });
  const masked = { ...connection, mask: createMaskWith(connection, dispatchToken) };
  log(`[ci] lms-webhook: ${webhook.uuid} on ${connection.baseUrl} -> ${webhook.request.url}\n`);
  await createOrUpdateWebhook(webhook, masked, log);
  log(`[ci] lms-webhook: created or updated ${webhook.uuid}.\n`);
}

/** The connection's mask, extended with the dispatch token. */
export function createMaskWith(connection: BrokerConnection, secret: string) {
  const extra = createMask([secret]);
  return (text: string) => extra(connection.mask(text));
}

if (require.main === module) runMain(main);
