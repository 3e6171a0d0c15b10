/** The ClientBase menu. Each item names a top-level function exported from src/server.ts. */
import { langOfLocale, type Lang } from '../core/i18n/lang';
import { menuCaption } from '../core/i18n/menu-words';

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
  ['Link people to companies', 'menuLinkCompanies'],
  null,
  ['Find duplicates', 'menuFindDuplicates'],
  ['Review duplicates', 'menuReviewDuplicates'],
  ['Merge decided duplicates', 'menuMergeDuplicates'],
  ['Undo last merge', 'menuUndoMerge'],
  null,
  ['Reassign clients of a manager', 'menuBulkActions'],
  ['Snapshots', 'menuSnapshots'],
  ['Mail merge', 'menuMailMerge'],
  ['Plan', 'menuPlan'],
  ['Plan calendar', 'menuPlanCalendar'],
  null,
  ['Diagnostics', 'menuDiagnostics'],
];

/**
 * Captions in the user's language. onOpen may run in AuthMode.NONE, where it is
 * not documented whether Session answers: any failure means English.
 */
export function buildMenu(): void {
  let lang: Lang = 'en';
  try {
    lang = langOfLocale(Session.getActiveUserLocale());
  } catch {
    // English captions, as before.
  }
  const menu = SpreadsheetApp.getUi().createMenu('ClientBase');
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(menuCaption(item[0], lang), item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}
