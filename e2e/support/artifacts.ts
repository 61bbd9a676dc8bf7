import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Test artifacts (screenshots) go to artifacts/ at the repository root, ignored by git. */
export function artifactPath(name: string): string {
  const dir = path.resolve(__dirname, '../../artifacts');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
