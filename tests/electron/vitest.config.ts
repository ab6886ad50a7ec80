import { defineConfig } from 'vitest/config';

const here = import.meta.dirname;

/**
 * The desktop tests: each a real Electron app (packaged, or the development binary on out/),
 * driven over the DevTools protocol. Started by `npm run test:electron` (tests/electron/run.ts),
 * which says what to launch through the environment; never part of `npm test`.
 *
 * One file at a time, one worker, and each file's tests in order: a file walks one running app
 * from start to quit (smoke.test.ts and workshopRoom.test.ts each start their own).
 * Timeouts are generous because a packaged app's first start on a CI runner (antivirus scans on
 * Windows, a cold disk cache everywhere) can take tens of seconds.
 */
export default defineConfig({
  test: {
    dir: here,
    include: ['**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { shuffle: false, concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    // A retry would start from a half-walked app and prove nothing.
    retry: 0,
  },
});
