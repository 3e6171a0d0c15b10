/**
 * Where snapshots live: the hidden `Snapshots` tab, one row per chunk of a
 * compressed tab image. Reading the list touches only the metadata columns.
 */
import { TAB, TAB_HEADERS } from '../core/schema/tabs';
import { asLiteral } from '../core/sheet/literal';
import { denseCells, imageOf, sparseCells, type StoredRule, type TabImage } from '../core/snapshot/encode';
import { cellText } from '../core/values';
import { findSheet, FIRST_DATA_ROW, spreadsheet } from './sheets';
import { ensureTab } from './tabs';
import { bumpBaseVersion } from './base-cache';
import { localTabName } from '../core/i18n/sheet-words';
import { forgetTabsOf, rememberTabs, sheetLanguage } from './tab-keys';

const H = TAB_HEADERS.Snapshots;
const META_COLUMNS = H.indexOf('Data');

export interface SnapshotChunkMeta {
  id: string;
  time: unknown;
  user: string;
  reason: string;
  tab: string;
}

export function snapshotsSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  return ensureTab(TAB.snapshots, {
    header: H,
    formats: H.map(() => '@'),
    hidden: true,
    protectWholeTab: 'ClientBase snapshots: restore them from ClientBase ▸ Snapshots',
  }).sheet;
}

const WHITE = '#ffffff';

/** Values, formulas, notes, background colours and column formats of a tab: five reads. */
export function readTabImage(tab: string): TabImage | null {
  const sheet = findSheet(tab);
  if (!sheet) return null;
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const width = values[0]?.length ?? 0;
  const formats = width && sheet.getMaxRows() >= FIRST_DATA_ROW ? sheet.getRange(FIRST_DATA_ROW, 1, 1, width).getNumberFormats()[0] : [];
  const image = imageOf(tab, values, formulas, formats);
  if (width) {
    image.notes = sparseCells(range.getNotes(), '');
    image.backgrounds = sparseCells(range.getBackgrounds(), WHITE);
  }
  return image;
}

type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

function storedValue(v: unknown): unknown {
  if (v instanceof Date) return { d: v.toISOString() };
  if (v && typeof v === 'object' && 'getA1Notation' in v) {
    const range = v as GoogleAppsScript.Spreadsheet.Range;
    return { a1: `'${range.getSheet().getName().replace(/'/g, "''")}'!${range.getA1Notation()}` };
  }
  return Array.isArray(v) ? v.map(storedValue) : v;
}

function liveValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(liveValue);
  if (v && typeof v === 'object' && 'd' in v) return new Date(String((v as { d: string }).d));
  if (v && typeof v === 'object' && 'a1' in v) return spreadsheet().getRange(String((v as { a1: string }).a1));
  return v;
}

/**
 * The tab's data validations, kept in its image before an operation that
 * restructures the tab (adoption), so a roll-back gives the team's dropdowns
 * back: one read, and the distinct rules stored once each.
 */
export function keepValidations(image: TabImage, sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const rows = image.cells.length;
  const cols = rows ? image.cells[0].length : 0;
  if (!rows || !cols) return;
  const grid = sheet.getRange(1, 1, rows, cols).getDataValidations();
  const rules: StoredRule[] = [];
  const index = new Map<string, number>();
  const at: [number, number, number][] = [];
  grid.forEach((row, r) =>
    row.forEach((rule: Rule | null, c) => {
      if (!rule) return;
      const stored: StoredRule = {
        criteria: String(rule.getCriteriaType()),
        values: rule.getCriteriaValues().map(storedValue),
        allowInvalid: rule.getAllowInvalid(),
        helpText: rule.getHelpText(),
      };
      const key = JSON.stringify(stored);
      if (!index.has(key)) index.set(key, rules.push(stored) - 1);
      at.push([r, c, index.get(key)!]);
    }),
  );
  image.validations = at;
  image.rules = rules;
}

function putValidationsBack(sheet: GoogleAppsScript.Spreadsheet.Sheet, image: TabImage, rows: number, cols: number): void {
  if (!image.validations?.length || !image.rules) return;
  const built = image.rules.map((r) =>
    SpreadsheetApp.newDataValidation()
      .withCriteria(SpreadsheetApp.DataValidationCriteria[r.criteria as keyof typeof SpreadsheetApp.DataValidationCriteria], r.values.map(liveValue))
      .setAllowInvalid(r.allowInvalid)
      .setHelpText(r.helpText)
      .build(),
  );
  const grid: (Rule | null)[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
  for (const [r, c, i] of image.validations) if (r < rows && c < cols && built[i]) grid[r][c] = built[i];
  sheet.getRange(1, 1, rows, cols).setDataValidations(grid);
}

/** A managed tab deleted since the snapshot comes back under its name in the base's language, recorded by key. */
function recreateTab(key: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet().insertSheet(localTabName(key, sheetLanguage()));
  if ((Object.values(TAB) as string[]).includes(key)) rememberTabs({ [key]: sheet });
  return sheet;
}

/**
 * Puts a tab back as the image shows it: values and formulas in one write,
 * each column's number format in one more (so text stays text exactly as it
 * was). A restructured tab also loses the dropdowns and protections the
 * operation added.
 */
export function writeTabImage(image: TabImage): void {
  if (image.tab === TAB.fields || image.tab === TAB.settings) bumpBaseVersion();
  const ss = spreadsheet();
  const renamedEarly = !ss.getSheetByName(image.tab) && image.renamedTo ? ss.getSheetByName(image.renamedTo) : null;
  // A managed tab is found by its key, so a tab named in the base's language (Клиенты) is restored in place.
  const current = renamedEarly ?? findSheet(image.tab);
  // The box notes and colours must be rewritten over: what the image covers and what the tab holds now (rows added since).
  const usedRows = current ? current.getLastRow() : 0;
  const usedCols = current ? current.getLastColumn() : 0;
  const renamed = !ss.getSheetByName(image.tab) && image.renamedTo ? ss.getSheetByName(image.renamedTo) : null;
  // The key is forgotten before the name comes back: a kill between the two then leaves a tab still named
  // as the managed one, which the next roll-back renames and forgets again.
  if (renamed) {
    forgetTabsOf(renamed);
    renamed.setName(image.tab);
  }
  const sheet = (renamed ? ss.getSheetByName(image.tab) : findSheet(image.tab)) ?? recreateTab(image.tab);
  // A roll-back of an older version killed after the rename kept the list recorded as Clients.
  if (!renamed && image.renamedTo) forgetTabsOf(sheet);
  if (image.restructured) {
    sheet.clear();
    sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearDataValidations().clearNote();
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) p.remove();
    sheet.setFrozenRows(0);
  } else {
    sheet.clearContents();
  }
  const rows = image.cells.length;
  const cols = rows ? image.cells[0].length : 0;
  if (!rows || !cols) return;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < cols) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
  const formats = Array.from({ length: cols }, (_, c) => image.columnFormats[c] || 'General');
  if (rows > 1) sheet.getRange(2, 1, rows - 1, cols).setNumberFormats(Array.from({ length: rows - 1 }, () => formats));
  const formulas = new Set(image.formulaCells.map(([r, c]) => `${r}:${c}`));
  const cells = image.cells.map((row, r) => row.map((v, c) => (formulas.has(`${r}:${c}`) ? v : asLiteral(v, r > 0 && formats[c] === '@'))));
  sheet.getRange(1, 1, rows, cols).setValues(cells);
  if (image.notes || image.backgrounds) {
    const boxRows = Math.max(rows, usedRows);
    const boxCols = Math.max(cols, usedCols);
    const box = sheet.getRange(1, 1, boxRows, boxCols);
    if (image.notes) box.setNotes(denseCells(image.notes, boxRows, boxCols, ''));
    if (image.backgrounds) box.setBackgrounds(denseCells(image.backgrounds, boxRows, boxCols, WHITE));
  }
  if (image.restructured) putValidationsBack(sheet, image, rows, cols);
}

export function readSnapshotMeta(sheet = findSheet(TAB.snapshots)): SnapshotChunkMeta[] {
  if (!sheet) return [];
  const last = sheet.getLastRow();
  if (last < FIRST_DATA_ROW) return [];
  // Only the metadata columns: the data column can hold megabytes.
  return sheet
    .getRange(FIRST_DATA_ROW, 1, last - 1, META_COLUMNS)
    .getValues()
    .map((r) => ({ id: cellText(r[0]), time: r[1], user: cellText(r[2]), reason: cellText(r[3]), tab: cellText(r[4]) }));
}

/** Chunks of one snapshot, joined per tab in part order. */
export function readSnapshotData(id: string): Map<string, string> {
  const sheet = findSheet(TAB.snapshots);
  const byTab = new Map<string, string[]>();
  if (!sheet) return new Map();
  for (const r of sheet.getDataRange().getValues().slice(1)) {
    if (cellText(r[0]) !== id) continue;
    const parts = byTab.get(cellText(r[4])) ?? [];
    parts[Number(r[5]) - 1] = cellText(r[7]);
    byTab.set(cellText(r[4]), parts);
  }
  return new Map([...byTab].map(([tab, parts]) => [tab, parts.join('')]));
}

/** Snapshots are appended in time order, so the oldest are the top rows: one deleteRows. */
export function deleteOldestSnapshotRows(count: number): void {
  if (count > 0) snapshotsSheet().deleteRows(FIRST_DATA_ROW, count);
}
