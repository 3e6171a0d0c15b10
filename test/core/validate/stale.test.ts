import { describe, expect, it } from 'vitest';
import { daysBefore, findStale } from '../../../src/core/validate/stale';

const today = new Date(2025, 5, 15);

describe('findStale', () => {
  const clients = [
    { id: 'a', manager: 'Anna', updated: new Date(2025, 5, 10), lastContact: new Date(2025, 5, 1) },
    { id: 'b', manager: 'anna ', updated: new Date(2024, 0, 1), lastContact: '01.01.2025' },
    { id: 'c', manager: 'Boris', updated: new Date(2025, 5, 14), lastContact: '' },
    { id: 'd', manager: '', updated: '', lastContact: new Date(2025, 5, 14) },
    { id: 'e', manager: 'Boris', updated: new Date(2025, 5, 14), lastContact: new Date(2025, 5, 14) },
  ];

  it('groups clients not updated or not contacted within the period by manager', () => {
    const report = findStale(clients, { updatedBefore: daysBefore(today, 90), contactedBefore: daysBefore(today, 30) }, today);
    expect(report.total).toBe(3);
    expect(report.groups).toEqual([
      { manager: '', count: 1, notUpdated: 1, notContacted: 0, ids: ['d'] },
      { manager: 'anna', count: 1, notUpdated: 1, notContacted: 1, ids: ['b'] },
      { manager: 'Boris', count: 1, notUpdated: 0, notContacted: 1, ids: ['c'] },
    ]);
    const b = report.clients.find((c) => c.id === 'b');
    expect(b).toMatchObject({ reasons: ['not_updated', 'not_contacted'], daysSinceContact: 165 });
  });

  it('treats managers written with different case as one person', () => {
    const report = findStale(clients, { contactedBefore: daysBefore(today, 7) }, today);
    const anna = report.groups.find((g) => g.manager.toLowerCase() === 'anna');
    expect(anna?.ids).toEqual(['a', 'b']);
  });

  it('finds nothing without criteria and ignores rows without an ID', () => {
    expect(findStale(clients, {}, today).total).toBe(0);
    expect(findStale([{ id: '', updated: '' }], { updatedBefore: today }, today).total).toBe(0);
  });
});
