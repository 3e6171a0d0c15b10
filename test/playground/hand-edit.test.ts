/**
 * A person's typing into the playground's grid, as Sheets handles it: the
 * cell's data validation (reject-input rules refuse, warning rules mark), then
 * the edit triggers with Google's event object, so the add-on's Audit gets
 * its line; and menu items whose dialogs wait for the person's answer.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBase } from '../../playground/demo/seed.ts';
import { createSession, type Session } from '../../playground/session.ts';
import { TAB } from '../../src/core/schema/tabs.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const dir = mkdtempSync(join(tmpdir(), 'playground-hand-edit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let session: Session;
const emu = () => session.runtime().emulator;
const header = (tab: string) => emu().readSheet(tab)[0].map(String);
/** A1 of a data row's cell under a header (row 1-based, header row 1). */
function a1(tab: string, column: string, row: number): string {
  const index = header(tab).indexOf(column);
  if (index < 0) throw new Error(`${tab} has no column ${column}`);
  return `${String.fromCharCode(65 + (index % 26)).padStart(index >= 26 ? 2 : 1, 'A')}${row}`;
}
const auditSince = (from: number) => emu().readSheet(TAB.audit).slice(from);

beforeAll(() => {
  session = createSession({
    distDir: dist,
    stateFile: join(dir, 'state.json'),
    seed: () => demoBase({ baseClients: 40, interactions: 10, purchases: 10 }),
    reset: true,
  });
});

describe('typing into a cell', () => {
  it('writes the value and fires the installable edit trigger as its creator, so Audit gets old → new', () => {
    const column = header(TAB.clients).indexOf('City');
    const old = String(emu().readSheet(TAB.clients)[1][column]);
    const id = String(emu().readSheet(TAB.clients)[1][0]);
    const auditRows = emu().readSheet(TAB.audit).length;
    const outcome = session.edit(TAB.clients, a1(TAB.clients, 'City', 2), 'Chișinău 🚀');
    expect(outcome).toEqual({ status: 'written', triggers: [{ handler: 'onEditInstalled', ok: true }] });
    expect(emu().readSheet(TAB.clients)[1][column]).toBe('Chișinău 🚀');
    const [line] = auditSince(auditRows);
    expect(line.slice(1, 8)).toEqual([session.user(), 'cell edit', id, 'City', old, 'Chișinău 🚀', 'cell edit']);
    // The trigger is a call of its own in the Service calls panel, with the add-on's reads and one Audit append.
    const call = session.view().calls[0];
    expect(call.fn).toBe('onEditInstalled');
    expect(call.ok).toBe(true);
    expect(call.serviceCalls['Range.getValues']).toBeGreaterThan(0);
  });

  it("marks a value a warning-only rule flags (written, with the rule's help text), and the add-on notes the cell", () => {
    const cell = a1(TAB.clients, 'Email', 3);
    const outcome = session.edit(TAB.clients, cell, 'not-an-email');
    expect(outcome.status).toBe('written');
    expect(outcome.status === 'written' && outcome.invalid).toMatch(/^Invalid: .*email/i);
    expect(
      emu()
        .inspectSheet(TAB.clients)
        .invalidCells.some((entry) => entry.startsWith(cell)),
    ).toBe(true);
    const column = header(TAB.clients).indexOf('Email');
    expect(emu().inspectSheet(TAB.clients).notes[2][column]).toMatch(/^ClientBase: /);
  });

  it('refuses a value a reject-input rule forbids, with its help text: nothing written, no trigger run', () => {
    const { SpreadsheetApp } = emu().globals;
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['yes', 'no'], true).setAllowInvalid(false).setHelpText('Type yes or no.').build();
    // An empty cell in the first row past Settings' data (Set up makes the tab only as wide as its header).
    const empty = emu().readSheet(TAB.settings).length + 1;
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TAB.settings)!.getRange(`C${empty}`).setDataValidation(rule);
    const seq = session.view().calls[0].seq;
    expect(session.edit(TAB.settings, `C${empty}`, 'maybe')).toEqual({ status: 'refused', message: 'Type yes or no.' });
    expect(emu().readSheet(TAB.settings)[empty - 1]?.[2] ?? '').toBe('');
    expect(session.view().calls[0].seq).toBe(seq);
    expect(session.edit(TAB.settings, `C${empty}`, 'yes').status).toBe('written');
    expect(emu().readSheet(TAB.settings)[empty - 1]?.[2]).toBe('yes');
  });

  it('keeps hostile text as typed: markup stays text, "=…" in a plain-text column is no formula, and over 50,000 characters is refused', () => {
    const cell = a1(TAB.clients, 'Notes', 4);
    const column = header(TAB.clients).indexOf('Notes');
    session.edit(TAB.clients, cell, '<img src=x onerror=alert(1)>');
    expect(emu().readSheet(TAB.clients)[3][column]).toBe('<img src=x onerror=alert(1)>');
    expect(emu().inspectSheet(TAB.clients).numberFormats[3][column]).toBe('@');
    session.edit(TAB.clients, cell, '=1+1');
    expect(emu().readSheet(TAB.clients)[3][column]).toBe('=1+1');
    expect(emu().inspectSheet(TAB.clients).formulas[3][column]).toBe('');
    expect(() => session.edit(TAB.clients, cell, 'x'.repeat(50_001))).toThrow(/at most 50000/);
    expect(() => session.edit(TAB.clients, 'A1:B2', 'x')).toThrow(/not an A1 cell/);
  });

  it('a Decision typed into the Duplicates tab is what Merge decided duplicates merges', () => {
    const found = session.runMenu('menuFindDuplicates', []);
    expect(found.status).toBe('done');
    const rows = emu().readSheet(TAB.duplicates);
    const decision = rows[0].map(String).indexOf('Decision');
    expect(decision).toBeGreaterThanOrEqual(0);
    expect(rows.length).toBeGreaterThan(2);
    const clientsBefore = emu().readSheet(TAB.clients).length;
    const outcome = session.edit(TAB.duplicates, `${String.fromCharCode(65 + decision)}2`, 'merge');
    expect(outcome.status).toBe('written');
    const merged = session.runMenu('menuMergeDuplicates', []);
    expect(merged.status).toBe('done');
    expect(emu().readSheet(TAB.clients).length).toBeLessThan(clientsBefore);
    expect(String(session.runtime().lastCall()?.alerts.at(-1)?.prompt)).not.toMatch(/Merged 0 groups/);
  });
});

describe('a menu item whose dialog waits for the person', () => {
  it('stops at the prompt (a text box, OK and Cancel), then runs with the answer typed', () => {
    session.select(TAB.clients, 'A2:B3,A5', 'A5');
    const asked = session.runMenu('menuSetStageForSelection', []);
    expect(asked).toMatchObject({ status: 'asking', answered: 0, question: { kind: 'prompt', title: 'Set stage for selection', buttons: 'OK_CANCEL' } });
    expect(asked.status === 'asking' && asked.question.prompt).toMatch(/3 selected clients/);
    const stage = header(TAB.clients).indexOf('Stage');
    const done = session.runMenu('menuSetStageForSelection', [{ button: 'OK', text: 'VIP' }]);
    expect(done.status).toBe('done');
    expect([1, 2, 4].map((r) => emu().readSheet(TAB.clients)[r][stage])).toEqual(['VIP', 'VIP', 'VIP']);
    expect(session.runtime().lastCall()?.alerts[0]).toMatchObject({ kind: 'prompt', answer: 'VIP' });
  });

  it('Cancel changes nothing, even with text typed; a typed "no" is text, not the No button', () => {
    session.select(TAB.clients, 'A6');
    const stage = header(TAB.clients).indexOf('Stage');
    const before = emu().readSheet(TAB.clients)[5][stage];
    expect(session.runMenu('menuSetStageForSelection', [{ button: 'CANCEL', text: 'Hot' }]).status).toBe('done');
    expect(emu().readSheet(TAB.clients)[5][stage]).toBe(before);
    expect(session.runtime().lastCall()?.toasts.at(-1)?.message).toMatch(/cancelled/);
    session.runMenu('menuSetStageForSelection', [{ button: 'OK', text: 'no' }]);
    expect(session.runtime().lastCall()?.alerts[0]).toMatchObject({ kind: 'prompt', answer: 'no' });
  });

  it('asks the second question of Reassign clients after the first is answered, listing the one before', () => {
    const asked = session.runMenu('menuReassignManager', [{ button: 'OK', text: 'nobody@example.com' }]);
    expect(asked).toMatchObject({ status: 'asking', answered: 1, question: { prompt: 'Who takes over the clients of nobody@example.com?' } });
    expect(asked.status === 'asking' && asked.shownBefore.map((q) => q.kind)).toEqual(['prompt']);
    // A stopped call is not history: the calls panel never shows it.
    expect(session.view().calls[0].fn).not.toBe('menuReassignManager');
  });
});

describe('a dialog reached after a write', () => {
  it('finds the base as it was before the call when the rerun starts, so nothing is done twice', () => {
    const probeDist = join(dir, 'probe-dist');
    mkdirSync(probeDist, { recursive: true });
    writeFileSync(
      join(probeDist, 'Code.js'),
      `function writeThenAsk() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        sheet.appendRow(['appended']);
        var ui = SpreadsheetApp.getUi();
        var answer = ui.prompt('Probe', 'Name?', ui.ButtonSet.OK_CANCEL);
        sheet.appendRow([answer.getSelectedButton() + ':' + answer.getResponseText()]);
      }`,
    );
    writeFileSync(join(probeDist, 'Sidebar.html'), '<html><head></head><body></body></html>');
    writeFileSync(join(probeDist, 'appsscript.json'), '{"timeZone":"Europe/Moscow"}');
    const probe = createSession({
      distDir: probeDist,
      stateFile: join(dir, 'probe.json'),
      seed: () => ({ clients: [['Name'], ['Ann']], adopt: false }),
      reset: true,
    });
    const sheet = () => probe.runtime().emulator.readSheet(probe.runtime().emulator.sheetNames()[0]);
    const before = sheet();
    expect(probe.runMenu('writeThenAsk', [])).toMatchObject({ status: 'asking', question: { title: 'Probe' } });
    expect(sheet()).toEqual(before);
    expect(probe.runMenu('writeThenAsk', [{ button: 'OK', text: 'Саша' }]).status).toBe('done');
    expect(sheet()).toEqual([...before, ['appended'], ['OK:Саша']]);
  });
});
