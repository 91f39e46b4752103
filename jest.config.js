// Two projects: `unit` (in-process, simulators on loopback) and `integration` (the built program as users run
// it, real Prometheus tools, load). The integration project builds dist/ before its first test, so a test never
// runs stale compiled code.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const common = { testEnvironment: 'node', transform };

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.integration\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.integration.test.ts'],
      globalSetup: '<rootDir>/test/build-dist.js',
    },
  ],
};
