/** An ISO stamp as "2024-05-31 14:05" in the spreadsheet's time zone (falls back to UTC text). */
export function shortTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (!iso || Number.isNaN(ms)) return iso;
  try {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).formatToParts(new Date(ms));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  } catch {
    return iso.slice(0, 16).replace('T', ' ');
  }
}
