import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../playground/runtime.ts';
import { MAX_GRID_ROWS, parseInvalid, sheetView, sidePanels } from '../../playground/state-view.ts';

const runtime = () => createRuntime({ files: { code: 'function f() {}', sidebarHtml: '' } });

describe('sheetView', () => {
  it('sends only the first MAX_GRID_ROWS rows of a big sheet, and says how many there are', () => {
    const rt = runtime();
    const total = MAX_GRID_ROWS + 700;
    rt.emulator.writeSheet(
      'Big',
      Array.from({ length: total }, (_, i) => [`row ${i + 1}`, i]),
    );
    const view = sheetView(rt, 'Big');
    expect(view.display).toHaveLength(MAX_GRID_ROWS);
    expect(view.values).toHaveLength(MAX_GRID_ROWS);
    expect(view.totalRows).toBe(total);
    expect(view.display[MAX_GRID_ROWS - 1][0]).toBe(`row ${MAX_GRID_ROWS}`);
  });

  it('sends dates as ISO strings and hostile text untouched (the page renders text)', () => {
    const rt = runtime();
    const when = new Date('2024-05-01T00:00:00Z');
    rt.emulator.writeSheet('S', [['<img src=x onerror=alert(1)>', when, true, 3.5]]);
    const view = sheetView(rt, 'S');
    expect(view.values[0]).toEqual(['<img src=x onerror=alert(1)>', when.toISOString(), true, 3.5]);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it("reports invalid cells with the rule's help text, notes, hidden and frozen rows", () => {
    const rt = runtime();
    rt.emulator.writeSheet('S', [['Stage'], ['Hot'], ['Горячий'], ['Cold']]);
    const sheet = rt.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S')!;
    const rule = rt.emulator.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(['Cold', 'Warm', 'Hot'], true)
      .setAllowInvalid(true)
      .setHelpText('One of: Cold, Warm, Hot.')
      .build();
    sheet.getRange('A2:A4').setDataValidation(rule);
    sheet.getRange('A2').setNote('called twice');
    sheet.hideRows(4);
    sheet.setFrozenRows(1);
    const view = sheetView(rt, 'S');
    expect(view.invalid).toEqual([{ row: 3, column: 1, reason: 'Invalid: One of: Cold, Warm, Hot.' }]);
    expect(view.notes).toEqual([{ row: 2, column: 1, note: 'called twice' }]);
    expect(view.hiddenRows).toEqual([4]);
    expect(view.frozenRows).toBe(1);
  });
});

describe('sheetView backgrounds', () => {
  it('sends each cell coloured other than white, as a checked colour, and leaves hostile values out', () => {
    const rt = runtime();
    rt.emulator.writeSheet('S', [
      ['Email', 'Name', 'Note'],
      ['bad@', 'Ann', 'x'],
      ['ok@example.com', 'Bob', 'y'],
    ]);
    const sheet = rt.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S')!;
    sheet.getRange('A1:C1').setBackgrounds([['#F4CCCC', 'White', '#FFFFFF']]);
    sheet.getRange('A2:C2').setBackgrounds([['#fce8e6', 'red;background-image:url(https://evil.example/x)', '#fff']]);
    sheet.getRange('A3:C3').setBackgrounds([['expression(alert(1))', 'cornflowerblue', '#abc']]);
    const view = sheetView(rt, 'S');
    expect(view.backgrounds).toEqual([
      { row: 1, column: 1, color: '#f4cccc' },
      { row: 2, column: 1, color: '#fce8e6' },
      { row: 3, column: 2, color: 'cornflowerblue' },
      { row: 3, column: 3, color: '#abc' },
    ]);
  });

  it('sends no backgrounds for a sheet nobody coloured, and none past the rows it shows', () => {
    const rt = runtime();
    rt.emulator.writeSheet('Plain', [['a'], ['b']]);
    expect(sheetView(rt, 'Plain').backgrounds).toEqual([]);
    rt.emulator.writeSheet(
      'Big',
      Array.from({ length: MAX_GRID_ROWS + 5 }, (_, i) => [i]),
    );
    const sheet = rt.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Big')!;
    sheet.getRange(MAX_GRID_ROWS + 2, 1).setBackground('#ff0000');
    sheet.getRange(MAX_GRID_ROWS, 1).setBackground('#00ff00');
    expect(sheetView(rt, 'Big').backgrounds).toEqual([{ row: MAX_GRID_ROWS, column: 1, color: '#00ff00' }]);
  });
});

describe('parseInvalid', () => {
  it('reads A1 entries, with or without a reason or a sheet name', () => {
    expect(parseInvalid('B7')).toMatchObject({ row: 7, column: 2 });
    expect(parseInvalid('AA12: bad date')).toEqual({ row: 12, column: 27, reason: 'bad date' });
    expect(parseInvalid("'Clients'!$C$3")).toMatchObject({ row: 3, column: 3 });
  });

  it('ignores what is not a cell reference', () => {
    for (const junk of ['', 'nonsense', '<img src=x onerror=alert(1)>', '=A1', '7B', 'x'.repeat(50_001)]) expect(parseInvalid(junk)).toBeUndefined();
  });
});

describe('sidePanels', () => {
  it("shows a mail's time as the spreadsheet shows a date-time in its own zone, not as UTC", () => {
    const rt = createRuntime({ files: { code: 'function f() {}', sidebarHtml: '' }, timeZone: 'Europe/Moscow' });
    rt.emulator.globals.MailApp.sendEmail('ann@example.com', 'Hello', 'Hi');
    const [mail] = sidePanels(rt, []).outbox;
    const at = new Date(mail.at);
    const moscow = new Date(at.getTime() + 3 * 3600_000);
    expect(mail.time).toBe(
      `${moscow.getUTCMonth() + 1}/${moscow.getUTCDate()}/${moscow.getUTCFullYear()} ${moscow.getUTCHours()}:${String(moscow.getUTCMinutes()).padStart(2, '0')}:${String(moscow.getUTCSeconds()).padStart(2, '0')}`,
    );
    expect(sidePanels(rt, []).timeZone).toBe('Europe/Moscow');
  });

  it('shows it in the spreadsheet locale: day first in ru_RU, on the spreadsheet clock', () => {
    const rt = createRuntime({ files: { code: 'function f() {}', sidebarHtml: '' }, timeZone: 'Europe/Moscow', locale: 'ru_RU' });
    rt.emulator.globals.MailApp.sendEmail('ann@example.com', 'Hello', 'Hi');
    const [mail] = sidePanels(rt, []).outbox;
    const moscow = new Date(new Date(mail.at).getTime() + 3 * 3600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    expect(mail.time).toBe(
      `${two(moscow.getUTCDate())}.${two(moscow.getUTCMonth() + 1)}.${moscow.getUTCFullYear()} ${moscow.getUTCHours()}:${two(moscow.getUTCMinutes())}:${two(moscow.getUTCSeconds())}`,
    );
  });
});
