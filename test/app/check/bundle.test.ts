/** Check data and Apply fixes through the built dist/Code.js in a bare VM, with faults injected on its writes. */
import { describe, expect, it } from 'vitest';
import { loadBundle, type LoadedBundle } from '../../support/bundle';
import { rowsOf } from '../../support/emulated';
import { cleanClient, messyClient } from './messy-base';

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const PHONES = 'format|Phone: not in international format';
const NAMES = 'format|First name: name not capitalised';

function messyBase(): LoadedBundle {
  const bundle = loadBundle({ user: 'anna@example.com' });
  bundle.call('menuSetUp');
  const [header] = bundle.emu.readSheet('Clients') as string[][];
  const clients = [cleanClient(1), messyClient(2), messyClient(3), { 'Last name': 'Hostile', Email: '<img src=x onerror=alert(1)>', Stage: 'Hоt' }];
  const rows = clients.map((c, i) => header.map((h) => (h === 'ID' ? `C-${i + 1}` : ((c as Record<string, unknown>)[h] ?? ''))));
  bundle.emu.writeSheet('Clients', [header, ...rows]);
  return bundle;
}

describe('Check data in the built bundle', () => {
  it('runs from the menu, reports, and answers the sidebar with plain JSON', () => {
    const bundle = messyBase();
    bundle.call('menuCheckData');
    expect(bundle.emu.ui.alerts.at(-1)?.prompt).toMatch(/Checked 4 clients: 6 problems/);
    const report = rowsOf(bundle.emu, 'Check data');
    expect(report.find((r) => r.Column === 'Email')?.Value).toBe('<img src=x onerror=alert(1)>');
    const check = bundle.call<Result<{ total: number; checkedAt: string }>>('apiCheckReport');
    expect(check.ok && check.value.total).toBe(6);
    expect(JSON.parse(JSON.stringify(check))).toEqual(check);
  });

  it('leaves Clients unchanged when any write of Apply fixes fails, and applies everything otherwise', () => {
    const bundle = messyBase();
    bundle.call('apiCheckData');
    const before = bundle.emu.readSheet('Clients');
    let failures = 0;
    for (let nth = 1; nth < 40; nth++) {
      bundle.emu.faults.clear();
      bundle.emu.faults.failOn('Range.setValues', nth);
      const result = bundle.call<Result<{ applied: number }>>('apiApplyFixes', [], [PHONES, NAMES]);
      if (result.ok) {
        expect(result.value.applied).toBe(4);
        break;
      }
      failures++;
      expect(bundle.emu.readSheet('Clients')).toEqual(before);
      expect(rowsOf(bundle.emu, 'Audit').filter((r) => r.Source === 'fix')).toHaveLength(0);
    }
    bundle.emu.faults.clear();
    expect(failures).toBeGreaterThanOrEqual(5);
    expect(rowsOf(bundle.emu, 'Audit').filter((r) => r.Source === 'fix')).toHaveLength(4);
    const fixed = rowsOf(bundle.emu, 'Clients').find((r) => r.ID === 'C-2');
    expect(fixed).toMatchObject({ Phone: '+7 916 123 45 67', 'First name': 'Иван' });
    // The stage fix ("Hоt" with a Cyrillic о → "Hot") was not accepted, so it was not made.
    expect(rowsOf(bundle.emu, 'Clients').find((r) => r.ID === 'C-4')?.Stage).toBe('Hоt');
  });
});
