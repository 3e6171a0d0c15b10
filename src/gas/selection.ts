/**
 * The rows a person selected on a tab, without the rows a filter hides.
 *
 * Sheet.isRowHiddenByFilter is one service call per row. Instead the filter's
 * criteria are read once per column and evaluated here against the display
 * values of the selected block (one read): "filter by values" (hidden or
 * visible value lists), by far the most common filter, costs a constant number
 * of calls whatever the selection. A condition criterion (text contains,
 * greater than, custom formula, colour) cannot be evaluated here; then each
 * selected row inside the filter is asked, at most MAX_ROWS_CHECKED_ONE_BY_ONE.
 */
import { AppFailure } from '../core/result';

export const MAX_ROWS_CHECKED_ONE_BY_ONE = 300;

export interface SelectedRows {
  tab: string;
  /** 1-based sheet rows, ascending, without the header row and rows hidden by the filter. */
  rows: number[];
  /** Selected rows a filter hides (not recipients). */
  hiddenByFilter: number;
  /** How hidden rows were found: no filter, from its value lists, or row by row. */
  filterCheck: 'none' | 'values' | 'row_by_row';
}

interface ColumnCriteria {
  /** 0-based offset in the filter range. */
  offset: number;
  hidden: Set<string>;
  visible: Set<string> | null;
}

export function selectedRows(expectedTab: string): SelectedRows {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const tab = sheet.getName();
  if (tab !== expectedTab) {
    throw new AppFailure('bad_input', `Select the recipients' rows in the ${expectedTab} tab first (the active tab is ${tab}).`);
  }
  const list = ss.getActiveRangeList();
  const ranges = list ? list.getRanges() : [sheet.getActiveRange()].filter((r): r is GoogleAppsScript.Spreadsheet.Range => !!r);
  const picked = new Set<number>();
  for (const r of ranges) {
    const first = r.getRow();
    const count = r.getNumRows();
    for (let i = 0; i < count; i++) if (first + i > 1) picked.add(first + i);
  }
  const rows = [...picked].sort((a, b) => a - b);
  const filter = rows.length > 0 ? sheet.getFilter() : null;
  if (!filter) return { tab, rows, hiddenByFilter: 0, filterCheck: 'none' };

  const range = filter.getRange();
  const top = range.getRow();
  const left = range.getColumn();
  const width = range.getNumColumns();
  const bottom = top + range.getNumRows() - 1;
  // The filter's own header row is never hidden; rows outside its range are not filtered.
  const inFilter = rows.filter((r) => r > top && r <= bottom);
  if (inFilter.length === 0) return { tab, rows, hiddenByFilter: 0, filterCheck: 'none' };

  const criteria: ColumnCriteria[] = [];
  let evaluable = true;
  for (let offset = 0; offset < width; offset++) {
    const c = filter.getColumnFilterCriteria(left + offset);
    if (!c) continue;
    const hidden = c.getHiddenValues() ?? [];
    const visible = c.getVisibleValues() ?? [];
    // Colour criteria are newer than the typings; a criterion that has them set is a condition here.
    const colours = c as unknown as { getVisibleBackgroundColor?: () => unknown; getVisibleForegroundColor?: () => unknown };
    const byColour = (colours.getVisibleBackgroundColor?.() ?? null) !== null || (colours.getVisibleForegroundColor?.() ?? null) !== null;
    if (c.getCriteriaType() !== null || byColour) evaluable = false;
    criteria.push({ offset, hidden: new Set(hidden.map(String)), visible: visible.length > 0 ? new Set(visible.map(String)) : null });
  }
  if (criteria.length === 0) return { tab, rows, hiddenByFilter: 0, filterCheck: 'none' };

  let hiddenRows: Set<number>;
  let filterCheck: SelectedRows['filterCheck'];
  if (evaluable) {
    const first = inFilter[0];
    const last = inFilter[inFilter.length - 1];
    const display = sheet.getRange(first, left, last - first + 1, width).getDisplayValues();
    hiddenRows = new Set(
      inFilter.filter((r) => {
        const cells = display[r - first];
        return criteria.some((c) => {
          const shown = String(cells[c.offset] ?? '');
          return c.hidden.has(shown) || (c.visible !== null && !c.visible.has(shown));
        });
      }),
    );
    filterCheck = 'values';
  } else {
    if (inFilter.length > MAX_ROWS_CHECKED_ONE_BY_ONE) {
      throw new AppFailure(
        'bad_input',
        `The filter on ${tab} uses a condition, so each selected row must be checked one by one; select at most ${MAX_ROWS_CHECKED_ONE_BY_ONE} rows (you selected ${inFilter.length}), filter by values instead, or use a segment.`,
      );
    }
    hiddenRows = new Set(inFilter.filter((r) => sheet.isRowHiddenByFilter(r)));
    filterCheck = 'row_by_row';
  }
  return { tab, rows: rows.filter((r) => !hiddenRows.has(r)), hiddenByFilter: hiddenRows.size, filterCheck };
}
