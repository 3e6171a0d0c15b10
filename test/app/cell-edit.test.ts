import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { rowsOf, unwrap, useEmulator } from '../support/emulated';

function edit(range: GoogleAppsScript.Spreadsheet.Range, oldValue?: unknown) {
  server.onEditInstalled({ range, oldValue, value: range.getValue(), user: { getEmail: () => 'ion@example.com' } } as never);
}

describe('hand edits of Clients', () => {
  const emu = useEmulator();

  function setUpWithClient() {
    server.menuSetUp();
    const outcome = unwrap(server.apiSaveClient({ values: { 'First name': 'Ana', Email: 'ana@example.com' } }));
    if (outcome.status !== 'saved') throw new Error('not saved');
    const header = emu().readSheet('Clients')[0] as string[];
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    return { id: outcome.client.id, sheet, col: (name: string) => header.indexOf(name) + 1 };
  }

  it('logs a single-cell edit with old and new value, moves Updated, and notes an invalid value', () => {
    const { id, sheet, col } = setUpWithClient();
    const cell = sheet.getRange(2, col('Email'));
    cell.setValue('ana@gmial.com');
    edit(cell, 'ana@example.com');
    expect(rowsOf(emu(), 'Audit').at(-1)).toMatchObject({
      Action: 'cell edit',
      'Client ID': id,
      Field: 'Email',
      'Old value': 'ana@example.com',
      'New value': 'ana@gmial.com',
      User: 'ion@example.com',
    });
    expect(rowsOf(emu(), 'Clients')[0]['Updated by']).toBe('ion@example.com');
    expect(cell.getNote()).toMatch(/^ClientBase: .*gmail\.com/);
    cell.setValue('ana@gmail.com');
    edit(cell, 'ana@gmial.com');
    expect(cell.getNote()).toBe('');
  });

  it('logs a paste as its range and values, hostile text included', () => {
    const { sheet, col } = setUpWithClient();
    const range = sheet.getRange(2, col('Company'), 1, 2);
    range.setValues([['=HYPERLINK("x")', '<script>alert(1)</script>']]); // plain-text columns keep it as text
    edit(range);
    const last = rowsOf(emu(), 'Audit').at(-1)!;
    expect(last).toMatchObject({ Action: 'paste', Field: range.getA1Notation() });
    expect(last['New value']).toBe('=HYPERLINK("x")\t<script>alert(1)</script>');
  });

  it('ignores edits of other tabs and never throws into the editor', () => {
    setUpWithClient();
    const before = emu().readSheet('Audit').length;
    const other = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Templates')!.getRange(2, 1);
    edit(other);
    expect(emu().readSheet('Audit')).toHaveLength(before);
    expect(() => server.onEditInstalled({} as never)).not.toThrow();
  });
});

describe('hand edits under the installable trigger, as Google runs it', () => {
  const emu = useEmulator();

  it('an edit by someone whose email Google hides is not credited to the trigger’s creator', () => {
    server.menuSetUp();
    const outcome = unwrap(server.apiSaveClient({ values: { 'First name': 'Ana', Email: 'ana@example.com' } }));
    if (outcome.status !== 'saved') throw new Error('not saved');
    const header = emu().readSheet('Clients')[0] as string[];
    const cell = SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Clients')!
      .getRange(2, header.indexOf('City') + 1);
    cell.setValue('Cluj');
    // e.user is blank for consumer accounts and other domains; the effective user is the owner.
    emu().runAs({ kind: 'installableTrigger', owner: emu().user(), user: 'ion@gmail.com' }, () =>
      server.onEditInstalled({ range: cell, oldValue: '', value: 'Cluj', user: { getEmail: () => '' } } as never),
    );
    const last = rowsOf(emu(), 'Audit').at(-1)!;
    expect(last).toMatchObject({ Action: 'cell edit', Field: 'City', 'New value': 'Cluj' });
    expect(last.User).not.toBe(emu().user());
    expect(last.User).toBe('unknown (email hidden)');
    expect(rowsOf(emu(), 'Clients')[0]['Updated by']).toBe('unknown (email hidden)');
  });
});
