import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The deploy artifact's test installs production dependencies from the registry (about a minute): CI runs it
    // apart, through `npm run test:bundle`.
    exclude: ['test/deploy/**', '**/node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests bind their own ephemeral ports, so files may run in parallel.
    pool: 'forks',
    // Files of one worker share loaded modules (botbuilder, the Azure SDKs): a fifth of the suite's time was spent
    // importing them again for each file. Every file starts and stops its own servers and processes, by port 0 and pid.
    isolate: false,
  },
});
