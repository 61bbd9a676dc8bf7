/**
 * The stub's command-line flags: one table with a description and a default for each, read
 * with node:util parseArgs. Flags only (no environment variables), so `--help` tells the whole
 * story. Paths default to folders of this package, wherever the command runs from.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { JsonValue, StateOverride } from './engine';
import { CookieDomainError, parseCookieDomain } from './openedx/cookie-domain';
import { profileFor } from './profiles';
import { ENGINES, type EngineName, isEngineName } from './reference/engine-option';
import { DEFAULT_JOURNAL_BODY_BYTES } from './server/journal';
import { DEFAULT_LOG_FILE_BYTES } from './server/log-file';
import { LOG_LEVELS, type LogLevel } from './server/logger';
import { TUTOR_PRESET } from './tutor-preset';

export interface StubConfig {
  port: number;
  host: string;
  pacts: string[];
  /** `--provider`: serve this backend alone; undefined: the LMS and every backend served by
   *  default that a loaded pact is for (stub/profiles/). */
  provider: string | undefined;
  /** `--backend-port <provider>=<port>`: serve that backend, on that port. */
  backendPorts: Map<string, number>;
  persona: string | undefined;
  personasFile: string;
  state: StateOverride | undefined;
  origins: string[];
  /** More host names the stub answers to (the Host check): --allowed-host, and the --tutor
   *  preset's local.openedx.io, on which it also gives links, redirects and cookies. */
  allowedHosts: string[];
  /** Domain of the login cookies (--cookie-domain), with its leading dot. */
  cookieDomain: string | undefined;
  /** The Tutor dev layout preset (stub/tutor-preset.ts). */
  tutor: boolean;
  watch: boolean;
  /** Refuse ambiguous requests instead of answering with the first interaction in pact order. */
  strict: boolean;
  /** Who chooses the interaction: our engine, or pact-stub-server behind the same front door. */
  engine: EngineName;
  /** How many bytes of each request body the journal (GET /__stub/requests) keeps. */
  journalBodyBytes: number;
  /** Keep Cookie/Authorization values in the journal instead of redacting them. */
  journalCredentials: boolean;
  logLevel: LogLevel;
  /** Write the log to this file (rotated) instead of stderr. */
  logFile: string | undefined;
  /** Rotate the log file past this many bytes. */
  logFileBytes: number;
  help: boolean;
}

export class ConfigError extends Error {}

/** The folder holding this package's package.json (from src/ or dist/ alike). */
export function packageRoot(start: string = __dirname): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}

const FLAGS = [
  [
    '--port <n>',
    'Port of the LMS, or of the --provider backend (0 picks a free one).',
    "18000 (the profile's port with --provider)",
  ],
  [
    '--backend-port <provider>=<n>',
    "Serve the backend of this provider on this port (e.g. cms=18010; 0 picks a free one), whether or not it is served by default. Repeatable. Each backend's port shares the LMS's login.",
    'each backend its own: cms 18010',
  ],
  [
    '--host <host>',
    'Interface to bind. Keep the loopback default unless you know why.',
    '127.0.0.1',
  ],
  [
    '--pacts <path>',
    'Pact file or folder (walked for *.json); repeat for more.',
    'generated-pacts/ of this package',
  ],
  [
    '--provider <name>',
    'Serve only the backend whose pacts have this provider name (lms, cms, pact-broker, or any other).',
    'the LMS, and each Open edX backend (cms) a loaded pact is for, each on its own port',
  ],
  [
    '--persona <name>',
    'Active persona: who requests without a login session are.',
    "the persona file's default_persona (verified-learner)",
  ],
  [
    '--personas <file>',
    'Persona file (YAML): users, courses, enrollments, personas.',
    'stub/personas/default.yaml of this package',
  ],
  [
    '--state <name>',
    'Serve this provider state first, for every request (exact name).',
    'none: the persona decides',
  ],
  ['--state-params <json>', 'Parameters of --state as a JSON object.', 'none'],
  [
    '--origin <origin>',
    'Also allow this origin for CORS and redirects (http://host:port, http://host:* or http://*.domain:*); repeatable.',
    'any port of http://localhost, http://127.0.0.1, http://apps.local.openedx.io',
  ],
  [
    '--cookie-domain <domain>',
    'Scope the session and JWT cookies to this domain (e.g. .local.openedx.io), as a deployment does, so front ends on its subdomains read them; cookies of requests reaching the stub by another name stay host-only.',
    'none: host-only cookies',
  ],
  [
    '--tutor',
    "Tutor's dev layout: answer as the LMS at http://local.openedx.io:8000 and Studio at http://studio.local.openedx.io:8001 (bound to 127.0.0.1), cookie domain .local.openedx.io, origins http://apps.local.openedx.io:* and http://*.local.openedx.io:*. Other flags override it.",
    'off',
  ],
  [
    '--allowed-host <name>',
    'Also answer requests whose Host is this name (a proxy, an MFE dev server, a Tutor host such as local.openedx.io); other Hosts get 421. Repeatable.',
    'localhost, 127.0.0.1, [::1], --host and the hosts of the allowed origins',
  ],
  [
    '--strict',
    'Refuse a request that several interactions with different responses fit (409 AMBIGUOUS_INTERACTION) instead of answering with the first in pact order.',
    'off',
  ],
  [
    '--watch',
    'Reload pact and persona files when they change; a bad file keeps the last good set.',
    'off',
  ],
  [
    '--engine <name>',
    `${ENGINES.join(' or ')}: pact-stub-server is the Pact Foundation's stub, the conformance reference (docs/conformance.md).`,
    'native',
  ],
  [
    '--journal-body-bytes <n>',
    'Bytes of each request body the journal (GET /__stub/requests) keeps; longer ones are cut and marked.',
    String(DEFAULT_JOURNAL_BODY_BYTES),
  ],
  [
    '--journal-credentials',
    'Keep Cookie and Authorization values and the password fields of bodies in the journal (GET /__stub/requests) instead of redacting them.',
    'off',
  ],
  ['--log-level <level>', `One of ${LOG_LEVELS.join(', ')}.`, 'info'],
  [
    '--log-file <path>',
    'Write the log here instead of stderr; past --log-file-bytes it moves to <path>.1 (replacing it) and a new file starts.',
    'stderr',
  ],
  ['--log-file-bytes <n>', 'Size at which --log-file is rotated.', String(DEFAULT_LOG_FILE_BYTES)],
  ['--help', 'Show this help.', ''],
] as const;

export function helpText(): string {
  const width = Math.max(...FLAGS.map(([flag]) => flag.length));
  const rows = FLAGS.map(
    ([flag, description, fallback]) =>
      `  ${flag.padEnd(width)}  ${description}${fallback ? ` (default: ${fallback})` : ''}`,
  );
  return [
    'lms-stub: serve the pacts as a fake LMS (and Studio, when its pacts are loaded) that a real MFE boots against.',
    '',
    'Usage: npm start -- [options]    or    lms-stub [options]',
    '',
    'Options:',
    ...rows,
    '',
    'Docs: docs/using-the-stub.md (pointing an MFE at the stub, personas, states, admin API).',
    '',
  ].join('\n');
}

export function parseConfig(argv: string[], root: string = packageRoot()): StubConfig {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        pacts: { type: 'string', multiple: true },
        provider: { type: 'string' },
        'backend-port': { type: 'string', multiple: true },
        persona: { type: 'string' },
        personas: { type: 'string' },
        state: { type: 'string' },
        'state-params': { type: 'string' },
        origin: { type: 'string', multiple: true },
        'cookie-domain': { type: 'string' },
        tutor: { type: 'boolean' },
        'allowed-host': { type: 'string', multiple: true },
        'journal-credentials': { type: 'boolean' },
        watch: { type: 'boolean' },
        strict: { type: 'boolean' },
        engine: { type: 'string' },
        'journal-body-bytes': { type: 'string' },
        'log-level': { type: 'string' },
        'log-file': { type: 'string' },
        'log-file-bytes': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const v = parsed.values;
  const tutor = v.tutor ?? false;
  const defaultPort = tutor
    ? TUTOR_PRESET.port
    : (profileFor(v.provider ?? 'lms').defaultPort ?? 18000);
  const port = v.port === undefined ? defaultPort : portNumber('--port', v.port);
  const backendPorts = new Map<string, number>();
  for (const value of v['backend-port'] ?? []) {
    const eq = value.indexOf('=');
    if (eq < 1)
      throw new ConfigError(
        `--backend-port takes <provider>=<port>, e.g. cms=18010, not '${value}'`,
      );
    backendPorts.set(
      value.slice(0, eq),
      portNumber(`--backend-port ${value}`, value.slice(eq + 1)),
    );
  }
  const journalBodyBytes = Number(v['journal-body-bytes'] ?? DEFAULT_JOURNAL_BODY_BYTES);
  if (!Number.isInteger(journalBodyBytes) || journalBodyBytes < 0)
    throw new ConfigError(
      `--journal-body-bytes must be a whole number of bytes (0 keeps no body), not '${v['journal-body-bytes']}'`,
    );
  const logFileBytes = Number(v['log-file-bytes'] ?? DEFAULT_LOG_FILE_BYTES);
  if (!Number.isInteger(logFileBytes) || logFileBytes < 1024)
    throw new ConfigError(
      `--log-file-bytes must be a whole number of bytes, at least 1024, not '${v['log-file-bytes']}'`,
    );
  if (v['log-file-bytes'] !== undefined && v['log-file'] === undefined)
    throw new ConfigError('--log-file-bytes needs --log-file');
  const logLevel = (v['log-level'] ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not '${logLevel}'`);
  let state: StateOverride | undefined;
  if (v['state-params'] !== undefined && v.state === undefined)
    throw new ConfigError('--state-params needs --state');
  if (v.state !== undefined) {
    state = { name: v.state };
    if (v['state-params'] !== undefined) {
      let params: unknown;
      try {
        params = JSON.parse(v['state-params']);
      } catch (error) {
        throw new ConfigError(`--state-params is not valid JSON: ${(error as Error).message}`);
      }
      if (typeof params !== 'object' || params === null || Array.isArray(params))
        throw new ConfigError('--state-params must be a JSON object');
      state.params = params as Record<string, JsonValue>;
    }
  }
  let cookieDomain: string | undefined;
  const cookieDomainFlag = v['cookie-domain'] ?? (tutor ? TUTOR_PRESET.cookieDomain : undefined);
  try {
    cookieDomain = cookieDomainFlag === undefined ? undefined : parseCookieDomain(cookieDomainFlag);
  } catch (error) {
    if (error instanceof CookieDomainError)
      throw new ConfigError(`--cookie-domain: ${error.message}`);
    throw error;
  }
  return {
    port,
    host: v.host ?? (tutor ? TUTOR_PRESET.host : '127.0.0.1'),
    pacts: v.pacts ?? [path.join(root, 'generated-pacts')],
    provider: v.provider,
    backendPorts,
    persona: v.persona,
    personasFile: v.personas ?? path.join(root, 'stub', 'personas', 'default.yaml'),
    state,
    origins: [...(tutor ? TUTOR_PRESET.origins : []), ...(v.origin ?? [])],
    allowedHosts: [
      ...(tutor ? TUTOR_PRESET.allowedHosts : []),
      ...(v['allowed-host'] ?? []).map(allowedHost),
    ],
    cookieDomain,
    tutor,
    watch: v.watch ?? false,
    strict: v.strict ?? false,
    engine: engineOf(v.engine, v.watch ?? false),
    journalBodyBytes,
    journalCredentials: v['journal-credentials'] ?? false,
    logLevel,
    logFile: v['log-file'],
    logFileBytes,
    help: v.help ?? false,
  };
}

function portNumber(flag: string, value: string): number {
  const port = Number(value);
  if (value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`${flag}: the port must be a number from 0 to 65535, not '${value}'`);
  return port;
}

/** A host name as --allowed-host takes it: a name or address, without scheme or port. */
function allowedHost(value: string): string {
  if (!/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_.-]+)$/.test(value))
    throw new ConfigError(
      `--allowed-host takes a host name such as local.openedx.io (no scheme, no port), not '${value}'`,
    );
  return value.toLowerCase();
}

function engineOf(value: string | undefined, watch: boolean): EngineName {
  const engine = value ?? 'native';
  if (!isEngineName(engine))
    throw new ConfigError(`--engine must be one of ${ENGINES.join(', ')}, not '${engine}'`);
  if (engine === 'pact-stub-server' && watch)
    throw new ConfigError(
      '--watch works with the native engine only, not with --engine pact-stub-server',
    );
  return engine;
}
