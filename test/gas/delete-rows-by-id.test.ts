/** Deleting clients by ID: neighbouring rows go in one deleteRows per run, and only they go. */
import { describe, expect, it } from 'vitest';
import { deleteRowsById } from '../../src/gas/rows-by-id';
import { useEmulator } from '../support/emulated';

describe('deleteRowsById', () => {
  const emu = useEmulator();
  const seed = () => {
    SpreadsheetApp.getActiveSpreadsheet().insertSheet('Clients');
    emu().writeSheet('Clients', [['ID', 'Name'], ...['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'].map((id) => [id, `Name ${id}`])]);
  };

  it('deletes neighbouring rows (a run at the end, one in the middle, a run of three) and nothing else', () => {
    seed();
    emu().calls.reset();
    deleteRowsById('Clients', 0, ['C7', 'C6', 'C4', 'C1', 'C2']);
    expect(
      emu()
        .readSheet('Clients')
        .map((r) => r[0]),
    ).toEqual(['ID', 'C3', 'C5']);
    expect(emu().calls.count('Sheet.deleteRows')).toBe(3);
  });

  it('deletes a whole run of consecutive rows with one call', () => {
    seed();
    emu().calls.reset();
    deleteRowsById('Clients', 0, ['C3', 'C4', 'C5']);
    expect(
      emu()
        .readSheet('Clients')
        .map((r) => r[0]),
    ).toEqual(['ID', 'C1', 'C2', 'C6', 'C7']);
    expect(emu().calls.count('Sheet.deleteRows')).toBe(1);
  });
});
