import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

describe('formulas reading formula cells of their own sheet', () => {
  it('see the results, whatever the order the formulas were written in (Sheets recomputes dependencies)', () => {
    const emu = createEmulator({ timeZone: 'UTC', now: () => new Date('2026-03-18T10:00:00Z') });
    emu.writeSheet('U', [[7, '=$A$1+1', '=B1*2', '=$E$1-1', '=TODAY()', '=ARRAYFORMULA({1;2}+$B$1)', '=F2']]);
    const [row1, row2] = emu.readSheet('U');
    expect(row1.slice(0, 6)).toEqual([7, 8, 16, 46098, 46099, 9]);
    expect(row2[5]).toBe(10);
    // G1 reads F2, a cell spilled by F1's array result.
    expect(row1[6]).toBe(10);
  });
  it('a circular reference does not hang: the inner read sees a blank', () => {
    const emu = createEmulator();
    emu.writeSheet('U', [['=B1+1', '=A1+1']]);
    const [[a, b]] = emu.readSheet('U');
    expect(typeof a).toBe('number');
    expect(typeof b).toBe('number');
  });
});
