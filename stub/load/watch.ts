/**
 * --watch: reloads when a pact or persona file changes. Each source (a pact folder, a pact
 * file, the persona file) is watched for events and, besides, checked once a second against a
 * snapshot of what it holds (every `*.json` below a folder with its inode, size and time):
 * events come fast, but stop for good when the folder they watch is removed or renamed (the
 * watch stays on the old inode), and editors or `mv` replace files in ways some platforms report
 * late or not at all. A source that disappears is said in the log and the last set keeps
 * serving; when it is back (recreated, or renamed into place) it is watched again and reloaded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface WatchLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface WatchOptions {
  /** Wait this long after the last event before checking (editors write in several steps). */
  debounceMs?: number;
  /** Check every source this often, events or not. */
  pollMs?: number;
  log?: WatchLog;
  /** Sources are named relative to it in the log. */
  cwd?: string;
}

interface Source {
  full: string;
  /** What it holds; undefined while it does not exist. */
  snapshot: string | undefined;
  watcher: fs.FSWatcher | undefined;
}

const statLine = (stat: fs.Stats) => `${stat.ino}:${stat.size}:${stat.mtimeMs}`;

/** What a source holds: the file itself, or every `*.json` below the folder. */
function snapshotOf(full: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) return statLine(stat);
  const lines = [`.:${stat.ino}`];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.json')) {
        try {
          lines.push(`${path.relative(full, file)}:${statLine(fs.statSync(file))}`);
        } catch {
          // Removed meanwhile: the next check sees it gone.
        }
      }
    }
  };
  walk(full);
  return lines.sort().join('\n');
}

/** The file a change is about: the first file added, changed or removed between two snapshots
 *  of a folder (the source itself for a file). */
function changedFile(full: string, before: string | undefined, now: string): string {
  const fileOf = (line: string) => line.slice(0, line.indexOf(':'));
  const old = new Set(before?.split('\n') ?? []);
  const current = new Set(now.split('\n'));
  const line = now.split('\n').find((l) => !old.has(l)) ?? [...old].find((l) => !current.has(l));
  if (line === undefined || line.startsWith('.:') || !now.startsWith('.:')) return full;
  return path.join(full, fileOf(line));
}

export function watchSources(
  sources: string[],
  onChange: (changed: string) => void,
  options: WatchOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? 200;
  const cwd = options.cwd ?? process.cwd();
  const name = (full: string) => path.relative(cwd, full) || full;
  const watched: Source[] = sources.map((source) => {
    const full = path.resolve(cwd, source);
    return { full, snapshot: snapshotOf(full), watcher: undefined };
  });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(check, debounceMs);
  };

  /** Watches a source's folder (the folder itself, or the folder of a file) for events. */
  function watch(source: Source): void {
    source.watcher?.close();
    source.watcher = undefined;
    let isDir: boolean;
    try {
      isDir = fs.statSync(source.full).isDirectory();
    } catch {
      return;
    }
    try {
      source.watcher = fs.watch(isDir ? source.full : path.dirname(source.full), {
        recursive: isDir,
      });
      // A watched folder that goes away errors on some platforms: the check handles it.
      source.watcher.on('error', schedule);
      source.watcher.on('change', schedule);
    } catch {
      // Not watchable now (e.g. removed meanwhile): the periodic check still sees it.
    }
  }

  function check(): void {
    if (stopped) return;
    let changed: string | undefined;
    for (const source of watched) {
      const now = snapshotOf(source.full);
      if (now === source.snapshot) continue;
      const before = source.snapshot;
      source.snapshot = now;
      if (now === undefined) {
        source.watcher?.close();
        source.watcher = undefined;
        options.log?.warn(
          `${name(source.full)} is gone (removed or renamed): still serving the last set; it is reloaded when it is back.`,
        );
        continue;
      }
      if (before === undefined) {
        options.log?.info(`${name(source.full)} is back: watching it again.`);
        watch(source);
      } else if (before.split('\n')[0] !== now.split('\n')[0]) {
        // The folder was replaced by another (same name, new inode): watch the new one.
        watch(source);
      }
      changed ??= changedFile(source.full, before, now);
    }
    if (changed !== undefined) onChange(changed);
  }

  for (const source of watched) watch(source);
  const poll = setInterval(check, options.pollMs ?? 1_000);
  poll.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(poll);
    for (const source of watched) source.watcher?.close();
  };
}
