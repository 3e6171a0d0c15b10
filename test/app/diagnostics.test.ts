import { describe, expect, it } from 'vitest';
import { runDiagnostics, SCRATCH_TAB, showDiagnostics } from '../../src/app/diagnostics';
import { compileRule } from '../../src/core/rules/evaluate';
import * as server from '../../src/server';
import { loadBundle } from '../support/bundle';
import { ADMIN, useEmulator } from '../support/emulated';

const byName = (checks: ReturnType<typeof runDiagnostics>) => Object.fromEntries(checks.map((c) => [c.name, c]));

describe('ClientBase ▸ Diagnostics', () => {
  const emu = useEmulator();

  it('is in the menu and, on a set-up base in the emulator, every check passes except the undeployed web app', () => {
    server.menuSetUp();
    server.onOpen();
    const items = emu().ui.menus.at(-1)!.items;
    expect(items).toContainEqual({ caption: 'Diagnostics', functionName: 'menuDiagnostics' });
    const tabsBefore = emu().sheetNames();
    server.menuDiagnostics();
    const checks = byName(runDiagnostics());
    expect(Object.keys(checks)).toEqual([
      'Permissions',
      'Who you are',
      'Document lock',
      'Triggers',
      'Unsubscribe web app',
      'Mail quota',
      'Locale and time zone',
      'Spreadsheet size',
      'Segment formulas',
    ]);
    for (const c of Object.values(checks)) if (c.name !== 'Unsubscribe web app') expect(c.status, `${c.name}: ${c.detail}`).toBe('ok');
    expect(checks['Unsubscribe web app']).toMatchObject({
      status: 'warning',
      detail: expect.stringMatching(/unsubscribeUrl is empty.*asks the reader to reply/),
    });
    expect(checks['Who you are'].detail).toBe(`You are ${ADMIN}.`);
    expect(checks.Triggers.detail).toMatch(/onEditInstalled \(ON_EDIT\)/);
    expect(checks['Mail quota'].detail).toMatch(/^100 recipients left today/);
    expect(checks['Locale and time zone'].detail).toMatch(/locale en.*Europe\/Moscow.*Europe\/Moscow/);
    expect(checks['Spreadsheet size'].detail).toMatch(/cells in \d+ tabs, \d+\.\d% of Sheets' limit of 10,000,000/);
    expect(checks['Segment formulas'].detail).toMatch(/same as ClientBase for 13 rules × 7 sample clients/);
    // The scratch tab is gone, and nothing else changed.
    expect(emu().sheetNames()).toEqual(tabsBefore);
    expect(emu().sheetNames()).not.toContain(SCRATCH_TAB);
    const dialog = emu().ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('ClientBase diagnostics');
    expect(dialog.html).toMatch(
      /<textarea id="report" readonly>ClientBase diagnostics [\s\S]*\[OK\] Permissions:[\s\S]*9 checks: 8 OK, 1 warnings, 0 problems\.<\/textarea>/,
    );
  });

  it('counts the cells of every tab against the 10,000,000 limit', () => {
    server.menuSetUp();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const cells = ss.getSheets().reduce((n, s) => n + emu().inspectSheet(s.getName()).maxRows * emu().inspectSheet(s.getName()).maxColumns, 0);
    expect(byName(runDiagnostics())['Spreadsheet size'].detail).toContain(`${cells.toLocaleString('en-US')} cells`);
  });

  it('reports a blank active user, a missing scope, and still runs every other check', () => {
    server.menuSetUp();
    emu().setUser('');
    emu().faults.failOn('MailApp.getRemainingDailyQuota', 1, 'You do not have permission to call MailApp.getRemainingDailyQuota');
    emu().faults.failOn('MailApp.getRemainingDailyQuota', 2, 'You do not have permission to call MailApp.getRemainingDailyQuota');
    const checks = byName(runDiagnostics());
    expect(checks['Who you are']).toMatchObject({ status: 'warning', detail: expect.stringMatching(/email is hidden from the script/) });
    expect(checks.Permissions).toMatchObject({
      status: 'problem',
      detail: expect.stringMatching(/script\.send_mail \(to send mail\): You do not have permission/),
    });
    expect(checks['Mail quota']).toMatchObject({ status: 'problem', detail: expect.stringMatching(/Could not be checked \(a permission is missing\)/) });
    expect(checks['Segment formulas'].status).toBe('ok');
    expect(checks['Spreadsheet size'].status).toBe('ok');
  });

  it('reports where Google and the in-code evaluator disagree, row by row, and removes the scratch tab', () => {
    server.menuSetUp();
    // An evaluator that is wrong for one client stands in for a real disagreement.
    const skewed: typeof compileRule = (ast, header, ctx) => {
      const real = compileRule(ast, header, ctx);
      return (row) => (row[0] === 'D2' ? !real(row) : real(row));
    };
    const text = showDiagnostics({ evaluate: skewed });
    const formulas = byName(runDiagnostics({ evaluate: skewed }))['Segment formulas'];
    expect(formulas.status).toBe('problem');
    expect(formulas.detail).toMatch(/^Google and ClientBase disagree 13 times over 13 rules × 7 sample clients/);
    expect(formulas.detail).toContain('Stage = "Hot": client D2 is in by Google\'s formula, out by ClientBase\'s count');
    expect(formulas.detail).not.toMatch(/client D1 /);
    expect(text).toMatch(/\[PROBLEM\] Segment formulas: Google and ClientBase disagree/);
    expect(emu().sheetNames()).not.toContain(SCRATCH_TAB);
  });

  it('a failing scratch tab write is a problem of its own check, the tab is removed, and the dialog escapes what it shows', () => {
    server.menuSetUp();
    const settings = emu().readSheet('Settings');
    emu().writeSheet(
      'Settings',
      settings.map((r) => (r[0] === 'unsubscribeUrl' ? ['unsubscribeUrl', 'https://script.google.com/macros/s/<script>alert(1)</script>/dev', r[2]] : r)),
    );
    emu().faults.failOn('Range.setFormulas', 1, 'Service Spreadsheets failed <b>while</b> accessing document');
    server.menuDiagnostics();
    const html = emu().ui.dialogs.at(-1)!.html;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<b>while</b>');
    expect(html).toMatch(/PROBLEM<\/td><td[^>]*>Segment formulas<\/td><td[^>]*>Could not be checked: Service Spreadsheets failed &lt;b&gt;while/);
    expect(html).toMatch(/does not end in \/exec/);
    expect(emu().sheetNames()).not.toContain(SCRATCH_TAB);
  });

  it('a lock held by another action is a warning, not a failure, and the scratch tab is not touched meanwhile', () => {
    server.menuSetUp();
    const release = emu().locks.holdDocumentLock();
    emu().calls.reset();
    const checks = byName(runDiagnostics());
    expect(checks['Document lock'].status).toBe('warning');
    expect(checks['Segment formulas']).toMatchObject({ status: 'warning', detail: expect.stringMatching(/run Diagnostics again/) });
    expect(emu().calls.count('Spreadsheet.insertSheet')).toBe(0);
    release();
  });

  it('puts the user back on the tab they were on', () => {
    server.menuSetUp();
    emu().setActiveSelection('Templates', 'A1');
    server.menuDiagnostics();
    expect(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName()).toBe('Templates');
  });

  it('runs from the built bundle as Apps Script loads it', () => {
    const bundle = loadBundle({ user: ADMIN });
    bundle.call('menuSetUp');
    bundle.call('menuDiagnostics');
    expect(bundle.emu.ui.dialogs.at(-1)?.html).toMatch(/9 checks: 8 OK, 1 warnings, 0 problems\./);
    expect(bundle.emu.sheetNames()).not.toContain(SCRATCH_TAB);
  });
});
