import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { MODULE_MOCKING_FILES } from './test/support/module-mocking-files.ts';

const BROWSER_FILES = 'test/browser/**/*.test.ts';
const UNIT_FILES = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

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
        // One worker keeps src/, the emulator and vitest's own modules loaded from one file to the
        // next instead of loading them again per file (test/core: 66 → 33 s CPU). What a file leaves
        // on shared globals is undone after it by file-hygiene; the unit files pass shuffled.
        test: {
          name: 'unit',
          include: UNIT_FILES,
          exclude: [BROWSER_FILES, ...MODULE_MOCKING_FILES],
          isolate: false,
          setupFiles: ['./test/support/file-hygiene.ts'],
        },
      },
      {
        extends: true,
        // A replaced module would reach every later file of a worker: these get a module graph of their own.
        test: { name: 'unit-isolated', include: [...MODULE_MOCKING_FILES] },
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
