/**
 * `--engine pact-stub-server`: swaps the native engine of a loaded set for the reference
 * engine (pact-stub-server behind the same front door), serving the same pact files of the same
 * provider. Kept apart from the CLI so the CLI's part is a flag and two calls.
 */
import path from 'node:path';
import type { LoadedSet } from '../load/served';
import type { Logger } from '../server/logger';
import { type ChildExit, describeExit } from './pact-stub-server';
import { createReferenceResponder, type ReferenceResponder } from './responder';

export const ENGINES = ['native', 'pact-stub-server'] as const;
export type EngineName = (typeof ENGINES)[number];

export const isEngineName = (value: string): value is EngineName =>
  (ENGINES as readonly string[]).includes(value);

export interface ReferenceSet {
  served: LoadedSet;
  responder: ReferenceResponder;
}

/** Starts pact-stub-server on the pacts of `served` (their sources are relative to `cwd`). */
export async function startReferenceEngine(served: LoadedSet, cwd: string): Promise<ReferenceSet> {
  const responder = await createReferenceResponder(
    served.pacts.map((pact) => ({ file: path.resolve(cwd, pact.source), pact })),
  );
  // Its own path matching decides; the native index must not drop bodies for it.
  const { mayAnswer: _native, ...rest } = served;
  return { served: { ...rest, responder }, responder };
}

/** The start-up line: which engine answers, and where its child lives. */
export function describeReferenceEngine(responder: ReferenceResponder): string {
  const { pid, port, socketPath } = responder.server;
  const where =
    socketPath === undefined
      ? `port ${port} of every interface: it has no host option, and it could not be confined to a network namespace of its own here (${responder.unconfined ?? 'unknown reason'}), so other machines can reach it past this front door`
      : 'a network namespace of its own, reached only through a Unix socket of this user';
  return (
    `Engine: pact-stub-server (pid ${pid}, in ${where}) chooses the interactions; this ` +
    'front door keeps CORS, the login bootstrap, the admin API and the journal.'
  );
}

/** The report of a reference engine that died on its own (it is not restarted). */
export function describeReferenceDeath(exit: ChildExit, pid: number): string {
  const output = exit.output.trim().split('\n').slice(-10).join('\n');
  return (
    `Failed to keep pact-stub-server (pid ${pid}) running: it exited with ${describeExit(exit)}.` +
    `${output ? ` Its last output:\n${output}\n` : ' It printed nothing. '}` +
    'The stub stops rather than restart it; start it again, or use --engine native.'
  );
}

/** Calls `onDeath` if the child exits without being asked to. */
export function watchReferenceEngine(
  responder: ReferenceResponder,
  log: Logger,
  onDeath: () => void,
): void {
  responder.exited.then((exit) => {
    if (exit.requested) return;
    log.error(describeReferenceDeath(exit, responder.server.pid));
    onDeath();
  });
}
