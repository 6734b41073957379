import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser suite: real app in-process (client/dist served), Chromium driven by playwright-core. */
export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  test: {
    include: ['test/e2e/browser/**/*.test.ts'],
    pool: 'forks',
    // One Chromium at a time: the suites are heavy and the CI machine is small.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
