import { pactsFromBroker } from './stub-source';

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
    [['--broker-url', 'http://127.0.0.1:9'], {}, /--branch <name> is missing/],
    [['--branch', 'main'], {}, /no --broker-url and PACT_BROKER_BASE_URL is not set/],
    [['--broker-url', '--branch', 'main'], {}, /--broker-url: it needs a URL/],
    [
      ['--broker-url', 'http://127.0.0.1:9', '--branch', 'main', '--pacts', 'x'],
      {},
      /--pacts and --broker-url both choose what to serve/,
    ],
  ])('refuses %j with a message that says what to pass', async (argv, env, message) => {
    const result = await pactsFromBroker(argv, out, env);
    expect(result).toEqual({ error: expect.stringMatching(message) });
  });

  it("reports an unreachable broker in the stub's voice, without the [ci] prefix", async () => {
    const result = await pactsFromBroker(
      ['--broker-url', 'http://127.0.0.1:9', '--branch', 'main'],
      out,
      {
        PATH: process.env.PATH,
        PACT_BROKER_HTTP_RETRIES: '0',
      },
    );
    expect(result).toEqual({
      error: expect.stringMatching(
        /^Failed to fetch the lms pacts of branch main from http:\/\/127\.0\.0\.1:9: the broker .* is unreachable/,
      ),
    });
  });
});
