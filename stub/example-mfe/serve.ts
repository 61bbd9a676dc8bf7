/**
 * A small static server for the built example MFE: files from the build folder, and index.html
 * for every other path (the MFE routes on the client, as a webpack dev server's
 * historyApiFallback does). Binds 127.0.0.1; the MFE's URL says `localhost` so that the page
 * shares its host name, and with it the JWT cookie, with a stub at http://localhost:<port>.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface ServeOptions {
  /** The build folder (index.html, index.js, index.css). */
  dir: string;
  /** 0 picks a free port. Defaults to 2999. */
  port?: number;
  /** Defaults to 127.0.0.1, opened as `localhost`; any other address is opened as itself. */
  host?: string;
}

export interface RunningMfe {
  /** The origin the MFE is opened at: http://localhost:<port> by default. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_MFE_PORT = 2999;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

async function fileToServe(dir: string, urlPath: string): Promise<string> {
  const index = path.join(dir, 'index.html');
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return index;
  }
  const candidate = path.resolve(dir, `.${path.posix.normalize(decoded)}`);
  // Never leave the build folder; anything that is not a file there is a client-side route.
  if (!candidate.startsWith(`${dir}${path.sep}`)) return index;
  try {
    return (await stat(candidate)).isFile() ? candidate : index;
  } catch {
    return index;
  }
}

async function handle(dir: string, request: IncomingMessage, response: ServerResponse) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`[example-mfe] ${request.method} is not served: this is a static MFE server.\n`);
    return;
  }
  const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
  const file = await fileToServe(dir, urlPath);
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    // Every build may point at other ports: never let the browser reuse an old bundle.
    'Cache-Control': 'no-store',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', (error) => response.destroy(error))
    .pipe(response);
}

export async function serveExampleMfe(options: ServeOptions): Promise<RunningMfe> {
  const dir = path.resolve(options.dir);
  const indexStat = await stat(path.join(dir, 'index.html')).catch(() => undefined);
  if (!indexStat?.isFile()) {
    throw new Error(
      `[example-mfe] Failed to serve ${dir}: it has no index.html. Build it first (npx tsx stub/example-mfe/build.ts).`,
    );
  }
  const server = createServer((request, response) => {
    handle(dir, request, response).catch((error: unknown) => {
      console.error(`[example-mfe] Failed to serve ${request.url}: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `[example-mfe] Failed to listen on ${host}:${options.port}: the port is in use. Pass another --port.`
            : `[example-mfe] Failed to listen on ${host}:${options.port}: ${error.message}`,
        ),
      ),
    );
    server.listen(options.port ?? DEFAULT_MFE_PORT, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
