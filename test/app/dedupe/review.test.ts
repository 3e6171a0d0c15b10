/**
 * The sidebar's duplicates review over the emulator: groups side by side with
 * survivorship pre-selected, a merge with the reviewer's own choices, Undo,
 * Not duplicates, and the Duplicates tab kept as the record.
 */
import { describe, expect, it, vi } from 'vitest';
import * as server from '../../../src/server';
import { HOSTILE } from '../../support/hostile';
import { callsDuring, rowsOf, unwrap, useEmulator } from '../../support/emulated';

function add(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

function seed() {
  server.menuSetUp();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-10T09:00:00Z'));
  const alexander = add({
    'First name': 'Alexander',
    'Last name': 'Petrov',
    Phone: '+7 916 123-45-67',
    Email: 'a.petrov@gmail.com',
    Tags: 'vip',
    City: 'Moscow',
  });
  vi.setSystemTime(new Date('2026-03-10T09:00:00Z'));
  const sasha = add({ 'First name': 'Саша', 'Last name': 'Петров', Phone: '8(916)1234567', Email: 'sasha.petrov@mail.ru', Tags: 'wholesale', City: 'Москва' });
  vi.useRealTimers();
  add({ 'First name': 'Ion', 'Last name': 'Popescu', Phone: '+40 721 234 567' });
  return { alexander, sasha };
}

describe('the duplicates review in the sidebar', () => {
  const emu = useEmulator();

  it('shows the group side by side with survivorship pre-selected, in a constant number of calls', () => {
    const { alexander, sasha } = seed();
    const { review } = unwrap(server.apiFindDuplicatesForReview());
    expect(review.groups).toHaveLength(1);
    const [g] = review.groups;
    expect(g.members.map((x) => x.id).sort()).toEqual([alexander, sasha].sort());
    const email = g.fields.find((f) => f.name === 'Email')!;
    expect(email.differs).toBe(true);
    // Contact fields take the most recently updated value (Саша's), whichever member survives.
    const sashaIndex = g.members.findIndex((x) => x.id === sasha);
    for (const id of [alexander, sasha]) expect(g.preselected[id].Email.pick).toBe(sashaIndex);
    // Tags are united: the kept value is a combination, shown as such.
    expect(g.preselected[g.survivorId].Tags).toEqual({ pick: -1, text: expect.stringMatching(/vip.*wholesale|wholesale.*vip/) });
    const calls = callsDuring(emu(), () => unwrap(server.apiDuplicateReview()));
    expect(calls['Range.getValues'] ?? 0).toBeLessThanOrEqual(5);
  });

  it('merges with the reviewer’s choice per field, keeps the losing contact in Notes, and undoes it', () => {
    const { alexander, sasha } = seed();
    const [g] = unwrap(server.apiFindDuplicatesForReview()).review.groups;
    const { report, review } = unwrap(
      server.apiMergeReviewed({
        group: g.group,
        memberIds: g.members.map((x) => x.id),
        survivorId: alexander,
        chosen: { Email: alexander, City: alexander },
        expectedUpdated: Object.fromEntries(g.members.map((x) => [x.id, x.updated])),
      }),
    );
    expect(report.merged).toEqual([{ mergeId: expect.any(String), survivor: alexander, removed: [sasha] }]);
    expect(review.groups).toHaveLength(0);
    const clients = rowsOf(emu(), 'Clients');
    expect(clients.map((c) => c.ID)).not.toContain(sasha);
    const kept = clients.find((c) => c.ID === alexander)!;
    expect(kept.Email).toBe('a.petrov@gmail.com');
    expect(kept.City).toBe('Moscow');
    expect(String(kept.Notes)).toMatch(/Also: Email sasha\.petrov@mail\.ru/);
    expect(rowsOf(emu(), 'Duplicates').filter((r) => r['Client ID'] !== '')).toHaveLength(0);
    expect(rowsOf(emu(), 'Audit').some((r) => r.Action === 'merge' && r.Field === 'Email')).toBe(false);

    unwrap(server.apiUndoMerge(report.merged[0].mergeId));
    const back = rowsOf(emu(), 'Clients');
    expect(back.map((c) => c.ID).sort()).toContain(sasha);
    expect(back.find((c) => c.ID === sasha)!.Email).toBe('sasha.petrov@mail.ru');
  });

  it('never lets a choice drop an opt-out', () => {
    server.menuSetUp();
    const a = add({ 'First name': 'Maria', 'Last name': 'Ionescu', Email: 'maria.ionescu@gmail.com', Phone: '+40 721 000 111' });
    const b = add({ 'First name': 'Maria', 'Last name': 'Ionescu', Email: 'maria.ionescu@mail.ru', Phone: '+40 721 000 111', 'Opt-out': 'true' });
    const [g] = unwrap(server.apiFindDuplicatesForReview()).review.groups;
    unwrap(server.apiMergeReviewed({ group: g.group, memberIds: [a, b], survivorId: a, chosen: { 'Opt-out': a } }));
    expect(rowsOf(emu(), 'Clients').find((c) => c.ID === a)!['Opt-out']).toBe(true);
  });

  it('refuses a member changed since the review, a stale group and a non-admin; changing nothing', () => {
    const { alexander, sasha } = seed();
    const [g] = unwrap(server.apiFindDuplicatesForReview()).review.groups;
    const expectedUpdated = Object.fromEntries(g.members.map((x) => [x.id, x.updated]));
    const card = unwrap(server.apiGetClient(sasha));
    unwrap(server.apiSaveClient({ id: sasha, values: { City: 'Tver' }, expectedUpdated: card.updated }));
    const before = emu().readSheet('Clients');
    const outcome = unwrap(server.apiMergeReviewed({ group: g.group, memberIds: [alexander, sasha], survivorId: alexander, expectedUpdated }));
    expect(outcome.report.merged).toHaveLength(0);
    expect(outcome.report.skipped[0].reason).toMatch(/changed after you opened the review/);
    const stale = server.apiMergeReviewed({ group: g.group, memberIds: [alexander, 'C-NOPE'], survivorId: alexander });
    expect(stale.ok ? '' : stale.error.code).toBe('conflict');
    const settings = emu()
      .readSheet('Settings')
      .map((r) => (r[0] === 'admins' ? ['admins', 'boss@example.com', r[2]] : r));
    emu().writeSheet('Settings', settings);
    const refused = server.apiNotDuplicates(g.group, [alexander, sasha]);
    expect(refused.ok ? '' : refused.error.code).toBe('forbidden');
    expect(emu().readSheet('Clients')).toEqual(before);
  });

  it('remembers Not duplicates: the group leaves the tab and is not proposed again', () => {
    const { alexander, sasha } = seed();
    const [g] = unwrap(server.apiFindDuplicatesForReview()).review.groups;
    const { review } = unwrap(server.apiNotDuplicates(g.group, [alexander, sasha]));
    expect(review.groups).toHaveLength(0);
    expect(rowsOf(emu(), 'Duplicates').filter((r) => r['Client ID'] !== '')).toHaveLength(0);
    expect(unwrap(server.apiFindDuplicatesForReview()).review.groups).toHaveLength(0);
  });

  it('carries hostile values as plain text and ignores hostile choices', () => {
    server.menuSetUp();
    const name = HOSTILE.find(([label]) => label === 'html')![1];
    const a = add({ 'First name': name, 'Last name': 'Smith', Email: 'x.smith@gmail.com', Phone: '+44 20 7946 0018', Notes: '=HYPERLINK("x")' });
    const b = add({ 'First name': name, 'Last name': 'Smith', Email: 'x.smith@mail.ru', Phone: '+44 20 7946 0018' });
    const [g] = unwrap(server.apiFindDuplicatesForReview()).review.groups;
    expect(g.members.map((x) => x.name)).toContain(`${name} Smith`);
    unwrap(server.apiMergeReviewed({ group: g.group, memberIds: [a, b], survivorId: a, chosen: { '=SUM(A1)': a, Email: '<script>' } }));
    const kept = rowsOf(emu(), 'Clients').find((c) => c.ID === a)!;
    expect(kept['First name']).toBe(name);
    expect(kept.Notes).toMatch(/^=HYPERLINK/);
  });
});
