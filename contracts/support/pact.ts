/**
 * The one Pact factory of this repo: every contract is spec V4, provider `lms` unless said
 * otherwise, and writes into the staging folder that `npm test` promotes to generated-pacts/
 * only when every contract test passed (contracts/jest/promote-pacts-reporter.js).
 */

import type { PactOptions as PactV4Options } from '@pact-foundation/pact';
import { PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { runStagingDir } from '../jest/paths';

type LogLevel = NonNullable<PactV4Options['logLevel']>;
const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

/** Pact's Rust core is chatty: keep it at `error` unless LOG_LEVEL asks for more. */
function logLevelFromEnv(): LogLevel {
  const requested = (process.env.LOG_LEVEL ?? 'error').toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(requested) ? (requested as LogLevel) : 'error';
}

export interface ContractOptions {
  /** The real code that owns the calls, e.g. `frontend-platform`, `frontend-app-learning`. */
  consumer: string;
  provider?: string;
}

export function createPact({ consumer, provider = 'lms' }: ContractOptions): PactV4 {
  return new PactV4({
    consumer,
    provider,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    dir: runStagingDir(),
    host: '127.0.0.1',
    logLevel: logLevelFromEnv(),
  });
}
