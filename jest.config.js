/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Integration tests run real Redis servers; on a loaded 2-core machine a test may take seconds.
  testTimeout: 30_000,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // ts-jest transpiles each file on its own (isolatedModules); `npm run typecheck` type-checks the whole tree once.
};
