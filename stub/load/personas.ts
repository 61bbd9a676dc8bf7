/** Reads a persona file (YAML or JSON) and validates it with the engine. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { type PersonaCatalog, PersonaLoadError, readPersonas } from '../openedx/personas';

/** The persona file the stub ships, next to this module in the source tree and in dist/. */
export const DEFAULT_PERSONAS_FILE = 'stub/personas/default.yaml';

export function loadPersonaFile(file: string, cwd: string = process.cwd()): PersonaCatalog {
  const full = path.resolve(cwd, file);
  const label = path.relative(cwd, full) || file;
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch (error) {
    throw new PersonaLoadError(
      label,
      '$',
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let doc: unknown;
  try {
    doc = YAML.parse(text, { prettyErrors: true });
  } catch (error) {
    throw new PersonaLoadError(
      label,
      '$',
      `not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  return readPersonas(doc, label);
}
