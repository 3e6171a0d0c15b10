/**
 * What every operation needs to know before it touches clients: the team's
 * settings, the fields, who is acting and with which role. Two reads.
 */
import { AppFailure } from '../core/result';
import type { FieldDef } from '../core/schema/field';
import { parseFieldsTab } from '../core/schema/fields-tab';
import { TAB } from '../core/schema/tabs';
import { hasRole, roleOf, type Role } from '../core/settings/roles';
import { parseSettings, type Settings } from '../core/settings/settings';
import { getDocumentProperty } from '../gas/properties';
import { readTable } from '../gas/sheets';
import { readCachedBase, writeCachedBase, type BaseTables } from '../gas/base-cache';
import type { CellValue } from '../core/values';
import { currentUserEmail, spreadsheetTimeZone } from '../gas/session';

export interface Base {
  user: string;
  role: Role;
  settings: Settings;
  fields: FieldDef[];
  timeZone: string;
}

export function loadSettings(): Settings {
  const table = readTable(TAB.settings);
  return parseSettings(table ? table.rows : []);
}

/** Document property naming whoever ran Set up: with the admins cell emptied, they alone stay admin. */
export const SET_UP_BY_KEY = 'clientbase.setUpBy';

/** Read only when no admin is listed, so ordinary calls pay nothing for it. */
export function setUpBy(settings: Settings): string | null {
  return settings.admins.length ? null : getDocumentProperty(SET_UP_BY_KEY);
}

/**
 * Fields and Settings as the sheet holds them: from the document cache when its version stamp
 * is current (gas/base-cache.ts), else two tab reads that refill it. `fresh` skips the cache,
 * for operations that act on the Fields tab itself.
 */
function baseTables(fresh: boolean): BaseTables {
  const cached = fresh ? null : readCachedBase();
  if (cached?.tables) return cached.tables;
  const fieldsTable = readTable(TAB.fields);
  if (!fieldsTable) throw new AppFailure('not_found', 'This spreadsheet is not set up yet. Run ClientBase ▸ Set up.');
  const settingsTable = readTable(TAB.settings);
  const tables = { fields: [fieldsTable.header, ...fieldsTable.rows], settings: settingsTable ? settingsTable.rows : null };
  if (cached) writeCachedBase(cached.key, tables);
  return tables;
}

export function loadBase(options: { fresh?: boolean } = {}): Base {
  const tables = baseTables(!!options.fresh);
  const settings = parseSettings((tables.settings ?? []) as CellValue[][]);
  const user = currentUserEmail();
  return {
    user,
    role: roleOf(user, settings, setUpBy(settings)),
    settings,
    fields: parseFieldsTab(tables.fields as CellValue[][]).fields,
    timeZone: spreadsheetTimeZone(),
  };
}

const ROLE_WORD: Record<Role, string> = { admin: 'an admin', manager: 'a manager', reader: 'a reader' };

/** Enforced on the server: the sidebar hiding a button is a courtesy, this is the rule. */
export function requireRole(base: Base, needed: Role, action: string): void {
  if (!hasRole(base.role, needed)) {
    throw new AppFailure(
      'forbidden',
      `Only ${ROLE_WORD[needed]} may ${action}. You (${base.user}) are ${ROLE_WORD[base.role]}; ask an admin to add you in the Settings tab.`,
    );
  }
}
