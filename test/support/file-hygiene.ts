/**
 * Set-up file of the 'unit' project, which runs its files without module isolation (one worker
 * keeps its loaded modules from one file to the next, which halves test/core's CPU time).
 * Without isolation, whatever a file leaves on the shared globals reaches the next file, in an
 * order vitest does not promise: so each file ends by undoing what tests commonly leave behind —
 * fake timers, spies, stubbed globals, Apps Script services installed and not removed, and
 * happy-dom storage. A file that needs a fresh module graph (vi.mock) runs in 'unit-isolated'.
 */
import { afterAll, beforeAll, vi } from 'vitest';

/** The globals the emulator installs (emulator/index.ts `raw`): Apps Script's services. */
const SERVICE_GLOBALS = new Set([
  'SpreadsheetApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'ScriptApp',
  'MailApp',
  'HtmlService',
  'Session',
  'Utilities',
  'Logger',
  'Charts',
  'google',
]);

let before = new Set<string>();

beforeAll(() => {
  before = new Set(Object.getOwnPropertyNames(globalThis));
});

afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  for (const key of Object.getOwnPropertyNames(globalThis)) {
    if (SERVICE_GLOBALS.has(key) && !before.has(key)) delete (globalThis as Record<string, unknown>)[key];
  }
  const g = globalThis as { localStorage?: Storage; sessionStorage?: Storage };
  // Clearing can itself throw where a test left storage blocked (a spy restored above undoes that).
  try {
    g.localStorage?.clear();
    g.sessionStorage?.clear();
  } catch {
    // nothing stored to leak
  }
});
