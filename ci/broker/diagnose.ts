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
  if (/\b401\b|Unauthorized/.test(out)) {
    return failure(
      action,
      `the broker at ${connection.baseUrl} rejected the credentials (401 Unauthorized; sent ${connection.authDescription})`,
      'Check PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD (for CI: the repository secrets of the same names).',
    );
  }
  if (/\b403\b|Forbidden/.test(out)) {
    return failure(
      action,
      `the broker at ${connection.baseUrl} accepted the credentials but does not allow this (403 Forbidden)`,
      'Use credentials with write access (on the OSS broker, the write user, not the read-only one).',
    );
  }
  if (/Cannot change the content of the pact|\b409\b|Conflict/.test(out)) {
    return failure(
      action,
      `the broker already holds a different pact for ${context.subject ?? 'this consumer version'} (409 Conflict)`,
      'A published version never changes: commit the contract change and publish from the new commit (never reuse a version number). If the content changed without a contract change, the pact is not reproducible: run `npm test` twice and look at the diff.',
    );
  }
  const missingEnvironment = /Environment (\S+) does not exist/.exec(out);
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
    `the pact CLI exited with code ${run.code} (${lastLine(out) || 'no output'})`,
    'Read the CLI output above, fix what it names, and re-run the step.',
  );
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/^\s*❌\s*/u, '').trim())
    .filter(Boolean);
  return lines.at(-1) ?? '';
}
