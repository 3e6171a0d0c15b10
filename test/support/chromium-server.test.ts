import { describe, expect, it } from 'vitest';
import { runWantsBrowser } from './chromium-server.ts';

describe('the run-wide Chromium starts only for runs that may hold a browser file', () => {
  it('starts for the whole suite and for runs naming test/browser files', () => {
    expect(runWantsBrowser(['node', 'vitest', 'run'])).toBe(true);
    expect(runWantsBrowser(['node', 'vitest', 'run', 'test/browser/card.test.ts'])).toBe(true);
    expect(runWantsBrowser(['node', 'vitest', 'run', 'test/core/x.test.ts', 'test/browser/'])).toBe(true);
  });
  it('does not start for a run of other files only', () => {
    expect(runWantsBrowser(['node', 'vitest', 'run', 'test/core/schema.test.ts', 'test/app/save.test.ts'])).toBe(false);
    expect(runWantsBrowser(['node', 'vitest', 'run', '--reporter=dot', 'test/emulator/'])).toBe(false);
  });
});
