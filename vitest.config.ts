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
    maxWorkers: availableParallelism(),
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
