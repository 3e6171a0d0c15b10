/**
 * Instants as people read them: the wall clock of the spreadsheet's time
 * zone, never UTC. A next step due 3 December in Moscow is the instant
 * 2026-12-02T21:00Z; written as that ISO text it reads a day early, so a
 * midnight of the zone prints as the day alone and any other instant as day
 * and minute. Intl is ECMAScript (present on Apps Script's V8 and in every
 * browser), so this stays pure and makes no service call per value.
 */

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    try {
      formatters.set(
        timeZone,
        new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        }),
      );
    } catch {
      formatters.set(timeZone, null);
    }
  }
  return formatters.get(timeZone) ?? null;
}

export interface WallClock {
  day: string;
  minute: string;
  midnight: boolean;
}

/** The instant's calendar day (yyyy-MM-dd) and time (HH:mm) in the zone; null when the zone is unknown. */
export function wallClock(date: Date, timeZone: string): WallClock | null {
  const intl = formatter(timeZone);
  if (!intl || Number.isNaN(date.getTime())) return null;
  const part: Record<string, string> = {};
  for (const p of intl.formatToParts(date)) part[p.type] = p.value;
  const hour = part.hour === '24' ? '00' : part.hour;
  return {
    day: `${part.year}-${part.month}-${part.day}`,
    minute: `${hour}:${part.minute}`,
    midnight: hour === '00' && part.minute === '00' && part.second === '00' && date.getUTCMilliseconds() === 0,
  };
}

/** "2026-12-03" for a midnight of the zone, "2026-12-03 14:05" otherwise; the ISO text when the zone is unknown. */
export function zonedText(date: Date, timeZone: string): string {
  const wall = wallClock(date, timeZone);
  if (!wall) return date.toISOString();
  return wall.midnight ? wall.day : `${wall.day} ${wall.minute}`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Text that is an ISO instant (as older Audit rows and the RPC carry dates)
 * shown in the zone; any other text is returned as it is.
 */
export function zonedIsoText(text: string, timeZone: string): string {
  if (!ISO_INSTANT.test(text)) return text;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : zonedText(new Date(ms), timeZone);
}
