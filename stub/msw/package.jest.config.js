// @ts-check
/**
 * The packed-package test: `npm pack` (which builds), then the tarball installed into a
 * temporary project and used from there as an MFE would. Not part of `npm test` because it
 * builds and installs (about half a minute); `npm run test:package` runs it, and .ci/run does.
 */
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'package',
  testMatch: ['<rootDir>/stub/msw/**/*.pack-test.ts'],
  testEnvironment: 'node',
  testTimeout: 240_000,
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
};
