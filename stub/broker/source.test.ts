import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pactsFromBroker } from './source';

const out = () => undefined;

describe('pactsFromBroker', () => {
  it('leaves the arguments alone when no broker flag is given', async () => {
    await expect(pactsFromBroker(['--port', '0', '--provider', 'lms'], out, {})).resolves.toEqual({
      argv: ['--port', '0', '--provider', 'lms'],
    });
  });

  it('drops the broker flags for --help, so the stub shows its help', async () => {
    await expect(
      pactsFromBroker(['--broker-url=http://b', '--branch', 'main', '--help'], out, {}),
    ).resolves.toEqual({ argv: ['--help'] });
  });

  it.each([
    [['--broker-url', 'http://127.0.0.1:9'], {}, /Pass --branch <name> .* and\/or --environment/],
    [['--branch', 'main'], {}, /no --broker-url and PACT_BROKER_BASE_URL is not set/],
    [['--broker-url', '--branch', 'main'], {}, /--broker-url: it needs a value/],
    [['--broker-url', 'http://b', '--environment'], {}, /--environment: it needs a value/],
    [
      ['--broker-url', 'http://127.0.0.1:9', '--branch', 'main', '--pacts', 'x'],
      {},
      /--pacts and --broker-url both choose what to serve/,
    ],
  ])('refuses %j with a message that says what to pass', async (argv, env, message) => {
    const result = await pactsFromBroker(argv, out, env);
    expect(result).toEqual({ error: expect.stringMatching(message) });
  });

  it('never prints credentials written into the URL, and says they were sent', async () => {
    const result = await pactsFromBroker(
      ['--broker-url', 'http://alice:SECRET@127.0.0.1:1/', '--branch', 'main'],
      out,
      {},
    );
    expect(result).toEqual({
      error: expect.stringMatching(
        /^Failed to fetch the lms pacts of branch main: the broker at http:\/\/127\.0\.0\.1:1 is unreachable/,
      ),
    });
    expect(JSON.stringify(result)).not.toMatch(/SECRET|alice/);
  });
});

/** A Pact Broker's pacts-for-verification API, in-process: `pacts` per provider name (a
 *  provider absent from it is unknown to this broker: 404), the requests it received. */
async function fakeBroker(pacts: Record<string, string[]>, failFor?: string) {
  const requests: { method: string; url: string; authorization?: string }[] = [];
  const server = http.createServer((request, response) => {
    const { method = 'GET', url = '/' } = request;
    requests.push({
      method,
      url,
      ...(request.headers.authorization && { authorization: request.headers.authorization }),
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/hal+json' });
      response.end(JSON.stringify(body));
    };
    request.resume();
    request.on('end', () => {
      const asked = /^\/pacts\/provider\/([^/]+)\/for-verification$/.exec(url);
      const pact = /^\/pact\/([^/]+)\/([^/]+)$/.exec(url);
      if (method === 'GET' && url === '/') {
        send(200, {
          _links: {
            'pb:provider-pacts-for-verification': {
              href: `${base}/pacts/provider/{provider}/for-verification`,
            },
          },
        });
      } else if (method === 'POST' && asked) {
        const provider = decodeURIComponent(asked[1] as string);
        if (provider === failFor) send(500, { error: 'database is locked' });
        else if (!(provider in pacts)) send(404, { error: `No provider with name '${provider}'` });
        else
          send(200, {
            _embedded: {
              pacts: (pacts[provider] ?? []).map((consumer) => ({
                _links: { self: { href: `${base}/pact/${provider}/${consumer}` } },
              })),
            },
          });
      } else if (method === 'GET' && pact) {
        send(200, {
          consumer: { name: pact[2] },
          provider: { name: pact[1] },
          interactions: [],
          metadata: { pactSpecification: { version: '4.0' } },
          _links: {},
        });
      } else {
        send(404, {});
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Runs pactsFromBroker against a fake broker; its printed lines, its result, the files. */
async function fetchFrom(
  pacts: Record<string, string[]>,
  argv: (url: string) => string[],
  failFor?: string,
) {
  const broker = await fakeBroker(pacts, failFor);
  const lines: string[] = [];
  try {
    const result = await pactsFromBroker(argv(broker.url), (text) => lines.push(text), {});
    let files: string[] = [];
    if ('argv' in result) {
      const dir = result.argv[result.argv.indexOf('--pacts') + 1] as string;
      files = fs.readdirSync(dir).sort();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const asked = broker.requests.filter((r) => r.method === 'POST').map((r) => r.url);
    return { result, lines, files, asked, requests: broker.requests, url: broker.url };
  } finally {
    await broker.close();
  }
}

describe('pactsFromBroker, against a broker', () => {
  it('fetches every backend served by default (LMS and Studio) into one folder, one line each', async () => {
    const { result, lines, files, requests, url } = await fetchFrom(
      { lms: ['frontend-platform', 'frontend-app-authoring'], cms: ['frontend-app-authoring'] },
      (u) => ['--broker-url', u.replace('//', '//ci:SECRET@'), '--branch', 'main', '--port', '0'],
    );
    expect(files).toEqual([
      'frontend-app-authoring-cms.json',
      'frontend-app-authoring-lms.json',
      'frontend-platform-lms.json',
    ]);
    expect(lines).toEqual([
      `[stub] Fetched 2 lms pact(s) of branch main from ${url} (sent basic auth as ci (from the URL)).\n`,
      `[stub] Fetched 1 cms pact(s) of branch main from ${url} (sent basic auth as ci (from the URL)).\n`,
    ]);
    expect(result).toEqual({
      argv: ['--port', '0', '--pacts', expect.any(String)],
      broker: { url, selection: 'of branch main' },
    });
    // The URL's credentials went to the broker as basic auth, and nowhere else.
    const basic = `Basic ${Buffer.from('ci:SECRET').toString('base64')}`;
    expect(requests.every((r) => r.authorization === basic)).toBe(true);
    expect(JSON.stringify({ result, lines })).not.toMatch(/SECRET/);
  });

  it.each([
    ['knows no cms', { lms: ['frontend-platform'] }, ' (it knows no provider named cms)'],
    ['has no cms pact of the branch', { lms: ['frontend-platform'], cms: [] }, ''],
  ])('serves the LMS alone when the broker %s, saying so in one line', async (_, pacts, why) => {
    const { result, lines, files, url } = await fetchFrom(pacts, (u) => [
      '--broker-url',
      u,
      '--environment',
      'production',
    ]);
    expect(files).toEqual(['frontend-platform-lms.json']);
    expect(lines).toEqual([
      `[stub] Fetched 1 lms pact(s) deployed or released to production from ${url} (sent no credentials).\n`,
      `[stub] Not serving Studio (CMS): the broker at ${url} holds no cms pact deployed or released to production${why}.\n`,
    ]);
    expect(result).toHaveProperty('argv');
  });

  it('fails when the LMS has no pact, before asking for the others', async () => {
    const { result, asked } = await fetchFrom({ lms: [], cms: ['frontend-app-authoring'] }, (u) => [
      '--broker-url',
      u,
      '--branch',
      'main',
    ]);
    expect(result).toEqual({
      error: expect.stringMatching(
        /^Failed to fetch the lms pacts of branch main: the broker at \S+ holds no lms pact of branch main\. Check the names/,
      ),
    });
    expect(asked).toEqual(['/pacts/provider/lms/for-verification']);
  });

  it('fetches only --provider X, and fails when X has none', async () => {
    const only = await fetchFrom(
      { lms: ['frontend-platform'], cms: ['frontend-app-authoring'] },
      (u) => ['--broker-url', u, '--branch', 'main', '--provider', 'cms'],
    );
    expect(only.asked).toEqual(['/pacts/provider/cms/for-verification']);
    expect(only.files).toEqual(['frontend-app-authoring-cms.json']);
    const none = await fetchFrom({ lms: ['frontend-platform'] }, (u) => [
      '--broker-url',
      u,
      '--branch',
      'main',
      '--provider=cms',
    ]);
    expect(none.result).toEqual({
      error: expect.stringMatching(
        /^Failed to fetch the cms pacts of branch main: .* holds no cms pact of branch main \(it knows no provider named cms\)/,
      ),
    });
  });

  it('fetches each --backend-port provider too; one it has no pact of is served empty, said so', async () => {
    const { asked, files, lines, url } = await fetchFrom(
      {
        lms: ['frontend-platform'],
        cms: ['frontend-app-authoring'],
        ecommerce: ['frontend-app-payment'],
      },
      (u) => [
        '--broker-url',
        u,
        '--branch',
        'main',
        '--backend-port',
        'ecommerce=0',
        '--backend-port=discovery=0',
      ],
    );
    expect(asked).toEqual([
      '/pacts/provider/lms/for-verification',
      '/pacts/provider/cms/for-verification',
      '/pacts/provider/ecommerce/for-verification',
      '/pacts/provider/discovery/for-verification',
    ]);
    expect(files).toEqual([
      'frontend-app-authoring-cms.json',
      'frontend-app-payment-ecommerce.json',
      'frontend-platform-lms.json',
    ]);
    expect(lines.at(-1)).toBe(
      `[stub] Serving 'discovery' with no interactions (--backend-port): the broker at ${url} holds no discovery pact of branch main (it knows no provider named discovery).\n`,
    );
  });

  it('fails on any other refusal of a backend besides the LMS', async () => {
    const { result } = await fetchFrom(
      { lms: ['frontend-platform'], cms: ['frontend-app-authoring'] },
      (u) => ['--broker-url', u, '--branch', 'main'],
      'cms',
    );
    expect(result).toEqual({
      error: expect.stringMatching(
        /^Failed to fetch the cms pacts of branch main: POST \S+\/pacts\/provider\/cms\/for-verification answered 500/,
      ),
    });
  });
});
