/**
 * The ceiling: a bare Node `http` server that answers the benchmark's requests with the very
 * bytes the native engine answered (status, headers, body), looked up by method and URL in a
 * Map, with no matching at all. Whatever our stub does on top of this is its cost.
 *
 *   node ceiling-server.js <port> <responses.json>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export interface RecordedResponse {
  method: string;
  /** Path and query as sent. */
  url: string;
  status: number;
  headers: Record<string, string[]>;
  bodyBase64: string;
}

interface Prepared {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

function prepare(recorded: RecordedResponse[]): Map<string, Prepared> {
  const table = new Map<string, Prepared>();
  for (const r of recorded) {
    const body = Buffer.from(r.bodyBase64, 'base64');
    const headers: [string, string][] = [];
    for (const [name, values] of Object.entries(r.headers)) {
      const lower = name.toLowerCase();
      if (
        ['content-length', 'connection', 'keep-alive', 'date', 'transfer-encoding'].includes(lower)
      )
        continue;
      for (const value of values) headers.push([name, value]);
    }
    headers.push(['Content-Length', String(body.length)]);
    table.set(`${r.method} ${r.url}`, { status: r.status, headers, body });
  }
  return table;
}

if (require.main === module) {
  const [portText, file] = process.argv.slice(2);
  if (!portText || !file) {
    process.stderr.write(
      '[bench] Failed to start the ceiling server: give <port> <responses.json>.\n',
    );
    process.exit(2);
  }
  const table = prepare(JSON.parse(readFileSync(file, 'utf8')) as RecordedResponse[]);
  const server = createServer((req, res) => {
    // Drain any request body before answering, as a real server must.
    req.resume();
    req.on('end', () => {
      const hit = table.get(`${req.method} ${req.url}`);
      if (!hit) {
        res.writeHead(404, { 'Content-Length': '0' }).end();
        return;
      }
      res.writeHead(hit.status, hit.headers.flat());
      res.end(hit.body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(portText), '127.0.0.1');
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
