import { describe, expect, it } from 'vitest';
import { clockText } from '../../playground/page/clock-text';

describe("the playground's clock", () => {
  it("reads in the spreadsheet's time zone, naming it, with the zone's own day", () => {
    expect(clockText('2026-12-03T21:30:00.000Z', 'Europe/Moscow')).toBe('2026-12-04 00:30 Europe/Moscow');
    expect(clockText('2026-12-03T21:30:00.000Z', 'America/New_York')).toBe('2026-12-03 16:30 America/New_York');
  });

  it('says UTC when the zone is not known yet or not a zone, and leaves unreadable text alone', () => {
    expect(clockText('2026-12-03T21:30:00.000Z', undefined)).toBe('2026-12-03 21:30 UTC');
    expect(clockText('2026-12-03T21:30:00.000Z', 'Mars/Olympus')).toBe('2026-12-03 21:30 UTC');
    expect(clockText('<b>soon</b>', 'Europe/Moscow')).toBe('<b>soon</b>');
  });
});
