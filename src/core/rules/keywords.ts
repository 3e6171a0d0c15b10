/**
 * The rule language's words in Russian, Ukrainian and Romanian, each mapped to
 * the English keyword the parser knows, so a team writes rules in its own
 * language (`Город = "Москва" и Потрачено за 30 дней > 500`,
 * `Oraș = "Chișinău" și Etapa = "Hot"`). Words are compared lower-cased, with
 * ş/ţ (cedilla) read as ș/ț (comma), as Romanian keyboards type either.
 */
import type { PeriodUnit } from './ast';

const SYNONYMS: Record<string, readonly string[]> = {
  and: ['и', 'та', 'і', 'й', 'și'],
  or: ['или', 'либо', 'або', 'чи', 'sau'],
  not: ['не', 'nu'],
  contains: ['содержит', 'містить', 'conține', 'contine'],
  starts: ['начинается', 'починається', 'începe', 'incepe'],
  with: ['с', 'со', 'з', 'із', 'cu'],
  in: ['в', 'во', 'у', 'în'],
  is: ['este', 'є'],
  empty: ['пусто', 'пустое', 'пустой', 'пуста', 'пуст', 'порожнє', 'порожній', 'порожня', 'порожньо', 'gol', 'goală', 'goala', 'necompletat', 'vid'],
  filled: ['заполнено', 'заполнен', 'заполнена', 'заповнено', 'заповнений', 'заповнена', 'completat', 'completată'],
  within: ['за', 'протягом'],
  the: ['течение'],
  last: ['последние', 'последних', 'останні', 'останніх', 'ultimele', 'ultimii', 'ultima'],
  next: ['ближайшие', 'ближайших', 'следующие', 'следующих', 'найближчі', 'найближчих', 'наступні', 'наступних', 'următoarele', 'urmatoarele', 'următorii'],
  more: ['более', 'больше', 'понад', 'більше', 'mai'],
  than: ['чем', 'ніж', 'de'],
  ago: ['назад', 'тому'],
  before: ['до', 'înainte', 'inainte'],
  after: ['после', 'після', 'după', 'dupa'],
};

/** Words that may stand between `more` and the period: "mai vechi de 90 de zile", "mai mult de". */
export const MORE_FILLERS = new Set(['vechi', 'mult']);

const UNIT_WORDS: Record<PeriodUnit, readonly string[]> = {
  day: ['day', 'days', 'день', 'дня', 'дней', 'дн', 'днів', 'дні', 'доби', 'zi', 'zile', 'zii'],
  week: ['week', 'weeks', 'неделя', 'недели', 'недель', 'неделю', 'нед', 'тиждень', 'тижні', 'тижнів', 'săptămână', 'săptămâni', 'saptamana', 'saptamani'],
  month: ['month', 'months', 'месяц', 'месяца', 'месяцев', 'мес', 'місяць', 'місяці', 'місяців', 'lună', 'luna', 'luni'],
  year: ['year', 'years', 'год', 'года', 'лет', 'рік', 'роки', 'років', 'an', 'ani'],
};

const BOOLEAN_WORDS: Record<'true' | 'false', readonly string[]> = {
  true: ['true', 'истина', 'да', 'істина', 'так', 'adevărat', 'adevarat', 'da'],
  false: ['false', 'ложь', 'нет', 'хибність', 'ні', 'fals', 'nu'],
};

const fold = (word: string): string => word.toLowerCase().replace(/ş/g, 'ș').replace(/ţ/g, 'ț');

const invert = <K extends string>(table: Record<K, readonly string[]>): Map<string, K> =>
  new Map((Object.entries(table) as [K, string[]][]).flatMap(([key, words]) => words.map((w) => [fold(w), key] as const)));

const KEYWORD = invert(SYNONYMS);
const UNIT = invert(UNIT_WORDS);
const BOOLEAN = invert(BOOLEAN_WORDS);

/** The English keyword a word stands for, or the word itself lower-cased. */
export function keywordOf(word: string): string {
  const folded = fold(word);
  return KEYWORD.get(folded) ?? folded;
}

export function periodUnitOf(word: string): PeriodUnit | undefined {
  return UNIT.get(fold(word));
}

export function booleanOf(word: string): boolean | undefined {
  const value = BOOLEAN.get(fold(word));
  return value === undefined ? undefined : value === 'true';
}

/** True when the word is an English keyword as written (English keeps its stricter grammar: "more than … ago"). */
export function isEnglishWord(word: string): boolean {
  return !KEYWORD.has(fold(word));
}

/** Measures by their names in each language (normalised: lower case, single spaces). */
type NamedMeasure = 'lastPurchase' | 'purchases' | 'spent' | 'dealsTotal' | 'dealsSigned' | 'deals' | 'openDeals' | 'lastDeal';
const MEASURE_NAMES: Record<NamedMeasure, readonly string[]> = {
  lastPurchase: [
    'last purchase',
    'последняя покупка',
    'дата последней покупки',
    'остання покупка',
    'дата останньої покупки',
    'ultima achiziție',
    'ultima achizitie',
    'ultima cumpărătură',
  ],
  purchases: ['purchases', 'покупки', 'количество покупок', 'кількість покупок', 'achiziții', 'achizitii', 'cumpărături'],
  spent: ['spent', 'потрачено', 'сумма покупок', 'витрачено', 'сума покупок', 'cheltuit', 'cheltuieli'],
  dealsTotal: ['deals total', 'deal total', 'total deals', 'сумма сделок', 'сума угод', 'total contracte', 'suma contractelor', 'valoare contracte'],
  dealsSigned: [
    'deals signed total',
    'signed deals total',
    'сумма подписанных сделок',
    'сума підписаних угод',
    'total contracte semnate',
    'suma contractelor semnate',
  ],
  deals: [
    'deals',
    'deals count',
    'number of deals',
    'сделки',
    'сделок',
    'количество сделок',
    'угоди',
    'кількість угод',
    'contracte',
    'număr contracte',
    'numar contracte',
  ],
  openDeals: ['open deals', 'открытые сделки', 'открытых сделок', 'відкриті угоди', 'відкритих угод', 'contracte deschise'],
  lastDeal: [
    'last deal date',
    'last deal',
    'дата последней сделки',
    'последняя сделка',
    'дата останньої угоди',
    'остання угода',
    'data ultimului contract',
    'ultimul contract',
  ],
};
const MEASURE = invert(MEASURE_NAMES);

export function measureOf(normalizedName: string): NamedMeasure | undefined {
  return MEASURE.get(fold(normalizedName));
}

/** "Spent 30d", "Потрачено за 30 дней", "Витрачено за 30 днів", "Cheltuit în 30 de zile": the number of days, or undefined. */
export function spentWindowOf(normalizedName: string): number | undefined {
  const m = /^(?:spent|потрачено|витрачено|cheltuit)(?: (?:за|в|у|în|in|pe))? ([0-9]{1,6}) ?(?:d|д|дн|дней|дня|день|днів|дні|zile|de zile|z|days)$/.exec(
    fold(normalizedName),
  );
  return m ? Number(m[1]) : undefined;
}
