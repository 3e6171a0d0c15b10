/**
 * A mailing is sending while an admin merges duplicates. The mailing sends
 * outside the document lock, so the merge can run between a send and its
 * record; it must not move the row the send is about to be recorded on.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { rowsOf, unwrap, useEmulator } from '../support/emulated';

function add(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

describe('a merge starting while a mailing is sending', () => {
  const emu = useEmulator();

  it('skips the group being mailed, and merges it once the mailing has finished', () => {
    server.menuSetUp();
    const mailed = add({ 'First name': 'Alexander', 'Last name': 'Petrov', Phone: '+7 916 123-45-67', Email: 'alexander.petrov@example.com' });
    const copy = add({ 'First name': 'Саша', 'Last name': 'Петров', Phone: '8 (916) 123-45-67', Company: 'Вектор', Position: 'Director' });
    const other = add({ 'First name': 'Ion', 'Last name': 'Popescu', Email: 'ion@example.ro' });

    let merged = false;
    const stop = emu().calls.onCall((key) => {
      if (key !== 'MailApp.sendEmail' || merged) return;
      merged = true;
      server.menuFindDuplicates();
      const rows = emu().readSheet('Duplicates');
      emu().writeSheet(
        'Duplicates',
        rows.map((r, i) => (i === 0 ? r : [...r.slice(0, 7), r[1] === mailed ? 'merge' : '', r[1] === copy])),
      );
      server.menuMergeDuplicates();
    });
    const started = unwrap(server.apiStartMailing({ campaign: 'November news', template: 'Welcome', recipients: { kind: 'ids', ids: [mailed, other] } }));
    stop();
    expect(merged).toBe(true);
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/a mailing is sending to/);
    expect(started.status.summary.sent).toBe(2);
    expect(
      emu()
        .outbox.map((m) => m.to)
        .sort(),
    ).toEqual(['alexander.petrov@example.com', 'ion@example.ro']);
    expect(rowsOf(emu(), 'Mailings').map((r) => [r['Client ID'], r.Status])).toEqual([
      [mailed, 'Sent'],
      [other, 'Sent'],
    ]);

    server.menuMergeDuplicates();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Merged 1 groups/);
    expect(rowsOf(emu(), 'Mailings').map((r) => r['Client ID'])).toEqual([copy, other]);
    expect(emu().outbox).toHaveLength(2);
  });
});
