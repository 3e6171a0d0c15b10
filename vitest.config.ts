import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const BROWSER_FILES = 'test/browser/**/*.test.ts';

export default defineConfig({
  test: {
    // Limits are for hung tests, not slow machines: nothing here asserts wall time (sweeps set their own, longer, limits).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'threads',
    // Vitest's default in run mode is one worker fewer than the cores: on a 2-core machine that is one.
    // One more than the cores: a browser file spends much of its time waiting on Chromium, and the
    // whole run used 1.4 of 2 cores with two workers.
    maxWorkers: availableParallelism() + 1,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // One Chromium for the run, shared by the browser files (each in a context of its own).
    globalSetup: ['./test/support/chromium-server.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: [BROWSER_FILES] },
      },
      {
        extends: true,
        // Browser files share nothing through module state (each starts its own playground and
        // browser context) and mock nothing: a worker keeps the playground, emulator and
        // playwright modules loaded from one file to the next instead of loading them again.
        test: { name: 'browser', include: [BROWSER_FILES], isolate: false },
      },
    ],
  },
});
