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
