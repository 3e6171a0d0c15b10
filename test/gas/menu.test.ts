import { describe, expect, it } from 'vitest';
import { MENU_CAPTIONS } from '../../src/core/i18n/menu-words';
import { MENU_ITEMS } from '../../src/gas/menu';
import * as server from '../../src/server';
import { useEmulator } from '../support/emulated';

const functions = MENU_ITEMS.filter((i) => i !== null).map((i) => i![1]);

for (const [locale, expected] of [
  ['uk_UA', ['Відкрити бічну панель', 'Налаштувати']],
  ['ro_MD', ['Deschide bara laterală', 'Configurează']],
  ['ru_RU', ['Открыть боковую панель', 'Настроить']],
  ['en_US', ['Open sidebar', 'Set up']],
] as const) {
  describe(`the menu for a ${locale} user`, () => {
    const emu = useEmulator({ locale });

    it('is in their language and runs the same functions', () => {
      server.onOpen({ authMode: 'NONE' } as unknown as GoogleAppsScript.Events.SheetsOnOpen);
      const menu = emu().ui.menus.find((m) => m.name === 'ClientBase')!;
      const items = menu.items.filter((i): i is { caption: string; functionName: string } => 'caption' in i);
      expect(items.slice(0, 2).map((i) => i.caption)).toEqual(expected);
      expect(items.map((i) => i.functionName)).toEqual(functions);
    });
  });
}

// Keyed by English caption: two items (set stage, reassign) both open the Bulk actions panel.
const captions = MENU_ITEMS.filter((i) => i !== null).map((i) => i![0]);

it('translates every menu item in every language', () => {
  for (const lang of ['ru', 'uk', 'ro'] as const) expect(Object.keys(MENU_CAPTIONS[lang]).sort(), lang).toEqual([...captions].sort());
});

it('gives the two items that open the Bulk actions panel their own captions in every language', () => {
  for (const lang of ['ru', 'uk', 'ro'] as const) {
    const shown = captions.map((c) => MENU_CAPTIONS[lang][c]);
    expect(new Set(shown).size, lang).toBe(captions.length);
  }
});
