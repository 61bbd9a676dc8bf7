/**
 * --watch: reloads when a pact or persona file changes. Watches folders (recursively) rather
 * than files, because editors and the contract reporter replace files by rename.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function watchSources(
  sources: string[],
  onChange: (changed: string) => void,
  debounceMs = 200,
): () => void {
  const watchers: fs.FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let last = '';
  const trigger = (file: string) => {
    last = file;
    clearTimeout(timer);
    timer = setTimeout(() => onChange(last), debounceMs);
  };
  for (const source of sources) {
    const full = path.resolve(source);
    const isDir = fs.existsSync(full) && fs.statSync(full).isDirectory();
    const dir = isDir ? full : path.dirname(full);
    const watcher = fs.watch(dir, { recursive: isDir }, (_event, name) => {
      const changed = name ? path.join(dir, name.toString()) : dir;
      if (isDir ? changed.endsWith('.json') : changed === full) trigger(changed);
    });
    watchers.push(watcher);
  }
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
