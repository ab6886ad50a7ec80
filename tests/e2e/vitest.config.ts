import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const here = import.meta.dirname;

/**
 * End-to-end tests: the built browser edition in Debian's Chromium, driven by playwright-core.
 * One worker and one file at a time, because each file runs its own Chromium and this machine has
 * two cores; timeouts are generous because a cold Chromium start can take seconds on CI.
 */
export default defineConfig({
  test: {
    dir: here,
    include: ['**/*.test.ts'],
    environment: 'node',
    globalSetup: [resolve(here, 'support/global-setup.ts')],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
