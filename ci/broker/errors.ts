/**
 * The one error type of ci/: a message a person can act on, already in the `[ci]` voice. Step
 * scripts throw it; `runMain` prints it (never a stack trace) and exits non-zero.
 */
export class CiError extends Error {
  override name = 'CiError';
}

/** `[ci] Failed to <verb> <thing>: <reason>. <what to do>.` */
export function failure(action: string, reason: string, remedy: string): CiError {
  return new CiError(`[ci] Failed to ${action}: ${reason}. ${remedy}`);
}

/**
 * Runs a script's main function: a CiError is printed as is, anything else with its stack
 * (that is a bug in ci/, not bad input), and both exit 1.
 */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof CiError) process.stderr.write(`${error.message}\n`);
      else
        process.stderr.write(
          `[ci] Unexpected error in ci/: ${String(error)}\n${(error as Error)?.stack ?? ''}\n`,
        );
      process.exit(1);
    },
  );
}
