/**
 * Turns a failed `pact broker` run into one sentence that says what happened and what to do.
 * The CLI's own output is printed above it; this adds the diagnosis a person would otherwise
 * have to work out from an HTTP status buried in that output. Patterns come from the CLI's
 * messages for the answers the broker contract describes (contracts/pact-broker/).
 */
import type { BrokerConnection } from './config';
import { type CiError, failure } from './errors';
import type { BrokerRun } from './pact-cli';

export interface FailureContext {
  /** What the step was doing, as `to <verb> <thing>` completes it: `publish the pacts`. */
  action: string;
  connection: BrokerConnection;
  /** e.g. `frontend-platform version 1a2b...`, for the 409 message. */
  subject?: string;
}

/** The CLI exits 0 on success; a few older CLI versions print ❌ and still exit 0. */
export function succeeded(run: BrokerRun): boolean {
  return run.code === 0 && !run.timedOut && !/^\s*❌/mu.test(run.output);
}

export function diagnose(run: BrokerRun, context: FailureContext): CiError {
  const { action, connection } = context;
  const out = run.output;
  const retries = connection.env.PACT_BROKER_HTTP_RETRIES;
  if (run.timedOut) {
    return failure(
      action,
      `the pact CLI did not finish in time talking to ${connection.baseUrl}`,
      'Check that the broker answers (curl it), then re-run the step.',
    );
  }
  if (run.code === -1) {
    return failure(action, `the pact CLI could not start (${lastLine(out)})`, 'Run `npm ci`.');
  }
  const refused = /path '([^']*)' failed: (\d{3})/.exec(out);
  const refusedPath = refused?.[1] ?? '';
  if (/\b401\b|Unauthorized/.test(out)) {
    // The CLI reads the index first: a 401 on another path means the login could read, and
    // was refused the write. The OSS broker answers its read-only user so (PactFlow: 403).
    if (refusedPath !== '') {
      return failure(
        action,
        `the broker at ${connection.baseUrl} let ${connection.authDescription} read but refused the write to ${refusedPath} (401 Unauthorized)`,
        'The open-source broker answers 401 when its read-only user writes: use the read-write user (PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD; for CI, the repository secrets of the same names).',
      );
    }
    return failure(
      action,
      `the broker at ${connection.baseUrl} rejected the credentials (401 Unauthorized; sent ${connection.authDescription})`,
      connection.authDescription === 'a token'
        ? 'Check PACT_BROKER_TOKEN (for CI: the repository secret of the same name).'
        : 'Check PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, or set PACT_BROKER_TOKEN (for CI: the repository secrets of the same names).',
    );
  }
  if (/\b400 Bad Request\b/.test(out) && connection.authDescription === 'a token') {
    return failure(
      action,
      `the broker at ${connection.baseUrl} answered 400 Bad Request to a token (sent a token${connection.tokenOverBasic ? '; PACT_BROKER_TOKEN wins over PACT_BROKER_USERNAME' : ''})`,
      'A broker with basic auth answers 400 to a bearer token: unset PACT_BROKER_TOKEN and set PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD.',
    );
  }
  if (/\b403\b|Forbidden/.test(out)) {
    return failure(
      action,
      `the broker at ${connection.baseUrl} accepted the credentials but does not allow this (403 Forbidden; sent ${connection.authDescription})`,
      'Use credentials with write access (PactFlow: a token of a user or system account with this permission).',
    );
  }
  if (/Cannot change the content of the pact|\b409\b|Conflict/.test(out)) {
    return failure(
      action,
      `the broker already holds a different pact for ${context.subject ?? 'this consumer version'} (409 Conflict)`,
      'A published version never changes: commit the contract change and publish from the new commit (never reuse a version number). If the content changed without a contract change, the pact is not reproducible: run `npm test` twice and look at the diff.',
    );
  }
  // "Environment staging does not exist" (record-deployment) and "Environment with name
  // 'staging' does not exist" (can-i-deploy: the broker's own validation message).
  const missingEnvironment = /Environment (?:with name )?'?([^'\s]+)'? does not exist/.exec(out);
  if (missingEnvironment) {
    return failure(
      action,
      `the broker has no environment named ${missingEnvironment[1]}`,
      `Create it once with \`npx pact-broker create-environment --name ${missingEnvironment[1]} --production\` (or use an existing one: \`npx pact-broker list-environments\`).`,
    );
  }
  if (
    /error sending request|Failed to access pact broker|Connection refused|dns error|tcp connect/i.test(
      out,
    )
  ) {
    return failure(
      action,
      `the broker at ${connection.baseUrl} is unreachable (no answer after ${retries} retries)`,
      'Check PACT_BROKER_BASE_URL and that the broker is up and reachable from here, then re-run the step.',
    );
  }
  const serverError = /\b(5\d\d) [A-Z][A-Za-z ]+/.exec(out);
  if (serverError) {
    return failure(
      action,
      `the broker at ${connection.baseUrl} kept failing (${serverError[0].trim()} after ${retries} retries)`,
      'The broker itself is in trouble: check its logs or status page, then re-run the step.',
    );
  }
  const notFound = /\b404\b|Not Found|was not found/.exec(out);
  if (notFound) {
    return failure(
      action,
      `the broker at ${connection.baseUrl} does not know this resource (404: ${lastLine(out)})`,
      'Check PACT_BROKER_BASE_URL (it is the broker root, not a page of it) and the names and version you passed.',
    );
  }
  return failure(
    action,
    `the pact CLI exited with code ${run.code}, saying: ${cliErrors(out) || 'nothing'}`,
    'Fix what the CLI names, and re-run the step.',
  );
}

/** The CLI's ❌ lines (its errors), or its last line when it printed none. */
function cliErrors(text: string): string {
  const errors = [
    ...new Set(
      text
        .split('\n')
        .filter((line) => /^\s*❌/u.test(line))
        .map((line) => line.replace(/^[\s❌]+/u, '').trim()),
    ),
  ];
  return errors.length > 0 ? errors.join(' / ') : lastLine(text);
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/^\s*❌\s*/u, '').trim())
    .filter(Boolean);
  return lines.at(-1) ?? '';
}
