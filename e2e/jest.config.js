// @ts-check
/**
 * The browser end-to-end tests: real Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core), the stub and the example MFE on loopback ports. Not part of `npm test`,
 * because a developer may not have Chromium; `npm run test:e2e` runs them and .ci/run installs
 * Chromium first. Serial: each test file starts its own servers and browser on 2 cores.
 */
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '..'),
  displayName: 'e2e',
  testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
  testEnvironment: 'node',
  maxWorkers: 1,
  testTimeout: 90_000,
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
};
