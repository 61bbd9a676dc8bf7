/**
 * `npm start` / `lms-stub`: loads the pacts and personas, checks them, starts one HTTP front
 * door per backend served (the LMS, and each other backend profile its pacts are for, on its
 * own port: stub/profiles/) and prints what it serves and how to point an MFE at it. Every start-up problem is one
 * clear `[stub] Failed to …` message and exit code 1, before anything is served.
 */
import * as path from 'node:path';
import { BROKER_SOURCE_HELP, pactsFromBroker } from './broker/source';
import { ConfigError, helpText, packageRoot, parseConfig, type StubConfig } from './config';
import { type LoadedPact, PactLoadError } from './engine';
import { OriginSyntaxError } from './front-door/origin-policy';
import { unknownPersona } from './front-door/selection';
import { frontEndUrl } from './front-end-setup';
import { watchLauncher } from './launcher-watch';
import { PactSourceError } from './load/pact-files';
import {
  type BackendSources,
  buildBackends,
  type LoadedSet,
  loadBackends,
  readBackends,
  StartupCheckError,
} from './load/served';
import { watchSources } from './load/watch';
import { PersonaLoadError } from './openedx/personas';
import type { Deployment } from './openedx/runtime-config';
import { type BackendProfile, profileFor } from './profiles';
import {
  describeReferenceEngine,
  startReferenceEngine,
  watchReferenceEngine,
} from './reference/engine-option';
import { rotatingLogFile } from './server/log-file';
import { createLogger, type Logger } from './server/logger';
import { type StubServer, startStubServer } from './server/server';
import { TUTOR_PRESET } from './tutor-preset';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

export type CliRun =
  | { exitCode: number }
  | {
      exitCode?: undefined;
      /** The primary backend's server (the LMS's, or --provider's): the admin page's. */
      server: StubServer;
      /** Every backend served, the primary first. */
      backends: Backend[];
      stop: () => Promise<void>;
    };

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

/** One backend of a running stub: its profile's set and the server on its port. */
export interface Backend {
  served: LoadedSet;
  server: StubServer;
}

/** Where the backends are as front ends reach them: each served one's URL on `port`. */
function deploymentOf(
  config: StubConfig,
  ports: readonly (readonly [provider: string, port: number])[],
): Deployment {
  return {
    urls: new Map(
      ports.map(([provider, port]) => [
        provider,
        frontEndUrl(provider, config.host, port, config.tutor),
      ]),
    ),
    tutor: config.tutor,
  };
}

const deploymentOfServers = (config: StubConfig, backends: readonly Backend[]) =>
  deploymentOf(
    config,
    backends.map((b) => [b.served.profile.provider, b.server.port]),
  );

export function banner(config: StubConfig, backends: readonly Backend[], cwd: string): string {
  const primary = backends[0] as Backend;
  const { urls } = deploymentOfServers(config, backends);
  const frontEnd = (backend: Backend) => urls.get(backend.served.profile.provider) as string;
  const lms = frontEnd(primary);
  const rel = (file: string) => path.relative(cwd, file) || file;
  const pactRows = backends.flatMap(({ served }) =>
    served.pacts.map(
      (pact: LoadedPact) =>
        `    ${pact.source}  ${pact.consumer} → ${pact.provider}, spec ${pact.specification}, ${pact.interactions.length} interaction(s)`,
    ),
  );
  const { server, served } = primary;
  const personas = [...served.personas.personas.values()].map((p) =>
    p.name === server.runtime.activePersona ? `${p.name} (active)` : p.name,
  );
  const lines = [
    ...backends.map(
      (backend) =>
        `${backend.served.profile.title} stub serving at ${backend.server.url} (also ${frontEnd(backend)}) · provider ${backend.served.profile.provider} · ${backend.served.interactions.length} interaction(s)`,
    ),
    `  Pacts from ${config.pacts.map(rel).join(', ')}:`,
    ...(pactRows.length ? pactRows : ['    (none: every request will be answered 404)']),
    ...(served.ignoredPacts
      ? [
          `    ${served.ignoredPacts} pact(s) of other providers left out (--provider, --backend-port)`,
        ]
      : []),
    `  Persona: ${server.runtime.activePersona} · personas: ${personas.join(', ')} (${rel(config.personasFile)})`,
    ...(backends.length > 1
      ? ['  One login for every port: a browser logged in at the LMS stub is that persona on each.']
      : []),
    ...(config.state ? [`  Provider state served first: '${config.state.name}'`] : []),
    `  CORS and redirects allowed for: ${server.cors.describe().join(', ')}`,
    ...backends.flatMap((b) =>
      b.served.startupCheck?.summary ? [`  ${b.served.startupCheck.summary}`] : [],
    ),
    ...backends.flatMap(
      (b) =>
        b.served.profile.bannerLines?.({
          urls,
          port: b.server.port,
          tutor: config.tutor,
          cookieDomain: config.cookieDomain,
        }) ?? [],
    ),
    '',
    `  Admin page: ${lms}/__stub/ (personas, live requests${backends.length > 1 ? ' of every backend' : ''}, contract coverage, the set served)`,
    `  ${served.profile.loginPath ? `Log in: ${lms}${served.profile.loginPath} · ` : ''}Admin API: ${server.url}/__stub/health, persona, state, requests, coverage, served, reset`,
    ...(config.logFile
      ? [
          `  Log: ${config.logFile} (moved to ${config.logFile}.1 past ${config.logFileBytes} bytes).`,
        ]
      : []),
    `  Ctrl-C stops the stub.${config.watch ? ' Watching pact and persona files for changes.' : ''}`,
  ];
  return `[stub] ${lines.join('\n')}\n`;
}

/** How the backends are loaded: the profiles' sets, from one reading of the files. */
const loadOptions = (config: StubConfig, cwd: string, deployment?: Deployment) => ({
  ...config,
  provider: config.provider,
  extra: [...config.backendPorts.keys()],
  ...(config.cookieDomain !== undefined && { cookieDomain: config.cookieDomain }),
  ...(deployment && { deployment }),
  cwd,
});

function reload(
  config: StubConfig,
  backends: readonly Backend[],
  log: Logger,
  cwd: string,
  changed: string,
): void {
  const primary = (backends[0] as Backend).server;
  const label = path.relative(cwd, changed) || changed;
  try {
    const sets = loadBackends(loadOptions(config, cwd, deploymentOfServers(config, backends)));
    for (const backend of backends) {
      const set = sets.find((s) => s.profile.provider === backend.served.profile.provider);
      if (set) backend.server.replace(set, label);
    }
    const added = sets.filter(
      (set) => !backends.some((b) => b.served.profile.provider === set.profile.provider),
    );
    if (added.length)
      log.warn(
        `Not serving ${added.map((set) => set.profile.title).join(', ')}, whose pacts appeared after start-up: restart the stub to serve them.`,
      );
    log.info(
      `Reloaded after a change to ${label}: ${sets
        .map(
          (set) =>
            `${sets.length > 1 ? `${set.profile.provider}: ` : ''}${set.pacts.length} pact(s), ${set.interactions.length} interaction(s)`,
        )
        .join('; ')}.`,
    );
  } catch (error) {
    const message = describeLoadError(error) ?? `Failed to reload: ${String(error)}.`;
    for (const backend of backends) backend.server.runtime.reloadFailed(label, message);
    log.error(
      `${message}\nStill serving the last good set (${primary.runtime.interactions().length} interaction(s)).`,
    );
  }
}

/** The port of each backend: --port for the first, --backend-port, Tutor's or the profile's
 *  for others. */
export function portOf(
  config: StubConfig,
  profile: BackendProfile,
  primary = false,
): number | string {
  const { provider, defaultPort } = profile;
  const tutorPort = config.tutor ? TUTOR_PRESET.backendPorts[provider] : undefined;
  const port =
    config.backendPorts.get(provider) ?? (primary ? config.port : (tutorPort ?? defaultPort));
  return port ?? `no port for the ${profile.title} backend: pass --backend-port ${provider}=<port>`;
}

/** Where the backends of `sources` will be, from the ports they are to listen on (a port 0
 *  is only known once listening: startCli then builds them again). */
function plannedDeployment(config: StubConfig, sources: BackendSources): Deployment {
  return deploymentOf(
    config,
    sources.providers.flatMap((provider, i) => {
      const port = portOf(config, profileFor(provider), i === 0);
      return typeof port === 'number' ? [[provider, port] as const] : [];
    }),
  );
}

const sameUrls = (a: Deployment, b: Deployment) =>
  a.urls.size === b.urls.size &&
  [...a.urls].every(([provider, url]) => b.urls.get(provider) === url);

/** The warning when --engine pact-stub-server leaves backends out: which, and what to do. */
function referenceEngineLeavesOut(served: LoadedSet, leftOut: readonly LoadedSet[]): string {
  const names = leftOut.map((set) => set.profile.title);
  const provider = leftOut[0]?.profile.provider ?? '<provider>';
  return (
    `--engine pact-stub-server serves one backend: ${served.profile.title} only. Not served, ` +
    `nothing listens on its port: ${names.join(', ')}. For it, use the native engine ` +
    `(leave --engine out), or start a second stub with --provider ${provider} --engine ` +
    'pact-stub-server on another port (it shares no login with this one). See docs/conformance.md.'
  );
}

async function listen(
  config: StubConfig,
  served: LoadedSet,
  port: number,
  log: Logger,
  shareWith: StubServer | undefined,
  several: boolean,
): Promise<StubServer | string> {
  try {
    return await startStubServer({
      served,
      host: config.host,
      port,
      ...(config.persona && { persona: config.persona }),
      ...(config.state && { state: config.state }),
      origins: config.origins,
      allowedHosts: config.allowedHosts,
      ...(config.cookieDomain !== undefined && { cookieDomain: config.cookieDomain }),
      journalCredentials: config.journalCredentials,
      profile: served.profile,
      ...(shareWith && { shareWith }),
      labelJournal: several,
      journalBodyBytes: config.journalBodyBytes,
      log,
    });
  } catch (error) {
    if (error instanceof OriginSyntaxError) return `Failed to read --origin: ${error.message}.`;
    const code = (error as NodeJS.ErrnoException).code;
    const flag = shareWith
      ? `--backend-port ${served.profile.provider}=<another>`
      : '--port <another>';
    if (code === 'EADDRINUSE') {
      return `Failed to listen on ${config.host}:${port}${shareWith ? ` for the ${served.profile.title} stub` : ''}: the port is in use. Stop what uses it or pass ${flag}.`;
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') {
      return `Failed to listen on ${config.host}:${port}: ${code}. Check --host and --port.`;
    }
    throw error;
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
  let sets: LoadedSet[];
  let sources: BackendSources;
  let planned: Deployment;
  try {
    sources = readBackends(loadOptions(config, io.cwd));
    planned = plannedDeployment(config, sources);
    sets = buildBackends(sources, { ...loadOptions(config, io.cwd), deployment: planned });
  } catch (error) {
    const message = describeLoadError(error);
    if (message) return fail(message);
    throw error;
  }
  const first = sets[0] as LoadedSet;
  if (config.persona !== undefined && unknownPersona(first.personas, config.persona)) {
    return fail(
      `Failed to start as persona '${config.persona}': there is no such persona in ${path.relative(io.cwd, config.personasFile)}. Personas: ${[...first.personas.personas.keys()].join(', ')}.`,
    );
  }
  if (config.state && !sets.some((set) => set.stateNames.has(config.state?.name ?? ''))) {
    const states = new Set(sets.flatMap((set) => [...set.stateNames]));
    return fail(
      `Failed to serve --state '${config.state.name}': no served interaction declares it. States: ${[...states].sort().join('; ')}.`,
    );
  }
  // --engine pact-stub-server: the same front door over pact-stub-server (stub/reference/),
  // for one backend: one child per backend would multiply its confinement and its lifecycle
  // (docs/conformance.md).
  if (config.engine === 'pact-stub-server' && sets.length > 1) {
    log.warn(referenceEngineLeavesOut(first, sets.slice(1)));
    sets = [first];
  }
  const reference =
    config.engine === 'pact-stub-server'
      ? await startReferenceEngine(first, io.cwd).catch((error: Error) => error)
      : undefined;
  if (reference instanceof Error) return fail(reference.message.replace(/^\[stub\] /, ''));
  if (reference) sets[0] = reference.served;
  const backends: Backend[] = [];
  const closeAll = async () => {
    for (const backend of backends) await backend.server.close();
    await reference?.responder.close();
  };
  for (const served of sets) {
    const port = portOf(config, served.profile, backends.length === 0);
    const server =
      typeof port === 'string'
        ? `Failed to serve ${served.profile.title}: ${port}.`
        : await listen(config, served, port, log, backends[0]?.server, sets.length > 1);
    if (typeof server === 'string') {
      await closeAll();
      return fail(server);
    }
    backends.push({ served, server });
  }
  const server = (backends[0] as Backend).server;
  // A backend on port 0 (tests) has its URL only now: build the sets again with it, so that the
  // LMS's runtime config names the Studio actually served. (A backend alone names no other.)
  const deployment = deploymentOfServers(config, backends);
  if (!reference && backends.length > 1 && !sameUrls(planned, deployment)) {
    const rebuilt = buildBackends(sources, { ...loadOptions(config, io.cwd), deployment });
    for (const [i, backend] of backends.entries()) {
      backend.served = rebuilt[i] as LoadedSet;
      backend.server.replace(backend.served);
    }
  }
  for (const backend of backends)
    backend.server.runtime.source = {
      pacts: config.pacts.map((source) => path.relative(io.cwd, source) || source),
      personasFile: path.relative(io.cwd, config.personasFile) || config.personasFile,
      provider: backend.served.profile.provider,
      ...(fromBroker.broker && { broker: fromBroker.broker }),
      watch: config.watch,
    };
  io.out(banner(config, backends, io.cwd));
  const stopWatching = config.watch
    ? watchSources(
        [...config.pacts, config.personasFile],
        (changed) => reload(config, backends, log, io.cwd, changed),
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
    backends,
    stop: async () => {
      stopWatching();
      await closeAll();
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
