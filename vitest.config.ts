import { defineConfig } from 'vitest/config';

// Three levels of the test pyramid, run separately so that CI can report each. Tests sit beside
// the code they test: `x.test.ts` (unit), `x.int.test.ts` (through HTTP or SQL on both databases),
// `x.browser.test.ts` (Chromium with axe).
const integration = ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'];
const browser = ['src/**/*.browser.test.ts', 'test/**/*.browser.test.ts'];

export default defineConfig({
  test: {
    env: { TZ: 'Europe/London' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...integration, ...browser, '**/node_modules/**'],
          environment: 'node',
          // No unit test mocks a module or stubs a global, so the files of a worker share the loaded
          // modules: importing the route modules again for every file was most of the step's time.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: integration,
          environment: 'node',
          globalSetup: ['test/helpers/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
          // Each file builds its own app on its own database, and no test mocks a module, so the
          // files of a worker can share the loaded modules instead of importing the app again
          // for every file (which was a quarter of the step's time).
          isolate: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: browser,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // One file at a time (two at once measured no faster: 266 s against 274 s), sharing the
          // loaded modules like the integration files do.
          fileParallelism: false,
          isolate: false,
        },
      },
    ],
  },
});
