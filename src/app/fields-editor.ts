/**
 * The sidebar's Fields editor (admins): the Fields tab as a list to edit
 * (add, rename, reorder, type, options, required, unique, help), a preview
 * of what Apply fields would do to Clients (new columns, renamed headers,
 * values that would no longer fit), then Apply: Fields and the Clients
 * header are written after a snapshot, and Apply fields runs as from the
 * menu. A rename renames the Clients column, so its data stays with it.
 */
import { auditRows } from '../core/audit/entry';
import { Columns } from '../core/clients/columns';
import { AppFailure } from '../core/result';
import { FIELD_TYPES, FIELD_WORD_LANGS, SYSTEM_COLUMNS, type FieldDef, type FieldWords } from '../core/schema/field';
import { fieldsToRows, parseFieldsTab, rowsOfOtherTables } from '../core/schema/fields-tab';
import { canonicalHeaders } from '../core/i18n/sheet-words';
import { headerKey } from '../core/schema/header-map';
import { TAB } from '../core/schema/tabs';
import { validateValue } from '../core/validate/value';
import { type CellValue, cellText, isBlank } from '../core/values';
import { withDocumentLock } from '../gas/lock';
import { bumpBaseVersion } from '../gas/base-cache';
import { now } from '../gas/session';
import { appendRows, findSheet, readTable, requireSheet, tableFromValues, writeRange } from '../gas/sheets';
import { loadBase, requireRole } from './base';
import { applyFields, type ApplyFieldsReport } from './setup';
import { readImages, writeGuarded } from './snapshots';

/** A field as the editor holds it: `was` is its name when loaded (absent for a new field). */
export interface EditedField extends FieldDef {
  was?: string;
}

export interface FieldsEditorDto {
  fields: FieldDef[];
  /** Rows of the Fields tab that do not parse (shown, left as they are until fixed). */
  errors: string[];
  /** Fingerprint of the Fields tab as loaded: Apply refuses if someone changed it meanwhile. */
  version: string;
}

export interface FieldsPreviewDto {
  added: string[];
  renamed: { from: string; to: string }[];
  /** Fields taken out: their columns stay in Clients, with their data, as extra columns. */
  removed: string[];
  retyped: { name: string; from: string; to: string }[];
  /** Per field: Clients values that would not fit the edited field (type, options, required, unique). */
  misfits: { name: string; count: number; examples: string[] }[];
  reordered: boolean;
  errors: string[];
}

const MAX_FIELDS = 200;

function fingerprint(rows: readonly (readonly unknown[])[]): string {
  // FNV-1a over the cells' text: enough to notice any edit between load and apply.
  let h = 0x811c9dc5;
  const text = JSON.stringify(rows.map((r) => r.map((v) => cellText(v))));
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${rows.length}:${h.toString(16)}`;
}

/** The Fields tab with its headers in English (as readTable gives them) and the header row as written in the tab. */
function readFieldsValues(): { rows: unknown[][]; ownHeader: string[] } {
  const sheet = findSheet(TAB.fields);
  if (!sheet) return { rows: [], ownHeader: [] };
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const table = tableFromValues(TAB.fields, values);
  return { rows: [table.header, ...table.rows], ownHeader: (values[0] ?? []).map((h) => cellText(h)) };
}

function readFieldsRows(): unknown[][] {
  const table = readTable(TAB.fields);
  return table ? [table.header, ...table.rows] : [];
}

export function loadFieldsEditor(): FieldsEditorDto {
  const base = loadBase({ fresh: true });
  requireRole(base, 'admin', 'change fields');
  const rows = readFieldsRows();
  const parsed = parseFieldsTab(rows);
  return { fields: parsed.fields, errors: parsed.errors.map((e) => e.message), version: fingerprint(rows) };
}

/** The edited list checked as the Fields tab would be: the same parser, so the editor cannot write what the tab refuses. */
/** The per-language words as the sidebar sent them, strings only; the Fields parser judges them as it judges the tab. */
function editedWords(raw: unknown): { words?: FieldWords } {
  if (!raw || typeof raw !== 'object') return {};
  const words: FieldWords = {};
  for (const lang of FIELD_WORD_LANGS) {
    const w = (raw as Record<string, unknown>)[lang] as { label?: unknown; help?: unknown; options?: unknown } | undefined;
    if (!w || typeof w !== 'object') continue;
    const label = typeof w.label === 'string' ? w.label.trim() : '';
    const help = typeof w.help === 'string' ? w.help.trim() : '';
    const options = Array.isArray(w.options) ? w.options.map((x) => String(x).trim()).filter(Boolean) : [];
    if (label || help || options.length) words[lang] = { ...(label ? { label } : {}), ...(help ? { help } : {}), ...(options.length ? { options } : {}) };
  }
  return Object.keys(words).length ? { words } : {};
}

function checkEdit(edited: unknown): { fields: EditedField[]; parsed: FieldDef[]; errors: string[] } {
  if (!Array.isArray(edited)) throw new AppFailure('bad_input', 'No fields were given.');
  if (edited.length > MAX_FIELDS) throw new AppFailure('validation', `At most ${MAX_FIELDS} fields.`);
  const fields: EditedField[] = edited.map((f) => {
    const o = (f ?? {}) as Partial<EditedField>;
    return {
      name: String(o.name ?? '').trim(),
      type: (FIELD_TYPES as readonly string[]).includes(String(o.type)) ? (o.type as FieldDef['type']) : 'text',
      required: o.required === true,
      unique: o.unique === true,
      options: Array.isArray(o.options) ? o.options.map((x) => String(x).trim()).filter(Boolean) : [],
      help: String(o.help ?? ''),
      key: o.key,
      // Kept through the editor: Apply used to write the Default column blank.
      ...(typeof o.default === 'string' && o.default.trim() !== '' ? { default: o.default.trim() } : {}),
      ...editedWords(o.words),
      was: typeof o.was === 'string' ? o.was : undefined,
    };
  });
  const rows = fieldsToRows(fields);
  const parsed = parseFieldsTab(rows);
  const errors = parsed.errors.map((e) => e.message);
  for (const f of fields) if (/^[=+\-@]/.test(f.name)) errors.push(`"${f.name.slice(0, 40)}" looks like a formula; a field name must be plain text.`);
  return { fields, parsed: parsed.fields, errors };
}

export function previewFieldsEdit(edited: EditedField[]): FieldsPreviewDto {
  const base = loadBase({ fresh: true });
  requireRole(base, 'admin', 'change fields');
  const { fields, parsed, errors } = checkEdit(edited);
  const before = base.fields;
  const beforeKeys = new Set(before.map((f) => headerKey(f.name)));
  const clients = readTable(TAB.clients);
  const cols = new Columns(clients?.header ?? []);
  const keptWas = new Set(fields.filter((f) => f.was !== undefined).map((f) => headerKey(f.was!)));
  const added = fields.filter((f) => f.was === undefined || !beforeKeys.has(headerKey(f.was))).map((f) => f.name);
  const renamed = fields.filter((f) => f.was !== undefined && beforeKeys.has(headerKey(f.was)) && f.was !== f.name).map((f) => ({ from: f.was!, to: f.name }));
  const removed = before.filter((f) => !keptWas.has(headerKey(f.name))).map((f) => f.name);
  const retyped: FieldsPreviewDto['retyped'] = [];
  const misfits: FieldsPreviewDto['misfits'] = [];
  for (const f of fields) {
    const old = f.was === undefined ? undefined : before.find((b) => headerKey(b.name) === headerKey(f.was!));
    if (old && old.type !== f.type) retyped.push({ name: f.name, from: old.type, to: f.type });
    const def = parsed.find((p) => headerKey(p.name) === headerKey(f.name));
    const column = cols.indexOf(old?.name ?? f.name);
    if (!def || column < 0 || !clients) continue;
    const changed =
      !old || old.type !== def.type || old.required !== def.required || old.unique !== def.unique || old.options.join('\n') !== def.options.join('\n');
    if (!changed) continue;
    const bad: string[] = [];
    const seen = new Set<string>();
    let count = 0;
    for (const row of clients.rows) {
      const v = row[column];
      const check = validateValue(def, v, { defaultCountry: base.settings.defaultCountry, today: now() });
      const dup = def.unique && !isBlank(v) && seen.has(cellText(v).trim().toLowerCase());
      if (!isBlank(v)) seen.add(cellText(v).trim().toLowerCase());
      if (!check.ok || dup) {
        count++;
        if (bad.length < 3) bad.push(isBlank(v) ? '(empty)' : cellText(v).slice(0, 60));
      }
    }
    if (count) misfits.push({ name: f.name, count, examples: bad });
  }
  const order = (list: readonly { name: string }[]) => list.map((f) => headerKey(f.name));
  const kept = fields.filter((f) => f.was !== undefined).map((f) => headerKey(f.was!));
  const reordered = order(before.filter((f) => keptWas.has(headerKey(f.name)))).join('\n') !== kept.join('\n');
  return { added, renamed, removed, retyped, misfits, reordered, errors };
}

export interface FieldsApplyDto {
  report: ApplyFieldsReport;
  renamed: number;
  snapshotId: string;
}

export function applyFieldsEdit(edited: EditedField[], version: string): FieldsApplyDto {
  const base = loadBase({ fresh: true });
  requireRole(base, 'admin', 'change fields');
  const { fields, errors } = checkEdit(edited);
  if (errors.length) throw new AppFailure('validation', `Fix these first; nothing was changed: ${errors.slice(0, 5).join(' ')}`);
  const done = withDocumentLock(() => {
    const { rows, ownHeader } = readFieldsValues();
    if (fingerprint(rows) !== String(version ?? '')) {
      throw new AppFailure('conflict', 'Someone changed the Fields tab since you opened the editor. Reload it; your edits were not applied.');
    }
    const clientsSheet = requireSheet(TAB.clients);
    const width = clientsSheet.getLastColumn();
    const header =
      width > 0
        ? clientsSheet
            .getRange(1, 1, 1, width)
            .getValues()[0]
            .map((h) => cellText(h))
        : [];
    const cols = new Columns(header);
    const system = new Set(SYSTEM_COLUMNS.map((s) => headerKey(s)));
    const newHeader = [...header];
    let renamed = 0;
    for (const f of fields) {
      if (f.was === undefined || f.was === f.name) continue;
      const c = cols.indexOf(f.was);
      if (c < 0 || system.has(headerKey(f.was))) continue;
      if (cols.has(f.name) && headerKey(f.name) !== headerKey(f.was)) {
        throw new AppFailure('validation', `Clients already has a column "${f.name}": rename "${f.was}" to another name. Nothing was changed.`);
      }
      newHeader[c] = f.name;
      renamed++;
    }
    // The editor edits client fields: the Companies rows of the tab go back as they were.
    const out = [...fieldsToRows(fields), ...rowsOfOtherTables(rows)];
    // A tab set up in another language keeps its own header words (headers are read back in English),
    // and one made before the Table column gets it after its own.
    const own = ownHeader.slice(0, out[0].length);
    if (canonicalHeaders(TAB.fields, own).join('\n') === out[0].slice(0, own.length).map(String).join('\n')) out[0] = [...own, ...out[0].slice(own.length)];
    return writeGuarded(base, 'edit fields', readImages([TAB.fields, TAB.clients]), 'before editing fields in the sidebar', (snapshotId) => {
      const sheet = requireSheet(TAB.fields);
      const last = Math.max(sheet.getLastRow(), out.length);
      const widthOut = Math.max(sheet.getLastColumn(), out[0].length);
      const padded = Array.from({ length: last }, (_, r) => Array.from({ length: widthOut }, (_, c) => out[r]?.[c] ?? ''));
      writeRange(sheet.getRange(1, 1, last, widthOut), padded);
      bumpBaseVersion();
      if (renamed) writeRange(clientsSheet.getRange(1, 1, 1, newHeader.length), [newHeader]);
      appendRows(
        TAB.audit,
        auditRows([
          {
            time: now(),
            user: base.user,
            action: 'edit fields',
            clientId: '',
            field: '',
            oldValue: `${base.fields.length} fields`,
            newValue: `${fields.length} fields, ${renamed} renamed`,
            source: 'sidebar',
          },
        ]),
      );
      return { renamed, snapshotId };
    });
  });
  // Apply fields takes the lock itself: validation, help and formats follow the new Fields.
  return { report: applyFields(), ...done };
}
