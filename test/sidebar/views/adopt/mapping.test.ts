import { describe, expect, it } from 'vitest';
import { addedFields, columnLetter, extraColumns, initialChoices, mappingToSend, repeatedFields, sampleValues } from '../../../../sidebar/views/adopt/mapping';
import { planAdoption } from '../../../../src/core/schema/adoption-plan';
import { proposalFor } from '../support';

const proposal = proposalFor([
  ['Full name', 'E-mail', 'Notes', 'Favourite colour', ''],
  ['Anna Petrova', 'anna@example.com', '', 'blue', 'x'],
  ['Boris Ivanov', '', 'called', '', ''],
]);

describe('adoption mapping in the browser', () => {
  it('starts from the proposal', () => {
    expect(initialChoices(proposal)).toEqual([
      { field: 'First name', split: true },
      { field: 'Email', split: false },
      { field: 'Notes', split: false },
      { field: '', split: false },
      { field: '', split: false },
    ]);
  });

  it('finds a field chosen twice, a split full name filling First and Last name', () => {
    const choices = initialChoices(proposal);
    expect(repeatedFields(choices)).toEqual([]);
    choices[3] = { field: 'Email', split: false };
    choices[4] = { field: 'Last name', split: false };
    expect(repeatedFields(choices)).toEqual([
      { field: 'Last name', columns: [0, 4] },
      { field: 'Email', columns: [1, 3] },
    ]);
    choices[0] = { field: 'First name', split: false };
    expect(repeatedFields(choices)).toEqual([{ field: 'Email', columns: [1, 3] }]);
  });

  it('lists the extra columns and the fields added empty as the server will (planAdoption)', () => {
    const choices = initialChoices(proposal);
    const sent = mappingToSend(proposal, choices);
    const layout = planAdoption(sent.columns);
    const addedByServer = layout.fields.filter((_, i) => layout.sources[i + 4].kind === 'empty').map((f) => f.name);
    expect(addedFields(proposal, choices)).toEqual(addedByServer);
    expect(extraColumns(choices)).toEqual([0, 3, 4]);
  });

  it('sends no field for an extra column and the split only where it is on', () => {
    const choices = initialChoices(proposal);
    choices[2] = { field: '', split: false };
    const sent = mappingToSend(proposal, choices).columns;
    expect(sent[0]).toMatchObject({ field: 'First name', splitFullName: true });
    expect('field' in sent[2]).toBe(false);
    expect(sent.filter((c) => 'splitFullName' in c)).toHaveLength(1);
    expect(sent.map((c) => c.header)).toEqual(proposal.columns.map((c) => c.header));
    choices[0] = { field: 'First name', split: false };
    expect('splitFullName' in mappingToSend(proposal, choices).columns[0]).toBe(false);
  });

  it('names columns as the sheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('samples up to three non-blank values of a column', () => {
    expect(sampleValues(proposal, 0)).toEqual(['Anna Petrova', 'Boris Ivanov']);
    expect(sampleValues(proposal, 2)).toEqual(['called']);
    expect(sampleValues(proposal, 9)).toEqual([]);
    const many = proposalFor([['Notes'], ['a'], [' '], ['b'], ['c'], ['d']]);
    expect(sampleValues(many, 0)).toEqual(['a', 'b', 'c']);
  });
});
