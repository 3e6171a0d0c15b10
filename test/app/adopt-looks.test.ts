/**
 * Adoption keeps what the team put on their list besides values: cell
 * colours and their own dropdowns follow their cells to the new layout (ID
 * and stamps in front, blank rows gone).
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { unwrap, useEmulator } from '../support/emulated';
import { STORABLE } from '../support/hostile';

function ss() {
  return SpreadsheetApp.getActiveSpreadsheet();
}

describe('adoption keeps colours and the team’s dropdowns', () => {
  const emu = useEmulator();

  function seedList() {
    emu().writeSheet('Sheet1', [
      ['Name', 'Email', 'Priority', 'Notes'],
      ['Anna Petrova', 'anna@example.com', 'high', 'call back'],
      ['', '', '', ''],
      ['Ion Popescu', 'ion@example.com', 'low', 'VIP'],
    ]);
    const list = ss().getSheetByName('Sheet1')!;
    list.getRange('A1:D1').setBackground('#cfe2f3');
    list.getRange('D4').setBackground('#ffd966');
    const priority = SpreadsheetApp.newDataValidation().requireValueInList(['high', 'low'], true).build();
    list.getRange('C2:C4').setDataValidation(priority);
  }

  function column(name: string): number {
    const header = emu().readSheet('Clients')[0] as string[];
    return header.indexOf(name) + 1;
  }

  it('moves the colours with their cells and keeps the dropdown on the team’s own column', () => {
    seedList();
    unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
    const clients = ss().getSheetByName('Clients')!;
    const rows = emu().readSheet('Clients');
    const ion = rows.findIndex((r) => r.includes('ion@example.com')) + 1;
    expect(ion).toBe(3); // the blank row is gone
    expect(clients.getRange(ion, column('Notes')).getBackground()).toBe('#ffd966');
    expect(clients.getRange(1, column('Priority')).getBackground()).toBe('#cfe2f3');
    expect(clients.getRange(ion, column('ID')).getBackground()).toBe('#ffffff');
    for (const row of [2, 3]) {
      const rule = clients.getRange(row, column('Priority')).getDataValidation();
      expect(rule?.getCriteriaValues()[0]).toEqual(['high', 'low']);
    }
    // No dropdown lands on the column that now sits where Priority was.
    expect(clients.getRange(2, 3).getDataValidation()).toBeNull();
  });

  it.each(STORABLE)('a list holding %s is adopted with that text and its colours', (_label, value) => {
    seedList();
    ss()
      .getSheetByName('Sheet1')!
      .getRange('D2')
      .setValue(/^[=+\-@]/.test(value) ? `'${value}` : value);
    unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
    expect(emu().inspectSheet('Clients').formulas.flat().filter(Boolean)).toEqual([]);
    const rows = emu().readSheet('Clients');
    const anna = rows.findIndex((r) => r.includes('anna@example.com'));
    expect(rows[anna][column('Notes') - 1]).toBe(value);
    expect(ss().getSheetByName('Clients')!.getRange(1, column('Name')).getBackground()).toBe('#cfe2f3');
  });
});
