/**
 * Every catalogue (the app's and each view's) in every language: the same keys as
 * English, no extra ones, the same function arities, and nothing left in English
 * except proper names and words that are spelled the same in that language.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../sidebar/i18n/locale';
import { messages as adopt } from '../../../sidebar/views/adopt/messages';
import { messages as board } from '../../../sidebar/views/board/messages';
import { messages as bulk } from '../../../sidebar/views/bulk/messages';
import { cardMessages } from '../../../sidebar/views/card/messages';
import { messages as duplicates } from '../../../sidebar/views/duplicates/messages';
import { messages as fields } from '../../../sidebar/views/fields/messages';
import { planMessagesFor } from '../../../sidebar/views/plan/messages';
import { messages as check } from '../../../sidebar/views/check/messages';
import { messages as mail } from '../../../sidebar/views/mail/messages';
import { messages as segments } from '../../../sidebar/views/segments/messages';
import { messages as setup } from '../../../sidebar/views/setup/messages';
import { messages as snapshots } from '../../../sidebar/views/snapshots/messages';

type Catalogue = Record<string, unknown>;
const app = Object.fromEntries(Object.entries(LOCALES).map(([l, v]) => [l, v.messages])) as unknown as Record<Locale, Catalogue>;
const byLocale = (of: (l: 'en' | 'ru' | 'uk' | 'ro') => unknown) =>
  Object.fromEntries((['en', 'ru', 'uk', 'ro'] as const).map((l) => [l, of(l)])) as unknown as Record<Locale, Catalogue>;
const card = byLocale((l) => cardMessages(l as Locale));
const plan = byLocale((l) => planMessagesFor(l));
const CATALOGUES: Record<string, Record<Locale, Catalogue>> = {
  app,
  adopt,
  board: board as unknown as Record<Locale, Catalogue>,
  bulk: bulk as unknown as Record<Locale, Catalogue>,
  card,
  check,
  duplicates: duplicates as unknown as Record<Locale, Catalogue>,
  fields: fields as unknown as Record<Locale, Catalogue>,
  mail,
  plan,
  segments,
  setup,
  snapshots,
};
const OTHERS: Locale[] = ['ru', 'uk', 'ro'];

/**
 * Values allowed to equal English: the product name, punctuation, and words that
 * are the same word in that language (Romanian "Client", "Manager", "Contract").
 */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  'app.appTitle': ['ru', 'uk', 'ro'],
  'app.emptyOption': ['ru', 'uk', 'ro'],
  'app.changeLine': ['ru', 'uk', 'ro'],
  'app.tabClient': ['ro'],
  'app.manager': ['ro'],
  'app.interactionTypes.Contract': ['ro'],
  'check.acceptGroup': ['ru', 'uk', 'ro'],
  'check.example': ['ru', 'uk', 'ro'],
  'check.staleGroup': ['ru', 'uk', 'ro'],
  'mail.previewTo': ['ru', 'uk', 'ro'],
  'mail.segmentCount': ['ru', 'uk', 'ro'],
  'mail.segment': ['ro'],
  // Punctuation-only templates and Romanian words spelled as in English.
  'board.money': ['ru', 'uk', 'ro'],
  'board.card': ['ru', 'uk', 'ro'],
  'board.manager': ['ro'],
  'board.segment': ['ro'],
  'card.conflictTheirs': ['ru', 'uk', 'ro'],
  'duplicates.mergeSummary': ['ru', 'uk', 'ro'],
  'plan.contactedOn': ['ru', 'uk', 'ro'],
  'plan.tab': ['ro'],
  'plan.title': ['ro'],
};

/** Leaves of a catalogue by path; functions are called with the first argument kinds they accept. */
function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (typeof value === 'function') out.set(path, { arity: value.length, text: callWithSamples(value as (...a: unknown[]) => unknown) });
  else if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) leaves(v, `${path}.${k}`, out);
  else out.set(path, value);
  return out;
}

const SAMPLES: unknown[] = [7, 'Zq', ['Zq', 'Wx']];
function callWithSamples(f: (...a: unknown[]) => unknown): string {
  for (const sample of SAMPLES) {
    try {
      return String(f(...Array.from({ length: Math.max(f.length, 1) }, () => sample)));
    } catch {
      // this argument kind does not fit; try the next
    }
  }
  return '(throws)';
}

describe('catalogues in four languages', () => {
  for (const [name, byLocale] of Object.entries(CATALOGUES)) {
    const english = leaves(byLocale.en, name, new Map());

    it(`${name}: every language has every English key, no extra one, the same arities`, () => {
      for (const locale of OTHERS) {
        const other = leaves(byLocale[locale], name, new Map());
        expect([...other.keys()].sort(), `${name} ${locale}`).toEqual([...english.keys()].sort());
        for (const [path, value] of english) {
          if (value && typeof value === 'object')
            expect((other.get(path) as { arity: number }).arity, `${path} ${locale}`).toBe((value as { arity: number }).arity);
        }
      }
    });

    it(`${name}: nothing is left in English`, () => {
      const untranslated: string[] = [];
      for (const locale of OTHERS) {
        const other = leaves(byLocale[locale], name, new Map());
        for (const [path, value] of english) {
          const mine = other.get(path);
          const text = (v: unknown) => (v && typeof v === 'object' ? (v as { text: string }).text : v);
          if (text(mine) === '' || text(mine) === '(throws)') untranslated.push(`${locale} ${path} is empty or throws`);
          if (text(mine) === text(value) && !SAME_AS_ENGLISH[path]?.includes(locale)) untranslated.push(`${locale} ${path} = ${JSON.stringify(text(value))}`);
        }
      }
      expect(untranslated).toEqual([]);
    });
  }

  it('uses the plural forms of each language (Intl.PluralRules)', () => {
    const overdue = (l: Locale) => [1, 2, 5, 11, 21, 22, 25, 101, 120].map((n) => LOCALES[l].messages.overdue(n));
    expect(overdue('ru')).toEqual([
      'просрочено на 1 день',
      'просрочено на 2 дня',
      'просрочено на 5 дней',
      'просрочено на 11 дней',
      'просрочено на 21 день',
      'просрочено на 22 дня',
      'просрочено на 25 дней',
      'просрочено на 101 день',
      'просрочено на 120 дней',
    ]);
    expect(overdue('uk')).toEqual([
      'прострочено на 1 день',
      'прострочено на 2 дні',
      'прострочено на 5 днів',
      'прострочено на 11 днів',
      'прострочено на 21 день',
      'прострочено на 22 дні',
      'прострочено на 25 днів',
      'прострочено на 101 день',
      'прострочено на 120 днів',
    ]);
    expect(overdue('ro')).toEqual([
      'întârziat cu 1 zi',
      'întârziat cu 2 zile',
      'întârziat cu 5 zile',
      'întârziat cu 11 zile',
      'întârziat cu 21 de zile',
      'întârziat cu 22 de zile',
      'întârziat cu 25 de zile',
      'întârziat cu 101 zile',
      'întârziat cu 120 de zile',
    ]);
    expect(adopt.uk.adopted(3)).toBe('Прийнято: 3 клієнти.');
    expect(mail.ro.send(20)).toBe('Trimite 20 de e-mailuri');
    expect(check.ru.checkedSummary(21, 3, 'сегодня')).toBe('Проверено 21 клиент сегодня: 3 проблемы.');
  });
});
