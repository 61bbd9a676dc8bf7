/**
 * Loads everything the stub serves from disk in one step: pact files, the persona file, the
 * engine over them, and the start-up check of the minted JWT cookie. Any problem throws before
 * a single request is served (and, under --watch, keeps the previous set serving).
 */
import { createEngine, type HttpInteraction } from '../engine';
import { decodePathSegments, Router } from '../engine/router';
import { checkMintedCookie } from '../openedx/auth';
import type { ServedSet } from '../server/runtime';
import { loadPacts } from './pact-files';
import { loadPersonaFile } from './personas';

export class CookieCheckError extends Error {}

export interface LoadOptions {
  pacts: string[];
  personasFile: string;
  provider: string;
  /** Check the minted JWT cookie against the login_refresh contracts (the Open edX bootstrap). */
  checkCookie: boolean;
  /** `--cookie-domain`: the cookie is also checked as minted with this Domain. */
  cookieDomain?: string;
  /** Refuse ambiguous requests (409) instead of answering with the first in pact order. */
  strict?: boolean;
  cwd?: string;
}

export interface LoadedSet extends ServedSet {
  ignoredPacts: number;
  skippedMessages: number;
  cookieContractsChecked: number;
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
  const engine = createEngine({
    pacts,
    personas,
    provider: options.provider,
    ambiguity: options.strict ? 'refuse' : 'first',
  });
  let cookieContractsChecked = 0;
  if (options.checkCookie) {
    const { checked, failures } = checkMintedCookie(
      engine.interactions,
      personas,
      new Date(),
      options.cookieDomain,
    );
    if (failures.length > 0) throw new CookieCheckError(failures.join('\n'));
    cookieContractsChecked = checked;
  }
  return {
    responder: engine,
    mayAnswer: routesOf(engine.interactions),
    pacts: engine.pacts,
    interactions: engine.interactions,
    personas,
    stateNames: engine.stateNames,
    warnings: [
      ...engine.ignoredPacts.map(
        (pact) =>
          `${pact.source}: left out, its provider is ${pact.provider}, not ${options.provider} (--provider)`,
      ),
      ...engine.pacts
        .filter((pact) => pact.skipped > 0)
        .map(
          (pact) =>
            `${pact.source}: ${pact.skipped} message interaction(s) skipped (the stub serves HTTP interactions)`,
        ),
    ],
    ignoredPacts: engine.ignoredPacts.length,
    skippedMessages: engine.pacts.reduce((sum, pact) => sum + pact.skipped, 0),
    cookieContractsChecked,
  };
}
