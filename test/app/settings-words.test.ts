/** Set up in a Russian spreadsheet describes each setting in Russian; the keys stay as the code reads them, and every setting has its words in each language. */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { SETTING_DESCRIPTIONS } from '../../src/core/i18n/settings-words';
import { localTabName } from '../../src/core/i18n/sheet-words';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';
import { TAB } from '../../src/core/schema/tabs';
import { unwrap, useEmulator } from '../support/emulated';

describe('Settings descriptions', () => {
  const emu = useEmulator({ locale: 'ru_RU', timeZone: 'Europe/Moscow' });

  it('are Russian in a Russian base, and the settings still read', () => {
    server.menuSetUp();
    const [, ...rows] = emu().readSheet(localTabName(TAB.settings, 'ru'));
    const byKey = new Map(rows.map((r) => [String(r[0]), String(r[2])]));
    expect(byKey.get('defaultCountry')).toBe('Код страны (ISO, например RU, UA, RO, MD, GB) для телефонов, записанных без +кода');
    expect(byKey.get('admins')).toMatch(/^Email через запятую/);
    for (const [, description] of byKey) expect(description).toMatch(/[а-яё]/i);
    expect(unwrap(server.apiBootstrap()).role).toBe('admin');
  });

  it('exist for every setting in ru, uk and ro', () => {
    for (const lang of ['ru', 'uk', 'ro'] as const) {
      expect(Object.keys(SETTING_DESCRIPTIONS[lang]).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    }
  });
});
