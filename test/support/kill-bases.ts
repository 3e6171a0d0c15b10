/**
 * Small bases for the kill sweeps, seeded once through the real server and
 * carried as serialized state, and one helper that runs a sweep the same way
 * for every bulk operation: resume by opening the spreadsheet, then judge the
 * tabs.
 */
import { createEmulator, type Emulator, type EmulatorState } from '../../emulator';
import * as server from '../../src/server';
import { baseProblems, outcome, plainRows, tabState, unauditedChanges } from './consistency';
import { unwrap } from './emulated';
import { expectKillSafe, type KillSweep } from './kills';

export const KILL_USER = 'anna@example.com';

export interface Seeded {
  state: EmulatorState;
  ids: string[];
}

function add(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

export function open(state: EmulatorState): { emu: Emulator; uninstall: () => void } {
  const emu = createEmulator({ user: KILL_USER, files: { Sidebar: '<html></html>' }, state });
  return { emu, uninstall: emu.install(globalThis) };
}

/** Three clients (two of olga's, with an open next step), messy cells for Check data, and whatever `extra` adds. */
export function seedBase(extra?: (emu: Emulator, ids: string[]) => void): Seeded {
  const emu = createEmulator({ user: KILL_USER, files: { Sidebar: '<html></html>' } });
  const uninstall = emu.install(globalThis);
  try {
    server.menuSetUp();
    const a = add({ 'First name': 'ana', 'Last name': 'POPESCU', Stage: 'Cold', Manager: 'olga@example.com' });
    const b = add({ 'First name': 'Ion', 'Last name': 'Rusu', Stage: 'Warm', Manager: 'olga@example.com' });
    const c = add({ 'First name': 'Вера', 'Last name': 'Ким', Stage: 'Cold', Manager: 'ion@example.com' });
    unwrap(server.apiLogInteraction({ clientId: a, type: 'Call', nextStep: 'Call back', nextDate: '2026-12-01', manager: 'olga@example.com' }));
    const header = emu.readSheet('Clients')[0] as string[];
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    sheet.getRange(2, header.indexOf('Email') + 1).setValue(' Ana.Popescu@GMAIL.com ');
    sheet.getRange(2, header.indexOf('Phone') + 1).setValue('8 (916) 123-45-67');
    const ids = [a, b, c];
    extra?.(emu, ids);
    return { state: emu.serialize(), ids };
  } finally {
    uninstall();
  }
}

export interface OpSweep {
  base: Seeded;
  run: () => void;
  /** Tabs that must be wholly done or wholly as before. */
  tabs: string[];
  /** Clients columns whose every change must be audited. */
  audited?: string[];
  sample?: (keys: readonly string[]) => number[];
  afterwards?: (emu: Emulator, outcome: 'done' | 'rolled back') => void;
  /** IDs that must never be lost (default: the base's). */
  ids?: (emu: Emulator) => string[];
}

export function sweepKills(c: OpSweep, check: (ok: boolean, message: string) => void): KillSweep {
  const probe = open(c.base.state);
  const before = tabState(probe.emu, c.tabs);
  const clientsBefore = plainRows(probe.emu, 'Clients');
  c.run();
  const done = tabState(probe.emu, c.tabs);
  probe.uninstall();
  check(JSON.stringify(done) !== JSON.stringify(before), 'the operation changes something');
  return expectKillSafe(
    {
      fresh: (state) => open(state ?? c.base.state),
      run: () => c.run(),
      resume: () => server.onOpen(),
      consistent: (emu) => [...baseProblems(emu, c.ids ? c.ids(emu) : c.base.ids), ...unauditedChanges(emu, clientsBefore, c.audited ?? [])],
      finished: (emu) => outcome(emu, before, done),
      sample: c.sample,
      afterwards: c.afterwards,
    },
    check,
  );
}
