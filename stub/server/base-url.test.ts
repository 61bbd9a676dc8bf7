import { createBaseUrlResolver } from './base-url';

const BOUND = 'http://127.0.0.1:18000';
const resolver = (overrides: { host?: string; allowedHosts?: string[] } = {}) =>
  createBaseUrlResolver({
    boundUrl: BOUND,
    port: 18000,
    host: overrides.host ?? '127.0.0.1',
    allowedHosts: overrides.allowedHosts ?? ['localhost', '127.0.0.1', 'apps.local.openedx.io'],
  });

describe('the base URL of a request', () => {
  it.each([
    ['localhost:18000', 'http://localhost:18000'],
    ['LocalHost:18000', 'http://localhost:18000'],
    ['127.0.0.1:18000', 'http://127.0.0.1:18000'],
    ['[::1]:18000', 'http://[::1]:18000'],
    ['apps.local.openedx.io:18000', 'http://apps.local.openedx.io:18000'],
  ])('follows Host %s, a name of this stub on its port', (host, expected) => {
    // Act
    const url = resolver()(host);

    // Assert
    expect(url).toBe(expected);
  });

  it.each([
    ['another host name', 'evil.example:18000'],
    ['another port', 'localhost:18001'],
    ['no port (80)', 'localhost'],
    ['a path', 'localhost:18000/x'],
    ['user info', 'user@localhost:18000'],
    ['a second host', 'localhost:18000, evil.example'],
    ['an empty Host', ''],
    ['a wildcard address', '0.0.0.0:18000'],
  ])('gives the bound URL for %s', (_what, host) => {
    // Act
    const url = resolver()(host);

    // Assert
    expect(url).toBe(BOUND);
  });

  it('gives the bound URL without a Host header (HTTP/1.0)', () => {
    // Act
    const url = resolver()(undefined);

    // Assert
    expect(url).toBe(BOUND);
  });

  it('follows the host names of extra allowed origins and of the bound interface', () => {
    // Arrange
    const resolve = resolver({ host: '192.168.1.20', allowedHosts: ['lms.test'] });

    // Act
    const extra = resolve('lms.test:18000');
    const boundHost = resolve('192.168.1.20:18000');
    const notAllowed = resolve('apps.local.openedx.io:18000');

    // Assert
    expect(extra).toBe('http://lms.test:18000');
    expect(boundHost).toBe('http://192.168.1.20:18000');
    expect(notAllowed).toBe(BOUND);
  });

  it('keeps deciding the same way once it remembers hosts, and past what it remembers', () => {
    // Arrange
    const resolve = resolver();
    for (let i = 0; i < 100; i += 1) resolve(`h${i}.example:18000`);

    // Act
    const again = [
      resolve('localhost:18000'),
      resolve('localhost:18000'),
      resolve('h1.example:18000'),
    ];

    // Assert
    expect(again).toEqual(['http://localhost:18000', 'http://localhost:18000', BOUND]);
  });
});
