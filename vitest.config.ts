import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
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
  },
});
