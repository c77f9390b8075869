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
    maxWorkers: 4,
    projects: [
      {
        // Four files at a time on two cores: most of a file's time is waiting (timers, loopback servers, Azurite, the
        // browser), every file binds its own ephemeral ports, and the browser tests assert what the page shows, not
        // how fast.
        extends: true,
        test: {
          name: 'side-by-side',
          include: [
            'test/unit/**/*.test.ts',
            'test/turn/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/e2e/**/*.test.ts',
          ],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The fault campaign's subset runs four lanes of bots in one process and judges answer times net of that
        // process's stalls; beside three other test files on the same two cores it still saw, in 2 of 10 runs, a
        // Graph answer pushed past a caller's deadline (an honest "unknown" it could not tell from a wrong one). So it
        // runs afterwards, on its own: its 200 schedules in two files (two processes, one per core).
        extends: true,
        test: {
          name: 'alone',
          include: ['test/campaign/**/*.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
