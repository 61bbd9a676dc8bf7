/**
 * What never becomes a request: bytes that are not HTTP, a request that takes too long or whose
 * headers are too large, a CONNECT. Each gets a problem written straight to the socket, and a
 * warning in the log; the server keeps serving.
 */
import type * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../engine';
import { problem } from '../front-door/problems';
import type { Logger } from './logger';

function rawProblem(p: Problem, reason: string): string {
  const body = JSON.stringify(p);
  return (
    `HTTP/1.1 ${p.status} ${reason}\r\n` +
    `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

export function answerSocketProblems(
  server: http.Server,
  log: Logger,
  limits: { requestTimeout: number; headersTimeout: number; maxHeaderBytes: number },
): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      const p = problem(
        'REQUEST_TIMEOUT',
        `The request was not complete within ${limits.requestTimeout} ms (headers within ${limits.headersTimeout} ms); the stub closed the connection.`,
      );
      log.warn(`Closed a connection: ${p.detail}`);
      socket.end(rawProblem(p, 'Request Timeout'));
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const p = tooLarge
      ? problem('HEADERS_TOO_LARGE', `The request headers are over ${limits.maxHeaderBytes} bytes.`)
      : problem(
          'MALFORMED_REQUEST',
          `The request could not be parsed as HTTP (${error.code ?? error.message}): e.g. an unknown method or a bad request line.`,
        );
    log.warn(`Rejected a request that is not valid HTTP: ${p.detail}`);
    socket.end(rawProblem(p, tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'));
  });

  // CONNECT asks for a tunnel; without this listener Node drops the connection unanswered.
  server.on('connect', (req: http.IncomingMessage, socket: Duplex) => {
    const p = problem(
      'METHOD_NOT_ALLOWED',
      `CONNECT ${req.url}: the stub is not a proxy. Point the client at the stub's URL itself.`,
    );
    log.warn(`Refused CONNECT ${req.url}: the stub is not a proxy.`);
    socket.on('error', () => socket.destroy());
    socket.end(rawProblem(p, 'Method Not Allowed'));
  });
}
