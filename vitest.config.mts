import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests bind their own ephemeral ports, so files may run in parallel.
    pool: 'forks',
    // restify 11 pulls in a module that touches process.binding('http_parser'); the warning is noise here.
    execArgv: ['--no-deprecation'],
  },
});
