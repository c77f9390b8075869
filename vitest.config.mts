import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The deploy artifact's test installs production dependencies from the registry (about a minute): CI runs it
    // apart, through `npm run test:bundle`.
    exclude: ['test/deploy/**', '**/node_modules/**'],
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // A poll that waits for something a user would see gets 5 s: on a busy 2-core machine 1 s is not always enough.
    expect: { poll: { timeout: 5_000 } },
    pool: 'forks',
    // Files of one worker share loaded modules (botbuilder, the Azure SDKs): a fifth of the suite's time was spent
    // importing them again for each file. Every file starts and stops its own servers and processes, by port 0 and pid.
    isolate: false,
    // Four files at a time on two cores: most of a file's time is waiting (timers, loopback servers, Azurite, the
    // browser), and every file binds its own ephemeral ports. Nothing judges time against the wall clock alone: the
    // fault campaign subtracts the time its process was stalled (test/campaign/stalls.ts) before it calls an answer
    // late, and the browser tests assert what the page shows, not how fast.
    maxWorkers: 4,
  },
});
