import { describe, expect, it } from 'vitest';
import { changedFields, displayName, fromClient, hasIdentity, nonBlankNames, pick, rebase } from '../../../sidebar/form/form-values';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';

const fields = DEFAULT_FIELDS;

describe('changedFields', () => {
  it('names the fields whose text differs from what was loaded, in form order', () => {
    const loaded = fromClient(fields, { 'First name': 'Anna', Phone: '+7916' });
    expect(changedFields(fields, loaded, { ...loaded, Phone: '+7917', City: 'Kazan' })).toEqual(['Phone', 'City']);
    expect(changedFields(fields, loaded, { ...loaded })).toEqual([]);
  });

  it('treats whitespace as a change (the server decides what it means)', () => {
    const loaded = fromClient(fields, { City: 'Kazan' });
    expect(changedFields(fields, loaded, { ...loaded, City: 'Kazan ' })).toEqual(['City']);
  });
});

describe('rebase', () => {
  it('keeps the user’s edits on top of someone else’s newer version and names their changes', () => {
    const before = fromClient(fields, { 'First name': 'Anna', Phone: '1', City: 'Kazan' });
    const fresh = fromClient(fields, { 'First name': 'Anna', Phone: '2', City: 'Kazan', Stage: 'Hot' });
    const current = { ...before, City: 'Moscow' };
    const { values, theirChanges } = rebase(fields, before, fresh, current);
    expect(values).toMatchObject({ Phone: '2', City: 'Moscow', Stage: 'Hot', 'First name': 'Anna' });
    expect(theirChanges).toEqual(['Stage', 'Phone']);
  });

  it('lets the user’s value win when both changed the same field', () => {
    const before = fromClient(fields, { City: 'Kazan' });
    const { values } = rebase(fields, before, { ...before, City: 'Perm' }, { ...before, City: 'Omsk' });
    expect(values.City).toBe('Omsk');
  });
});

describe('hasIdentity', () => {
  it('wants at least two characters of a name, company, email or phone', () => {
    expect(hasIdentity(fields, { City: 'Kazan', Notes: 'long note' })).toBe(false);
    expect(hasIdentity(fields, { 'First name': 'A' })).toBe(false);
    expect(hasIdentity(fields, { 'First name': 'Al' })).toBe(true);
    expect(hasIdentity(fields, { Phone: '+7' })).toBe(true);
    expect(hasIdentity(fields, { Company: '  ' })).toBe(false);
  });
});

describe('pick, nonBlankNames and displayName', () => {
  it('send what was typed and name the client the way the sheet does', () => {
    const values = fromClient(fields, { 'First name': 'Анна', 'Last name': 'Petrova 😀', Company: 'Acme', City: ' ' });
    expect(nonBlankNames(fields, values)).toEqual(['First name', 'Last name', 'Company']);
    expect(pick(values, ['Company', 'Missing'])).toEqual({ Company: 'Acme', Missing: '' });
    expect(displayName(fields, values)).toBe('Анна Petrova 😀');
    expect(displayName(fields, fromClient(fields, { Company: '<b>Acme</b>' }))).toBe('<b>Acme</b>');
  });
});
