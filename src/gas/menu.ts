/** The ClientBase menu. Each item names a top-level function exported from src/server.ts. */
export const MENU_ITEMS: ReadonlyArray<readonly [caption: string, functionName: string] | null> = [
  ['Open sidebar', 'menuOpenSidebar'],
  null,
  ['Set up', 'menuSetUp'],
  ['Edit fields', 'menuEditFields'],
  ['Apply fields', 'menuApplyFields'],
  ['Check data', 'menuCheckData'],
  ['Dashboard', 'menuDashboard'],
  ['Pipeline board', 'menuPipelineBoard'],
  null,
  ['Refresh segments', 'menuRefreshSegments'],
  ['Set stage for selection', 'menuBulkActions'],
  null,
  ['Find duplicates', 'menuFindDuplicates'],
  ['Review duplicates', 'menuReviewDuplicates'],
  ['Merge decided duplicates', 'menuMergeDuplicates'],
  ['Undo last merge', 'menuUndoMerge'],
  null,
  ['Reassign clients of a manager', 'menuBulkActions'],
  ['Snapshots', 'menuSnapshots'],
  ['Mail merge', 'menuMailMerge'],
  null,
  ['Diagnostics', 'menuDiagnostics'],
];

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createMenu('ClientBase');
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}
