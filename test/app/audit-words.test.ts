/**
 * The Audit tab speaks the base's language: action and source words and the
 * hidden editor, as a Russian, Ukrainian or Romanian team reads the tab, while
 * the words the code reads back (bulk sources, the dashboard's "done") stay;
 * snapshot reasons likewise. Menu dialogs speak the user's language.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { langOfLocale } from '../../src/core/i18n/lang';
import { localAuditRows } from '../../src/core/i18n/audit-words';
import { localSnapshotReason } from '../../src/core/i18n/snapshot-reasons';
import { localHeaders, localTabName } from '../../src/core/i18n/sheet-words';
import { TAB, TAB_HEADERS } from '../../src/core/schema/tabs';
import { managedRowsOf, unwrap, useEmulator } from '../support/emulated';

const EXPECTED = {
  en_US: {
    prompt: 'New Stage for 1 selected client',
    cancelled: 'Set stage: cancelled, nothing changed.',
    deleting: 'before deleting client',
    add: 'add',
    sidebar: 'sidebar',
    cellEdit: 'cell edit',
    hidden: 'unknown (email hidden)',
  },
  ru_RU: {
    prompt: 'Новое значение «Stage» для 1 выбранного клиента',
    cancelled: 'Этап: отменено, ничего не изменилось.',
    deleting: 'перед удалением клиента',
    add: 'добавление',
    sidebar: 'боковая панель',
    cellEdit: 'правка ячейки',
    hidden: 'неизвестно (адрес скрыт)',
  },
  uk_UA: {
    prompt: 'Нове значення «Stage» для 1 вибраного клієнта',
    cancelled: 'Етап: скасовано, нічого не змінилося.',
    deleting: 'перед видаленням клієнта',
    add: 'додавання',
    sidebar: 'бічна панель',
    cellEdit: 'редагування клітинки',
    hidden: 'невідомо (адресу приховано)',
  },
  ro_RO: {
    prompt: 'Stage nou pentru 1 client selectat',
    cancelled: 'Etapă: anulat, nu s-a schimbat nimic.',
    deleting: 'înainte de ștergerea clientului',
    add: 'adăugare',
    sidebar: 'panou lateral',
    cellEdit: 'editare celulă',
    hidden: 'necunoscut (adresă ascunsă)',
  },
};

for (const [locale, words] of Object.entries(EXPECTED)) {
  describe(`Audit in a ${locale} spreadsheet`, () => {
    const emu = useEmulator({ locale, timeZone: 'Europe/Moscow' });
    const lang = langOfLocale(locale);

    it('a sidebar save and a hand edit by a hidden editor read in the base’s language', () => {
      server.menuSetUp();
      const outcome = unwrap(server.apiSaveClient({ values: { 'First name': 'Анна', Email: 'anna@mail.ru' } }));
      if (outcome.status !== 'saved') throw new Error('not saved');
      const audit = () => managedRowsOf(emu(), TAB.audit, lang);
      expect(audit().find((r) => r['Client ID'] === outcome.client.id)).toMatchObject({ Action: words.add, Source: words.sidebar });

      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(localTabName(TAB.clients, lang))!;
      const header = emu().readSheet(localTabName(TAB.clients, lang))[0] as string[];
      const cell = sheet.getRange(2, header.indexOf(localHeaders(['City'], lang)[0]) + 1);
      cell.setValue('=HYPERLINK("x") <b>Кишинёв</b> 😀');
      emu().runAs({ kind: 'installableTrigger', owner: emu().user(), user: 'ion@gmail.com' }, () =>
        server.onEditInstalled({ range: cell, oldValue: '', value: cell.getValue(), user: { getEmail: () => '' } } as never),
      );
      expect(audit().at(-1)).toMatchObject({ Action: words.cellEdit, User: words.hidden, Source: words.cellEdit, 'Client ID': outcome.client.id });
      // Updated by is compared by the code: it keeps the English words in every language.
      expect(managedRowsOf(emu(), TAB.clients, lang)[0]['Updated by']).toBe('unknown (email hidden)');
    });

    it('Set stage for selection asks and reports in the user’s language', () => {
      server.menuSetUp();
      unwrap(server.apiSaveClient({ values: { 'First name': '<b>Олег</b> 😀', Email: 'oleg@example.ua' } }));
      emu().setActiveSelection(localTabName(TAB.clients, lang), 'A2');
      emu().ui.respondWith('CANCEL');
      server.menuSetStageForSelection();
      expect(emu().ui.alerts.find((a) => a.kind === 'prompt')?.prompt).toContain(words.prompt);
      expect(emu().ui.toasts.at(-1)?.message).toBe(words.cancelled);
    });

    it('a delete’s snapshot gives its reason in the base’s language, in the tab and the sidebar’s list', () => {
      server.menuSetUp();
      const outcome = unwrap(server.apiSaveClient({ values: { 'First name': 'Ion', Email: 'ion@mail.md' } }));
      if (outcome.status !== 'saved') throw new Error('not saved');
      unwrap(server.apiDeleteClient(outcome.client.id, outcome.client.updated));
      const reason = `${words.deleting} ${outcome.client.id}`;
      expect(managedRowsOf(emu(), TAB.snapshots, lang).map((r) => r.Reason)).toContain(reason);
      expect(unwrap(server.apiListSnapshots()).map((s) => s.reason)).toContain(reason);
    });
  });
}

describe('localSnapshotReason', () => {
  it('counts with the language’s plurals and keeps a sentence it does not know', () => {
    expect(localSnapshotReason('before merging 3 duplicate groups', 'ru')).toBe('перед объединением 3 групп дубликатов');
    expect(localSnapshotReason('before setting the stage Горячий for 21 clients', 'uk')).toBe('перед встановленням етапу Горячий для 21 клієнта');
    expect(localSnapshotReason('before setting the stage Hot for 20 clients', 'ro')).toBe('înainte de stabilirea etapei Hot pentru 20 de clienți');
    expect(localSnapshotReason('before set Manager "=1+1" for 2 clients', 'ru')).toBe('before set Manager "=1+1" for 2 clients');
  });
});

describe('localAuditRows', () => {
  it('leaves the words the code reads back and the user’s own values alone', () => {
    const row = (action: string, source: string, value: string) => [new Date(0), 'a@b.c', action, 'C-1', 'City', '', value, source];
    const rows = [row('bulk set Manager', 'bulk:B-ABCD1234', 'add'), row('done', 'undo:B-ABCD1234', 'sidebar'), row('add', 'menu', '=add')];
    const ru = localAuditRows(rows, 'ru');
    expect(ru[0]).toEqual(rows[0]);
    expect(ru[1]).toEqual(rows[1]);
    expect(ru[2].slice(2)).toEqual(['добавление', 'C-1', 'City', '', '=add', 'меню']);
    expect(rows[2][2]).toBe('add'); // the caller's rows are not changed
    expect(TAB_HEADERS.Audit[2]).toBe('Action');
  });
});
