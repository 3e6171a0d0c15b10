/**
 * Issue 12: adoption killed at any call. The attacker's case: a restructured
 * list with no Fields tab, after which adopting again adds "ID (imported)"
 * columns. Now: once the spreadsheet is opened again, the list is exactly as
 * it was (and adopting it again gives a clean base), or the base is complete.
 * "As it was" includes the list's cell colours and the team's dropdown.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmulator, type EmulatorState } from '../../emulator';
import * as server from '../../src/server';
import { rowsOf, unwrap } from '../support/emulated';
import { expectKillSafe, thinnedStates } from '../support/kills';

const LIST = [
  ['Имя', 'Фамилия', 'Телефон', 'E-mail', 'Примечание', 'Компания'],
  ['Анна', 'Иванова', '8 916 111-22-33', 'anna@mail.ru', "'=не формула", 'ООО «Ромашка»'],
  ['Ion', 'Popescu', '0721 234 567', 'ion@gmail.com', '<b>VIP</b>', 'Romashka LLC'],
];

function open(state?: EmulatorState) {
  const emu = createEmulator({ user: 'anna@example.com', files: { Sidebar: '<html></html>' }, state });
  const uninstall = emu.install(globalThis);
  if (!state) {
    emu.writeSheet('Sheet1', LIST);
    // The team's colours and their own dropdown: a roll-back gives them back too.
    const list = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    list.getRange('A1:E1').setBackground('#cfe2f3');
    list.getRange('E3').setBackground('#ffd966');
    list.getRange('E2:E3').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(["'=не формула", '<b>VIP</b>', 'new'], true).build());
  }
  return { emu, uninstall };
}

/** Sheet1's values, colours and dropdowns, as a person sees them. */
function listLooks(): string {
  const list = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
  if (!list) return '';
  const range = list.getRange(1, 1, LIST.length, LIST[0].length);
  const validations = range.getDataValidations().map((r) => r.map((v) => (v ? JSON.stringify(v.getCriteriaValues()) : '')));
  return JSON.stringify({ values: range.getValues(), colours: range.getBackgrounds(), validations });
}

describe('adoption, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('leaves the list as it was or a complete base, and adopting again never adds imported columns', () => {
    const probe = open();
    // With its company step (issue 17): Companies made and both people linked, or none of it.
    const proposal = { ...unwrap(server.apiProposeAdoption()), linkCompanies: true };
    const original = probe.emu.readSheet('Sheet1');
    const looks = listLooks();
    probe.uninstall();
    const complete = (names: string[]) => ['Clients', 'Fields', 'Settings', 'Audit'].every((t) => names.includes(t));
    const sweep = expectKillSafe(
      {
        fresh: open,
        run: () => void server.apiAdopt(proposal),
        resume: () => server.onOpen(),
        // 230 distinct states: every 6th, and the closing steps, keep the sweep to a few seconds.
        sample: thinnedStates(6, 8),
        consistent: (emu) => {
          const names = emu.sheetNames();
          if (names.includes('Sheet1') && names.includes('Fields')) return ['the list is back but a Fields tab was left'];
          if (names.includes('Sheet1') && names.includes('Companies')) return ['the list is back but a Companies tab was left'];
          if (names.includes('Clients') && !complete(names)) return [`a restructured list without its tabs: ${names.join(', ')}`];
          return emu.serialize().properties.document['clientbase.intent'] ? ['an unfinished intent is still recorded'] : [];
        },
        finished: (emu) => {
          const names = emu.sheetNames();
          if (complete(names) && emu.readSheet('Clients').length === original.length) {
            const linked = new Set(rowsOf(emu, 'Clients').map((r) => r['Company ID']));
            const companies = rowsOf(emu, 'Companies');
            return companies.length === 1 && linked.size === 1 && linked.has(companies[0].ID) ? 'done' : `done without its company: ${[...linked].join(', ')}`;
          }
          if (names.includes('Sheet1') && JSON.stringify(emu.readSheet('Sheet1')) === JSON.stringify(original)) {
            return listLooks() === looks ? 'rolled back' : `the list is back without its colours or dropdowns: ${listLooks()}`;
          }
          return `neither: ${names.join(', ')}`;
        },
        afterwards: (emu, result) => {
          if (result === 'rolled back') unwrap(server.apiAdopt({ ...unwrap(server.apiProposeAdoption()), linkCompanies: true }));
          expect(rowsOf(emu, 'Companies')).toHaveLength(1);
          const header = emu.readSheet('Clients')[0].map(String);
          expect(header.filter((h) => /imported/i.test(h))).toEqual([]);
          expect(emu.readSheet('Clients')).toHaveLength(original.length);
        },
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.rolledBack).toBeGreaterThan(10);
    console.info(`adoption kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  }, 120_000);
});
