/**
 * ClientBase ▸ Set stage for selection: moves many clients between the stage
 * segments at once. The selected rows (of Clients or of a segment tab) are
 * mapped to client IDs through the tab's ID column; the clients are then
 * found by ID in Clients at write time. Clients is snapshotted first, the
 * Stage column (with Updated and Updated by) is written in one block per
 * column, and each moved client gets an audit row, which is its history.
 */
import { isTab } from '../../gas/tab-keys';
import { auditRows, type AuditEntry } from '../../core/audit/entry';
import { Columns } from '../../core/clients/columns';
import { AppFailure } from '../../core/result';
import type { FieldDef } from '../../core/schema/field';
import { TAB } from '../../core/schema/tabs';
import { stampedChange, type CellChange } from '../../core/sheet/write-plan';
import { cellText } from '../../core/values';
import { withDocumentLock } from '../../gas/lock';
import { writeChangesById } from '../../gas/rows-by-id';
import { selectedRows } from '../../gas/selection';
import { readClientsColumn } from '../clients-column';
import { appendRows, spreadsheet } from '../../gas/sheets';
import { now } from '../../gas/session';
import { loadBase, requireRole, type Base } from '../base';
import { fieldValidator } from '../clients';
import { readImages, writeGuarded } from '../snapshots';
import { hasSegmentPrefix } from './tab-name';

export interface StageMoveReport {
  stage: string;
  /** Clients whose stage changed. */
  changed: number;
  /** Clients that already had this stage. */
  unchanged: number;
  /** Selected IDs no longer in Clients (merged or deleted meanwhile). */
  missing: string[];
  /** The snapshot of Clients taken before writing; null when nothing changed. */
  snapshotId: string | null;
}

export interface SelectedClients {
  tab: string;
  ids: string[];
}

export function stageField(base: Pick<Base, 'fields'>): FieldDef {
  const field = base.fields.find((f) => f.key === 'stage');
  if (!field) throw new AppFailure('not_found', 'This base has no Stage field (a field whose Key is "stage" in the Fields tab).');
  return field;
}

/**
 * The IDs of the selected rows of Clients or of a segment tab, without rows a
 * filter hides and without blank IDs: two reads (header, ID column), whatever
 * the number of rows selected.
 */
export function selectedClientIds(): SelectedClients {
  const sheet = spreadsheet().getActiveSheet();
  const tab = sheet.getName();
  if (!hasSegmentPrefix(tab) && !isTab(sheet, TAB.clients)) {
    throw new AppFailure('bad_input', `Select client rows in the Clients tab or in a segment tab first (the active tab is ${tab}).`);
  }
  const { rows } = selectedRows(tab);
  if (rows.length === 0) return { tab, ids: [] };
  const width = sheet.getLastColumn();
  if (width < 1) return { tab, ids: [] };
  const header = sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]
    .map((h) => cellText(h));
  const idColumn = new Columns(header).indexOf('ID');
  if (idColumn < 0) throw new AppFailure('bad_input', `The ${tab} tab has no ID column, so its rows cannot be matched to clients.`);
  const first = rows[0];
  const last = rows[rows.length - 1];
  const values = sheet.getRange(first, idColumn + 1, last - first + 1, 1).getValues();
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const id = cellText(values[r - first]?.[0]).trim();
    if (id && !seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  return { tab, ids };
}

/** The stage as the Stage field spells it, or a validation failure naming the options. */
export function checkStage(base: Base, text: unknown): string {
  const field = stageField(base);
  if (typeof text !== 'string' || text.trim() === '') {
    throw new AppFailure('validation', `Type a stage${field.options.length ? `: one of ${field.options.join(', ')}` : ''}.`, { [field.name]: 'Required' });
  }
  const checked = fieldValidator(base)(field, text.trim());
  if (!checked.ok) throw new AppFailure('validation', `${checked.message} Nothing was changed.`, { [field.name]: checked.message });
  return cellText(checked.value);
}

/** Sets the stage of the clients with these IDs. Manager role; one snapshot, one write per column, one audit row per moved client. */
export function setStageForIds(ids: readonly string[], stageText: string, source = 'menu'): StageMoveReport {
  if (!Array.isArray(ids)) throw new AppFailure('bad_input', 'No clients were given.');
  const base = loadBase();
  requireRole(base, 'manager', 'change the stage of clients');
  const field = stageField(base);
  const stage = checkStage(base, stageText);
  const wanted = [...new Set(ids.map((id) => cellText(id).trim()).filter(Boolean))];
  return withDocumentLock(() => {
    const { table, cols, column: stageColumn, idColumn, rowById } = readClientsColumn(field.name);
    const stamp = now();
    const stamps = [cols.indexOf('Updated'), cols.indexOf('Updated by')];
    const changes: CellChange[] = [];
    const audit: AuditEntry[] = [];
    const missing: string[] = [];
    let unchanged = 0;
    for (const id of wanted) {
      const index = rowById.get(id);
      if (index === undefined) {
        missing.push(id);
        continue;
      }
      const old = table.rows[index][stageColumn];
      if (cellText(old).trim() === stage) {
        unchanged++;
        continue;
      }
      changes.push(...stampedChange(index, stageColumn, stage, stamps, stamp, base.user));
      audit.push({ time: stamp, user: base.user, action: 'stage', clientId: id, field: field.name, oldValue: old, newValue: stage, source });
    }
    if (audit.length === 0) return { stage, changed: 0, unchanged, missing, snapshotId: null };
    return writeGuarded(base, 'set stage', readImages([TAB.clients]), `before setting the stage ${stage} for ${audit.length} clients`, (snapshotId) => {
      writeChangesById(TAB.clients, table, idColumn, changes);
      appendRows(TAB.audit, auditRows(audit, base.timeZone));
      return { stage, changed: audit.length, unchanged, missing, snapshotId };
    });
  });
}

export function describeStageMove(report: StageMoveReport, tab: string): string {
  const lines = [`Stage ${report.stage}: ${report.changed} client${report.changed === 1 ? '' : 's'} moved (selected in ${tab}).`];
  if (report.unchanged) lines.push(`${report.unchanged} already had this stage.`);
  if (report.missing.length)
    lines.push(
      `${report.missing.length} no longer in Clients (merged or deleted): ${report.missing.slice(0, 10).join(', ')}${report.missing.length > 10 ? '…' : ''}.`,
    );
  if (report.snapshotId) lines.push(`Clients was saved first as snapshot ${report.snapshotId} (ClientBase ▸ Snapshots to undo).`);
  return lines.join('\n');
}
