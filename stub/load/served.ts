/**
 * Loads everything the stub serves of one backend from disk in one step: pact files, the
 * persona file, the engine over them, and the backend profile's start-up check (the LMS's
 * minted JWT cookie). Any problem throws before
 * a single request is served (and, under --watch, keeps the previous set serving).
 */
import { createEngine, type HttpInteraction, type LoadedPact } from '../engine';
import { decodePathSegments, Router } from '../engine/router';
import type { PersonaCatalog } from '../openedx/personas';
import { PROFILES, profileFor } from '../profiles';
import type { BackendProfile, Deployment, StartupCheck } from '../profiles/types';
import type { ServedSet } from '../server/runtime';
import { loadPacts } from './pact-files';
import { loadPersonaFile } from './personas';

/** The backend profile's start-up check failed (the LMS: the minted JWT cookie does not
 *  satisfy a refresh contract). */
export class StartupCheckError extends Error {
  constructor(
    readonly profileTitle: string,
    readonly check: StartupCheck,
  ) {
    super(check.failures.join('\n'));
  }
}

export interface LoadOptions {
  pacts: string[];
  personasFile: string;
  /** The backend: its pacts' provider, its personas' states, its start-up check. */
  profile: BackendProfile;
  /** `--cookie-domain`: the LMS's cookie is also checked as minted with this Domain. */
  cookieDomain?: string;
  /** Refuse ambiguous requests (409) instead of answering with the first in pact order. */
  strict?: boolean;
  /** Where the backends served are (the LMS's runtime config names Studio's URL); default:
   *  none served besides this one, outside Tutor's layout. */
  deployment?: Deployment;
  cwd?: string;
}

const ALONE: Deployment = { urls: new Map(), tutor: false };

export interface LoadedSet extends ServedSet {
  profile: BackendProfile;
  ignoredPacts: number;
  skippedMessages: number;
  /** The profile's start-up check, when it has one (it held: a failure throws). */
  startupCheck?: StartupCheck;
}

/** Whether any interaction has a method and path, from an index of its own (the engine's is
 *  internal to it); a path it cannot decode is left to the engine to refuse. */
function routesOf(
  interactions: readonly HttpInteraction[],
): (method: string, path: string) => boolean {
  const router = new Router([...interactions]);
  return (method, path) => {
    try {
      return router.find(method, path, decodePathSegments(path)).length > 0;
    } catch {
      return true;
    }
  };
}

export function loadServedSet(options: LoadOptions): LoadedSet {
  const cwd = options.cwd ?? process.cwd();
  const pacts = loadPacts(options.pacts, cwd);
  const personas = loadPersonaFile(options.personasFile, cwd);
  return servedSetOf(pacts, personas, options.profile, options, [options.profile.provider]);
}

export interface BackendsLoadOptions extends Omit<LoadOptions, 'profile'> {
  /** `--provider`: serve this backend alone (besides `extra`); else the LMS and every backend
   *  served by default that a loaded pact is for. */
  provider: string | undefined;
  /** Backends named with `--backend-port`, served whatever their profile says. */
  extra: readonly string[];
}

/** What one reading of the pact and persona files gives: the backends to serve from it. */
export interface BackendSources {
  pacts: LoadedPact[];
  personas: PersonaCatalog;
  /** The providers served, the primary first. */
  providers: readonly string[];
}

/** Reads the pact and persona files once and decides which backends they serve. */
export function readBackends(options: BackendsLoadOptions): BackendSources {
  const cwd = options.cwd ?? process.cwd();
  const pacts = loadPacts(options.pacts, cwd);
  const personas = loadPersonaFile(options.personasFile, cwd);
  const present = new Set(pacts.map((pact) => pact.provider));
  const providers = [options.provider ?? 'lms'];
  if (options.provider === undefined)
    for (const profile of PROFILES)
      if (profile.servedByDefault && present.has(profile.provider))
        providers.push(profile.provider);
  providers.push(...options.extra);
  return { pacts, personas, providers: [...new Set(providers)] };
}

/** A profile's set per backend of `sources`, knowing where they all are (`deployment`). */
export function buildBackends(
  sources: BackendSources,
  options: Pick<LoadOptions, 'strict' | 'cookieDomain' | 'deployment'>,
): LoadedSet[] {
  const { pacts, personas, providers } = sources;
  return providers.map((provider) =>
    servedSetOf(pacts, personas, profileFor(provider), options, providers),
  );
}

/**
 * Every backend one `npm start` serves, the first the primary one (the LMS, or --provider),
 * from one reading of the pact and persona files: a profile's set per backend.
 */
export function loadBackends(options: BackendsLoadOptions): LoadedSet[] {
  return buildBackends(readBackends(options), options);
}

/** One backend's set; `served` names every provider served, so that only pacts of none of them
 *  are reported as left out (and only once, by the primary). */
function servedSetOf(
  pacts: LoadedPact[],
  personas: PersonaCatalog,
  profile: BackendProfile,
  options: Pick<LoadOptions, 'strict' | 'cookieDomain' | 'deployment'>,
  served: readonly string[],
): LoadedSet {
  const engine = createEngine({
    pacts,
    personas: profile.personaStates(personas, options.deployment ?? ALONE),
    provider: profile.provider,
    ambiguity: options.strict ? 'refuse' : 'first',
  });
  const startupCheck = profile.checkStartup?.(engine.interactions, personas, options.cookieDomain);
  if (startupCheck && startupCheck.failures.length > 0)
    throw new StartupCheckError(profile.title, startupCheck);
  const leftOut =
    profile.provider === served[0]
      ? engine.ignoredPacts.filter((pact) => !served.includes(pact.provider))
      : [];
  return {
    profile,
    responder: engine,
    mayAnswer: routesOf(engine.interactions),
    pacts: engine.pacts,
    interactions: engine.interactions,
    personas,
    stateNames: engine.stateNames,
    warnings: [
      ...leftOut.map(
        (pact) =>
          `${pact.source}: left out, its provider is ${pact.provider}, not ${served.join(' or ')} (--provider)`,
      ),
      ...engine.pacts
        .filter((pact) => pact.skipped > 0)
        .map(
          (pact) =>
            `${pact.source}: ${pact.skipped} message interaction(s) skipped (the stub serves HTTP interactions)`,
        ),
    ],
    ignoredPacts: leftOut.length,
    skippedMessages: engine.pacts.reduce((sum, pact) => sum + pact.skipped, 0),
    ...(startupCheck && { startupCheck }),
  };
}
