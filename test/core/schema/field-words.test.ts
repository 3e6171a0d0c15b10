import { describe, expect, it } from 'vitest';
import { fieldsToRows, parseFieldsTab } from '../../../src/core/schema/fields-tab';
import { TAB_HEADERS } from '../../../src/core/schema/tabs';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import { withDefaultWords } from '../../../src/core/schema/default-field-words';
import { fieldHelp, fieldLabel, optionLabel, optionOfWord } from '../../../src/core/schema/field-words';
import { parseRule } from '../../../src/core/rules/parser';
import { compileRule } from '../../../src/core/rules/evaluate';
import { canonicalHeaders, localHeaders } from '../../../src/core/i18n/sheet-words';
import { TAB } from '../../../src/core/schema/tabs';

const header = [...TAB_HEADERS.Fields];
const col = (name: string) => header.indexOf(name as (typeof header)[number]);
function row(cells: Record<string, unknown>): unknown[] {
  const out: unknown[] = header.map(() => '');
  for (const [k, v] of Object.entries(cells)) out[col(k)] = v;
  return out;
}

describe('field words in the Fields tab', () => {
  it('shows a Russian user the team’s label, help and options, while the values stay the options', () => {
    const { fields, errors } = parseFieldsTab([
      header,
      row({
        Name: 'Stage',
        Type: 'choice',
        Options: 'Cold, Warm, Hot',
        Help: 'How close',
        'Label ru': 'Стадия',
        'Help ru': 'Насколько близко',
        'Options ru': 'Холодный, Тёплый, Горячий',
        'Label ro': 'Etapă',
      }),
    ]);
    expect(errors).toEqual([]);
    const stage = fields[0];
    expect([fieldLabel(stage, 'ru'), fieldHelp(stage, 'ru'), optionLabel(stage, 'Hot', 'ru')]).toEqual(['Стадия', 'Насколько близко', 'Горячий']);
    // No words in a language: the Name, the Help and the option as written.
    expect([fieldLabel(stage, 'uk'), fieldHelp(stage, 'ro'), optionLabel(stage, 'Hot', 'ro'), fieldLabel(stage, 'ro')]).toEqual([
      'Stage',
      'How close',
      'Hot',
      'Etapă',
    ]);
    expect(optionOfWord(stage, ' горячий ')).toBe('Hot');
    expect(stage.options).toEqual(['Cold', 'Warm', 'Hot']);
  });

  it('reads an old tab without the language columns as before, with no words', () => {
    const { fields, errors } = parseFieldsTab([
      ['Name', 'Type', 'Required', 'Options', 'Unique', 'Help', 'Key', 'Default', 'Table'],
      ['Stage', 'choice', '', 'Cold, Hot', '', 'h', 'stage', 'Cold', ''],
    ]);
    expect(errors).toEqual([]);
    expect(fields[0]).toEqual({
      name: 'Stage',
      type: 'choice',
      required: false,
      options: ['Cold', 'Hot'],
      unique: false,
      help: 'h',
      key: 'stage',
      default: 'Cold',
    });
  });

  it('reports option words that do not line up one to one, and control characters, and keeps the field', () => {
    const { fields, errors } = parseFieldsTab([
      header,
      row({ Name: 'Stage', Type: 'choice', Options: 'Cold, Hot', 'Options uk': 'Холодний', 'Label uk': 'Ста\u0007дія' }),
      row({ Name: 'City', Type: 'text', 'Options ro': 'a, b', 'Label ro': 'x'.repeat(101) }),
    ]);
    expect(fields.map((f) => f.name)).toEqual(['Stage', 'City']);
    expect(fields[0].words).toBeUndefined();
    expect(fields[1].words).toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual([
      'Fields row 2: Label uk of Stage contains control characters; it is ignored',
      'Fields row 2: Options uk of Stage names 1 options but the field has 2, one word per option in the same order; they are ignored',
      'Fields row 3: Label ro of City is longer than 100 characters; it is ignored',
      'Fields row 3: Options ro of City: the field has no options to name; they are ignored',
    ]);
  });

  it('keeps formula-looking, HTML and emoji words as plain text, and round-trips them through the tab', () => {
    const fields = withDefaultWords(DEFAULT_FIELDS).map((f) =>
      f.key === 'notes' ? { ...f, words: { ...f.words, ru: { label: '=HYPERLINK("x")', help: '<img src=x onerror=alert(1)> 🙂' } } } : f,
    );
    const back = parseFieldsTab(fieldsToRows(fields));
    expect(back.errors).toEqual([]);
    expect(back.fields).toEqual(fields);
    const notes = back.fields.find((f) => f.key === 'notes')!;
    expect([fieldLabel(notes, 'ru'), fieldHelp(notes, 'ru')]).toEqual(['=HYPERLINK("x")', '<img src=x onerror=alert(1)> 🙂']);
  });

  it('gives the default fields their words in ru, uk and ro: Role options ЛПР / особа, що приймає рішення / decident', () => {
    const fields = withDefaultWords(DEFAULT_FIELDS);
    const role = fields.find((f) => f.key === 'contactRole')!;
    expect(['ru', 'uk', 'ro'].map((l) => optionLabel(role, 'Decision maker', l))).toEqual(['ЛПР', 'Особа, що приймає рішення', 'Decident']);
    const stage = fields.find((f) => f.key === 'stage')!;
    expect(['en', 'ru', 'uk', 'ro'].map((l) => optionLabel(stage, 'Lost', l))).toEqual(['Lost', 'Потерян', 'Втрачений', 'Pierdut']);
    // Every default field has a label in each language, different from English where the language writes it differently.
    for (const lang of ['ru', 'uk'] as const) for (const f of fields) expect(fieldLabel(f, lang), `${f.name} ${lang}`).not.toBe(f.name);
    // A team whose Stage options are its own gets labels but no option words that would misname them.
    const own = withDefaultWords([{ ...DEFAULT_FIELDS.find((f) => f.key === 'stage')!, options: ['New', 'Won', 'Lost', 'Other', 'X'] }]);
    expect(own[0].words?.ru).toEqual({ label: 'Стадия', help: expect.any(String) });
  });

  it('names its columns in the base’s language and reads them back', () => {
    const ru = localHeaders(header, 'ru');
    expect(ru.slice(9, 12)).toEqual(['Подпись ru', 'Подсказка ru', 'Варианты ru']);
    expect(localHeaders(header, 'ro')[12]).toBe('Etichetă uk');
    expect(canonicalHeaders(TAB.fields, ru)).toEqual(header);
  });
});

describe('rules in the team’s words', () => {
  const fields = withDefaultWords(DEFAULT_FIELDS);
  const names = ['ID', ...fields.map((f) => f.name)];
  const client = (values: Record<string, unknown>) => names.map((n) => (n === 'ID' ? 'C-1' : (values[n] ?? '')));

  it('reads Стадия = "Горячий", Роль in ("ЛПР") and Etapă = "Fierbinte" as the stored options', () => {
    for (const text of ['Стадия = "Горячий"', 'Стадія = "гарячий"', 'Etapă = "Fierbinte"', 'Stage = "Hot"']) {
      const parsed = parseRule(text, names, { fields: fields });
      expect(parsed.ok, text).toBe(true);
      if (parsed.ok)
        expect(parsed.rule).toEqual({ kind: 'compare', operand: { kind: 'field', name: 'Stage' }, op: '=', value: { type: 'text', value: 'Hot' } });
    }
    const role = parseRule('Роль in ("ЛПР", "Другое")', names, { fields: fields });
    expect(role.ok && role.rule).toEqual({
      kind: 'in',
      operand: { kind: 'field', name: 'Contact role' },
      values: [
        { type: 'text', value: 'Decision maker' },
        { type: 'text', value: 'Other' },
      ],
    });
    const hot = parseRule('Стадия = "Горячий"', names, { fields: fields });
    if (!hot.ok) throw new Error('parsed above');
    const matches = compileRule(hot.rule, names, { today: new Date('2026-12-03T12:00:00Z'), timeZone: 'Europe/Moscow' } as never);
    expect([matches(client({ Stage: 'Hot' })), matches(client({ Stage: 'Cold' })), matches(client({ Stage: 'Горячий' }))]).toEqual([true, false, false]);
  });

  it('knows a label of the team’s own only from the fields, and an option word only for its field', () => {
    const own = fields.map((f) => (f.key === 'stage' ? { ...f, words: { ...f.words, ru: { ...f.words?.ru, label: 'Температура' } } } : f));
    expect(parseRule('Температура = "Горячий"', names).ok).toBe(false);
    const parsed = parseRule('Температура = "Горячий" и Город = "Горячий"', names, { fields: own });
    expect(parsed.ok && parsed.rule).toEqual({
      kind: 'and',
      items: [
        { kind: 'compare', operand: { kind: 'field', name: 'Stage' }, op: '=', value: { type: 'text', value: 'Hot' } },
        { kind: 'compare', operand: { kind: 'field', name: 'City' }, op: '=', value: { type: 'text', value: 'Горячий' } },
      ],
    });
  });
});
