/** A one-line question in a dialog: the typed text, or null when the user cancels or closes it. */
export function promptText(title: string, message: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
}
