/**
 * Issue 8 "Faults": for each bulk operation, a fault injected at each of its
 * service calls leaves the spreadsheet as it was (or the operation finished),
 * and running it again finishes. Adoption and merge have their own files.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator';
import * as server from '../../src/server';
import { reassignManager } from '../../src/app/reassign';
import { rowsOf, unwrap } from '../support/emulated';
import { expectAllOrNothing } from '../support/faults';

function add(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

/** A small base: three clients of one manager with an open next step, and some messy cells. */
function freshBase(extra?: (emu: Emulator) => void) {
  // Seeded once, then every run starts from the serialized state: seeding through the server per fault site is most of the cost.
  let state: ReturnType<Emulator['serialize']> | undefined;
  return () => {
    if (state) {
      const emu = createEmulator({ user: 'anna@example.com', files: { Sidebar: '<html></html>' }, state });
      return { emu, uninstall: emu.install(globalThis) };
    }
    const seeded = seed(extra);
    state = seeded.emu.serialize();
    return seeded;
  };
}

function seed(extra?: (emu: Emulator) => void) {
  {
    const emu = createEmulator({ user: 'anna@example.com', files: { Sidebar: '<html></html>' } });
    const uninstall = emu.install(globalThis);
    server.menuSetUp();
    const a = add({ 'First name': 'ana', 'Last name': 'POPESCU', Stage: 'Cold', Manager: 'olga@example.com' });
    add({ 'First name': 'Ion', 'Last name': 'Rusu', Stage: 'Warm', Manager: 'olga@example.com' });
    add({ 'First name': 'Вера', 'Last name': 'Ким', Stage: 'Cold', Manager: 'ion@example.com' });
    unwrap(server.apiLogInteraction({ clientId: a, type: 'Call', nextStep: 'Call back', nextDate: '2026-12-01', manager: 'olga@example.com' }));
    // Make the base messy by hand, as people do: text the fixes will tidy.
    const header = emu.readSheet('Clients')[0] as string[];
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    sheet.getRange(2, header.indexOf('Email') + 1).setValue(' Ana.Popescu@GMAIL.com ');
    sheet.getRange(2, header.indexOf('Phone') + 1).setValue('8 (916) 123-45-67');
    extra?.(emu);
    return { emu, uninstall };
  }
}

const ids = (emu: Emulator) => rowsOf(emu, 'Clients').map((r) => String(r.ID));

// A sweep: generous limit, a busy machine must not fail it (no test here is about speed).
describe('a fault at every service call of a bulk operation', { timeout: 240_000 }, () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('set stage for several clients: all moved, or none', () => {
    const rolledBack = expectAllOrNothing(
      {
        fresh: freshBase(),
        run: (emu) => void server.apiSetStageForClients(ids(emu), 'Hot'),
        finished: (emu) => rowsOf(emu, 'Clients').every((r) => r.Stage === 'Hot'),
        tabs: ['Clients'],
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(rolledBack).toBeGreaterThan(3);
  });

  it('reassigning a manager: clients and open steps all moved, or none', () => {
    const rolledBack = expectAllOrNothing(
      {
        fresh: freshBase(),
        // The operation itself: the menu's prompts would take answers queued by an earlier faulty run.
        run: () => void reassignManager('olga@example.com', 'maria@example.com'),
        finished: (emu) =>
          !rowsOf(emu, 'Clients').some((r) => r.Manager === 'olga@example.com') && !rowsOf(emu, 'Interactions').some((r) => r.Manager === 'olga@example.com'),
        tabs: ['Clients', 'Interactions'],
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(rolledBack).toBeGreaterThan(3);
  });

  it('restoring a snapshot: every tab restored, or none', () => {
    const rolledBack = expectAllOrNothing(
      {
        fresh: freshBase((emu) => {
          unwrap(server.apiSetStageForClients(ids(emu), 'VIP'));
          emu.writeSheet('Interactions', emu.readSheet('Interactions').slice(0, 1));
        }),
        run: () => {
          const snapshot = unwrap(server.apiListSnapshots()).find((s) => /stage VIP/.test(s.reason))!;
          server.apiRestoreSnapshot(snapshot.id);
        },
        finished: (emu) => rowsOf(emu, 'Clients').every((r) => r.Stage !== 'VIP'),
        tabs: ['Clients'],
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(rolledBack).toBeGreaterThan(3);
  });

  it('undoing a merge: every row and record back, or none', () => {
    let removed = '';
    const rolledBack = expectAllOrNothing(
      {
        fresh: freshBase((emu) => {
          add({ 'First name': 'Ana', 'Last name': 'Popescu', Phone: '+7 916 123-45-67', Manager: 'olga@example.com' });
          server.menuFindDuplicates();
          const rows = emu.readSheet('Duplicates');
          emu.writeSheet(
            'Duplicates',
            rows.map((r, i) => (i > 0 && r[0] === 1 && r[8] === true ? [...r.slice(0, 7), 'merge', r[8]] : r)),
          );
          server.menuMergeDuplicates();
          removed = unwrap(server.apiListMerges())[0].removed[0];
        }),
        run: () => void server.apiUndoMerge(unwrap(server.apiListMerges())[0].mergeId),
        finished: (emu) => ids(emu).includes(removed),
        tabs: ['Clients', 'Interactions'],
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(rolledBack).toBeGreaterThan(3);
  });

  it('applying accepted fixes: every accepted fix written, or none', () => {
    const rolledBack = expectAllOrNothing(
      {
        fresh: freshBase(() => server.menuCheckData()),
        run: () => {
          const report = unwrap(server.apiCheckReport());
          server.apiApplyFixes(
            [],
            report!.groups.map((g) => g.key),
          );
        },
        finished: (emu) => rowsOf(emu, 'Clients')[0].Email === 'ana.popescu@gmail.com' && rowsOf(emu, 'Clients')[0]['First name'] === 'Ana',
        tabs: ['Clients'],
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(rolledBack).toBeGreaterThan(3);
  });
});
