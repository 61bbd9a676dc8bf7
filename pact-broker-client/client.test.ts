import { brokerLogin, redactUrls } from './connection';
import { consumerVersionSelectors } from './fetch-pacts';

describe('brokerLogin', () => {
  it('takes credentials out of the URL and reports them as basic auth from the URL', () => {
    const login = brokerLogin('http://alice:S%40CRET@broker.example.org/', {});
    expect(login.baseUrl).toBe('http://broker.example.org');
    expect(login.description).toBe('basic auth as alice (from the URL)');
    expect(login.authorization).toBe(`Basic ${Buffer.from('alice:S@CRET').toString('base64')}`);
  });

  it('prefers the token, as the pact CLI does, and says so', () => {
    const login = brokerLogin('https://b.example.org', {
      PACT_BROKER_TOKEN: 't',
      PACT_BROKER_USERNAME: 'ci',
      PACT_BROKER_PASSWORD: 'pw',
    });
    expect(login).toMatchObject({ authorization: 'Bearer t', tokenOverBasic: true });
    expect(brokerLogin('https://b.example.org', {}).description).toBe('no credentials');
  });

  it('names a bad URL without its credentials', () => {
    expect(() => brokerLogin('ftp://u:pw@b', {})).toThrow('"ftp://***@b" is not an http(s) URL');
  });

  it('redacts userinfo in any URL of a text', () => {
    expect(redactUrls('GET https://u:p@h/x and http://t@h2/')).toBe(
      'GET https://***@h/x and http://***@h2/',
    );
  });
});

describe('consumerVersionSelectors', () => {
  it('asks for the latest of a branch and for what is deployed or released to an environment', () => {
    expect(consumerVersionSelectors({ branch: 'main', environment: 'production' })).toEqual([
      { branch: 'main', latest: true },
      { environment: 'production' },
    ]);
  });
});
