import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator';
import { deleteDataRows } from '../../src/gas/rows';

describe('deleteDataRows', () => {
  it('deletes runs of adjacent rows and single rows, one call per run, keeping the others in order', () => {
    const emu = createEmulator();
    const restore = emu.install(globalThis);
    emu.writeSheet('T', [['ID'], ...Array.from({ length: 10 }, (_, i) => [`r${i}`])]);
    emu.calls.reset();
    expect(deleteDataRows('T', [9, 8, 7, 2, 4, 3, 0])).toBe(3);
    expect(emu.calls.count('Sheet.deleteRows')).toBe(3);
    expect(emu.readSheet('T').map((r) => r[0])).toEqual(['ID', 'r1', 'r5', 'r6']);
    restore();
  });
});
