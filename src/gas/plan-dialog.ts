/** The plan calendar in a modal dialog (HtmlService): the page is built as escaped text by src/core/plan/calendar-html.ts. */
export function showDialog(html: string, title: string): void {
  SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(900).setHeight(640), title);
}
