/**
 * Appends to Audit are "last row + 1, then write". Two executions that both
 * read the last row before either writes pick the same row, and the later
 * write wipes the earlier one's rows. The edit trigger used to append with no
 * lock while sidebar saves and mailings append under it.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator';
import { readDist } from '../support/bundle';
import { rowsOf } from '../support/emulated';
import { countCalls, interleaveAt, newExecution, type Execution } from '../support/executions';

const ANNA = 'anna@example.com';

function world(): { emu: Emulator; a: Execution; b: Execution; clientId: string } {
  const emu = createEmulator({ user: ANNA, files: { Sidebar: readDist('Sidebar.html') } });
  const a = newExecution(emu);
  const b = newExecution(emu);
  a.call('menuSetUp');
  const saved = a.call<{ ok: true; value: { status: string; client: { id: string } } }>('apiSaveClient', {
    values: { 'First name': 'Ana', Email: 'ana@example.com' },
  });
  return { emu, a, b, clientId: saved.value.client.id };
}

function editEvent(emu: Emulator, column: string, value: string, oldValue: string) {
  const header = emu.readSheet('Clients')[0] as string[];
  const range = emu.globals.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName('Clients')!
    .getRange(2, header.indexOf(column) + 1);
  range.setValue(value);
  return { range, oldValue, value, user: { getEmail: () => 'ion@example.com' } };
}

const saveNew = (first: string) => ({ values: { 'First name': first } });

function auditActions(emu: Emulator): string[] {
  return rowsOf(emu, 'Audit').map((r) => `${r.Action} ${r.Field}`);
}

describe('appends to Audit from two executions at once', () => {
  it('a hand edit audited while a sidebar save is between its getLastRow and its write: both rows are kept', () => {
    const probe = world();
    const writes = countCalls(probe.emu, 'Range.setValues', () => probe.a.call('apiSaveClient', saveNew('Boris')));

    const { emu, a, b, clientId } = world();
    const event = editEvent(emu, 'City', 'Iași', '');
    const before = emu.readSheet('Audit').length;
    // Execution B (the edit trigger) runs right before A's last write: the Audit append, its row already chosen.
    const meanwhile = interleaveAt(emu, 'Range.setValues', writes, () => b.call('onEditInstalled', event));
    const saved = a.call<{ ok: boolean }>('apiSaveClient', saveNew('Boris'));
    meanwhile.stop();
    expect(meanwhile.ran()).toBe(true);
    expect(saved.ok).toBe(true);
    const afterSave = emu.readSheet('Audit').length;
    // The trigger could not have the lock, so its row waits; the next locked write appends it.
    a.call('apiSaveClient', saveNew('Chen'));
    const audit = rowsOf(emu, 'Audit').slice(before - 1);
    expect(audit.filter((r) => r.Action === 'cell edit')).toEqual([
      expect.objectContaining({ 'Client ID': clientId, Field: 'City', 'New value': 'Iași', User: 'ion@example.com' }),
    ]);
    expect(audit.filter((r) => r.Action === 'add' && r.Field === 'First name').map((r) => r['New value'])).toEqual(['Boris', 'Chen']);
    expect(afterSave).toBeGreaterThan(before);
    // The hand edit's Updated stamp moved at once, lock or not.
    expect(rowsOf(emu, 'Clients')[0]['Updated by']).toBe('ion@example.com');
  });

  it('a sidebar save while the edit trigger holds the lock is refused as busy, and the trigger’s row is kept', () => {
    const probe = world();
    const probeEvent = editEvent(probe.emu, 'City', 'Cluj', '');
    const writes = countCalls(probe.emu, 'Range.setValues', () => probe.a.call('onEditInstalled', probeEvent));

    const { emu, a, b } = world();
    const event = editEvent(emu, 'City', 'Cluj', '');
    let during: { ok: boolean; error?: { code: string } } | undefined;
    const meanwhile = interleaveAt(emu, 'Range.setValues', writes, () => {
      during = b.call('apiSaveClient', saveNew('Boris'));
    });
    a.call('onEditInstalled', event);
    meanwhile.stop();
    expect(during?.ok || during?.error?.code).toBe('busy');
    expect(auditActions(emu).at(-1)).toBe('cell edit City');
    expect(rowsOf(emu, 'Clients').map((r) => r['First name'])).toEqual(['Ana']);
  });

  it('an edit while another execution holds the lock all along: queued, then appended first by the next save', () => {
    const { emu, a } = world();
    const release = emu.locks.holdDocumentLock();
    // Near Sheets' 50,000-character cell limit: far more than a queued property value holds.
    const hostile = `=HYPERLINK("x")<script>alert(1)</script>Ünïcødé 🙂 ${'x'.repeat(49_900)}`;
    a.call('onEditInstalled', editEvent(emu, 'Notes', hostile, 'old'));
    expect(auditActions(emu)).not.toContain('cell edit Notes');
    const queued = emu.globals.PropertiesService.getDocumentProperties()
      .getKeys()
      .filter((k) => k.startsWith('ClientBase.queuedLog.'));
    expect(queued.length).toBeGreaterThan(0);
    release();
    a.call('apiSaveClient', saveNew('Boris'));
    const actions = auditActions(emu);
    expect(actions.slice(-3)).toEqual(['cell edit Notes', 'add First name', 'add Manager']);
    const row = rowsOf(emu, 'Audit').find((r) => r.Action === 'cell edit')!;
    expect(String(row['New value'])).toMatch(
      /^=HYPERLINK\("x"\)<script>alert\(1\)<\/script>Ünïcødé 🙂 x+… \[shortened while waiting for the lock, 49951 characters\]$/,
    );
    expect(row['Old value']).toBe('old');
    expect(row.Time).toBeInstanceOf(Date);
    expect(
      emu.globals.PropertiesService.getDocumentProperties()
        .getKeys()
        .filter((k) => k.startsWith('ClientBase.queuedLog.')),
    ).toEqual([]);
  });

  it('a queue the property store refuses does not lose the row: it is appended anyway', () => {
    const { emu, a } = world();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const release = emu.locks.holdDocumentLock();
    emu.faults.failOn('Properties.setProperties', 1, 'You have exceeded the property storage quota.');
    a.call('onEditInstalled', editEvent(emu, 'City', 'Cluj', ''));
    release();
    expect(auditActions(emu).at(-1)).toBe('cell edit City');
  });
});
