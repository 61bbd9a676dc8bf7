/**
 * Reads pact files from disk (files or folders, folders walked recursively for `*.json`) and
 * validates them with the engine. Errors name the file and, for JSON syntax, the line and column.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type LoadedPact, PactLoadError, readPact } from '../engine';

export class PactSourceError extends Error {}

/** Every pact file under the given files or folders, sorted within each folder. */
export function listPactFiles(sources: string[], cwd: string = process.cwd()): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.json')) files.push(full);
    }
  };
  for (const source of sources) {
    const full = path.resolve(cwd, source);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new PactSourceError(`${source} does not exist`);
    }
    if (stat.isDirectory()) walk(full);
    else files.push(full);
  }
  return [...new Set(files)];
}

/** `position 123` of a JSON.parse message as `line 4, column 7`. */
function locate(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const offset = Number(m[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

/** Reads and validates one file. `label` is how it is named (a path relative to cwd). */
export function loadPactFile(
  file: string,
  label: string = path.relative(process.cwd(), file),
): LoadedPact {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new PactLoadError(
      label,
      '$',
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new PactLoadError(
      label,
      '$',
      `not valid JSON: ${locate(text, (error as Error).message)}`,
    );
  }
  return readPact(doc, label);
}

export function loadPacts(sources: string[], cwd: string = process.cwd()): LoadedPact[] {
  return listPactFiles(sources, cwd).map((file) =>
    loadPactFile(file, path.relative(cwd, file) || file),
  );
}
