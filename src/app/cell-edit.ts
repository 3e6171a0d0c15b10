/**
 * Hand edits of the Clients tab: logged in Audit (old → new for one cell,
 * the range and new values for a paste), the rows' Updated stamps moved so a
 * sidebar holding an older copy sees the conflict, and a note on a single
 * cell whose new value does not fit its field. onEdit does not fire for the
 * add-on's own writes, so none of this loops.
 *
 * The trigger runs while sidebars and mailings append to Audit, so it takes
 * the document lock too, waiting only briefly: nobody waits on a trigger, but
 * a queue of triggers behind a long merge would pile up. Without the lock it
 * still moves the stamps and notes the cell, and its Audit rows wait in
 * document properties until the next locked write appends them (gas/sheets.ts
 * appendRows, gas/log-queue.ts): no audit row is lost either way.
 */
import { isTab } from '../gas/tab-keys';
import { HIDDEN_EDITOR_EN } from '../core/i18n/audit-words';
import { auditRows, type AuditEntry } from '../core/audit/entry';
import { Columns } from '../core/clients/columns';
import { countryCode } from '../core/normalize/country';
import { nameKey } from '../core/schema/name-key';
import { TAB } from '../core/schema/tabs';
import { stampAfter } from '../core/clients/stamp';
import { cellText } from '../core/values';
import { tryWithDocumentLock } from '../gas/lock';
import { bumpBaseVersion } from '../gas/base-cache';
import { appendRows, findSheet } from '../gas/sheets';
import { activeUserEmail, now } from '../gas/session';
import { roleOf } from '../core/settings/roles';
import { writeRange } from '../gas/sheets';
import { loadBase, setUpBy, type Base } from './base';
import { fieldValidator } from './clients';

const NOTE_PREFIX = 'ClientBase: ';
const MAX_PASTE_TEXT = 50_000;
/** Who an audit row names when Google does not tell the script who edited. */
export const HIDDEN_EDITOR = HIDDEN_EDITOR_EN;
/** How long the edit trigger waits for the document lock before queueing its audit rows. */
export const EDIT_LOCK_WAIT_MS = 5_000;

export interface EditEvent {
  range: GoogleAppsScript.Spreadsheet.Range;
  oldValue?: unknown;
  value?: unknown;
  user?: { getEmail(): string };
}

export function auditCellEdit(e: EditEvent): void {
  // Fields and Settings are cached between calls (gas/base-cache.ts): a hand edit of either must be seen by the next one.
  const edited = e?.range?.getSheet();
  if (edited && (isTab(edited, TAB.fields) || isTab(edited, TAB.settings))) bumpBaseVersion();
  const ran = tryWithDocumentLock(EDIT_LOCK_WAIT_MS, () => recordEdit(e));
  if (!ran.locked) recordEdit(e);
}

function recordEdit(e: EditEvent): void {
  const range = e.range;
  const sheet = range.getSheet();
  if (!isTab(sheet, TAB.clients)) return;
  const base = loadBase();
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0].map(String);
  const cols = new Columns(header);
  const top = range.getRow();
  const rows = range.getNumRows();
  // Google blanks e.user and the active user for consumer accounts and other domains; the
  // effective user is then the trigger's creator, who did not make this edit: never name them instead.
  const user = e.user?.getEmail() || activeUserEmail() || HIDDEN_EDITOR;
  const stamp = now();
  if (top === 1) {
    appendRows(
      TAB.audit,
      auditRows([
        {
          time: stamp,
          user,
          action: 'header edit',
          clientId: '',
          field: range.getA1Notation(),
          oldValue: e.oldValue ?? '',
          newValue: e.value ?? '',
          source: 'cell edit',
        },
      ]),
    );
    return;
  }
  const block = sheet.getRange(top, 1, rows, width).getValues();
  const idCol = cols.indexOf('ID');
  const entries: AuditEntry[] = [];
  const single = rows === 1 && range.getNumColumns() === 1;
  if (single) {
    const column = range.getColumn() - 1;
    entries.push({
      time: stamp,
      user,
      action: 'cell edit',
      clientId: cellText(block[0][idCol]),
      field: header[column] ?? '',
      oldValue: e.oldValue ?? '',
      newValue: block[0][column],
      source: 'cell edit',
    });
    const field = base.fields.find((f) => nameKey(f.name) === nameKey(header[column]));
    const refused = field?.key === 'manager' ? foreignManager(base, user, e.oldValue, block[0][column]) : null;
    if (refused) {
      // The sheet is no back door around the rule the sidebar enforces: the cell goes back, and Audit says why.
      writeRange(range, [[e.oldValue ?? '']]);
      block[0][column] = cellText(e.oldValue ?? '');
      entries.push({
        time: stamp,
        user,
        action: 'reverted',
        clientId: cellText(block[0][idCol]),
        field: header[column] ?? '',
        oldValue: entries[0].newValue,
        newValue: e.oldValue ?? '',
        source: `cell edit: ${refused}`,
      });
    } else if (field) {
      const countryField = base.fields.find((f) => f.key === 'country');
      const country = countryField ? countryCode(cols.get(block[0], countryField.name)) : undefined;
      const checked = fieldValidator(base, country)(field, cellText(block[0][column]));
      const note = range.getNote();
      if (!checked.ok) range.setNote(`${NOTE_PREFIX}${checked.message}`);
      else if (note.startsWith(NOTE_PREFIX)) range.clearNote();
    }
  } else {
    const first = range.getColumn() - 1;
    const pasted = block
      .map((r) =>
        r
          .slice(first, first + range.getNumColumns())
          .map(cellText)
          .join('\t'),
      )
      .join('\n');
    entries.push({
      time: stamp,
      user,
      action: 'paste',
      clientId: block
        .map((r) => cellText(r[idCol]))
        .filter(Boolean)
        .join(', ')
        .slice(0, 1000),
      field: range.getA1Notation(),
      oldValue: '',
      newValue: pasted.slice(0, MAX_PASTE_TEXT),
      source: 'cell edit',
    });
    const manager = base.fields.find((f) => f.key === 'manager');
    const managerColumn = manager ? cols.indexOf(manager.name) : -1;
    if (manager && managerColumn >= first && managerColumn < first + range.getNumColumns()) {
      entries.push(...guardPastedManagers(base, user, stamp, sheet, top, block, idCol, managerColumn, manager.name));
    }
  }
  const updated = cols.indexOf('Updated');
  const updatedBy = cols.indexOf('Updated by');
  if (updated >= 0 && updatedBy === updated + 1 && range.getColumn() - 1 !== updated) {
    // Each row's stamp moves past the one the sidebar may hold, even within the same second.
    sheet.getRange(top, updated + 1, rows, 2).setValues(block.map((r) => [stampAfter(r[updated], stamp), user]));
  }
  appendRows(TAB.audit, auditRows(entries, base.timeZone));
}

function sameManager(a: unknown, b: string): boolean {
  return cellText(a).trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Why a hand edit of Manager is not allowed, or null when it is: the
 * sidebar's rule (clients.ts refuseForeignManager) for the person who typed
 * it. Admins may; a manager may put only themselves on a client nobody
 * manages, or on their own. An editor whose email Google hides cannot be
 * told from a manager, so the edit is not trusted either.
 */
function foreignManager(base: Base, editor: string, before: unknown, after: unknown): string | null {
  if (sameManager(before ?? '', cellText(after))) return null;
  if (editor === HIDDEN_EDITOR)
    return 'only admins assign other managers, and who made this edit is hidden, so it cannot be checked; an admin can reassign in the sidebar or with Reassign clients';
  if (roleOf(editor, base.settings, setUpBy(base.settings)) === 'admin') return null;
  const free = cellText(before ?? '').trim() === '' || sameManager(before, editor);
  if (free && sameManager(after, editor)) return null;
  return free
    ? `only admins assign other managers; only an admin may make someone else responsible for a client (${editor} is not an admin)`
    : `only admins assign other managers; only an admin may change who manages a client managed by ${cellText(before).slice(0, 80)}`;
}

/**
 * The latest Manager the add-on recorded for each client (Audit's New value
 * on rows of that field: adds, edits, reassignments, hand edits, reverts).
 * One read of Audit's four middle columns, only when someone pastes over
 * the Manager column: a paste carries no old values.
 */
function recordedManagers(field: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const audit = findSheet(TAB.audit);
  if (!audit || audit.getLastRow() < 2) return out;
  // Audit's columns: Time, User, Action, Client ID, Field, Old value, New value, Source.
  const rows = audit.getRange(2, 4, audit.getLastRow() - 1, 4).getValues();
  for (const [id, f, , value] of rows) if (cellText(f) === field && cellText(id)) out.set(cellText(id), value);
  return out;
}

/**
 * A paste over the Manager column is held to the rule a single edit is: each
 * pasted Manager the editor may not set goes back to the one Audit last
 * recorded for that client, in one write of the column's pasted cells, with
 * a `reverted` row saying why. Every Manager the paste changed gets its own
 * Audit row, so the next paste finds it. A client the add-on never recorded
 * a Manager for (a list adopted and never reassigned) cannot be put back:
 * that is said in Audit (`not checked`) for an admin to look at.
 */
function guardPastedManagers(
  base: Base,
  user: string,
  stamp: Date,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  top: number,
  block: unknown[][],
  idCol: number,
  column: number,
  field: string,
): AuditEntry[] {
  const known = recordedManagers(field);
  const admin = user !== HIDDEN_EDITOR && roleOf(user, base.settings, setUpBy(base.settings)) === 'admin';
  const entries: AuditEntry[] = [];
  let revert = false;
  const cells = block.map((row) => {
    const id = cellText(row[idCol]);
    const now = row[column];
    if (!id) return now;
    const before = known.get(id);
    if (before === undefined) {
      if (!admin && !isBlankManager(now)) {
        entries.push({
          time: stamp,
          user,
          action: 'not checked',
          clientId: id,
          field,
          oldValue: '',
          newValue: now,
          source: 'paste: its previous manager was never recorded, so it could not be put back; only admins assign other managers',
        });
      }
      return now;
    }
    if (sameManager(before, cellText(now))) return now;
    entries.push({ time: stamp, user, action: 'cell edit', clientId: id, field, oldValue: before, newValue: now, source: 'paste' });
    const refused = foreignManager(base, user, before, now);
    if (!refused) return now;
    revert = true;
    entries.push({ time: stamp, user, action: 'reverted', clientId: id, field, oldValue: now, newValue: before, source: `paste: ${refused}` });
    row[column] = cellText(before);
    return before;
  });
  if (revert)
    writeRange(
      sheet.getRange(top, column + 1, cells.length, 1),
      cells.map((v) => [v ?? '']),
    );
  return entries;
}

function isBlankManager(value: unknown): boolean {
  return cellText(value).trim() === '';
}
