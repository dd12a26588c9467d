// Tests are compiled by tsc (`pretest` builds dist-test/, never touching the dist/ that `npm start` runs) and run as native ESM: the same emitted code
// (decorator metadata included) as production, no ts-jest transform.
export default {
  rootDir: process.env.JEST_DIST ?? 'dist-test',
  testEnvironment: 'node',
  transform: {},
  testMatch: ['<rootDir>/src/**/*.spec.js', '<rootDir>/test/**/*.spec.js', '<rootDir>/test/**/*.e2e-spec.js'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 60_000,
  maxWorkers: 2,
  verbose: false,
};
