/**
 * Bulk actions on many clients at once, from the sidebar: set the stage,
 * hand the clients to another manager, add or remove a tag. Each is one
 * operation with an ID: Clients is snapshotted first (writeGuarded), the
 * column is written in blocks, and every changed client gets an audit row
 * whose Source names the operation, so Undo (bulk/undo.ts) can put exactly
 * those cells back. Stage goes through the existing set-stage use case.
 */
import { auditRows, type AuditEntry } from '../../core/audit/entry';
import { newId } from '../../core/clients/id';
import { AppFailure } from '../../core/result';
import type { FieldDef } from '../../core/schema/field';
import { TAB } from '../../core/schema/tabs';
import { stampedChange, type CellChange } from '../../core/sheet/write-plan';
import { cellText } from '../../core/values';
import { withDocumentLock } from '../../gas/lock';
import { writeChangesById } from '../../gas/rows-by-id';
import { now } from '../../gas/session';
import { readClientsColumn } from '../clients-column';
import { appendRows } from '../../gas/sheets';
import { loadBase, requireRole, type Base } from '../base';
import { readImages, writeGuarded } from '../snapshots';
import { setStageForIds } from '../segments/stage';

export const BULK_ACTIONS = ['stage', 'manager', 'addTag', 'removeTag'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export interface BulkInput {
  ids: string[];
  action: BulkAction;
  value: string;
}

export interface BulkReport {
  /** Names the operation in Audit's Source (`bulk:<opId>`); Undo takes it. */
  opId: string;
  action: BulkAction;
  value: string;
  field: string;
  changed: number;
  unchanged: number;
  missing: string[];
  snapshotId: string | null;
}

export const MAX_VALUE = 200;
export const bulkSource = (opId: string): string => `bulk:${opId}`;

export function tagsField(base: Pick<Base, 'fields'>): FieldDef {
  const field = base.fields.find((f) => f.key === 'tags') ?? base.fields.find((f) => f.type === 'tags');
  if (!field) throw new AppFailure('not_found', 'This base has no Tags field (a field of type tags in the Fields tab).');
  return field;
}

export function managerField(base: Pick<Base, 'fields'>): FieldDef {
  const field = base.fields.find((f) => f.key === 'manager');
  if (!field) throw new AppFailure('not_found', 'This base has no Manager field (key "manager" in Fields).');
  return field;
}

export function splitTags(value: unknown): string[] {
  return cellText(value)
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

function checkText(text: unknown, what: string): string {
  const value = typeof text === 'string' ? text.trim() : '';
  if (!value) throw new AppFailure('validation', `Choose ${what}.`);
  if (value.length > MAX_VALUE)
    throw new AppFailure('validation', `${what[0].toUpperCase()}${what.slice(1)} is at most ${MAX_VALUE} characters. Nothing was changed.`);
  if (/^[=+\-@]/.test(value)) throw new AppFailure('validation', `"${value.slice(0, 40)}" looks like a formula, not ${what}. Nothing was changed.`);
  return value;
}

function newValue(action: BulkAction, old: unknown, value: string): string {
  if (action === 'manager') return value;
  const tags = splitTags(old);
  const has = tags.some((t) => t.toLowerCase() === value.toLowerCase());
  if (action === 'addTag') return has ? cellText(old) : [...tags, value].join(', ');
  return tags.filter((t) => t.toLowerCase() !== value.toLowerCase()).join(', ');
}

export function bulkUpdate(input: BulkInput): BulkReport {
  const action = input?.action;
  if (!(BULK_ACTIONS as readonly string[]).includes(action)) throw new AppFailure('bad_input', 'Choose what to do with the clients.');
  if (!Array.isArray(input.ids) || input.ids.length === 0) throw new AppFailure('bad_input', 'No clients were chosen.');
  const opId = newId('B', new Set());
  if (action === 'stage') {
    const r = setStageForIds(input.ids, input.value, bulkSource(opId));
    return { opId, action, value: r.stage, field: 'Stage', changed: r.changed, unchanged: r.unchanged, missing: r.missing, snapshotId: r.snapshotId };
  }
  const base = loadBase();
  if (action === 'manager') requireRole(base, 'admin', 'hand clients to another manager');
  else requireRole(base, 'manager', 'change the tags of clients');
  const field = action === 'manager' ? managerField(base) : tagsField(base);
  const value = checkText(input.value, action === 'manager' ? 'a manager' : 'a tag');
  if (action !== 'manager' && /[,;\n]/.test(value))
    throw new AppFailure('validation', 'One tag at a time: a tag has no comma or semicolon. Nothing was changed.');
  const wanted = [...new Set(input.ids.map((id) => cellText(id).trim()).filter(Boolean))];
  return withDocumentLock(() => {
    const { table, cols, column, idColumn, rowById } = readClientsColumn(field.name);
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
      const old = table.rows[index][column];
      const next = newValue(action, old, value);
      if (next === cellText(old) || (action === 'manager' && cellText(old).trim().toLowerCase() === value.toLowerCase())) {
        unchanged++;
        continue;
      }
      changes.push(...stampedChange(index, column, next, stamps, stamp, base.user));
      audit.push({
        time: stamp,
        user: base.user,
        action: `bulk ${action}`,
        clientId: id,
        field: field.name,
        oldValue: old,
        newValue: next,
        source: bulkSource(opId),
      });
    }
    const report = { opId, action, value, field: field.name, changed: audit.length, unchanged, missing, snapshotId: null as string | null };
    if (audit.length === 0) return report;
    return writeGuarded(base, `bulk ${action}`, readImages([TAB.clients]), `before ${action} "${value}" for ${audit.length} clients`, (snapshotId) => {
      writeChangesById(TAB.clients, table, idColumn, changes);
      appendRows(TAB.audit, auditRows(audit));
      return { ...report, snapshotId };
    });
  });
}
