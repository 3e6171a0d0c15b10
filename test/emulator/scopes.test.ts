import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { SCOPE } from '../../emulator/scopes';

describe('OAuth scopes from the manifest', () => {
  it('refuses a call whose scope the manifest lacks, in Google words, and counts nothing', () => {
    const emu = createEmulator({ manifest: { oauthScopes: [SCOPE.spreadsheetsCurrentOnly] } });
    const { MailApp, ScriptApp, Session, SpreadsheetApp } = emu.globals;
    expect(() => MailApp.getRemainingDailyQuota()).toThrow(
      'You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(() => ScriptApp.getProjectTriggers()).toThrow('Required permissions: https://www.googleapis.com/auth/script.scriptapp');
    expect(() => Session.getActiveUser()).toThrow('Required permissions: https://www.googleapis.com/auth/userinfo.email');
    expect(() => SpreadsheetApp.getUi().showSidebar(emu.globals.HtmlService.createHtmlOutput('x'))).toThrow(
      'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
    expect(() => SpreadsheetApp.openById('x')).toThrow('Required permissions: https://www.googleapis.com/auth/spreadsheets');
    expect(emu.calls.count('MailApp')).toBe(0);
    // Granted: the bound spreadsheet, the menu, and services that need no scope.
    expect(SpreadsheetApp.getActiveSpreadsheet().getSheets()).toHaveLength(1);
    SpreadsheetApp.getUi().createMenu('M').addItem('a', 'f').addToUi();
    expect(emu.globals.PropertiesService.getScriptProperties().getKeys()).toEqual([]);
  });

  it('without the spreadsheet scope not even the bound spreadsheet opens; "either" scope suffices', () => {
    const none = createEmulator({ scopes: [] });
    expect(() => none.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      'Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
    const full = createEmulator({ scopes: [SCOPE.spreadsheets] });
    expect(full.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()).toHaveLength(1);
  });

  it('defaults to the project manifest (strict), and a manifest without oauthScopes grants all', () => {
    const strict = createEmulator();
    expect(() => strict.globals.SpreadsheetApp.openById(strict.globals.SpreadsheetApp.getActiveSpreadsheet().getId())).toThrow('permission');
    const inferred = createEmulator({ manifest: { timeZone: 'Etc/UTC' } });
    const id = inferred.globals.SpreadsheetApp.getActiveSpreadsheet().getId();
    expect(inferred.globals.SpreadsheetApp.openById(id).getId()).toBe(id);
  });
});
