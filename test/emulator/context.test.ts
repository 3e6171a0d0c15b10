import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';

const OWNER = 'owner@example.com';
const permission = (call: string) => new RegExp(`You do not have permission to call ${call.replace('.', '\\.')}\\. Required permissions: `);

describe('execution contexts', () => {
  it('defaults to the sidebar of the user at the keyboard: active = effective, AuthMode.FULL', () => {
    const emu = createEmulator();
    expect(emu.context()).toMatchObject({ kind: 'sidebar', authMode: 'FULL', activeEmail: OWNER, effectiveUser: OWNER });
    expect(emu.globals.Session.getActiveUser().getEmail()).toBe(OWNER);
  });

  it('a simple trigger (LIMITED) builds menus and uses the bound sheet, but no mail, triggers, other files or dialogs', () => {
    const emu = createEmulator();
    const { MailApp, ScriptApp, Session, SpreadsheetApp, HtmlService } = emu.globals;
    emu.runAs({ kind: 'simpleTrigger', user: 'ion@example.com' }, () => {
      SpreadsheetApp.getUi().createMenu('M').addItem('a', 'f').addToUi();
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sheet.getRange('A1').setValue('x');
      expect(sheet.getRange('A1').getValue()).toBe('x');
      expect(() => MailApp.sendEmail('a@example.com', 's', 'b')).toThrow(permission('MailApp.sendEmail'));
      expect(() => MailApp.getRemainingDailyQuota()).toThrow(permission('MailApp.getRemainingDailyQuota'));
      expect(() => ScriptApp.newTrigger('f')).toThrow(permission('ScriptApp.newTrigger'));
      expect(() => ScriptApp.getProjectTriggers()).toThrow(permission('ScriptApp.getProjectTriggers'));
      expect(() => SpreadsheetApp.openById('x')).toThrow(permission('SpreadsheetApp.openById'));
      expect(() => SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x'))).toThrow(permission('Ui.showSidebar'));
      // The editor's email is not available without their authorisation.
      expect(Session.getActiveUser().getEmail()).toBe('');
    });
    expect(emu.outbox).toEqual([]);
    expect(emu.context().kind).toBe('sidebar');
  });

  it('AuthMode.NONE (installed, not yet used in this document) allows the menu and nothing else', () => {
    const emu = createEmulator();
    const { PropertiesService, SpreadsheetApp } = emu.globals;
    emu.runAs({ kind: 'authNone' }, () => {
      SpreadsheetApp.getUi().createAddonMenu().addItem('Start', 'start').addToUi();
      expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(permission('SpreadsheetApp.getActiveSpreadsheet'));
      expect(() => PropertiesService.getDocumentProperties()).toThrow(permission('PropertiesService.getDocumentProperties'));
    });
    expect(emu.ui.menus).toHaveLength(1);
  });

  it('an installable trigger runs as its creator: effective user, user properties and mail are the owner’s; the editor is hidden', () => {
    const emu = createEmulator();
    const { Session, PropertiesService, MailApp } = emu.globals;
    PropertiesService.getUserProperties().setProperty('who', 'owner');
    emu.runAs({ kind: 'installableTrigger', owner: OWNER, user: 'ion@other.example' }, () => {
      expect(Session.getEffectiveUser().getEmail()).toBe(OWNER);
      expect(Session.getActiveUser().getEmail()).toBe('');
      expect(PropertiesService.getUserProperties().getProperty('who')).toBe('owner');
      MailApp.sendEmail('a@example.com', 's', 'b');
    });
    expect(emu.outbox[0].from).toBe(OWNER);
    emu.runAs({ kind: 'installableTrigger', owner: OWNER, user: 'ion@example.com', activeEmailVisible: true }, () => {
      expect(Session.getActiveUser().getEmail()).toBe('ion@example.com');
    });
  });

  it('a time-driven trigger has no UI and no active user', () => {
    const emu = createEmulator();
    const { Session, SpreadsheetApp } = emu.globals;
    emu.runAs({ kind: 'timeDriven', owner: 'mgr@example.com' }, () => {
      expect(() => SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
      expect(Session.getActiveUser().getEmail()).toBe('');
      expect(Session.getEffectiveUser().getEmail()).toBe('mgr@example.com');
      expect(SpreadsheetApp.getActiveSpreadsheet().getSheets()).toHaveLength(1);
    });
  });

  it('a web app (execute as me) has no active spreadsheet, no document lock and no UI; it runs as the deployer', () => {
    const emu = createEmulator();
    const { LockService, Session, SpreadsheetApp } = emu.globals;
    emu.runAs({ kind: 'webApp', owner: OWNER, user: 'reader@gmail.com' }, () => {
      expect(SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
      expect(SpreadsheetApp.getActive()).toBeNull();
      expect(LockService.getDocumentLock()).toBeNull();
      expect(LockService.getScriptLock().tryLock(1000)).toBe(true);
      expect(() => SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
      expect(Session.getActiveUser().getEmail()).toBe('');
      expect(Session.getEffectiveUser().getEmail()).toBe(OWNER);
    });
  });

  it('runAs nests and restores the outer context even when the execution throws', () => {
    const emu = createEmulator();
    expect(() =>
      emu.runAs({ kind: 'timeDriven' }, () => {
        emu.runAs({ kind: 'webApp' }, () => expect(emu.context().kind).toBe('webApp'));
        expect(emu.context().kind).toBe('timeDriven');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(emu.context().kind).toBe('sidebar');
  });
});
