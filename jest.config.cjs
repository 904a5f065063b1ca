// Suites that drive a program outside npm (a browser, an office suite) run where it is found or can
// be installed; elsewhere they are left out with one line saying how to enable them (see
// scripts/externalPrograms.cjs; with CI=true they are mandatory).
const { resolvePrograms } = require('./scripts/externalPrograms.cjs');

const asPattern = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    ...resolvePrograms().map((suite) => `<rootDir>/${asPattern(suite)}$`),
  ],
  transform: { '^.+\\.ts$': '<rootDir>/test/esbuild-transform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'mjs', 'json'],
  globalSetup: '<rootDir>/test/global-setup.cjs',
  testTimeout: 120000,
};
