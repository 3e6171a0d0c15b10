import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { callsDuring, rowsOf, unwrap, useEmulator } from '../support/emulated';

const MESSY = [
  ['Клиенты отдела продаж, выгрузка 2024', '', '', '', '', '', ''],
  ['', '', '', '', '', '', ''],
  ['ФИО', 'Эл. почта', 'Тел.', 'Компания', 'Город', 'Комментарий', 'Сумма'],
  ['Петров Александр Иванович', 'A.Petrov@Gmail.com ', '8(916)123-45-67', 'ООО «Вектор»', 'Москва', '=не формула', 1200],
  ['Popescu Ion', 'ion@gmial.com', '0721 234 567', 'SC Agro Vest SRL', 'Cluj-Napoca', '<img src=x onerror=alert(1)>', 'много'],
  ['', '', '', '', '', '', ''],
  ['Smith John', 'john@brightline.co.uk', '+44 20 7946 0958', 'Brightline Ltd', 'London', '😀', 31.5],
];

function seedMessy(emu: ReturnType<ReturnType<typeof useEmulator>>) {
  emu.writeSheet('Sheet1', MESSY);
  // writeSheet turns "=…" into a formula: put the text back as text, as it was typed with an apostrophe.
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
  sheet.getRange(4, 6).setValue("'=не формула");
  sheet.getRange(7, 7).setFormula('=30+1.5');
}

describe('adopting an existing list', () => {
  const emu = useEmulator();

  it('proposes a mapping from Russian headers below a title line', () => {
    seedMessy(emu());
    const proposal = unwrap(server.apiProposeAdoption());
    expect(proposal.headerRow).toBe(2);
    expect(proposal.rowCount).toBe(3);
    const field = Object.fromEntries(proposal.columns.map((c) => [c.header, c.field ?? null]));
    expect(field).toMatchObject({ 'Эл. почта': 'Email', 'Тел.': 'Phone', Компания: 'Company', Город: 'City' });
    expect(proposal.columns.find((c) => c.header === 'ФИО')?.splitFullName).toBe(true);
  });

  it('keeps every original value, adds IDs, splits full names and takes a snapshot first', () => {
    seedMessy(emu());
    const proposal = unwrap(server.apiProposeAdoption());
    const report = unwrap(server.apiAdopt(proposal));
    expect(report.clients).toBe(3);
    const rows = rowsOf(emu(), 'Clients');
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.ID)).size).toBe(3);
    expect(rows[0]).toMatchObject({
      ФИО: 'Петров Александр Иванович',
      'First name': 'Александр',
      'Last name': 'Петров',
      'Эл. почта': 'A.Petrov@Gmail.com ',
      'Тел.': '8(916)123-45-67',
      Комментарий: '=не формула',
      Сумма: 1200,
    });
    expect(rows[1]).toMatchObject({ 'Эл. почта': 'ion@gmial.com', Комментарий: '<img src=x onerror=alert(1)>', Сумма: 'много' });
    expect(rows[2]).toMatchObject({ Комментарий: '😀', Сумма: 31.5 });
    expect(emu().inspectSheet('Clients').formulas[3].filter(Boolean)).toEqual(['=30+1.5']);
    const fields = rowsOf(emu(), 'Fields').map((r) => [r.Name, r.Key]);
    expect(fields).toContainEqual(['Эл. почта', 'email']);
    expect(fields).toContainEqual(['Комментарий', 'notes']);
    expect(fields).toContainEqual(['Сумма', '']);
    expect(fields).toContainEqual(['Stage', 'stage']);
    expect(emu().inspectSheet('Clients').notes[0][0]).toContain('Клиенты отдела продаж');
    expect(unwrap(server.apiListSnapshots())[0]).toMatchObject({ id: report.snapshotId, tabs: ['Sheet1'] });
  });

  it('leaves the team on the adopted list, not on the last tab it inserted', () => {
    seedMessy(emu());
    unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
    const active = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName();
    expect(active).toBe('Clients');
  });

  it('lets the user re-map a column and refuses a mapping of one field twice', () => {
    seedMessy(emu());
    const proposal = unwrap(server.apiProposeAdoption());
    const twice = { ...proposal, columns: proposal.columns.map((c) => (c.header === 'Город' ? { ...c, field: 'Email' } : c)) };
    expect(server.apiAdopt(twice).ok).toBe(false);
    const remapped = { ...proposal, columns: proposal.columns.map((c) => (c.header === 'Город' ? { ...c, field: 'Region' } : c)) };
    unwrap(server.apiAdopt(remapped));
    expect(rowsOf(emu(), 'Fields').find((r) => r.Name === 'Город')?.Key).toBe('region');
  });

  it('refuses when the header changed after the proposal', () => {
    seedMessy(emu());
    const proposal = unwrap(server.apiProposeAdoption());
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!.getRange(3, 2).setValue('Почта');
    const result = server.apiAdopt(proposal);
    expect(result.ok || result.error.code).toBe('conflict');
    expect(emu().sheetNames()).not.toContain('Clients');
  });

  it('can be undone by restoring its snapshot, and then adopted again', () => {
    seedMessy(emu());
    const before = emu().readSheet('Sheet1');
    const report = unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
    const restored = unwrap(server.apiRestoreSnapshot(report.snapshotId));
    expect(restored.restored).toEqual(['Sheet1']);
    expect(emu().sheetNames()).not.toContain('Clients');
    expect(emu().readSheet('Sheet1')).toEqual(before);
    expect(emu().inspectSheet('Sheet1').validations.flat().filter(Boolean)).toEqual([]);
    expect(emu().inspectSheet('Sheet1').protections).toEqual([]);
    const again = unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
    expect(again.clients).toBe(3);
  });

  it('restores text that Sheets would read as a number or formula exactly, in a list adopted in place as Clients', () => {
    emu().writeSheet('Clients', [['Имя', 'Код', 'Заметка']]);
    // Typed as a person would, with the apostrophe Sheets uses to keep text as text.
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Clients')!
      .getRange(2, 1, 2, 3)
      .setValues([
        ['Анна', "'+1", "'=x"],
        ['Ion', "'-1", "'@y"],
      ]);
    const before = emu().readSheet('Clients');
    expect(before[1]).toEqual(['Анна', '+1', '=x']);
    const report = unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
    unwrap(server.apiRestoreSnapshot(report.snapshotId));
    expect(emu().readSheet('Clients')).toEqual(before);
    expect(emu().inspectSheet('Clients').validations.flat().filter(Boolean)).toEqual([]);
  });

  it('refuses to adopt a spreadsheet that is already a client base', () => {
    seedMessy(emu());
    unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
    const result = server.apiProposeAdoption();
    expect(result.ok || result.error.code).toBe('conflict');
  });

  it('costs the same service calls for 20 rows as for 3,000', () => {
    const header = MESSY[2];
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => [`Name${i} Surname${i}`, `p${i}@example.com`, `+7 916 000-${String(i).padStart(4, '0')}`, 'Co', 'City', 'note', i]);
    emu().writeSheet('Sheet1', [header, ...rows(20)]);
    const small = callsDuring(emu(), () => unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption()))));
    for (const name of emu().sheetNames())
      if (name !== 'Clients') SpreadsheetApp.getActiveSpreadsheet().deleteSheet(SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!);
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!.setName('Sheet1');
    emu().writeSheet('Sheet1', [header, ...rows(3000)]);
    ScriptApp.getProjectTriggers().forEach((t) => ScriptApp.deleteTrigger(t));
    const large = callsDuring(emu(), () => unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption()))));
    expect(large['Range.getValues']).toBe(small['Range.getValues']);
    expect(large['Range.setValues']).toBe(small['Range.setValues']);
    expect(large['Range.setNumberFormats']).toBe(small['Range.setNumberFormats']);
  });
});
