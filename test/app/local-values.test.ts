/**
 * Local day forms in a Russian base, from the sidebar and typed into a cell:
 * 31.12.1985 is a day (saved as a date, no note on the cell); impossible or
 * garbled days are refused from the sidebar with nothing written and noted on
 * the cell, never silently changed.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { localTabName } from '../../src/core/i18n/sheet-words';
import { TAB } from '../../src/core/schema/tabs';
import { isDate } from '../../src/core/values';
import { unwrap, useEmulator } from '../support/emulated';

describe('local days in a Russian base', () => {
  const emu = useEmulator({ locale: 'ru_RU', timeZone: 'Europe/Moscow' });

  function setUp() {
    server.menuSetUp();
    const name = localTabName(TAB.clients, 'ru');
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
    const header = emu().readSheet(name)[0] as string[];
    return { name, sheet, col: (h: string) => header.indexOf(h) + 1 };
  }

  it('saves 31.12.1985 from the sidebar as the day, and refuses 31.02.1985 with nothing written', () => {
    const { name, col } = setUp();
    const saved = unwrap(server.apiSaveClient({ values: { 'First name': 'Ольга', Birthday: '31.12.1985' } }));
    expect(saved.status).toBe('saved');
    const cell = emu().readSheet(name)[1][col('Birthday') - 1];
    expect(isDate(cell)).toBe(true);
    expect(emu().readSheetDisplay(name)[1][col('Birthday') - 1]).toBe('31.12.1985');

    const before = emu().readSheet(name);
    for (const bad of ['31.02.1985', '32.12.1985', '31.12.19855', '31..12.1985', '<b>31.12.1985</b>']) {
      const r = server.apiSaveClient({ values: { 'First name': 'Пётр', Birthday: bad } });
      const refused = !r.ok || r.value.status !== 'saved';
      expect(refused, bad).toBe(true);
    }
    expect(emu().readSheet(name)).toEqual(before);
  });

  it('notes an impossible day typed into a cell and leaves a local one alone', () => {
    const { sheet, col } = setUp();
    unwrap(server.apiSaveClient({ values: { 'First name': 'Ольга' } }));
    const cell = sheet.getRange(2, col('Birthday'));
    const edit = (text: string) => {
      cell.setNumberFormat('@');
      cell.setValue(text);
      server.onEditInstalled({ range: cell, oldValue: '', value: text, user: { getEmail: () => 'ion@example.com' } } as never);
    };
    edit('31.12.1985');
    expect(cell.getNote()).toBe('');
    edit('31.02.1985');
    expect(cell.getNote()).toMatch(/^ClientBase: /);
    expect(cell.getValue()).toBe('31.02.1985');
  });
});
