import { describe, expect, it } from 'vitest';
import { CLIENT_HEADERS, HOSTILE_TEXT, demoBase, linkClientIds, type DemoBase } from '../../../playground/demo/seed.ts';
import { DEFAULT_USER, LOCALES } from '../../../playground/demo/names.ts';
import { transliterate } from '../../../playground/demo/translit.ts';
import { checkEmail, emailKey } from '../../../src/core/normalize/email.ts';
import { parsePhone, phoneKey, type CountryCode } from '../../../src/core/normalize/phone.ts';
import { INTERACTION_TYPES, STAGES } from '../../../src/core/schema/field.ts';
import { TAB_HEADERS } from '../../../src/core/schema/tabs.ts';
import { isDate } from '../../../src/core/values.ts';

const NOW = new Date('2025-03-10T09:30:00Z');
const base = demoBase({ now: NOW });
const col = (name: (typeof CLIENT_HEADERS)[number]): number => CLIENT_HEADERS.indexOf(name);
const cell = (b: DemoBase, row: number, name: (typeof CLIENT_HEADERS)[number]): unknown => b.clients[row - 1][col(name)];
const countryCode = (country: unknown): CountryCode => Object.values(LOCALES).find((pool) => pool.country === country)!.phoneCountry;

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('demoBase', () => {
  it('is the same base for the same seed and day, and a different one for another seed', () => {
    expect(demoBase({ now: NOW })).toEqual(base);
    expect(demoBase({ now: NOW, seed: 7 }).clients).not.toEqual(base.clients);
  });

  it('has a few hundred clients, ~600 interactions and ~800 purchases under the agreed headers', () => {
    expect(base.clients[0]).toEqual([...CLIENT_HEADERS]);
    expect(base.interactions[0]).toEqual([...TAB_HEADERS.Interactions]);
    expect(base.purchases[0]).toEqual([...TAB_HEADERS.Purchases]);
    expect(base.clients.length - 1).toBeGreaterThanOrEqual(280);
    expect(base.clients.length - 1).toBeLessThanOrEqual(320);
    expect(base.interactions.length - 1).toBe(600);
    expect(base.purchases.length - 1).toBe(800);
    for (const row of base.clients) expect(row).toHaveLength(CLIENT_HEADERS.length);
  });

  it('speaks Russian, Ukrainian, Romanian and English, in the cities a team there works with', () => {
    const text = base.clients
      .slice(1)
      .map((r) => r.join(' '))
      .join('\n');
    expect(text).toMatch(/ООО «/);
    expect(text).toMatch(/ТОВ «/);
    expect(text).toMatch(/[іїєґ]/); // Ukrainian letters
    expect(text).toMatch(/[șțăâî]/); // Romanian diacritics
    expect(text).toMatch(/\bLtd\b/);
    const cities = new Set(base.clients.slice(1).map((r) => r[col('City')]));
    for (const city of ['Москва', 'Санкт-Петербург', 'Київ', 'Львів', 'Chișinău', 'București', 'Cluj-Napoca', 'London']) {
      expect(cities).toContain(city);
    }
  });

  it('has B2B contacts with company, position and role, and B2C people without', () => {
    const rows = base.clients.slice(1);
    const b2b = rows.filter((r) => r[col('Company')] !== '');
    const b2c = rows.filter((r) => r[col('Company')] === '');
    expect(b2b.length).toBeGreaterThan(80);
    expect(b2c.length).toBeGreaterThan(80);
    for (const r of b2b) expect(['Decision maker', 'Influencer', 'Buyer / enquirer', 'Other']).toContain(r[col('Contact role')]);
    for (const r of b2c) expect(r[col('Position')]).toBe('');
  });

  it('uses 3–4 managers, the default playground user among them', () => {
    const managers = new Set(base.clients.slice(1).map((r) => r[col('Manager')]));
    expect(managers.size).toBeGreaterThanOrEqual(3);
    expect(managers.size).toBeLessThanOrEqual(4);
    expect(managers).toContain(DEFAULT_USER);
  });

  it('writes phones in many layouts', () => {
    const phones = base.clients
      .slice(1)
      .map((r) => String(r[col('Phone')]))
      .filter(Boolean);
    expect(phones.some((p) => /^\+\d+$/.test(p))).toBe(true); // +79161234567
    expect(phones.some((p) => /^\+\d+ \(\d+\)/.test(p))).toBe(true); // +7 (916) …
    expect(phones.some((p) => /^0\d+ /.test(p))).toBe(true); // 067 …
    expect(phones.some((p) => /^8 \d{3} /.test(p))).toBe(true); // 8 916 …
    expect(phones.some((p) => /^\d{9,11}$/.test(p))).toBe(true); // 89161234567
  });

  it('plants 20 duplicates of the kinds the add-on must catch, each really matching its original', () => {
    const { duplicates } = base.planted;
    expect(duplicates).toHaveLength(20);
    expect(new Set(duplicates.map((d) => d.kind))).toEqual(
      new Set(['nickname', 'transliteration', 'phone-format', 'gmail-dots', 'swapped-names', 'surname-typo', 'email-case']),
    );
    for (const {
      kind,
      rows: [a, b],
    } of duplicates) {
      const first = [cell(base, a, 'First name'), cell(base, b, 'First name')].map(String);
      const last = [cell(base, a, 'Last name'), cell(base, b, 'Last name')].map(String);
      const email = [cell(base, a, 'Email'), cell(base, b, 'Email')].map(String);
      const phone = [cell(base, a, 'Phone'), cell(base, b, 'Phone')];
      const country = countryCode(cell(base, a, 'Country'));
      expect(a, kind).not.toBe(b);
      switch (kind) {
        case 'nickname': {
          const pool = Object.values(LOCALES).flatMap((p) => [...p.male, ...p.female]);
          expect(pool.some((n) => n.name === first[0] && n.nickname === first[1])).toBe(true);
          expect(last[1]).toBe(last[0]);
          expect(phoneKey(phone[1], country)).toBe(phoneKey(phone[0], country));
          break;
        }
        case 'transliteration':
          expect(first[0]).toMatch(/[\u0400-\u04ff]/);
          expect(first[1]).toBe(transliterate(first[0]));
          expect(last[1]).toBe(transliterate(last[0]));
          expect(last[1]).toMatch(/^[A-Za-z'-]+$/);
          expect(email[1]).toBe(email[0]);
          break;
        case 'phone-format':
          expect(phone[1]).not.toBe(phone[0]);
          expect(phoneKey(phone[1], country)).toBe(phoneKey(phone[0], country));
          expect([first[1], last[1]]).toEqual([first[0], last[0]]);
          break;
        case 'gmail-dots':
          expect(email[1]).not.toBe(email[0]);
          expect(email[0]).toMatch(/\..*@gmail\.com$/);
          expect(emailKey(email[1])).toBe(emailKey(email[0]));
          break;
        case 'swapped-names':
          expect([first[1], last[1]]).toEqual([last[0], first[0]]);
          break;
        case 'surname-typo':
          expect(last[1]).not.toBe(last[0]);
          expect(editDistance(last[0], last[1])).toBeLessThanOrEqual(2);
          expect(phoneKey(phone[1], country)).toBe(phoneKey(phone[0], country));
          break;
        case 'email-case':
          expect(email[1]).not.toBe(email[0]);
          expect(email[1].toLowerCase()).toBe(email[0].toLowerCase());
          break;
      }
    }
  });

  it('plants exactly 15 invalid cells, and every other email, phone, stage and date is valid', () => {
    const { invalid } = base.planted;
    expect(invalid).toHaveLength(15);
    const planted = new Set(invalid.map((i) => `${i.row}:${i.column}`));
    expect(planted.size).toBe(15);
    for (const bad of invalid) {
      const value = cell(base, bad.row, bad.column);
      expect(value).toBe(bad.value);
      const country = countryCode(cell(base, bad.row, 'Country'));
      if (bad.kind === 'email') expect(checkEmail(value).ok).toBe(false);
      if (bad.kind === 'phone') expect(parsePhone(value, country).ok).toBe(false);
      if (bad.kind === 'stage') expect(STAGES).not.toContain(value);
      if (bad.kind === 'date') expect(typeof value).toBe('string');
    }
    expect(invalid.map((i) => i.value)).toContain('31.02.2024');

    base.clients.slice(1).forEach((r, i) => {
      const row = i + 2;
      const clean = (column: (typeof CLIENT_HEADERS)[number]): boolean => !planted.has(`${row}:${column}`);
      const country = countryCode(r[col('Country')]);
      if (clean('Email') && r[col('Email')] !== '') expect(checkEmail(r[col('Email')]), `row ${row}`).toMatchObject({ ok: true });
      if (clean('Phone') && r[col('Phone')] !== '')
        expect(parsePhone(r[col('Phone')], country), `row ${row} ${String(r[col('Phone')])}`).toMatchObject({ ok: true });
      if (clean('Stage')) expect(STAGES).toContain(r[col('Stage')]);
      for (const column of ['Birthday', 'Last contact', 'Next action date'] as const) {
        if (clean(column) && r[col(column)] !== '') expect(isDate(r[col(column)]), `row ${row} ${column}`).toBe(true);
      }
      expect(typeof r[col('Opt-out')]).toBe('boolean');
    });
  });

  it('puts one hostile HTML value in Notes, to prove every view renders text', () => {
    expect(cell(base, base.planted.hostileRow, 'Notes')).toBe(HOSTILE_TEXT);
  });

  it('makes dates whole days in the spreadsheet time zone', () => {
    const hours = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const dates = [
      ...base.clients.slice(1).map((r) => r[col('Birthday')]),
      ...base.interactions.slice(1).map((r) => r[2]),
      ...base.purchases.slice(1).map((r) => r[2]),
    ].filter(isDate);
    expect(dates.length).toBeGreaterThan(1400);
    for (const d of dates) expect(hours.format(d)).toBe('00:00');
    const other = demoBase({ now: NOW, timeZone: 'America/New_York' });
    const nyHours = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (const r of other.purchases.slice(1)) expect(nyHours.format(r[2] as Date)).toBe('00:00');
  });

  it('logs interactions against real clients, in the past, with some next steps overdue', () => {
    const clients = base.clients.length - 1;
    const h = TAB_HEADERS.Interactions;
    const at = (name: (typeof h)[number]): number => h.indexOf(name);
    const rows = base.interactions.slice(1);
    let overdue = 0;
    let open = 0;
    for (const r of rows) {
      expect(Number.isInteger(r[at('Client ID')])).toBe(true);
      expect(r[at('Client ID')] as number).toBeGreaterThanOrEqual(0);
      expect(r[at('Client ID')] as number).toBeLessThan(clients);
      expect(INTERACTION_TYPES).toContain(r[at('Type')]);
      expect((r[at('Date')] as Date).getTime()).toBeLessThanOrEqual(NOW.getTime());
      const next = r[at('Next date')];
      if (isDate(next) && r[at('Done')] === false) {
        if (next.getTime() < NOW.getTime() - 86_400_000) overdue++;
        else open++;
      }
    }
    expect(overdue).toBeGreaterThan(10);
    expect(open).toBeGreaterThan(5);
    expect(new Set(rows.map((r) => r[at('ID')])).size).toBe(rows.length);
  });

  it('records purchases over the last two years with positive amounts', () => {
    const twoYears = 731 * 86_400_000;
    for (const [id, client, date, amount, product] of base.purchases.slice(1)) {
      expect(String(id)).toMatch(/^P\d{4}$/);
      expect(client as number).toBeLessThan(base.clients.length - 1);
      expect(NOW.getTime() - (date as Date).getTime()).toBeLessThanOrEqual(twoYears);
      expect((date as Date).getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(amount as number).toBeGreaterThan(0);
      expect(String(product)).not.toBe('');
    }
  });
});

describe('linkClientIds', () => {
  it('replaces row indexes with the IDs adoption gave, leaving the rest of each row alone', () => {
    const rows = [
      ['ID', 'Client ID', 'Date'],
      ['I1', 1, 'a'],
      ['I2', 0, 'b'],
    ];
    expect(linkClientIds(rows, ['C-1', 'C-2'])).toEqual([
      ['ID', 'Client ID', 'Date'],
      ['I1', 'C-2', 'a'],
      ['I2', 'C-1', 'b'],
    ]);
    expect(rows[1][1]).toBe(1); // input untouched
  });

  it('refuses an index with no client and a table without a Client ID column', () => {
    expect(() => linkClientIds([['Client ID'], [5]], ['C-1'])).toThrow(/no client at data row 5/);
    expect(() => linkClientIds([['Client ID'], ['<img src=x onerror=alert(1)>']], ['C-1'])).toThrow(/no client/);
    expect(() => linkClientIds([['Client'], [0]], ['C-1'])).toThrow(/Client ID/);
  });
});
