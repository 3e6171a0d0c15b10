/**
 * Check data in a base set up in Russian (ru_RU account): the menu's summary,
 * the report tab's headers, summary block and Problem column, and the notes on
 * the marked cells are Russian; the report is still read back (Apply fixes
 * knows which cells changed since the check), and an English base is unchanged.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { localTabName } from '../../../src/core/i18n/sheet-words';
import { TAB } from '../../../src/core/schema/tabs';
import { unwrap, useEmulator } from '../../support/emulated';
import { messyClient, STAMP } from './messy-base';

describe('Check data in a Russian base', () => {
  const emu = useEmulator({ locale: 'ru_RU', timeZone: 'Europe/Moscow' });

  it('reports in Russian and still applies the fixes it proposed', () => {
    server.menuSetUp();
    emu().ui.alerts.length = 0;
    const clients = localTabName(TAB.clients, 'ru');
    const [header] = emu().readSheet(clients) as string[][];
    const rows = [messyClient(1), messyClient(2)].map((values, i) =>
      header.map((h) =>
        h in values ? (values as Record<string, unknown>)[h] : h === 'ID' ? `C-000${i + 1}` : h === 'Created' || h === 'Updated' ? STAMP : '',
      ),
    );
    emu().writeSheet(clients, [header, ...rows]);

    server.menuCheckData();
    const alert = String(emu().ui.alerts.at(-1)?.prompt);
    expect(alert).toContain('Проверено: 2 клиента, найдено: 4 проблемы.');
    expect(alert).toContain('исправимое оформление: 4');
    expect(alert).toContain('«Проверка данных»');
    expect(alert).not.toMatch(/Checked|problems|can be fixed|listed/);

    const [top, ...report] = emu().readSheet(localTabName(TAB.checks, 'ru'));
    expect(top.slice(0, 6)).toEqual(['Строка', 'Столбец', 'Значение', 'Проблема', 'Предлагаемое исправление', 'ID клиента']);
    expect(top.slice(7, 9)).toEqual(['Итог', 'Количество']);
    const labels = report.map((r) => r[7]).filter(Boolean);
    expect(labels).toEqual(
      expect.arrayContaining(['Проверено', 'Проверено строк', 'Проблем', 'Предлагаемые исправления', 'Phone: не в международном формате']),
    );
    expect(report.map((r) => r[3]).filter(Boolean)).toEqual(
      expect.arrayContaining(['Phone: не в международном формате', 'First name: имя не с заглавной буквы']),
    );
    const notes = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(clients)!.getRange(2, 1, 2, header.length).getNotes().flat().filter(Boolean);
    expect(notes.length).toBe(4);
    expect(notes.join(' ')).toContain('не в международном формате');
    expect(notes.join(' ')).not.toContain('not in international format');

    // The Russian report reads back: the sidebar's last check is there, and the phones are fixed.
    const last = unwrap(server.apiCheckReport());
    expect(last?.total).toBe(4);
    const fixed = unwrap(server.apiApplyFixes([], ['format|Phone: not in international format']));
    expect(fixed.applied).toBe(2);
    expect(fixed.skipped ?? []).toEqual([]);
  });
});

describe('Check data in an English base', () => {
  const emu = useEmulator();

  it('keeps the English report and alert', () => {
    server.menuSetUp();
    server.menuCheckData();
    expect(String(emu().ui.alerts.at(-1)?.prompt)).toBe('Checked 0 clients: no problems found.');
    expect(emu().readSheet(TAB.checks)[0].slice(0, 9)).toEqual(['Row', 'Column', 'Value', 'Problem', 'Suggested fix', 'Client ID', '', 'Summary', 'Count']);
  });
});
