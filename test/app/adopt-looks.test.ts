/**
 * Adoption keeps what the team put on their list besides values: cell
 * colours and their own dropdowns follow their cells to the new layout (ID
 * and stamps in front, blank rows gone).
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmulator, isKill } from '../../emulator';
import * as server from '../../src/server';
import { ADMIN, unwrap, useEmulator } from '../support/emulated';
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

  // Issue 12: the roll-back of a failed or killed adoption put the values back but not the team's dropdowns.
  function expectListAsBefore() {
    const list = ss().getSheetByName('Sheet1')!;
    expect(emu().readSheet('Sheet1')[0]).toEqual(['Name', 'Email', 'Priority', 'Notes']);
    for (const row of [2, 3, 4]) expect(list.getRange(row, 3).getDataValidation()?.getCriteriaValues()[0], `row ${row}`).toEqual(['high', 'low']);
    expect(list.getRange(2, 1).getDataValidation()).toBeNull();
    expect(list.getRange(4, 4).getBackground()).toBe('#ffd966');
  }

  it('an adoption that fails at its last write gives the list back with its dropdowns and colours', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    seedList();
    const proposal = unwrap(server.apiProposeAdoption());
    // The Audit row is the last setValues: everything was restructured by then.
    const probe = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' }, state: emu().serialize() });
    const uninstall = probe.install(globalThis);
    let writes = 0;
    probe.calls.onCall((key) => key === 'Range.setValues' && writes++);
    unwrap(server.apiAdopt(proposal));
    uninstall();
    emu().faults.failOn('Range.setValues', writes, 'injected');
    const result = server.apiAdopt(proposal);
    emu().faults.clear();
    expect(result.ok).toBe(false);
    expectListAsBefore();
  });

  it('an adoption killed near its end is rolled back on open, dropdowns and colours included', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    seedList();
    const proposal = unwrap(server.apiProposeAdoption());
    const state = emu().serialize();
    let calls = 0;
    const stop = emu().calls.onCall(() => calls++);
    unwrap(server.apiAdopt(proposal));
    stop();
    const killed = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' }, state });
    let uninstall = killed.install(globalThis);
    killed.killBefore(calls - 6);
    try {
      server.apiAdopt(proposal);
    } catch (err) {
      if (!isKill(err)) throw err;
    }
    const frozen = killed.killedState()!;
    uninstall();
    expect(frozen.properties.document['clientbase.intent']).toBeTruthy();
    const next = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' }, state: frozen });
    uninstall = next.install(globalThis);
    try {
      server.onOpen();
      const list = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
      for (const row of [2, 3, 4]) expect(list.getRange(row, 3).getDataValidation()?.getCriteriaValues()[0], `row ${row}`).toEqual(['high', 'low']);
      expect(list.getRange(4, 4).getBackground()).toBe('#ffd966');
      expect(next.readSheet('Sheet1')[0]).toEqual(['Name', 'Email', 'Priority', 'Notes']);
    } finally {
      uninstall();
    }
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
