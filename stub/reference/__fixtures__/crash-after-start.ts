/**
 * A stub runner that crashes: it starts the CLI with the given arguments, then throws an
 * uncaught exception. The lifecycle test checks that its pact-stub-server child does not
 * survive it.
 */
import { startCli } from '../../cli';

startCli(process.argv.slice(2)).then((run) => {
  if (run.exitCode !== undefined) process.exit(run.exitCode);
  setTimeout(() => {
    throw new Error('deliberate crash of the stub runner (lifecycle test)');
  }, 100);
});
