import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The deploy artifact's test installs production dependencies from the registry (about a minute): CI runs it
    // apart, through `npm run test:bundle`.
    exclude: ['test/deploy/**', '**/node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // A poll that waits for something a user would see gets 5 s: on a busy 2-core machine 1 s is not always enough.
    expect: { poll: { timeout: 5_000 } },
    pool: 'forks',
    // Files of one worker share loaded modules (botbuilder, the Azure SDKs): a fifth of the suite's time was spent
    // importing them again for each file. Every file starts and stops its own servers and processes, by port 0 and pid.
    isolate: false,
    maxWorkers: 2,
    projects: [
      {
        // Unit, turn and integration files bind their own ephemeral ports, so two run side by side.
        extends: true,
        test: {
          name: 'side-by-side',
          include: ['test/unit/**/*.test.ts', 'test/turn/**/*.test.ts', 'test/integration/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The campaign's answer budgets and the browser tests measure time; they run afterwards, one file at a time.
        extends: true,
        test: {
          name: 'one-at-a-time',
          include: ['test/campaign/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
