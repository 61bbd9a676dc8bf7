/**
 * Where the `pact` binary of @pact-foundation/pact-cli lives. We run the binary itself, never
 * the Node wrapper of node_modules/.bin (which `spawnSync`s the binary: stopping the wrapper
 * leaves the binary running, an orphan holding its port).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The package that ships the binary for this platform, e.g. `@pact-foundation/pact-cli-linux-x64`. */
export function pactBinaryPackage(platform = process.platform, arch = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  return `@pact-foundation/pact-cli-${os}-${arch}`;
}

/** Absolute path of the `pact` binary, or a clear error saying what to install. */
export function pactBinaryPath(): string {
  const pkg = pactBinaryPackage();
  let manifest: string;
  try {
    manifest = require.resolve(`${pkg}/package.json`);
  } catch {
    throw new Error(
      `[stub] Failed to find the pact-stub-server binary: the package ${pkg} is not installed. ` +
        'Run `npm ci` (it comes with @pact-foundation/pact-cli for this platform).',
    );
  }
  const binary = path.join(
    path.dirname(manifest),
    'standalone',
    process.platform === 'win32' ? 'pact.exe' : 'pact',
  );
  if (!existsSync(binary)) {
    throw new Error(
      `[stub] Failed to find the pact-stub-server binary: ${binary} does not exist. ` +
        `Reinstall ${pkg} with \`npm ci\`.`,
    );
  }
  return binary;
}
