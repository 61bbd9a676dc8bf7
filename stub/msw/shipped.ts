/**
 * The data the handlers serve by default: the pacts of generated-pacts/ and the stub's persona
 * file. This module reads them from the source tree (Node, for this repository's tests). The
 * published build replaces it with a module that holds the same documents, parsed at build time
 * (stub/msw/build.js), so the handlers need no file system in a browser or an MFE's Jest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';

export interface ShippedDocument {
  /** How errors name it: a repository-relative path. */
  source: string;
  doc: unknown;
}

const root = path.resolve(__dirname, '..', '..');
const PACTS_DIR = 'generated-pacts';
const PERSONAS_FILE = 'stub/personas/default.yaml';

export function shippedPacts(): ShippedDocument[] {
  return fs
    .readdirSync(path.join(root, PACTS_DIR))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const source = `${PACTS_DIR}/${name}`;
      return { source, doc: JSON.parse(fs.readFileSync(path.join(root, source), 'utf8')) };
    });
}

export function shippedPersonas(): ShippedDocument {
  const text = fs.readFileSync(path.join(root, PERSONAS_FILE), 'utf8');
  return { source: PERSONAS_FILE, doc: YAML.parse(text) };
}
