/**
 * The provider-state handler of the broker contract: when `pact verifier` replays
 * generated-pacts/openedx-lms-contracts-ci-pact-broker.json against a real Pact Broker, it POSTs
 * each interaction's state here first (`{"action": "setup", "state": ..., "params": ...}`), and
 * this sets the broker's data up through the broker's own API, as the read-write user of the
 * contract: pacticipants, pacts, environments, verification results, deployments, webhooks.
 * Values a broker chooses itself (an environment's UUID, a pact's content SHA) are answered back,
 * so the verifier fills them into the requests that carry them (`${environmentUuid}`,
 * `${pactVersion}`, `${metadata}`).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BROKER_USERS, basicAuth } from '../../vocabulary/pact-broker/logins';
import { BROKER_STATES, EXAMPLE, FIXTURE_PACT } from '../../vocabulary/pact-broker/states';
import { loadWebhookDefinition, resolveWebhook } from '../lms-webhook';

type Params = Record<string, string | undefined>;
type Answer = Record<string, string>;

export class BrokerApi {
  constructor(private readonly baseUrl: string) {}

  /** Calls the broker; fails with what it answered unless the status is one of `ok`. */
  async call(method: string, path: string, body?: unknown, ok: number[] = [200, 201]) {
    const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
    const answer = await fetch(url, {
      method,
      headers: {
        Accept: 'application/hal+json, application/json',
        Authorization: basicAuth(BROKER_USERS.writer),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await answer.text();
    if (!ok.includes(answer.status)) {
      throw new Error(`${method} ${path} answered ${answer.status}: ${text.slice(0, 300)}`);
    }
    return { status: answer.status, headers: answer.headers, body: text ? JSON.parse(text) : {} };
  }

  /** Removes a pacticipant and everything about it (versions, pacts, results, deployments). */
  async forget(pacticipant: string): Promise<void> {
    await this.call('DELETE', `/pacticipants/${pacticipant}`, undefined, [200, 204, 404]);
  }

  async environmentUuid(name: string): Promise<string | undefined> {
    const { body } = await this.call('GET', `/environments?name=${encodeURIComponent(name)}`);
    const found = (body._embedded?.environments ?? []) as { uuid: string; name: string }[];
    return found.find((environment) => environment.name === name)?.uuid;
  }

  /** The environment's UUID, creating it when missing (the broker assigns the UUID). */
  async ensureEnvironment(name: string): Promise<string> {
    const existing = await this.environmentUuid(name);
    if (existing) return existing;
    const { body } = await this.call('POST', '/environments', {
      name,
      displayName: name.charAt(0).toUpperCase() + name.slice(1),
      production: name === 'production',
    });
    return body.uuid as string;
  }

  async removeEnvironment(name: string): Promise<void> {
    const uuid = await this.environmentUuid(name);
    if (uuid) await this.call('DELETE', `/environments/${uuid}`, undefined, [200, 204, 404]);
  }

  async publish(consumer: string, version: string, branch: string, content: string) {
    await this.call('POST', '/contracts/publish', {
      pacticipantName: consumer,
      pacticipantVersionNumber: version,
      branch,
      contracts: [
        {
          consumerName: consumer,
          providerName: EXAMPLE.provider,
          specification: 'pact',
          contentType: 'application/json',
          content: Buffer.from(content).toString('base64'),
        },
      ],
    });
  }

  async publishVerification(p: Params, success: boolean): Promise<void> {
    const { body } = await this.call(
      'GET',
      `/pacts/provider/${p.provider}/consumer/${p.consumer}/version/${p.consumer_version}`,
    );
    const href = body._links?.['pb:publish-verification-results']?.href as string;
    await this.call('POST', href, {
      success,
      providerApplicationVersion: p.provider_version,
      providerVersionBranch: EXAMPLE.providerBranch,
    });
  }

  async recordDeployment(pacticipant: string, version: string, environmentUuid: string) {
    await this.call(
      'POST',
      `/pacticipants/${pacticipant}/versions/${version}/deployed-versions/environment/${environmentUuid}`,
      {},
    );
  }

  /** The content SHA and the metadata of the first pact the "pacts for verification" resource
   *  selects (its URL ends `/pact-version/<sha>/metadata/<metadata>`). */
  async pactToVerify(
    provider: string,
    selector: Record<string, unknown>,
  ): Promise<{ pactVersion: string; metadata: string }> {
    const { body } = await this.call('POST', `/pacts/provider/${provider}/for-verification`, {
      consumerVersionSelectors: [selector],
    });
    const href = body._embedded?.pacts?.[0]?._links?.self?.href as string | undefined;
    const parts = href ? /\/pact-version\/([^/]+)\/metadata\/([^/]+)$/.exec(href) : null;
    if (!parts)
      throw new Error(`no pact URL with metadata selected by ${JSON.stringify(selector)}: ${href}`);
    return { pactVersion: parts[1] as string, metadata: parts[2] as string };
  }
}

const fixture = () => fs.readFileSync(FIXTURE_PACT, 'utf8');

/** The fixture with one word changed: same consumer, provider and version, other content. */
function otherContent(): string {
  const pact = JSON.parse(fixture());
  pact.interactions[0].description = `${pact.interactions[0].description} (changed)`;
  return JSON.stringify(pact);
}

function required<Name extends string>(
  params: Params,
  ...names: Name[]
): Params & Record<Name, string> {
  const missing = names.filter((name) => !params[name]);
  if (missing.length > 0) throw new Error(`the state needs the params ${missing.join(', ')}`);
  return params as Params & Record<Name, string>;
}

/** Sets up one state; answers the values the broker chose. */
export async function setUpState(api: BrokerApi, state: string, raw: Params): Promise<Answer> {
  const S = BROKER_STATES;
  const fresh = async () => {
    const p = required(raw, 'consumer', 'consumer_version');
    await api.forget(p.consumer);
    await api.forget(raw.provider ?? EXAMPLE.provider);
    return p;
  };
  const published = async () => {
    const p = await fresh();
    await api.publish(p.consumer, p.consumer_version, raw.branch ?? EXAMPLE.branch, fixture());
    return p;
  };
  switch (state) {
    case S.noPact:
      await fresh();
      return {};
    case S.pactConflict: {
      const p = await fresh();
      await api.publish(
        p.consumer,
        p.consumer_version,
        raw.branch ?? EXAMPLE.branch,
        otherContent(),
      );
      return {};
    }
    case S.verified:
    case S.verificationFailed:
    case S.verificationPending:
    case S.noProviderDeployed: {
      const p = required(await published(), 'provider', 'provider_version', 'environment');
      const environmentUuid = await api.ensureEnvironment(p.environment);
      if (state === S.noProviderDeployed) return {};
      if (state === S.verificationPending) {
        await api.call('PUT', `/pacticipants/${p.provider}/versions/${p.provider_version}`, {});
      } else {
        await api.publishVerification(p, state === S.verified);
      }
      await api.recordDeployment(p.provider, p.provider_version, environmentUuid);
      return {};
    }
    case S.versionAndEnvironment: {
      const p = required(await published(), 'consumer', 'consumer_version', 'environment');
      return { environmentUuid: await api.ensureEnvironment(p.environment) };
    }
    case S.noEnvironment: {
      const p = required(await published(), 'consumer', 'consumer_version', 'environment');
      await api.ensureEnvironment(EXAMPLE.environment);
      await api.removeEnvironment(p.environment);
      return {};
    }
    case S.branchPact: {
      const p = await published();
      const branch = raw.branch ?? EXAMPLE.branch;
      const pact = await api.pactToVerify(p.provider ?? EXAMPLE.provider, { branch, latest: true });
      return { consumer: p.consumer, ...pact };
    }
    case S.deployedPact: {
      const p = required(await published(), 'consumer', 'consumer_version', 'environment');
      const uuid = await api.ensureEnvironment(p.environment);
      await api.recordDeployment(p.consumer, p.consumer_version, uuid);
      const pact = await api.pactToVerify(p.provider ?? EXAMPLE.provider, {
        environment: p.environment,
      });
      return { consumer: p.consumer, ...pact };
    }
    case S.webhookAbsent:
    case S.webhookPresent: {
      const p = required(raw, 'uuid', 'provider');
      await api.call('POST', '/pacticipants', { name: p.provider }, [200, 201, 409]);
      await api.call('DELETE', `/webhooks/${p.uuid}`, undefined, [200, 204, 404]);
      if (state === S.webhookPresent) {
        const webhook = resolveWebhook(loadWebhookDefinition(), {
          lmsRepository: 'openedx/edx-platform',
          dispatchToken: 'state-set-up-token',
        });
        await api.call('PUT', `/webhooks/${p.uuid}`, {
          description: webhook.description,
          provider: { name: p.provider },
          events: webhook.events.map((name) => ({ name })),
          request: webhook.request,
        });
      }
      return {};
    }
    default:
      throw new Error(`unknown provider state "${state}"`);
  }
}

export interface StateServer {
  url: string;
  /** States set up so far, in order, for the report. */
  log: string[];
  close: () => Promise<void>;
}

/** Serves the handler on 127.0.0.1, on a port the system picks. */
export async function startStateServer(brokerUrl: string): Promise<StateServer> {
  const api = new BrokerApi(brokerUrl.replace(/\/+$/, ''));
  const log: string[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      const reply = (status: number, answer: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(answer));
      };
      let change: { action?: string; state?: string; params?: Params };
      try {
        change = JSON.parse(body || '{}');
      } catch {
        reply(400, { error: 'the state change is not JSON' });
        return;
      }
      if (!change.state || change.action === 'teardown') {
        reply(200, {});
        return;
      }
      const state = change.state;
      setUpState(api, state, change.params ?? {}).then(
        (answer) => {
          log.push(state);
          reply(200, answer);
        },
        (error: Error) => {
          log.push(`${state}: FAILED ${error.message}`);
          reply(500, { error: `Failed to set up "${state}": ${error.message}` });
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
