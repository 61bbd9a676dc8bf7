import { resolveExampleMfeEnv } from './build';

describe('resolveExampleMfeEnv', () => {
  it('reads .env.development, lets the shell override it and explicit values override both', async () => {
    const env = await resolveExampleMfeEnv(
      { LOGIN_URL: 'http://localhost:4000/login' },
      { LMS_BASE_URL: 'http://localhost:4000', LOGIN_URL: 'http://shell/login', HOME: '/root' },
    );

    expect(env.APP_ID).toBe('example-mfe'); // from .env.development
    expect(env.LMS_BASE_URL).toBe('http://localhost:4000'); // from the shell
    expect(env.LOGIN_URL).toBe('http://localhost:4000/login'); // explicit
    expect(env).not.toHaveProperty('HOME'); // undeclared shell variables stay out of the bundle
  });

  it('refuses a value for a key .env.development does not declare', async () => {
    await expect(resolveExampleMfeEnv({ LMS_URL: 'http://localhost:4000' }, {})).rejects.toThrow(
      '[example-mfe] Failed to build: LMS_URL is not declared in stub/example-mfe/.env.development.',
    );
  });
});
