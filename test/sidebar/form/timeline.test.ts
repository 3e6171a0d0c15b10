import { describe, expect, it } from 'vitest';
import { timeline } from '../../../sidebar/form/timeline';
import type { ChangeDto, InteractionDto } from '../../../src/app/interactions';

const interaction = (id: string, date: string): InteractionDto => ({
  id,
  clientId: 'C1',
  date,
  type: 'Call',
  manager: 'a',
  result: id,
  nextStep: '',
  nextDate: '',
  done: false,
  source: '',
});
const change = (time: string, field: string, user = 'boris'): ChangeDto => ({
  time,
  user,
  action: 'edit',
  field,
  oldValue: '',
  newValue: 'x',
  source: 'sidebar',
});

describe('timeline', () => {
  it('merges interactions and changes newest first', () => {
    const entries = timeline(
      [interaction('I2', '2024-05-20'), interaction('I1', '2024-05-01')],
      [change('2024-05-25T08:00:00.000Z', 'Phone'), change('2024-05-10T08:00:00.000Z', 'City')],
    );
    expect(entries.map((e) => (e.kind === 'interaction' ? e.interaction.id : e.changes[0].field))).toEqual(['Phone', 'I2', 'City', 'I1']);
  });

  it('groups the field changes of one save into one entry', () => {
    const entries = timeline(
      [],
      [change('2024-05-25T08:00:00.000Z', 'Phone'), change('2024-05-25T08:00:00.000Z', 'City'), change('2024-05-25T08:00:00.000Z', 'Email', 'anna')],
    );
    expect(entries).toHaveLength(2);
    expect(entries[0].kind === 'changes' && entries[0].changes.map((c) => c.field)).toEqual(['Phone', 'City']);
  });

  it('is empty for a client with no history', () => {
    expect(timeline([], [])).toEqual([]);
  });
});
