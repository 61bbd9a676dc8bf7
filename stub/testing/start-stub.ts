/**
 * Starts a real stub (HTTP front door + native engine) on an ephemeral 127.0.0.1 port for
 * tests, with its log lines captured instead of printed.
 */
import * as path from 'node:path';
import type { StateOverride } from '../engine';
import { loadServedSet } from '../load/served';
import { lmsProfile } from '../profiles/lms';
import { createLogger, type LogLevel } from '../server/logger';
import { type StubServer, startStubServer } from '../server/server';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The auth boot contract the real frontend-platform client produced. */
export const PLATFORM_PACT = path.join(REPO_ROOT, 'generated-pacts', 'frontend-platform-lms.json');
export const DEFAULT_PERSONAS = path.join(REPO_ROOT, 'stub', 'personas', 'default.yaml');

export interface TestStub {
  server: StubServer;
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  logs: string[];
  close(): Promise<void>;
}

export async function startTestStub(
  options: {
    pacts?: string[];
    persona?: string;
    state?: StateOverride;
    origins?: string[];
    logLevel?: LogLevel;
    maxBodyBytes?: number;
    journalBodyBytes?: number;
    allowedHosts?: string[];
    journalCredentials?: boolean;
    requestTimeoutMs?: number;
    headersTimeoutMs?: number;
    /** --strict: refuse ambiguous requests (409) instead of answering with the first. */
    strict?: boolean;
  } = {},
): Promise<TestStub> {
  const logs: string[] = [];
  const served = loadServedSet({
    pacts: options.pacts ?? [PLATFORM_PACT],
    personasFile: DEFAULT_PERSONAS,
    profile: lmsProfile,
    cwd: REPO_ROOT,
    ...(options.strict && { strict: true }),
  });
  const server = await startStubServer({
    served,
    host: '127.0.0.1',
    port: 0,
    profile: lmsProfile,
    log: createLogger(options.logLevel ?? 'debug', (line) => logs.push(line)),
    ...(options.persona && { persona: options.persona }),
    ...(options.state && { state: options.state }),
    ...(options.origins && { origins: options.origins }),
    ...(options.maxBodyBytes && { maxBodyBytes: options.maxBodyBytes }),
    ...(options.journalBodyBytes !== undefined && { journalBodyBytes: options.journalBodyBytes }),
    ...(options.allowedHosts && { allowedHosts: options.allowedHosts }),
    ...(options.journalCredentials && { journalCredentials: true }),
    ...(options.requestTimeoutMs && { requestTimeoutMs: options.requestTimeoutMs }),
    ...(options.headersTimeoutMs && { headersTimeoutMs: options.headersTimeoutMs }),
  });
  return { server, url: server.url, port: server.port, logs, close: () => server.close() };
}
