/** Dialogs, toasts and the sidebar: what the user sees outside the sidebar itself. */
import { resolveSheet } from './tab-keys';
export function showSidebar(title: string): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function alert(message: string): void {
  SpreadsheetApp.getUi().alert(message);
}

export function confirm(message: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

/** Best effort: a toast is news about work already done, so failing to show it must not fail that work. */
export function toast(message: string, title = 'ClientBase'): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message, title);
  } catch (err) {
    console.warn(`ClientBase: toast not shown: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The active tab and the sheet rows (1-based) of the current selection, for menu actions on selected rows. */
export function activeSelection(): { tab: string; rows: number[] } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const list = ss.getActiveRangeList();
  const ranges = list ? list.getRanges() : [sheet.getActiveRange()].filter((r): r is GoogleAppsScript.Spreadsheet.Range => !!r);
  const rows = new Set<number>();
  for (const r of ranges) for (let i = 0; i < r.getNumRows(); i++) rows.add(r.getRow() + i);
  return { tab: sheet.getName(), rows: [...rows].sort((a, b) => a - b) };
}

/** Asks for a line of text; undefined when the user cancels. */
export function ask(title: string, prompt: string): string | undefined {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : undefined;
}

/** Brings a tab to the front so the user sees what an action produced. */
export function activateTab(name: string): void {
  const sheet = resolveSheet(SpreadsheetApp.getActiveSpreadsheet(), name);
  if (sheet) sheet.activate();
}

/**
 * A wide modal dialog running the sidebar's own bundle in another mode (the pipeline board): one HTML file
 * to push, and the board reaches the server through the same google.script.run calls.
 */
export function showWideDialog(mode: string, title: string, width = 1000, height = 640): void {
  const file = HtmlService.createHtmlOutputFromFile('Sidebar');
  const html = file.getContent().replace('<div id="app"></div>', `<div id="app" data-mode="${mode.replace(/[^a-z-]/g, '')}"></div>`);
  SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height), title);
}
