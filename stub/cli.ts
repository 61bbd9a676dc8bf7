/**
 * `npm start` / `lms-stub`: loads the pacts and personas, checks them, starts the HTTP front
 * door and prints what it serves and how to point an MFE at it. Every start-up problem is one
 * clear `[stub] Failed to …` message and exit code 1, before anything is served.
 */
import * as path from 'node:path';
import { BROKER_SOURCE_HELP, pactsFromBroker } from './broker/source';
import { ConfigError, helpText, packageRoot, parseConfig, type StubConfig } from './config';
import { type LoadedPact, PactLoadError } from './engine';
import { frontEndLmsUrl } from './front-end-setup';
import { watchLauncher } from './launcher-watch';
import { PactSourceError } from './load/pact-files';
import { type LoadedSet, loadServedSet, StartupCheckError } from './load/served';
import { watchSources } from './load/watch';
import { PersonaLoadError } from './openedx/personas';
import { type BackendProfile, profileFor } from './profiles';
import {
  describeReferenceEngine,
  startReferenceEngine,
  watchReferenceEngine,
} from './reference/engine-option';
import { OriginSyntaxError } from './server/cors';
import { rotatingLogFile } from './server/log-file';
import { createLogger, type Logger } from './server/logger';
import { type StubServer, startStubServer } from './server/server';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

export type CliRun =
  | { exitCode: number }
  | { exitCode?: undefined; server: StubServer; stop: () => Promise<void> };

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/** Explains a load failure in the stub's voice. */
export function describeLoadError(error: unknown): string | undefined {
  if (error instanceof PactLoadError) {
    return `Failed to load pact ${error.message}. Fix the pact (or regenerate it with \`npm test\`) or leave it out of --pacts.`;
  }
  if (error instanceof PersonaLoadError)
    return `Failed to load personas ${error.message}. Fix the persona file.`;
  if (error instanceof PactSourceError)
    return `Failed to find pacts: ${error.message}. Check --pacts.`;
  if (error instanceof StartupCheckError) {
    const { what, advice } = error.check;
    return `Failed to check ${what}:\n${error.message}${advice ? `\n${advice}` : ''}`;
  }
  return undefined;
}

export function banner(
  config: StubConfig,
  profile: BackendProfile,
  served: LoadedSet,
  server: StubServer,
  cwd: string,
): string {
  const lms = frontEndLmsUrl(config.host, server.port, config.tutor);
  const rel = (file: string) => path.relative(cwd, file) || file;
  const pactRows = served.pacts.map(
    (pact: LoadedPact) =>
      `    ${pact.source}  ${pact.consumer} → ${pact.provider}, spec ${pact.specification}, ${pact.interactions.length} interaction(s)`,
  );
  const personas = [...served.personas.personas.values()].map((p) =>
    p.name === server.runtime.activePersona ? `${p.name} (active)` : p.name,
  );
  const lines = [
    `${profile.title} stub serving at ${server.url} (also ${lms}) · provider ${config.provider} · ${served.interactions.length} interaction(s)`,
    `  Pacts from ${config.pacts.map(rel).join(', ')}:`,
    ...(pactRows.length ? pactRows : ['    (none: every request will be answered 404)']),
    ...(served.ignoredPacts
      ? [
          `    ${served.ignoredPacts} pact(s) of other providers left out (--provider ${config.provider})`,
        ]
      : []),
    `  Persona: ${server.runtime.activePersona} · personas: ${personas.join(', ')} (${rel(config.personasFile)})`,
    ...(config.state ? [`  Provider state served first: '${config.state.name}'`] : []),
    `  CORS and redirects allowed for: ${server.cors.describe().join(', ')}`,
    ...(served.startupCheck?.summary ? [`  ${served.startupCheck.summary}`] : []),
    ...(profile.bannerLines?.({
      urls: new Map([[profile.provider, lms]]),
      port: server.port,
      tutor: config.tutor,
      cookieDomain: config.cookieDomain,
    }) ?? []),
    '',
    `  Admin page: ${lms}/__stub/ (personas, live requests, contract coverage, the set served)`,
    `  Log in: ${lms}/login · admin API: ${server.url}/__stub/health, persona, state, requests, coverage, served, reset`,
    ...(config.logFile
      ? [
          `  Log: ${config.logFile} (moved to ${config.logFile}.1 past ${config.logFileBytes} bytes).`,
        ]
      : []),
    `  Ctrl-C stops the stub.${config.watch ? ' Watching pact and persona files for changes.' : ''}`,
  ];
  return `[stub] ${lines.join('\n')}\n`;
}

/** What loads one backend's set: its profile, and the cookie domain its start-up check
 *  mints with. */
function loadOptions(config: StubConfig, profile: BackendProfile) {
  return {
    ...config,
    profile,
    ...(config.cookieDomain !== undefined && { cookieDomain: config.cookieDomain }),
  };
}

function reload(
  config: StubConfig,
  profile: BackendProfile,
  server: StubServer,
  log: Logger,
  cwd: string,
  changed: string,
): void {
  try {
    const served = loadServedSet({ ...loadOptions(config, profile), cwd });
    server.replace(served, path.relative(cwd, changed) || changed);
    log.info(
      `Reloaded after a change to ${path.relative(cwd, changed) || changed}: ${served.pacts.length} pact(s), ${served.interactions.length} interaction(s).`,
    );
  } catch (error) {
    const message = describeLoadError(error) ?? `Failed to reload: ${String(error)}.`;
    server.runtime.reloadFailed(path.relative(cwd, changed) || changed, message);
    log.error(
      `${message}\nStill serving the last good set (${server.runtime.interactions().length} interaction(s)).`,
    );
  }
}

export async function startCli(argv: string[], io: CliIo = processIo): Promise<CliRun> {
  let logFile: ReturnType<typeof rotatingLogFile> | undefined;
  const fail = (message: string): CliRun => {
    logFile?.close();
    logFile = undefined;
    io.err(`[stub] ${message}\n`);
    return { exitCode: 1 };
  };
  // --broker-url with --branch/--environment (broker/source.ts): fetch the broker's pacts
  // first, then serve them as --pacts.
  const fromBroker = await pactsFromBroker(argv, io.out);
  if ('error' in fromBroker) return fail(fromBroker.error);
  let config: StubConfig;
  try {
    config = parseConfig(fromBroker.argv, packageRoot());
  } catch (error) {
    if (error instanceof ConfigError)
      return fail(`Failed to read the options: ${error.message}. Run with --help to see them.`);
    throw error;
  }
  if (config.help) {
    io.out(`${helpText()}${BROKER_SOURCE_HELP}`);
    return { exitCode: 0 };
  }
  if (config.logFile !== undefined) {
    try {
      logFile = rotatingLogFile(path.resolve(io.cwd, config.logFile), config.logFileBytes);
    } catch (error) {
      return fail(
        `Failed to open --log-file ${config.logFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Check the path.`,
      );
    }
  }
  const log = createLogger(config.logLevel, logFile?.write ?? io.err);
  const profile = profileFor(config.provider);
  let served: LoadedSet;
  try {
    served = loadServedSet({ ...loadOptions(config, profile), cwd: io.cwd });
  } catch (error) {
    const message = describeLoadError(error);
    if (message) return fail(message);
    throw error;
  }
  if (config.persona !== undefined && !served.personas.personas.has(config.persona)) {
    return fail(
      `Failed to start as persona '${config.persona}': there is no such persona in ${path.relative(io.cwd, config.personasFile)}. Personas: ${[...served.personas.personas.keys()].join(', ')}.`,
    );
  }
  if (config.state && !served.stateNames.has(config.state.name)) {
    return fail(
      `Failed to serve --state '${config.state.name}': no served interaction declares it. States: ${[...served.stateNames].sort().join('; ')}.`,
    );
  }
  // --engine pact-stub-server: the same front door over pact-stub-server (stub/reference/).
  const reference =
    config.engine === 'pact-stub-server'
      ? await startReferenceEngine(served, io.cwd).catch((error: Error) => error)
      : undefined;
  if (reference instanceof Error) return fail(reference.message.replace(/^\[stub\] /, ''));
  if (reference) served = reference.served;
  let server: StubServer;
  try {
    server = await startStubServer({
      served,
      host: config.host,
      port: config.port,
      ...(config.persona && { persona: config.persona }),
      ...(config.state && { state: config.state }),
      origins: config.origins,
      allowedHosts: config.allowedHosts,
      ...(config.cookieDomain !== undefined && { cookieDomain: config.cookieDomain }),
      journalCredentials: config.journalCredentials,
      profile,
      journalBodyBytes: config.journalBodyBytes,
      log,
    });
  } catch (error) {
    if (error instanceof OriginSyntaxError)
      return fail(`Failed to read --origin: ${error.message}.`);
    const code = (error as NodeJS.ErrnoException).code;
    await reference?.responder.close();
    if (code === 'EADDRINUSE') {
      return fail(
        `Failed to listen on ${config.host}:${config.port}: the port is in use. Stop what uses it or pass --port <another>.`,
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') {
      return fail(
        `Failed to listen on ${config.host}:${config.port}: ${code}. Check --host and --port.`,
      );
    }
    throw error;
  }
  server.runtime.source = {
    pacts: config.pacts.map((source) => path.relative(io.cwd, source) || source),
    personasFile: path.relative(io.cwd, config.personasFile) || config.personasFile,
    provider: config.provider,
    ...(fromBroker.broker && { broker: fromBroker.broker }),
    watch: config.watch,
  };
  io.out(banner(config, profile, served, server, io.cwd));
  const stopWatching = config.watch
    ? watchSources(
        [...config.pacts, config.personasFile],
        (changed) => reload(config, profile, server, log, io.cwd, changed),
        { log, cwd: io.cwd },
      )
    : () => undefined;
  if (reference) {
    // Unconfined, the child serves the pacts to the network: say so louder.
    (reference.responder.unconfined === undefined ? log.info : log.warn)(
      describeReferenceEngine(reference.responder),
    );
    watchReferenceEngine(reference.responder, log, () => {
      process.exitCode = 1;
      server.close();
    });
  }
  return {
    server,
    stop: async () => {
      stopWatching();
      await server.close();
      await reference?.responder.close();
      logFile?.close();
    },
  };
}

async function main(): Promise<void> {
  const run = await startCli(process.argv.slice(2));
  if (run.exitCode !== undefined) {
    process.exitCode = run.exitCode;
    return;
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[stub] ${signal}: stopping.\n`);
    run.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Under `npm start`, killing npm must stop the stub too (see launcher-watch.ts).
  watchLauncher((launcher) => stop(`npm (pid ${launcher}), which started the stub, is gone`));
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`[stub] Failed to start: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
