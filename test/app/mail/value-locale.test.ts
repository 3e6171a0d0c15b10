/** A number merged into a message reads as the sender's language writes it: 1500,5 in Russian, Ukrainian and Romanian, 1500.5 in English. */
import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { unwrap, useEmulator } from '../../support/emulated';
import { people, setUpWithClients } from './fixture';

describe('numbers in a merged message', () => {
  const emu = useEmulator();

  it('use the decimal comma for ru, uk and ro, the point for en', () => {
    setUpWithClients(emu(), people(1));
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    const width = sheet.getLastColumn();
    if (sheet.getMaxColumns() <= width) sheet.insertColumnsAfter(width, 1);
    sheet.getRange(1, width + 1, 2, 1).setValues([['Discount'], [1500.5]]);
    const body = (lang: 'en' | 'ru' | 'uk' | 'ro') =>
      unwrap(server.apiPreviewMessage({ subject: 'Hi', body: 'Discount: {{Discount}}.', clientId: 'C01', lang })).textBody;
    expect(body('ru')).toContain('Discount: 1500,5.');
    expect(body('uk')).toContain('Discount: 1500,5.');
    expect(body('ro')).toContain('Discount: 1500,5.');
    expect(body('en')).toContain('Discount: 1500.5.');
  });
});
