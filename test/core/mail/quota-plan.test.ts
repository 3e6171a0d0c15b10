import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describePlan, MAX_PLAN_DAYS, planSends, ruPlural } from '../../../src/core/mail/quota-plan';

describe('planSends', () => {
  it('sends what today allows and the rest tomorrow', () => {
    expect(planSends(100, 42, 100, '2025-03-14')).toEqual([
      { day: '2025-03-14', count: 42, daysFromToday: 0 },
      { day: '2025-03-15', count: 58, daysFromToday: 1 },
    ]);
  });

  it('starts tomorrow when today is used up, and crosses month and year ends', () => {
    expect(planSends(250, 0, 100, '2024-12-31')).toEqual([
      { day: '2025-01-01', count: 100, daysFromToday: 1 },
      { day: '2025-01-02', count: 100, daysFromToday: 2 },
      { day: '2025-01-03', count: 50, daysFromToday: 3 },
    ]);
    expect(planSends(2, 1, 1, '2024-02-28').map((d) => d.day)).toEqual(['2024-02-28', '2024-02-29']);
  });

  it('plans nothing for nothing, and floors odd inputs', () => {
    expect(planSends(0, 100, 100, '2025-03-14')).toEqual([]);
    expect(planSends(-5, 100, 100, '2025-03-14')).toEqual([]);
    expect(planSends(Number.NaN, 100, 100, '2025-03-14')).toEqual([]);
    expect(planSends(10.9, -3, 4.5, '2025-03-14').map((d) => d.count)).toEqual([4, 4, 2]);
  });

  it('refuses a plan that cannot be made, with a reason', () => {
    expect(() => planSends(10, 0, 0, '2025-03-14')).toThrow('The daily quota is 0');
    expect(() => planSends(1e9, 0, 100, '2025-03-14')).toThrow(/would take 10000000 days/);
    expect(() => planSends(10, 5, 5, '14.03.2025')).toThrow(/not a date in the form yyyy-MM-dd/);
    expect(() => planSends(10, 5, 5, '2025-02-30')).toThrow(RangeError);
  });

  it('sums to the pending count and never exceeds a day’s quota', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(1500), fc.integer({ min: 1, max: 1500 }), (pending, remaining, quota) => {
        if (Math.ceil(Math.max(0, pending - remaining) / quota) > MAX_PLAN_DAYS) {
          expect(() => planSends(pending, remaining, quota, '2025-06-30')).toThrow(RangeError);
          return;
        }
        const plan = planSends(pending, remaining, quota, '2025-06-30');
        expect(plan.reduce((sum, d) => sum + d.count, 0)).toBe(pending);
        plan.forEach((d, i) => {
          expect(d.count).toBeGreaterThan(0);
          expect(d.count).toBeLessThanOrEqual(d.daysFromToday === 0 ? remaining : quota);
          if (i > 0) expect(d.daysFromToday).toBe(plan[i - 1].daysFromToday + 1);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('describePlan', () => {
  it('states a short plan day by day', () => {
    expect(describePlan(planSends(100, 42, 100, '2025-03-14'), 'en')).toBe('100 emails: 42 today, 58 tomorrow.');
    expect(describePlan(planSends(100, 42, 100, '2025-03-14'), 'ru')).toBe('100 писем: 42 сегодня, 58 завтра.');
    expect(describePlan(planSends(100, 42, 100, '2025-03-14'), 'uk')).toBe('100 листів: 42 сьогодні, 58 завтра.');
    expect(describePlan(planSends(100, 42, 100, '2025-03-14'), 'ro')).toBe('100 mesaje: 42 azi, 58 mâine.');
    expect(describePlan(planSends(1, 5, 100, '2025-03-14'), 'uk')).toBe('1 лист: 1 сьогодні.');
    expect(describePlan(planSends(1, 5, 100, '2025-03-14'), 'en')).toBe('1 email: 1 today.');
    expect(describePlan(planSends(21, 0, 10, '2025-03-14'), 'ru')).toBe('21 письмо: 10 завтра, 10 16 марта, 1 17 марта.');
    expect(describePlan(planSends(21, 0, 10, '2025-03-14'), 'en')).toBe('21 emails: 10 tomorrow, 10 on Mar 16, 1 on Mar 17.');
  });

  it('summarises a long plan without dropping anything', () => {
    const plan = planSends(1000, 40, 100, '2025-03-14');
    expect(describePlan(plan, 'en')).toBe('1000 emails: 40 today, then 100 a day for 9 days (tomorrow to Mar 23), 60 on Mar 24.');
    expect(describePlan(plan, 'ru')).toBe('1000 писем: 40 сегодня, затем 9 дней по 100 в день (завтра — 23 марта), 60 24 марта.');
  });

  it('says when there is nothing to send', () => {
    expect(describePlan([], 'en')).toBe('Nothing to send.');
    expect(describePlan([], 'ru')).toBe('Отправлять нечего.');
  });

  it('uses dates for a plan made without day offsets', () => {
    expect(describePlan([{ day: '2025-03-20', count: 3 }], 'en')).toBe('3 emails: 3 on Mar 20.');
  });
});

describe('ruPlural', () => {
  it.each([
    [1, 'письмо'],
    [2, 'письма'],
    [5, 'писем'],
    [11, 'писем'],
    [12, 'писем'],
    [21, 'письмо'],
    [22, 'письма'],
    [111, 'писем'],
  ])('%i → %s', (n, word) => expect(ruPlural(n, 'письмо', 'письма', 'писем')).toBe(word));
});
