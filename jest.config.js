/**
 * Packages that ship as ES modules only, which jest's CommonJS runtime cannot load as they are:
 * ts-jest compiles them to CommonJS. sanitize-html (Threat Composer's importer, replayed in
 * test/support/threat-composer-import.ts) needs htmlparser2 12 and these of its dependencies.
 */
const ESM_ONLY = ['htmlparser2', 'domhandler', 'domutils', 'dom-serializer', 'domelementtype', 'entities'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Integration tests run real Redis servers; on a loaded 2-core machine a test may take seconds.
  testTimeout: 30_000,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  // ts-jest transpiles each file on its own (isolatedModules); `npm run typecheck` type-checks the whole tree once.
};
