/** "Not duplicates" decisions, kept in a hidden tab so they are never proposed again. */
import { auditRows } from '../../core/audit/entry';
import { TAB, TAB_HEADERS } from '../../core/schema/tabs';
import { TAB_LAYOUTS } from '../../core/schema/tab-layouts';
import { cellText } from '../../core/values';
import { appendRows, readTable } from '../../gas/sheets';
import { ensureTab } from '../../gas/tabs';

export function readNotDuplicates(): [string, string][] {
  const table = readTable(TAB.notDuplicates);
  return (table?.rows ?? []).map((r) => [cellText(r[0]), cellText(r[1])] as [string, string]).filter(([a, b]) => a && b);
}

/** Every pair within each group is remembered. */
export function rememberNotDuplicates(groups: readonly string[][], user: string, time: Date): number {
  const rows: unknown[][] = [];
  for (const ids of groups) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) rows.push([ids[i], ids[j], user, time]);
  if (!rows.length) return 0;
  const layout = TAB_LAYOUTS[TAB.notDuplicates];
  ensureTab(TAB.notDuplicates, { header: TAB_HEADERS['Not duplicates'], formats: layout.formats, hidden: true, protectWholeTab: layout.protect });
  appendRows(TAB.notDuplicates, rows);
  appendRows(
    TAB.audit,
    auditRows(
      groups.map((ids) => ({ time, user, action: 'not duplicates', clientId: ids[0], field: '', oldValue: '', newValue: ids.join(', '), source: 'menu' })),
    ),
  );
  return rows.length;
}
