/**
 * Date patterns of the cells the add-on formats, in the base's language:
 * Russian, Ukrainian and Romanian readers write a day as 31.12.2024, so a base
 * set up in those languages shows its dates that way. Only the display
 * changes: cells hold Date values, and every reader takes Dates (or ISO and
 * dotted text, src/core/rules/cell.ts) whatever the pattern. Amount patterns
 * (#,##0.00) need nothing: Sheets draws their separators in the spreadsheet's
 * locale (1 500,50 in ru_RU).
 */
import type { Lang } from './lang';

const ISO_DAY = /^yyyy-mm-dd/i;

/** A number format as a base in `lang` shows it: 'yyyy-mm-dd hh:mm:ss' → 'dd.mm.yyyy hh:mm:ss' outside English. */
export function localFormat<T extends string | undefined>(format: T, lang: Lang): T {
  if (!format || lang === 'en') return format;
  return format.replace(ISO_DAY, 'dd.mm.yyyy') as T;
}
