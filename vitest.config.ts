import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.e2e.ts'],
    // Time limits catch a hang, not slowness (speed is measured by `npm run bench`): tests that start
    // the command line, a server or a browser take several times longer on a busy two-core machine.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
  },
});
