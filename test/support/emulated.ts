/**
 * Server tests run src/ directly over the emulator: its services are
 * installed as globals for each test and removed afterwards.
 */
import { afterEach, beforeEach } from 'vitest';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../emulator';
import type { Lang } from '../../src/core/i18n/lang';
import { canonicalHeaders, localTabName } from '../../src/core/i18n/sheet-words';

export const ADMIN = 'anna@example.com';

export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
  let emu: Emulator | undefined;
  let uninstall: (() => void) | undefined;
  beforeEach(() => {
    emu = createEmulator({ user: ADMIN, files: { Sidebar: '<html><body>sidebar</body></html>' }, ...options });
    uninstall = emu.install(globalThis);
  });
  afterEach(() => {
    uninstall?.();
    emu = undefined;
  });
  return () => {
    if (!emu) throw new Error('useEmulator: no emulator outside a test');
    return emu;
  };
}

/** The value of a Result or a test failure naming the error. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Rows of a tab as objects keyed by header, for readable assertions. */
export function rowsOf(emu: Emulator, tab: string): Record<string, unknown>[] {
  const [header = [], ...rows] = emu.readSheet(tab);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/**
 * Rows of a managed tab by its key (TAB.*) in a base set up in `lang`: the tab
 * as Set up names it there (Клиенты), keyed by the English headers.
 */
export function managedRowsOf(emu: Emulator, key: string, lang: Lang): Record<string, unknown>[] {
  const [header = [], ...rows] = emu.readSheet(localTabName(key, lang));
  const english = canonicalHeaders(key, header.map(String));
  return rows.map((r) => Object.fromEntries(english.map((h, i) => [h, r[i]])));
}

/** Service calls per method while `work` runs. */
export function callsDuring(emu: Emulator, work: () => void): Record<string, number> {
  emu.calls.reset();
  work();
  return emu.calls.snapshot();
}
