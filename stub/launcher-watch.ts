/**
 * `npm start` runs the stub as npm → sh → node. Killing npm with SIGKILL (an IDE's stop button,
 * `kill -9`, a CI step's timeout) ends npm alone: the stub would keep the port. So when npm
 * started it, the stub checks once a second that the processes above it are still the ones
 * that started it (a process whose parent died is adopted by another), and stops when they are
 * not. On Linux it follows npm → sh → node; elsewhere (no /proc) only its own parent.
 */
import { readFileSync } from 'node:fs';

/** A process's parent pid, from /proc (Linux); undefined when unknown or gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (name) state ppid ...`; the name may hold spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** Calls `onGone` once the process that launched this one through npm is gone; a no-op when
 *  npm did not start it. Returns a function that stops watching. */
export function watchLauncher(
  onGone: (launcher: number) => void,
  env: NodeJS.ProcessEnv = process.env,
  intervalMs = 1_000,
): () => void {
  if (env.npm_lifecycle_event === undefined) return () => undefined;
  const links: Array<{ child: number; parent: number }> = [
    { child: process.pid, parent: process.ppid },
  ];
  const grandparent = parentOf(process.ppid);
  if (grandparent !== undefined && grandparent > 1)
    links.push({ child: process.ppid, parent: grandparent });
  const launcher = (links[links.length - 1] as { parent: number }).parent;
  const timer = setInterval(() => {
    for (const { child, parent } of links) {
      const now = child === process.pid ? process.ppid : parentOf(child);
      if (now !== parent) {
        clearInterval(timer);
        onGone(launcher);
        return;
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
