/** Plan tests: a fixed clock (the app's Date and the emulator's both follow it) and the hourly trigger run as Google runs it. */
import { vi } from 'vitest';
import type { Emulator } from '../../../emulator';
import * as server from '../../../src/server';

/** Moves the clock (app and emulator alike) to an instant. */
export function clockAt(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

export function advance(ms: number): void {
  vi.setSystemTime(new Date(Date.now() + ms));
}

/** The hourly trigger firing for its owner: time-driven, no active user, no UI. */
export function runTick(emu: Emulator, owner: string): void {
  emu.runAs({ kind: 'timeDriven', owner }, () => server.mailingTick());
}

export function setting(emu: Emulator, key: string, value: string): void {
  const rows = emu.readSheet('Settings');
  const has = rows.some((r) => r[0] === key);
  emu.writeSheet('Settings', has ? rows.map((r) => (r[0] === key ? [key, value, r[2]] : r)) : [...rows, [key, value, '']]);
}

export function clockTriggers(emu: Emulator, owner?: string) {
  return emu.triggers().filter((t) => t.type === 'CLOCK' && (!owner || t.owner === owner));
}
