/**
 * The reference engine's folder for one run (the marked pact copies, the socket of a confined
 * child). A process killed with SIGKILL runs no exit hook and leaves its folder behind, so every
 * folder lives under one parent, named after the pid that made it, and each start removes the
 * folders of processes that are gone.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Where the run folders live: `<tmp>/openedx-stub-reference-<uid>/<pid>-<random>` (one
 *  parent per user, so users of one machine do not share it). */
export const runFoldersRoot = (root: string = tmpdir()) =>
  path.join(root, `openedx-stub-reference-${process.getuid?.() ?? 'user'}`);

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the run folders of processes that no longer run; returns their paths. */
export function removeStaleRunFolders(root: string = runFoldersRoot()): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    const folder = path.join(root, name);
    rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

/** A new run folder (only this user can open it), after removing stale ones; removed on exit. */
export function createRunFolder(root: string = runFoldersRoot()): {
  dir: string;
  remove: () => void;
} {
  removeStaleRunFolders(root);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const dir = mkdtempSync(path.join(root, `${process.pid}-`));
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    process.off('exit', remove);
  };
  process.once('exit', remove);
  return { dir, remove };
}
