import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

describe('Ui', () => {
  it('records menus with items, separators and submenus; addToUi again replaces the menu', () => {
    const emu = createEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    ui.createMenu('ClientBase')
      .addItem('Open sidebar', 'openSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Tools').addItem('Find duplicates', 'findDuplicates'))
      .addToUi();
    expect(emu.ui.menus).toEqual([
      {
        name: 'ClientBase',
        items: [
          { caption: 'Open sidebar', functionName: 'openSidebar' },
          { separator: true },
          { submenu: 'Tools', items: [{ caption: 'Find duplicates', functionName: 'findDuplicates' }] },
        ],
      },
    ]);
    ui.createMenu('ClientBase').addItem('Only', 'only').addToUi();
    expect(emu.ui.menus).toHaveLength(1);
    ui.createAddonMenu().addItem('Start', 'start').addToUi();
    expect(emu.ui.menus[1]).toEqual({ name: 'ClientBase', addon: true, items: [{ caption: 'Start', functionName: 'start' }] });
    expect(emu.calls.count('Menu.addItem')).toBe(4);
  });

  it('alert answers from the queue, defaulting to OK or YES', () => {
    const emu = createEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    expect(ui.alert('Saved')).toBe(ui.Button.OK);
    expect(ui.alert('Merge?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    emu.ui.respondWith('NO');
    expect(ui.alert('Delete', 'Really delete 3 clients?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(emu.ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.answer])).toEqual([
      [undefined, 'Saved', undefined, 'OK'],
      [undefined, 'Merge?', 'YES_NO', 'YES'],
      ['Delete', 'Really delete 3 clients?', 'YES_NO', 'NO'],
    ]);
  });

  it('prompt returns queued text or a button', () => {
    const emu = createEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    emu.ui.respondWith('<img src=x onerror=alert(1)>', 'CANCEL');
    const first = ui.prompt('Segment name', ui.ButtonSet.OK_CANCEL);
    expect(first.getResponseText()).toBe('<img src=x onerror=alert(1)>');
    expect(first.getSelectedButton()).toBe(ui.Button.OK);
    const second = ui.prompt('Again');
    expect(second.getSelectedButton()).toBe(ui.Button.CANCEL);
    expect(second.getResponseText()).toBe('');
    expect(emu.calls.count('PromptResponse.getResponseText')).toBe(2);
  });

  it('prompt takes a button and text together: "no" typed with OK is text, and text typed before Cancel is kept', () => {
    const emu = createEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    emu.ui.respondWith({ button: 'OK', text: 'no' }, { button: 'CANCEL', text: 'Hot' }, { button: 'YES', text: 'ok' });
    const typed = ui.prompt('Stage', ui.ButtonSet.OK_CANCEL);
    expect([typed.getSelectedButton(), typed.getResponseText()]).toEqual([ui.Button.OK, 'no']);
    const cancelled = ui.prompt('Stage', ui.ButtonSet.OK_CANCEL);
    expect([cancelled.getSelectedButton(), cancelled.getResponseText()]).toEqual([ui.Button.CANCEL, 'Hot']);
    const yes = ui.prompt('Sure?', 'Type ok', ui.ButtonSet.YES_NO);
    expect([yes.getSelectedButton(), yes.getResponseText()]).toEqual([ui.Button.YES, 'ok']);
    expect(emu.ui.alerts.map((a) => a.answer)).toEqual(['no', 'CANCEL', 'ok']);
  });

  it('sidebars and dialogs record title and HTML', () => {
    const emu = createEmulator({ files: { Sidebar: '<h1>Hi</h1>' } });
    const { SpreadsheetApp, HtmlService } = emu.globals;
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('ClientBase'));
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<p>Preview</p>'), 'Preview');
    SpreadsheetApp.getUi().showModelessDialog(HtmlService.createHtmlOutput('<p>x</p>'), 'Log');
    expect(emu.ui.sidebars).toEqual([{ title: 'ClientBase', html: '<h1>Hi</h1>' }]);
    expect(emu.ui.dialogs).toEqual([
      { title: 'Preview', html: '<p>Preview</p>', modal: true },
      { title: 'Log', html: '<p>x</p>', modal: false },
    ]);
    expect(emu.calls.count('HtmlOutput.getContent')).toBe(0);
  });
});
