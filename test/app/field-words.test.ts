/**
 * The team's words per language in the Fields tab, over the emulator: Set up
 * in a Russian spreadsheet writes them for the default fields under Russian
 * headers, the sidebar gets them, a rule in those words selects the clients,
 * and the Fields editor edits them without losing them or the defaults.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import type { EditedField } from '../../src/server';
import { localTabName } from '../../src/core/i18n/sheet-words';
import { TAB } from '../../src/core/schema/tabs';
import { fieldLabel, optionLabel } from '../../src/core/schema/field-words';
import { managedRowsOf, unwrap, useEmulator } from '../support/emulated';

function saveClient(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error(`not saved: ${outcome.status}`);
  return outcome.client.id;
}

describe('field words in a ru_RU base', () => {
  const emu = useEmulator({ locale: 'ru_RU', timeZone: 'Europe/Moscow' });

  it('Set up writes Подпись ru… for the default fields; a rule in those words finds the clients; the editor keeps and edits them', () => {
    server.menuSetUp();
    const tab = emu().readSheet(localTabName(TAB.fields, 'ru'));
    expect(tab[0]).toEqual(expect.arrayContaining(['Название', 'Подпись ru', 'Варианты ru', 'Подпись uk', 'Подсказка ro', 'Подпись en']));
    const stageRow = managedRowsOf(emu(), TAB.fields, 'ru').find((r) => r.Name === 'Stage')!;
    expect([stageRow['Label ru'], stageRow['Options ru'], stageRow['Options uk'], stageRow['Label ro']]).toEqual([
      'Стадия',
      'Холодный, Тёплый, Горячий, VIP, Потерян',
      'Холодний, Теплий, Гарячий, VIP, Втрачений',
      'Etapă',
    ]);

    const fields = unwrap(server.apiBootstrap()).fields;
    const role = fields.find((f) => f.key === 'contactRole')!;
    expect([fieldLabel(role, 'ru'), optionLabel(role, 'Decision maker', 'ru'), optionLabel(role, 'Decision maker', 'uk')]).toEqual([
      'Роль',
      'ЛПР',
      'Особа, що приймає рішення',
    ]);

    const anna = saveClient({ 'First name': 'Анна', Stage: 'Hot', 'Contact role': 'Decision maker' });
    saveClient({ 'First name': 'Борис', Stage: 'Cold' });
    // The board and bulk "set stage" bring the stage field, so their columns and choices read Горячий, while moves write Hot.
    const board = unwrap(server.apiBoard());
    expect(board.columns.map((c) => optionLabel(board.stageField!, c.stage, 'ru'))).toEqual(expect.arrayContaining(['Горячий', 'Холодный']));
    const bulk = unwrap(server.apiBulkOptions());
    expect(bulk.stages.map((s) => optionLabel(bulk.stageField!, s, 'uk'))).toEqual(['Холодний', 'Теплий', 'Гарячий', 'VIP', 'Втрачений']);
    const hot = unwrap(server.apiPreviewSegment('Стадия = "Горячий" и Роль = "ЛПР"'));
    expect(hot.count).toBe(1);
    expect(hot.clients.map((c) => c.id)).toEqual([anna]);

    // The editor: a new Russian label, the rest as it was (Default Cold included, which Apply used to blank).
    const dto = unwrap(server.apiFieldsEditor());
    const edited: EditedField[] = dto.fields.map((f) =>
      f.key === 'stage' ? { ...f, was: f.name, words: { ...f.words, ru: { ...f.words?.ru, label: 'Этап сделки' } } } : { ...f, was: f.name },
    );
    unwrap(server.apiApplyFieldsEdit(edited, dto.version));
    const after = managedRowsOf(emu(), TAB.fields, 'ru');
    const stage = after.find((r) => r.Name === 'Stage')!;
    expect([stage['Label ru'], stage['Options ru'], stage.Default]).toEqual(['Этап сделки', 'Холодный, Тёплый, Горячий, VIP, Потерян', 'Cold']);
    expect(after.find((r) => r.Name === 'City')!['Label uk']).toBe('Місто');
    expect(unwrap(server.apiPreviewSegment('"Этап сделки" = "горячий"')).count).toBe(1);
  });

  it('an editor edit whose option words no longer line up is refused with the reason, nothing written', () => {
    server.menuSetUp();
    const before = emu().readSheet(localTabName(TAB.fields, 'ru'));
    const dto = unwrap(server.apiFieldsEditor());
    const edited: EditedField[] = dto.fields.map((f) => (f.key === 'stage' ? { ...f, was: f.name, options: ['Cold', 'Hot'] } : { ...f, was: f.name }));
    const r = server.apiApplyFieldsEdit(edited, dto.version);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Options ru of Stage names 5 options but the field has 2');
    expect(emu().readSheet(localTabName(TAB.fields, 'ru'))).toEqual(before);
  });
});
