import { defineConfig } from 'vitest/config';

/** `npm run test:bundle`: builds build/deploy.zip and starts the bot from it, as App Service would. */
export default defineConfig({
  test: {
    include: ['test/deploy/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
