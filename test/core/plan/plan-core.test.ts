/** The plan's pure rules: wall times, occasions on the day (29 February too), languages, the digest text, the calendar page, the contact pause. */
import { describe, expect, it } from 'vitest';
import { calendarHtml } from '../../../src/core/plan/calendar-html';
import { applyContactPause, isRecent } from '../../../src/core/plan/contact-pause';
import { composeDigest } from '../../../src/core/plan/digest';
import { languageCode, monthDay, nextOccurrence, occasionCampaign, occursOn, templateForLanguage } from '../../../src/core/plan/occasion';
import { addDays, filterPlan, weekdayOf, type PlanItem } from '../../../src/core/plan/plan-item';
import { dueSchedules, parseWallTime, scheduleProblem, type ScheduledMailing } from '../../../src/core/plan/schedule';
import type { PreflightReport } from '../../../src/core/mail/preflight';

const day = (year: number, month: number, dayOfMonth: number) => ({ year, month, dayOfMonth });

describe('wall times and schedules', () => {
  it('reads the sidebar date and time inputs, refusing impossible ones', () => {
    expect(parseWallTime('2026-12-04', '09:00')).toEqual({ year: 2026, month: 12, day: 4, hour: 9, minute: 0 });
    expect(parseWallTime('2028-02-29', '7:05')).toMatchObject({ day: 29, hour: 7, minute: 5 });
    for (const [d, t] of [
      ['2027-02-29', '09:00'],
      ['2026-13-01', '09:00'],
      ['2026-12-04', '24:00'],
      ['2026-12-04', '9'],
      ['=NOW()', '09:00'],
      ['', ''],
      [null, undefined],
    ])
      expect(parseWallTime(d, t)).toBeNull();
  });

  const s = (over: Partial<ScheduledMailing>): ScheduledMailing => ({
    id: 'S1',
    campaign: 'A',
    template: 'T',
    recipients: { kind: 'ids', ids: ['C1'] },
    at: '2026-03-11T06:00:00.000Z',
    localDay: '2026-03-11',
    localTime: '09:00',
    timeZone: 'Europe/Moscow',
    by: 'ann@example.com',
    lang: 'en',
    sendAgain: false,
    created: '',
    state: 'scheduled',
    note: '',
    changed: '',
    ...over,
  });

  it('starts only the sender’s own due schedules, interrupted ones again', () => {
    const now = new Date('2026-03-11T06:30:00Z');
    const list = [
      s({ id: 'a' }),
      s({ id: 'b', state: 'starting' }),
      s({ id: 'c', state: 'started' }),
      s({ id: 'd', by: 'bob@example.com' }),
      s({ id: 'e', at: '2026-03-11T07:00:00.000Z' }),
    ];
    expect(dueSchedules(list, now, 'ANN@example.com').map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('reports a sender who is no longer a manager, and a schedule more than two hours late', () => {
    expect(scheduleProblem(s({}), new Date('2026-03-11T07:00:00Z'), false)).toBe('owner_not_manager');
    expect(scheduleProblem(s({}), new Date('2026-03-11T07:59:00Z'), true)).toBeNull();
    expect(scheduleProblem(s({}), new Date('2026-03-11T08:01:00Z'), true)).toBe('late');
    expect(scheduleProblem(s({ state: 'cancelled' }), new Date('2026-03-12T00:00:00Z'), false)).toBeNull();
  });
});

describe('occasions', () => {
  it('falls on the day, and 29 February on the 28th in other years', () => {
    expect(occursOn(3, 11, day(2026, 3, 11))).toBe(true);
    expect(occursOn(3, 11, day(2026, 3, 12))).toBe(false);
    expect(occursOn(2, 29, day(2027, 2, 28))).toBe(true);
    expect(occursOn(2, 29, day(2028, 2, 28))).toBe(false);
    expect(occursOn(2, 29, day(2028, 2, 29))).toBe(true);
    expect(nextOccurrence(2, 29, day(2026, 3, 1))).toBe('2027-02-28');
    expect(nextOccurrence(12, 31, day(2026, 12, 31))).toBe('2026-12-31');
    expect(nextOccurrence(1, 1, day(2026, 12, 31))).toBe('2027-01-01');
  });

  it('reads dates and languages as teams type them', () => {
    expect(monthDay('1990-03-11')).toEqual({ month: 3, day: 11 });
    expect(monthDay('11.03.1990')).toEqual({ month: 3, day: 11 });
    expect(monthDay('soon')).toBeNull();
    expect(monthDay('1990-13-01')).toBeNull();
    expect(['Русский', 'ru', 'RU', 'russian'].map(languageCode)).toEqual(['ru', 'ru', 'ru', 'ru']);
    expect(['Українська', 'uk', 'ua'].map(languageCode)).toEqual(['uk', 'uk', 'uk']);
    expect(['Română', 'ro', 'moldovenească'].map(languageCode)).toEqual(['ro', 'ro', 'ro']);
    expect(['', 'Klingon', '<b>ru</b>', '🇷🇺'].map(languageCode)).toEqual([null, null, null, null]);
  });

  it('picks the language’s own template when it exists, and names one campaign per year and template', () => {
    const names = ['Birthday', 'birthday (RU)', 'Spring'];
    expect(templateForLanguage('Birthday', 'ru', names)).toBe('birthday (RU)');
    expect(templateForLanguage('Birthday', 'uk', names)).toBe('Birthday');
    expect(templateForLanguage('Birthday', null, names)).toBe('Birthday');
    expect(occasionCampaign('Greetings', 2026, 'Birthday', 'Birthday')).toBe('Greetings 2026');
    expect(occasionCampaign('Greetings', 2026, 'Birthday (ru)', 'Birthday')).toBe('Greetings 2026 (ru)');
  });
});

describe('the morning digest', () => {
  const steps = [
    { client: 'Ann', step: 'Call\nback <i>now</i>', date: '2026-03-08', overdueDays: 3 },
    { client: 'Bob', step: 'Send offer', date: '2026-03-11', overdueDays: 0 },
  ];

  it('says overdue and due steps in each of the four languages, with their plurals', () => {
    expect(composeDigest({ manager: 'm', day: '2026-03-11', steps, planned: ['Spring (T) 09:00'] }, 'en').subject).toBe(
      'ClientBase: 2 next steps for 2026-03-11',
    );
    expect(composeDigest({ manager: 'm', day: '2026-03-11', steps: steps.slice(1), planned: [] }, 'en').subject).toBe('ClientBase: 1 next step for 2026-03-11');
    expect(composeDigest({ manager: 'm', day: 'd', steps, planned: [] }, 'ru').subject).toBe('ClientBase: 2 шага на d');
    expect(composeDigest({ manager: 'm', day: 'd', steps: [...steps, ...steps, steps[0]], planned: [] }, 'ru').subject).toBe('ClientBase: 5 шагов на d');
    expect(composeDigest({ manager: 'm', day: 'd', steps, planned: [] }, 'ro').subject).toBe('ClientBase: 2 pași următori pentru d');
    const uk = composeDigest({ manager: 'm', day: 'd', steps, planned: [] }, 'uk').body;
    expect(uk).toContain('запізнення 3 дні');
    const en = composeDigest({ manager: 'm', day: 'd', steps, planned: ['Spring (T) 09:00'] }, 'en').body;
    expect(en).toContain('- Ann: Call back <i>now</i> (2026-03-08, 3 days late)');
    expect(en).toContain('Planned for today:\n- Spring (T) 09:00');
  });
});

describe('the plan calendar', () => {
  const item = (over: Partial<PlanItem>): PlanItem => ({
    date: '2026-03-11',
    time: '',
    kind: 'step',
    title: 'Call',
    manager: 'm',
    clientId: 'C1',
    client: 'Ann',
    vip: false,
    overdue: false,
    ...over,
  });

  it('lays a month and a week out from Monday, every value as escaped text', () => {
    expect(weekdayOf('2026-03-09')).toBe(0);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    const html = calendarHtml(
      [item({ title: '<img src=x onerror=alert(1)>', vip: true }), item({ kind: 'mailing', time: '09:00', title: 'Spring' })],
      '2026-03-11',
      'ru',
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('class="item step vip"');
    expect(html).toContain('09:00 Рассылка: Spring');
    expect(html).toContain('Только VIP');
    expect((html.match(/<tr>/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });

  it('filters to VIP and to a manager', () => {
    const items = [item({ vip: true }), item({ manager: 'Olena' }), item({})];
    expect(filterPlan(items, { vipOnly: true })).toHaveLength(1);
    expect(filterPlan(items, { manager: 'olena' })).toHaveLength(1);
  });
});

describe('the contact pause', () => {
  it('counts today and the days before, up to the pause', () => {
    const c = (date: string) => ({ date, by: 'm', type: 'Call' });
    expect(isRecent(c('2026-03-11'), '2026-03-11', 3)).toBe(true);
    expect(isRecent(c('2026-03-09'), '2026-03-11', 3)).toBe(true);
    expect(isRecent(c('2026-03-08'), '2026-03-11', 3)).toBe(false);
    expect(isRecent(c('2026-03-12'), '2026-03-11', 3)).toBe(false); // a contact dated in the future is not a contact yet
    expect(isRecent(c('2026-03-11'), '2026-03-11', 0)).toBe(false);
  });

  it('moves recently contacted recipients out of a mailing in skip mode, and only lists them in warn mode', () => {
    const report = () => ({ sendable: ['C1', 'C2'], skipped: [], emails: { C1: 'a@x.com', C2: 'b@x.com' } }) as unknown as PreflightReport;
    const last = new Map([['C1', { date: '2026-03-10', by: 'olena', type: 'Call' }]]);
    const skip = report();
    expect(applyContactPause(skip, last, '2026-03-11', { days: 3, mode: 'skip' })).toEqual({
      count: 1,
      examples: [{ id: 'C1', on: '2026-03-10', by: 'olena' }],
    });
    expect(skip.sendable).toEqual(['C2']);
    expect(skip.skipped).toEqual([{ id: 'C1', reason: 'recently_contacted', email: 'a@x.com' }]);
    const warn = report();
    expect(applyContactPause(warn, last, '2026-03-11', { days: 3, mode: 'warn' }).count).toBe(1);
    expect(warn.sendable).toEqual(['C1', 'C2']);
  });
});
