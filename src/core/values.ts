/**
 * Cell values as Apps Script returns them: string ('' for empty), number,
 * boolean or Date. Dates may come from another realm (the bundle runs in a VM
 * over the emulator), so `instanceof Date` is never used.
 */
export type CellValue = string | number | boolean | Date;

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A cell as text, for matching and display: dates as ISO dates, everything else as String(). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString();
  return String(value);
}
