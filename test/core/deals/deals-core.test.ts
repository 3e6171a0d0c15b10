/**
 * Issue 17 in src/core: a deal typed in the sidebar is checked before any
 * write, status words of any language are recognised, and "one recipient per
 * company" picks the decision maker, else the influencer, else the first by
 * the stated order, saying why each other person is left out.
 */
import { describe, expect, it } from 'vitest';
import { checkDeal, dealStatusOf, isSignedStatus } from '../../../src/core/deals/deal';
import { companySkipReason, onePerCompany } from '../../../src/core/mail/one-per-company';

const today = new Date(2026, 11, 3);

describe('checking a deal', () => {
  it('keeps typed text as text, reads amounts and dates, and writes a known status in the sheet language', () => {
    const r = checkDeal(
      { clientId: 'C-1', number: ' =1+1 ', amount: '12 500,50', date: '02.11.2026', status: 'semnat', appendices: ['A1', ' ', 'https://x.y/a'] },
      { today, decimalComma: true, lang: 'ru' },
    );
    expect(r.ok && r.deal).toMatchObject({ number: '=1+1', amount: 12500.5, status: 'Подписан', appendices: 'A1\nhttps://x.y/a' });
    expect(r.ok && r.deal.date?.getDate()).toBe(2);
  });

  it('refuses a deal with no contact or company, a negative or wordy amount, a bad date, and too many appendices', () => {
    for (const input of [
      {},
      { clientId: 'C', amount: '-1' },
      { clientId: 'C', amount: 'much' },
      { company: 'X', date: '30.02.2026' },
      { company: 'X', appendices: Array(21).fill('a') },
    ]) {
      expect(checkDeal(input, { today }).ok, JSON.stringify(input).slice(0, 40)).toBe(false);
    }
    expect(checkDeal({ amount: '5' }, { today, edit: true }).ok).toBe(true);
  });

  it('recognises the six statuses in four languages; signed, active and closed count as signed, a team word as itself', () => {
    expect(['Draft', 'Переговоры', 'Підписано', 'Activ', 'închis', 'Проигран'].map(dealStatusOf)).toEqual([
      'draft',
      'negotiation',
      'signed',
      'active',
      'closed',
      'lost',
    ]);
    expect(['Signed', 'Действует', 'Закрито', 'Semnat'].every(isSignedStatus)).toBe(true);
    expect(['Draft', 'Lost', 'На согласовании', ''].some(isSignedStatus)).toBe(false);
  });
});

describe('one recipient per company', () => {
  it('keeps the decision maker, else the influencer, else the first; people without a company each get theirs', () => {
    const result = onePerCompany([
      { id: 'a', name: 'Anna', company: 'ООО «Ромашка»', role: 'Buyer' },
      { id: 'b', name: 'Boris', company: 'Romashka LLC', role: 'ЛПР' },
      { id: 'c', name: 'Cara', company: 'Vasilek', role: 'Buyer' },
      { id: 'd', name: 'Dan', company: 'Vasilek', role: 'Influencer' },
      { id: 'e', name: 'Eve', company: 'Agro', role: '' },
      { id: 'f', name: 'Fyodor', company: 'Agro', role: '' },
      { id: 'g', name: 'Gleb', company: '', role: '' },
      { id: 'h', name: 'Hanna', company: '', role: '' },
    ]);
    expect(result.kept).toEqual(['b', 'd', 'e', 'g', 'h']);
    expect(result.skipped.map((s) => [s.id, s.keptId])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['f', 'e'],
    ]);
    expect(Object.values(result.skippedPerCompany)).toEqual([1, 1, 1]);
    expect(companySkipReason(result.skipped[0], 'en')).toBe('one recipient per company: Romashka LLC gets it through Boris (ЛПР)');
    expect(companySkipReason(result.skipped[1], 'ro')).toContain('un singur destinatar pe companie: Vasilek');
  });

  it('tells companies apart by Company ID first: two firms of one name are two companies', () => {
    const result = onePerCompany([
      { id: 'a', name: 'A', company: 'Alfa', companyId: 'CO-1', role: 'User' },
      { id: 'b', name: 'B', company: 'Alfa', companyId: 'CO-2', role: 'User' },
      { id: 'c', name: 'C', company: 'Alfa', companyId: 'CO-1', role: 'Decision maker' },
    ]);
    expect(result.kept).toEqual(['b', 'c']);
  });
});
