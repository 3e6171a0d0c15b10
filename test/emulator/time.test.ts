import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOfDay, zonedDate, zonedParts } from '../../emulator/time';

describe('time zones', () => {
  it('wall-clock parts in a zone, with offsets across DST', () => {
    expect(zonedParts(new Date('2024-07-01T12:00:00Z'), 'Europe/Bucharest')).toMatchObject({ hour: 15, offsetMinutes: 180 });
    expect(zonedParts(new Date('2024-01-01T12:00:00Z'), 'Europe/Bucharest')).toMatchObject({ hour: 14, offsetMinutes: 120 });
    expect(zonedParts(new Date('2024-03-10T10:00:00Z'), 'America/New_York')).toMatchObject({ hour: 6, offsetMinutes: -240, weekday: 0 });
    expect(zonedParts(new Date('2024-01-01T00:00:00Z'), 'Asia/Kathmandu')).toMatchObject({ hour: 5, minute: 45 });
  });

  it('zonedDate inverts zonedParts', () => {
    const zones = ['Europe/Moscow', 'Europe/Kyiv', 'America/New_York', 'Asia/Kathmandu', 'UTC'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (d, zone) => {
          const p = zonedParts(d, zone);
          const back = zonedDate(zone, p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond);
          const again = zonedParts(back, zone);
          expect([again.year, again.month, again.day, again.hour, again.minute, again.second]).toEqual([p.year, p.month, p.day, p.hour, p.minute, p.second]);
        },
      ),
    );
  });

  it('startOfDay is local midnight', () => {
    expect(startOfDay(new Date('2024-06-30T22:30:00Z'), 'Europe/Moscow').toISOString()).toBe('2024-06-30T21:00:00.000Z');
  });
});
