/**
 * Menu alerts in the user's language: a ru_RU account setting up, applying
 * fields, finding duplicates and refreshing segments
 * reads Russian, with the tabs by the names Set up gave them; English stays as it was.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { unwrap, useEmulator } from '../support/emulated';

const alerts = (emu: ReturnType<ReturnType<typeof useEmulator>>) => emu.ui.alerts.map((a) => String(a.prompt));

describe('menu alerts for a Russian user', () => {
  const emu = useEmulator({ locale: 'ru_RU', timeZone: 'Europe/Moscow' });

  it('are Russian from Set up to Refresh segments', () => {
    server.menuSetUp();
    unwrap(
      server.apiSaveClient({
        values: { 'First name': 'Анна', 'Last name': 'Петрова', Email: 'anna@x.ru', Phone: '+7 916 123-45-67' },
        acknowledgeDuplicates: true,
      }),
    );
    unwrap(server.apiSaveClient({ values: { 'First name': 'Анна', 'Last name': 'Петрова', Phone: '+7 916 123-45-67' }, acknowledgeDuplicates: true }));
    server.menuApplyFields();
    server.menuFindDuplicates();
    server.menuRefreshSegments();
    const said = alerts(emu());
    expect(said[0]).toMatch(/^ClientBase настроен: Клиенты, Взаимодействия, Покупки/);
    expect(said[1]).toMatch(/^Применено к «Клиенты»: \d+ пол(е|я|ей)\.$/);
    expect(said[2]).toMatch(/^Среди 2 клиентов найдено групп вероятных дубликатов: 1/);
    expect(said[2]).toContain('На вкладке «Дубликаты»');
    expect(said[3]).toMatch(/^Сегменты обновлены/);
    expect(said[3]).toMatch(/Холодные: 2 клиента \(вкладка «Seg · Холодные»\)/);
    for (const text of said) expect(text).not.toMatch(/\b(clients?|groups|tab|Merged|Applied|is set up)\b/);
  });
});

describe('menu alerts for an English user', () => {
  const emu = useEmulator();

  it('read as before', () => {
    server.menuSetUp();
    server.menuFindDuplicates();
    server.menuRefreshSegments();
    const said = alerts(emu());
    expect(said[0]).toMatch(/^ClientBase is set up: Clients, Interactions/);
    expect(said[1]).toBe('No likely duplicates among 0 clients.');
    expect(said[2]).toMatch(/^Segments refreshed; their tabs and counts now stay current by themselves\.\n\nCold: 0 clients \(tab "Seg · Cold"\)/);
  });
});
