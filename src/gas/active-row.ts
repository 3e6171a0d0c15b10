/** The client under the cursor, on any tab that carries a "Client ID" or "ID" column. */
import { englishHeaders } from '../core/i18n/sheet-words';
import { nameKey } from '../core/schema/name-key';
import { cellText } from '../core/values';

export function activeClientId(): string | undefined {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const range = sheet.getActiveRange();
  if (!range) return undefined;
  const row = range.getRow();
  const width = sheet.getLastColumn();
  if (row < 2 || width < 1) return undefined;
  // Headers of a tab set up in another language (ID клиента) count by their English names.
  const keys = englishHeaders(sheet.getRange(1, 1, 1, width).getValues()[0].map(String)).map(nameKey);
  const col = keys.includes('clientid') ? keys.indexOf('clientid') : keys.indexOf('id');
  if (col < 0) return undefined;
  const id = cellText(sheet.getRange(row, col + 1).getValue()).trim();
  return id || undefined;
}
