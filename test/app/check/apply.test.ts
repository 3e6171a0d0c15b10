import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { MARK_COLOR } from '../../../src/app/check/marks';
import { REPORT_HEADER } from '../../../src/app/check/report';
import { isDate } from '../../../src/core/values';
import { callsDuring, rowsOf, unwrap, useEmulator } from '../../support/emulated';
import { addManager, cellOf, cleanClient, messyClient, positionOf, setUpBase, STAMP, typeInto } from './messy-base';

const PHONES = 'format|Phone: not in international format';
const NAMES = 'format|First name: name not capitalised';

describe('Apply fixes', () => {
  const emu = useEmulator();

  function checked(clients = [cleanClient(1), messyClient(2), messyClient(3)]) {
    setUpBase(emu(), clients);
    return unwrap(server.apiCheckData());
  }

  it('changes nothing when nothing is accepted', () => {
    const check = checked();
    const before = emu().readSheet('Clients');
    const result = unwrap(server.apiApplyFixes([], []));
    expect(result.applied).toBe(0);
    expect(result.snapshotId).toBe('');
    expect(emu().readSheet('Clients')).toEqual(before);
    expect(check.groups.map((g) => g.key).sort()).toEqual([NAMES, PHONES].sort());
  });

  it('applies a whole accepted group and nothing else', () => {
    checked();
    const result = unwrap(server.apiApplyFixes([], [PHONES]));
    expect(result.applied).toBe(2);
    expect(cellOf(emu(), 'Clients', 'C-0002', 'Phone')).toBe('+7 916 123 45 67');
    expect(cellOf(emu(), 'Clients', 'C-0003', 'Phone')).toBe('+7 916 123 45 67');
    expect(cellOf(emu(), 'Clients', 'C-0002', 'First name')).toBe('ИВАН');
    expect(result.check.total).toBe(2);
    expect(result.check.groups.map((g) => g.key)).toEqual([NAMES]);
  });

  it('leaves out a fix of an accepted group that the user reviewed and unticked', () => {
    const check = checked();
    const left = check.problems.find((p) => p.clientId === 'C-0003' && p.column === 'Phone')!;
    const result = unwrap(server.apiApplyFixes([], [PHONES], [left.id]));
    expect(result.applied).toBe(1);
    expect(cellOf(emu(), 'Clients', 'C-0002', 'Phone')).toBe('+7 916 123 45 67');
    expect(cellOf(emu(), 'Clients', 'C-0003', 'Phone')).toBe('8 916 123-45-67');
  });

  it('applies fixes accepted one by one', () => {
    const check = checked();
    const one = check.problems.find((p) => p.clientId === 'C-0003' && p.column === 'First name')!;
    const result = unwrap(server.apiApplyFixes([one.id]));
    expect(result.applied).toBe(1);
    expect(cellOf(emu(), 'Clients', 'C-0003', 'First name')).toBe('Иван');
    expect(cellOf(emu(), 'Clients', 'C-0002', 'First name')).toBe('ИВАН');
  });

  it('audits every changed cell, old → new, and stamps the clients as updated', () => {
    checked();
    unwrap(server.apiApplyFixes([], [PHONES, NAMES]));
    const audit = rowsOf(emu(), 'Audit').filter((r) => r.Source === 'fix');
    expect(audit).toHaveLength(4);
    expect(audit).toContainEqual(
      expect.objectContaining({
        'Client ID': 'C-0002',
        Field: 'Phone',
        'Old value': '8 916 123-45-67',
        'New value': '+7 916 123 45 67',
        User: 'anna@example.com',
      }),
    );
    expect(audit).toContainEqual(expect.objectContaining({ 'Client ID': 'C-0003', Field: 'First name', 'Old value': 'ИВАН', 'New value': 'Иван' }));
    expect(cellOf(emu(), 'Clients', 'C-0002', 'Updated by')).toBe('anna@example.com');
    expect((cellOf(emu(), 'Clients', 'C-0002', 'Updated') as Date).getTime()).toBeGreaterThan(STAMP.getTime());
    expect(cellOf(emu(), 'Clients', 'C-0001', 'Updated')).toEqual(STAMP);
  });

  it('takes a snapshot of Clients first', () => {
    checked();
    const result = unwrap(server.apiApplyFixes([], [PHONES]));
    const snapshots = unwrap(server.apiListSnapshots());
    expect(snapshots[0]).toMatchObject({ id: result.snapshotId, tabs: ['Clients'] });
    expect(snapshots[0].reason).toMatch(/2 suggested fixes/);
  });

  it('writes a date fix as a real date and a phone fix as text', () => {
    setUpBase(emu(), [{ 'First name': 'Anna', Birthday: '31.12.1985', Phone: '8 916 123-45-67' }]);
    const check = unwrap(server.apiCheckData());
    unwrap(
      server.apiApplyFixes(
        [],
        check.groups.map((g) => g.key),
      ),
    );
    const birthday = cellOf(emu(), 'Clients', 'C-0001', 'Birthday');
    expect(isDate(birthday)).toBe(true);
    const display = emu().readSheetDisplay('Clients');
    const { row, column } = positionOf(emu(), 'C-0001', 'Birthday');
    expect(display[row - 1][column - 1]).toBe('1985-12-31');
    expect(typeof cellOf(emu(), 'Clients', 'C-0001', 'Phone')).toBe('string');
    expect(unwrap(server.apiCheckReport())?.total).toBe(0);
  });

  it('does not overwrite a cell changed between the check and the apply', () => {
    checked();
    typeInto('C-0003', 'Phone', '8 (916) 555-55-55', emu());
    const result = unwrap(server.apiApplyFixes([], [PHONES]));
    expect(result.applied).toBe(1);
    expect(result.skipped).toEqual([{ id: 'C-0003|Phone', reason: expect.stringMatching(/changed since the check/) }]);
    expect(cellOf(emu(), 'Clients', 'C-0003', 'Phone')).toBe('8 (916) 555-55-55');
    expect(cellOf(emu(), 'Clients', 'C-0002', 'Phone')).toBe('+7 916 123 45 67');
    // The new report lists the new value, so the next apply may fix it.
    expect(rowsOf(emu(), 'Check data').find((r) => r['Client ID'] === 'C-0003' && r.Column === 'Phone')?.Value).toBe('8 (916) 555-55-55');
  });

  it('finds the rows by client ID when the sheet was sorted after the check', () => {
    checked();
    const [header, ...rows] = emu().readSheet('Clients');
    emu().writeSheet('Clients', [header, ...rows.reverse()]);
    const result = unwrap(server.apiApplyFixes([], [PHONES]));
    expect(result.applied).toBe(2);
    expect(cellOf(emu(), 'Clients', 'C-0002', 'Phone')).toBe('+7 916 123 45 67');
    expect(cellOf(emu(), 'Clients', 'C-0001', 'Phone')).toBe('');
  });

  it('never writes over a formula', () => {
    setUpBase(emu(), [{ 'First name': 'Anna', Phone: '8 916 123-45-67' }]);
    const { row, column } = positionOf(emu(), 'C-0001', 'Birthday');
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!.getRange(row, column).setFormula('="31.12." & "1985"');
    const check = unwrap(server.apiCheckData());
    expect(check.problems.find((p) => p.column === 'Birthday')?.fix).toBe('1985-12-31');
    const result = unwrap(
      server.apiApplyFixes(
        [],
        check.groups.map((g) => g.key),
      ),
    );
    expect(result.applied).toBe(1);
    expect(result.skipped).toEqual([{ id: 'C-0001|Birthday', reason: expect.stringMatching(/holds a formula/) }]);
    expect(emu().inspectSheet('Clients').formulas[row - 1][column - 1]).toBe('="31.12." & "1985"');
  });

  it('clears the marks of fixed cells and keeps the others', () => {
    checked();
    unwrap(server.apiApplyFixes([], [PHONES]));
    const grid = emu().inspectSheet('Clients');
    const phone = positionOf(emu(), 'C-0002', 'Phone');
    const name = positionOf(emu(), 'C-0002', 'First name');
    expect(grid.notes[phone.row - 1][phone.column - 1]).toBe('');
    expect(grid.backgrounds[phone.row - 1][phone.column - 1]).toBe('#ffffff');
    expect(grid.notes[name.row - 1][name.column - 1]).toMatch(/^ClientBase: /);
    expect(grid.backgrounds[name.row - 1][name.column - 1]).toBe(MARK_COLOR);
  });

  it('asks for a check first when there is no report', () => {
    setUpBase(emu(), [messyClient(1)]);
    expect(server.apiApplyFixes([], [PHONES])).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/Check data first/) } });
  });

  it('ignores ids and groups that match nothing, whatever they hold', () => {
    checked();
    const before = emu().readSheet('Clients');
    const hostile = ['=HYPERLINK("x")', '<img src=x onerror=alert(1)>', '📞', 'x'.repeat(50_001), 'C-0002|Phone ']; // near-misses included
    expect(unwrap(server.apiApplyFixes(hostile, hostile)).applied).toBe(0);
    expect(server.apiApplyFixes('C-0002|Phone' as unknown as string[])).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(unwrap(server.apiApplyFixes([42, null] as unknown as string[])).applied).toBe(0);
    expect(emu().readSheet('Clients')).toEqual(before);
  });

  it('is refused to a reader', () => {
    checked();
    const before = emu().readSheet('Clients');
    emu().setUser('rita@example.com');
    expect(server.apiApplyFixes([], [PHONES])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(emu().readSheet('Clients')).toEqual(before);
  });

  it('is allowed to a manager', () => {
    checked();
    addManager(emu(), 'boris@example.com');
    emu().setUser('boris@example.com');
    expect(unwrap(server.apiApplyFixes([], [PHONES])).applied).toBe(2);
  });

  it('uses the same service calls for 20 clients as for 2,000', () => {
    const base = (n: number) => Array.from({ length: n }, (_, i) => (i % 10 === 0 ? messyClient(i) : cleanClient(i)));
    const measure = (n: number) => {
      setUpBase(emu(), base(n));
      unwrap(server.apiCheckData());
      unwrap(server.apiApplyFixes([], [NAMES])); // the first apply creates the Snapshots tab
      let applied = 0;
      const calls = callsDuring(emu(), () => (applied = unwrap(server.apiApplyFixes([], [PHONES])).applied));
      expect(applied).toBe(n / 10);
      return calls;
    };
    const small = measure(20);
    const large = measure(2000);
    expect(large).toEqual(small);
    // Snapshot, Clients (Phone, Updated, Updated by: one block each), Audit, report tab.
    expect(large['Range.setValues']).toBe(6);
    expect(large['Range.setNotes']).toBe(1);
  });
});

describe('Apply fixes under faults', () => {
  const emu = useEmulator();

  it('leaves Clients unchanged and unaudited when any write fails, or applies everything', () => {
    setUpBase(emu(), [cleanClient(1), messyClient(2), messyClient(3)]);
    unwrap(server.apiCheckData());
    const before = emu().readSheet('Clients');
    let failures = 0;
    for (let nth = 1; nth < 40; nth++) {
      emu().faults.clear();
      emu().faults.failOn('Range.setValues', nth);
      const result = server.apiApplyFixes([], [PHONES, NAMES]);
      if (result.ok) {
        // The fault fell after the writes that matter (the report tab): Clients is fully fixed and audited.
        expect(rowsOf(emu(), 'Audit').filter((r) => r.Source === 'fix')).toHaveLength(4);
        break;
      }
      failures++;
      expect(result.error.message).toMatch(/nothing was changed|Service error/);
      expect(emu().readSheet('Clients')).toEqual(before);
      expect(rowsOf(emu(), 'Audit').filter((r) => r.Source === 'fix')).toHaveLength(0);
    }
    emu().faults.clear();
    expect(failures).toBeGreaterThanOrEqual(5); // snapshot, 4 Clients blocks, audit
    expect(cellOf(emu(), 'Clients', 'C-0002', 'Phone')).toBe('+7 916 123 45 67');
  });

  it('keeps the snapshot to restore from when even putting cells back fails', () => {
    setUpBase(emu(), [messyClient(1), messyClient(2)]);
    unwrap(server.apiCheckData());
    const before = emu().readSheet('Clients');
    let restoredFromSnapshot = false;
    for (let nth = 1; nth < 40 && !restoredFromSnapshot; nth++) {
      emu().faults.clear();
      emu().faults.failOn('Range.setValues', nth); // a Clients block…
      emu().faults.failOn('Range.setValues', nth + 1); // …and the write that would put the previous one back
      const result = server.apiApplyFixes([], [PHONES, NAMES]);
      emu().faults.clear();
      expect(result.ok).toBe(false);
      if (result.ok) break;
      const snapshot = /restore snapshot (S-\w+)/.exec(result.error.message)?.[1];
      if (!snapshot) {
        expect(emu().readSheet('Clients')).toEqual(before);
        continue;
      }
      expect(emu().readSheet('Clients')).not.toEqual(before);
      unwrap(server.apiRestoreSnapshot(snapshot));
      expect(emu().readSheet('Clients')).toEqual(before);
      restoredFromSnapshot = true;
    }
    expect(restoredFromSnapshot).toBe(true);
  });

  it('refuses to apply when the report tab was replaced by something else', () => {
    setUpBase(emu(), [messyClient(1)]);
    unwrap(server.apiCheckData());
    emu().writeSheet('Check data', [
      ['Totally', 'different'],
      ['x', 'y'],
    ]);
    expect(server.apiApplyFixes([], [PHONES])).toMatchObject({ ok: false, error: { code: 'not_found' } });
    emu().writeSheet('Check data', [[...REPORT_HEADER]]);
    expect(unwrap(server.apiApplyFixes([], [PHONES])).skipped[0].reason).toMatch(/changed since the check/);
  });
});
