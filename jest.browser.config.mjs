/**
 * The browser tests (web/e2e/*.e2e.ts): the built web app served by the real app on a fresh
 * database with the demo data, driven in headless Chromium. `npm run test:browser` builds the app
 * first; DATABASE_URL picks the engine as for `npm test`.
 */
export default {
  displayName: 'browser',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testEnvironment: 'node',
  testMatch: ['<rootDir>/web/e2e/**/*.e2e.ts'],
  testTimeout: 180000,
};
