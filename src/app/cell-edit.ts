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
import { appendRows } from '../gas/sheets';
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
  if (editor === HIDDEN_EDITOR) return 'who made this edit is hidden, so it cannot be checked; an admin can reassign in the sidebar or with Reassign clients';
  if (roleOf(editor, base.settings, setUpBy(base.settings)) === 'admin') return null;
  const free = cellText(before ?? '').trim() === '' || sameManager(before, editor);
  if (free && sameManager(after, editor)) return null;
  return free
    ? `only an admin may make someone else responsible for a client (${editor} is not an admin)`
    : `only an admin may change who manages a client managed by ${cellText(before).slice(0, 80)}`;
}
