/**
 * Finding the add-on's tabs whatever they are called. Set up records each
 * tab's sheet ID under its key (the English name, TAB.*) in document
 * properties, so a tab named in the spreadsheet's language ("Клиенты") or
 * renamed by hand is still found. Lookup order: the English name (one call,
 * as before, so an English base costs nothing more), then the recorded ID,
 * then the names Set up gives the tab in the other languages (for a base whose
 * properties were lost).
 */
import { isLang, type Lang } from '../core/i18n/lang';
import { tabNamesOf } from '../core/i18n/sheet-words';
import { TAB } from '../core/schema/tabs';
import { getDocumentProperty, setDocumentProperty } from './properties';

export const TAB_IDS_KEY = 'clientbase.tabIds';
export const SHEET_LANGUAGE_KEY = 'clientbase.sheetLanguage';

const MANAGED = new Set<string>(Object.values(TAB));

function readTabIds(): Record<string, number> {
  try {
    const parsed = JSON.parse(getDocumentProperty(TAB_IDS_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** Sheets found under their English key name: their base is English, known without reading a property. */
const NAMED_BY_KEY = new WeakSet<object>();

export function resolveSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  const byName = ss.getSheetByName(key);
  if (byName) NAMED_BY_KEY.add(byName);
  if (byName || !MANAGED.has(key)) return byName;
  const id = readTabIds()[key];
  if (typeof id === 'number') {
    const byId = ss.getSheetById(id);
    if (byId) return byId;
  }
  for (const name of tabNamesOf(key).slice(1)) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

/** Whether `sheet` is the managed tab `key`: by name for an English base (one call), else by ID. */
export function isTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, key: string): boolean {
  if (sheet.getName() === key) return true;
  const found = resolveSheet(sheet.getParent(), key);
  return !!found && found.getSheetId() === sheet.getSheetId();
}

/** Records tabs' sheet IDs under their keys: one read and one write whatever the number of tabs. */
export function rememberTabs(sheets: Record<string, GoogleAppsScript.Spreadsheet.Sheet>): void {
  const entries = Object.entries(sheets).filter(([key]) => MANAGED.has(key));
  if (entries.length === 0) return;
  const ids = readTabIds();
  for (const [key, sheet] of entries) ids[key] = sheet.getSheetId();
  setDocumentProperty(TAB_IDS_KEY, JSON.stringify(ids));
}

/** Drops the keys recorded for a sheet that stops being a managed tab (an undone adoption gives the list its name back). */
export function forgetTabsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const ids = readTabIds();
  const id = sheet.getSheetId();
  const kept = Object.fromEntries(Object.entries(ids).filter(([, v]) => v !== id));
  if (Object.keys(kept).length !== Object.keys(ids).length) setDocumentProperty(TAB_IDS_KEY, JSON.stringify(kept));
}

/** The language Set up wrote the base's tabs in; English for bases set up before languages existed. */
export function sheetLanguage(): Lang {
  const stored = getDocumentProperty(SHEET_LANGUAGE_KEY);
  return isLang(stored) ? stored : 'en';
}

/** The language to write into `sheet` (resolved by resolveSheet): English at no cost when it carries its English name, else the recorded one. */
export function languageOfTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): Lang {
  return NAMED_BY_KEY.has(sheet) ? 'en' : sheetLanguage();
}

export function setSheetLanguage(lang: Lang): void {
  setDocumentProperty(SHEET_LANGUAGE_KEY, lang);
}

/** The name `sheet` (resolved by resolveSheet for `key`) has now: the key itself at no cost when it was found by that name. */
export function nameOfTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, key: string): string {
  return NAMED_BY_KEY.has(sheet) ? key : sheet.getName();
}
