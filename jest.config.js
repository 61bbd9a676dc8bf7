// @ts-check
/**
 * One Jest run, two projects:
 *  - contracts: Pact consumer tests. They drive the real @edx/frontend-platform client in jsdom,
 *    write into a per-run folder under .pact-staging/, and the promotion reporter copies the staging folder over
 *    generated-pacts/ only when every contract test passed (see contracts/jest/).
 *  - stub: tests of the stub runner and its engine, in Node.
 */

/** ESM-only packages that Jest must transform (frontend-platform ships untranspiled ESM;
 *  pact-js 16.5 pulls https-proxy-agent 9, msw 2 pulls a few ESM-only helpers). */
const esmPackages = [
  '@edx/frontend-plugin-notifications',
  '@edx/frontend-platform',
  'https-proxy-agent',
  'agent-base',
  'proxy-agent-negotiate',
  'rettime',
  'until-async',
  '@open-draft/deferred-promise',
];

const transform = {
  // `.mjs` too: msw 2.13+ depends on packages that ship only `.mjs` (rettime).
  '^.+\\.(t|j)sx?$|^.+\\.mjs$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
      module: { type: 'commonjs' },
    },
  ],
};

const shared = {
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    // frontend-platform's initialize() imports the MFE's optional env.config module.
    '^env.config$': '<rootDir>/contracts/jest/env.config.js',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/contracts/jest/promote-pacts-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'contracts',
      testMatch: ['<rootDir>/contracts/**/*.pact.test.ts'],
      // jsdom, so the real client uses XHR and document.cookie as it does in a browser. The page
      // lives on the same host as the Pact mock server (cookies ignore ports): the Set-Cookie
      // from /login_refresh then reaches document.cookie, as it does for an MFE on localhost.
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { url: 'http://127.0.0.1/' },
      globalSetup: '<rootDir>/contracts/jest/create-staging.js',
      setupFilesAfterEnv: ['<rootDir>/contracts/jest/setup.ts'],
    },
    {
      ...shared,
      displayName: 'stub',
      testMatch: [
        '<rootDir>/stub/**/*.test.ts',
        '<rootDir>/ci/**/*.test.ts',
        '<rootDir>/pact-broker-client/*.test.ts',
        '<rootDir>/contracts/*.test.ts',
        // The forbidden-import check (dependencies point one way).
        '<rootDir>/scripts/*.test.ts',
        // Recorded real-MFE traffic, replayed against the stub (no browser needed).
        '<rootDir>/e2e/mfe-traffic/*.test.ts',
      ],
      testEnvironment: 'node',
      // The stub's jsdom tests run the real frontend-platform client too.
      setupFilesAfterEnv: ['<rootDir>/contracts/jest/quiet-known-console.ts'],
    },
  ],
};
