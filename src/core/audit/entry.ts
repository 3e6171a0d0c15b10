/** One line of the `Audit` tab: who changed what, when, from what to what, and through which path. */
import { zonedText } from '../time/zoned-text';
import { cellText, isDate } from '../values';

export interface AuditEntry {
  time: Date;
  user: string;
  action: string;
  clientId: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  /** sidebar, menu, cell edit, merge, mailing, import… */
  source: string;
}

const MAX_AUDIT_TEXT = 50_000;

/** A date is written as the spreadsheet's wall clock (a day due 3 December in Moscow is not 2026-12-02T21:00Z); ISO only when no zone is known. */
function auditText(value: unknown, timeZone: string | undefined): string {
  const text = isDate(value) ? (timeZone ? zonedText(value, timeZone) : value.toISOString()) : cellText(value);
  return text.length > MAX_AUDIT_TEXT ? `${text.slice(0, MAX_AUDIT_TEXT - 1)}…` : text;
}

/** Rows in `TAB_HEADERS.Audit` order: Time, User, Action, Client ID, Field, Old value, New value, Source. */
export function auditRows(entries: readonly AuditEntry[], timeZone?: string): unknown[][] {
  return entries.map((e) => [e.time, e.user, e.action, e.clientId, e.field, auditText(e.oldValue, timeZone), auditText(e.newValue, timeZone), e.source]);
}
