import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';

describe('install', () => {
  it('puts the counted globals on a target and restores what was there', () => {
    const emu = createEmulator();
    const target: Record<string, unknown> = { Logger: 'previous' };
    const uninstall = emu.install(target);
    const app = target.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    app.getActiveSpreadsheet();
    expect(emu.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(target.Logger).toBe(emu.globals.Logger);
    uninstall();
    expect(target.Logger).toBe('previous');
    expect('SpreadsheetApp' in target).toBe(false);
  });

  it('defaults to globalThis', () => {
    const emu = createEmulator({ user: 'g@example.com' });
    const uninstall = emu.install();
    try {
      expect(Session.getActiveUser().getEmail()).toBe('g@example.com');
    } finally {
      uninstall();
    }
    expect((globalThis as Record<string, unknown>).Session).toBeUndefined();
  });
});

describe('serialize and restore', () => {
  function populated() {
    const emu = createEmulator({ user: 'ann@example.com', now: () => new Date('2024-02-01T08:00:00Z'), mailQuota: 5 });
    const { SpreadsheetApp, PropertiesService, ScriptApp, MailApp, CacheService, Logger } = emu.globals;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const clients = ss.insertSheet('Clients');
    clients.getRange('A1:D3').setValues([
      ['Name', 'Since', 'VIP', 'Phone'],
      ['Олена', new Date('2023-05-01T00:00:00Z'), true, '+380501234567'],
      ['Ana', '2024-01-31', false, "'007"],
    ]);
    clients.getRange('B2:B3').setNumberFormat('dd.mm.yyyy');
    clients.getRange('C2:C3').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    clients.getRange('A2').setNote('Imported');
    clients.getRange('E1').setFormula('=1+1');
    clients.setFrozenRows(1);
    clients.hideRows(3);
    clients.getRange('A1:D1').setFontWeight('bold');
    ss.insertSheet('Audit').protect().setWarningOnly(true).setDescription('Audit log');
    PropertiesService.getDocumentProperties().setProperty('schema', '{"v":1}');
    PropertiesService.getUserProperties().setProperty('lang', 'uk');
    CacheService.getScriptCache().put('k', 'v', 3600);
    ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
    MailApp.sendEmail('olena@example.com', 'Привіт', 'Body');
    Logger.log('done');
    emu.setActiveSelection('Clients', 'A2');
    return emu;
  }

  it('round-trips through JSON with everything intact', () => {
    const emu = populated();
    const json = JSON.stringify(emu.serialize());
    const copy = createEmulator({ state: JSON.parse(json), now: () => new Date('2024-02-01T08:30:00Z') });
    expect(copy.sheetNames()).toEqual(emu.sheetNames());
    expect(copy.readSheet('Clients')).toEqual(emu.readSheet('Clients'));
    expect(copy.readSheetDisplay('Clients')).toEqual(emu.readSheetDisplay('Clients'));
    expect(copy.inspectSheet('Clients')).toEqual(emu.inspectSheet('Clients'));
    expect(copy.inspectSheet('Audit').protections).toEqual([
      { type: 'SHEET', range: null, description: 'Audit log', warningOnly: true, editors: ['ann@example.com'], domainEdit: true },
    ]);
    const since = copy.readSheet('Clients')[1][1];
    expect(Object.prototype.toString.call(since)).toBe('[object Date]');
    expect(copy.user()).toBe('ann@example.com');
    expect(copy.outbox).toEqual(emu.outbox);
    expect(copy.outbox[0].at).toBeInstanceOf(Date);
    expect(copy.triggers()).toEqual(emu.triggers());
    expect(copy.logs()).toEqual(['done']);
    const g = copy.globals;
    expect(g.PropertiesService.getDocumentProperties().getProperty('schema')).toBe('{"v":1}');
    expect(g.PropertiesService.getUserProperties().getProperty('lang')).toBe('uk');
    expect(g.CacheService.getScriptCache().get('k')).toBe('v');
    expect(g.MailApp.getRemainingDailyQuota()).toBe(4);
    expect(g.SpreadsheetApp.getActiveRange().getA1Notation()).toBe('A2');
    expect(() => g.SpreadsheetApp.getActive().getSheetByName('Clients')!.getRange('C2').setValue('x')).toThrow('violates');
    // New sheets keep getting fresh ids after a restore.
    const ids = g.SpreadsheetApp.getActive()
      .getSheets()
      .map((s) => s.getSheetId());
    expect(ids).not.toContain(g.SpreadsheetApp.getActive().insertSheet('New').getSheetId());
    expect(JSON.stringify(copy.serialize())).not.toBe('');
  });

  it('the state is plain JSON (no Date objects, no undefined)', () => {
    const state = populated().serialize();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  // A state that goes straight back into createEmulator skips JSON (kill sweeps do it per kill point): same spreadsheet either way.
  it('a state restored as it is gives the spreadsheet its JSON gives, and each restore is a copy of its own', () => {
    const emu = populated();
    const state = emu.serialize();
    const direct = createEmulator({ state });
    const viaJson = createEmulator({ state: JSON.parse(JSON.stringify(emu.serialize())) });
    expect(JSON.stringify(direct.serialize())).toBe(JSON.stringify(viaJson.serialize()));
    expect(direct.inspectSheet('Clients')).toEqual(emu.inspectSheet('Clients'));
    const since = direct.readSheet('Clients')[1][1] as Date;
    expect(Object.prototype.toString.call(since)).toBe('[object Date]');
    direct.globals.SpreadsheetApp.getActive().getSheetByName('Clients')!.getRange('A2').setValue('Changed');
    emu.globals.SpreadsheetApp.getActive().getSheetByName('Clients')!.getRange('A3').setValue('Later');
    const again = createEmulator({ state });
    expect(again.readSheet('Clients').map((r) => r[0])).toEqual(['Name', 'Олена', 'Ana']);
    expect(JSON.stringify(again.serialize())).toBe(JSON.stringify(viaJson.serialize()));
  });

  it('a state whose sheets were edited restores with the edits', () => {
    const state = populated().serialize();
    const clients = state.spreadsheet.sheets.find((s) => s.name === 'Clients')!;
    (clients.layers.values as unknown[][])[1][0] = 'Edited';
    expect(createEmulator({ state }).readSheet('Clients')[1][0]).toBe('Edited');
    const replaced = populated().serialize();
    replaced.spreadsheet.sheets = replaced.spreadsheet.sheets.filter((s) => s.name !== 'Audit');
    expect(createEmulator({ state: replaced }).sheetNames()).not.toContain('Audit');
  });
});

describe('inspectSheet', () => {
  it('shows formulas, notes, formats, validations, frozen and hidden rows, protections and invalid cells', () => {
    const emu = createEmulator();
    const { SpreadsheetApp } = emu.globals;
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    sheet.getRange('A1:B1').setValues([['=1+1', 'x']]);
    sheet.getRange('B1').setNote('n').setNumberFormat('@');
    sheet.getRange('B2').setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(1, 2).build());
    sheet.getRange('B2').setValue(9);
    sheet.setFrozenRows(1);
    sheet.hideRows(2);
    sheet.getRange('A1:B2').protect().setDescription('Header');
    const info = emu.inspectSheet('Sheet1');
    expect(info.formulas).toEqual([
      ['=1+1', ''],
      ['', ''],
    ]);
    expect(info.notes).toEqual([
      ['', 'n'],
      ['', ''],
    ]);
    expect(info.numberFormats[0][1]).toBe('@');
    expect(info.validations[1][1]).toEqual({ criteria: 'NUMBER_BETWEEN', args: [1, 2], allowInvalid: true, helpText: '' });
    expect(info.validations[0][0]).toBeNull();
    expect(info.frozenRows).toBe(1);
    expect(info.hiddenRows).toEqual([2]);
    expect(info.protections).toEqual([
      { type: 'RANGE', range: 'A1:B2', description: 'Header', warningOnly: false, editors: ['owner@example.com'], domainEdit: true },
    ]);
    expect(info.invalidCells).toEqual(['B2']);
  });

  it('names the sheets on a typo', () => {
    const emu = createEmulator();
    expect(() => emu.readSheet('Clinets')).toThrow('no sheet named "Clinets" (sheets: Sheet1)');
  });
});

describe('writeSheet', () => {
  it('stores raw values without parsing, replaces old contents and grows the sheet', () => {
    const emu = createEmulator();
    emu.writeSheet('Clients', [['old', 'old']]);
    const rows = Array.from({ length: 1200 }, (_, i) => [`+7916${i}`, i]);
    emu.writeSheet('Clients', rows);
    expect(emu.readSheet('Clients')).toHaveLength(1200);
    expect(emu.readSheet('Clients')[0]).toEqual(['+79160', 0]);
    expect(emu.calls.total()).toBe(0);
  });
});

describe('running inside node:vm', () => {
  it("values and errors cross realms: Dates are [object Date], errors are the context's Error with the real message", async () => {
    const vm = await import('node:vm');
    const emu = createEmulator();
    const context = vm.createContext({ ...emu.globals });
    emu.useErrorClass(vm.runInContext('Error', context) as ErrorConstructor);
    const result = vm.runInContext(
      `var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
       sheet.getRange('A1:B1').setValues([[new Date(Date.UTC(2024, 0, 31)), '=1+1']]);
       var out = { tag: Object.prototype.toString.call(sheet.getRange('A1').getValue()) };
       try { sheet.getRange('A1').setValues([[1, 2]]); } catch (e) { out.isError = e instanceof Error; out.name = e.name; out.message = e.message; }
       out`,
      context,
    );
    expect(result).toEqual({
      tag: '[object Date]',
      isError: true,
      name: 'Exception',
      message: 'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 1.',
    });
    expect(emu.readSheet('Sheet1')[0][0]).toEqual(new Date(Date.UTC(2024, 0, 31)));
  });
});
