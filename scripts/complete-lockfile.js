#!/usr/bin/env node
// Adds to package-lock.json the entries of platform-specific optional packages (Biome, SWC and
// Jest's resolver ship one binary package per OS/CPU) that the npm registry mirror of our build
// machines does not carry. npm records an optional dependency in the lockfile only when it can
// read its manifest, and `npm ci` then refuses the lockfile ("Missing: ... from lock file").
// The entries added here carry the version, `optional`, and the os/cpu/libc that the package
// name states, so `npm ci` on any machine skips them exactly as it skips other platforms' binaries.
// Run after `npm install` changes the lockfile: `node scripts/complete-lockfile.js`.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.resolve(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32'];
const CPU = {
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  arm: 'arm',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
};

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.find((part) => part in CPU);
  if (!os || !cpu) return null;
  const libc = parts.some((part) => part.startsWith('musl'))
    ? ['musl']
    : parts.includes('gnu') || parts.includes('gnueabihf')
      ? ['glibc']
      : undefined;
  return { os: [os], cpu: [CPU[cpu]], ...(libc && os === 'linux' ? { libc } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = location === '' ? 'node_modules' : `${location}/node_modules`;
    const candidates = [`${base}/${name}`, `node_modules/${name}`];
    if (candidates.some((candidate) => packages[candidate])) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    packages[`node_modules/${name}`] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added += 1;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stderr.write(
  `[setup] package-lock.json: ${added} platform-specific optional entr${added === 1 ? 'y' : 'ies'} added.\n`,
);
