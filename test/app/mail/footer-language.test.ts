/** The opt-out footer speaks the recipient's language: their Language column, else the template's; never the sender's. */
import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { unwrap, useEmulator } from '../../support/emulated';
import { people, setUpWithClients } from './fixture';

const UK = 'Щоб більше не отримувати ці листи, дайте відповідь на це повідомлення.';
const RO = 'Răspundeți la acest e-mail pentru a nu mai primi mesaje.';
const RU = 'Чтобы больше не получать эти письма, ответьте на это сообщение.';
const EN = 'Reply to this email to stop receiving messages.';

describe('the footer language', () => {
  const emu = useEmulator();

  it('follows each client’s Language column, else the language of the template, whatever the sidebar speaks', () => {
    setUpWithClients(emu(), people(4));
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    const width = sheet.getLastColumn();
    if (sheet.getMaxColumns() <= width) sheet.insertColumnsAfter(width, 1);
    sheet.getRange(1, width + 1, 5, 1).setValues([['Language'], ['uk'], ['Română'], [''], ['<script>x</script>']]);
    const english = { subject: 'Hello {{First name}}', body: 'Spring news' };
    const footerOf = (clientId: string, template = english, lang: 'en' | 'ru' = 'ru') =>
      unwrap(server.apiPreviewMessage({ ...template, clientId, lang })).textBody;
    expect(footerOf('C01')).toContain(UK);
    expect(footerOf('C02')).toContain(RO);
    expect(footerOf('C03')).toContain(EN);
    expect(footerOf('C03')).not.toContain(RU);
    expect(footerOf('C04')).toContain(EN);
    expect(footerOf('C03', { subject: 'Здравствуйте, {{First name}}', body: 'Весенние новости' }, 'en')).toContain(RU);
    expect(footerOf('C03', { subject: 'Вітаємо, {{First name}}', body: 'Весняні новини' }, 'en')).toContain(UK);
    expect(footerOf('C03', { subject: 'Bună ziua, {{First name}}', body: 'Noutăți de primăvară' }, 'en')).toContain(RO);
  });
});
