import { describe, expect, it } from 'vitest';
import { dayText, shortTime, valueDates } from '../../../sidebar/format/time';

describe('dates as people read them', () => {
  it('writes a day as 3 Dec 2026 in English and 03.12.2026 in Russian, Ukrainian and Romanian', () => {
    expect(dayText('2026-12-03', 'en')).toBe('3 Dec 2026');
    for (const locale of ['ru', 'uk', 'ro']) expect(dayText('2026-12-03', locale)).toBe('03.12.2026');
    // Not a day: left as it is, never "Invalid Date".
    for (const text of ['', 'soon', '2026-13-01', '<img src=x onerror=alert(1)>', '=TODAY()']) expect(dayText(text, 'ru')).toBe(text);
  });

  it('shows a stamp on the spreadsheet clock, never UTC: 21:00Z on 2 December is 3 December 00:00 in Moscow', () => {
    expect(shortTime('2026-12-02T21:00:00.000Z', 'Europe/Moscow', 'ru')).toBe('03.12.2026, 00:00');
    expect(shortTime('2026-12-03T13:44:00.000Z', 'Europe/Moscow', 'en')).toBe('3 Dec 2026, 16:44');
    expect(shortTime('2026-12-03T13:44:00.000Z', 'America/New_York', 'en')).toBe('3 Dec 2026, 08:44');
    // An unknown zone falls back to UTC rather than failing; an unreadable stamp stays as it is.
    expect(shortTime('2026-12-03T13:44:00.000Z', 'Mars/Olympus', 'uk')).toBe('03.12.2026, 13:44');
    expect(shortTime('not a time', 'Europe/Moscow', 'ru')).toBe('not a time');
  });

  it('reads history values: an ISO midnight of the zone is the day, other instants day and time, plain days in the form, text untouched', () => {
    expect(valueDates('2026-12-02T21:00:00.000Z', 'Europe/Moscow', 'ru')).toBe('03.12.2026');
    expect(valueDates('2026-12-03T10:15:00Z', 'Europe/Moscow', 'ro')).toBe('03.12.2026, 13:15');
    expect(valueDates('2026-12-03', 'Europe/Moscow', 'en')).toBe('3 Dec 2026');
    expect(valueDates('Hot', 'Europe/Moscow', 'en')).toBe('Hot');
    expect(valueDates('2026-12-03 and more', 'Europe/Moscow', 'en')).toBe('2026-12-03 and more');
  });
});
