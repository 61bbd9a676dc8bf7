import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 right now (the OS picks it; the caller binds it next): where the
 * real-broker checks start the stub through its CLI (`--port`), and the address of a broker that
 * is down. ci/ keeps its own few lines rather than import the stub's internals
 * (stub/server/free-port.ts): it uses the stub only through its CLI.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
