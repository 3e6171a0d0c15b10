import { resolveSheet } from './tab-keys';

/** Removing data rows: one deleteRows per contiguous run, bottom first so indexes stay valid. */
export function deleteDataRows(tab: string, dataIndexes: readonly number[]): number {
  const sheet = resolveSheet(SpreadsheetApp.getActiveSpreadsheet(), tab);
  if (!sheet || dataIndexes.length === 0) return 0;
  const rows = [...new Set(dataIndexes)].sort((a, b) => b - a).map((i) => i + 2);
  let runs = 0;
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] - 1) j++;
    // Rows rows[j]..rows[i] are contiguous (descending list).
    sheet.deleteRows(rows[j], j - i + 1);
    runs++;
    i = j + 1;
  }
  return runs;
}
