/**
 * Check data's words in the four languages: the problem kinds and formatting
 * reasons (the sidebar's Check view shows the same ones), the report tab's
 * summary block, the Problem column and cell notes, and the menu's summary
 * alert. The core words its problems in English (they are also the CLI's and
 * the API's); a report written for a Russian base rewords them here.
 */
import type { ProblemKind } from '../validate/problem';
import { PROBLEM_LABELS } from '../validate/problem';
import type { Lang } from './lang';
import { english, romanian, slavic } from './plural';

/** The English formatting reasons of src/core/validate, the keys the other languages reword. */
export const FORMAT_REASONS = [
  'not in international format',
  'extra spaces or capital letters',
  'date written as text',
  'number written as text',
  'yes/no written as text',
  'spelled differently from the options in Fields',
  'extra spaces',
  'name not capitalised',
  'leading or trailing spaces',
] as const;

export const CHECK_KINDS: Record<Lang, Record<ProblemKind, string>> = {
  en: PROBLEM_LABELS,
  ru: {
    required: 'не заполнено обязательное поле',
    no_name: 'нет ни имени, ни компании',
    invalid_text: 'не текст',
    too_long: 'длиннее, чем вмещает ячейка',
    control_characters: 'управляющие символы',
    invalid_email: 'неверный email',
    invalid_phone: 'нечитаемый телефон',
    invalid_date: 'невозможная или нечитаемая дата',
    invalid_number: 'не число',
    not_an_option: 'значение не из списка',
    invalid_checkbox: 'не «да/нет»',
    invalid_url: 'неверная ссылка',
    invalid_person: 'не человек (имя или email)',
    duplicate: 'повтор в уникальном столбце',
    format: 'исправимое оформление',
  },
  uk: {
    required: "не заповнено обов'язкове поле",
    no_name: 'немає ні імені, ні компанії',
    invalid_text: 'не текст',
    too_long: 'довше, ніж вміщує клітинка',
    control_characters: 'керівні символи',
    invalid_email: 'неправильний email',
    invalid_phone: 'нечитабельний телефон',
    invalid_date: 'неможлива або нечитабельна дата',
    invalid_number: 'не число',
    not_an_option: 'значення не зі списку',
    invalid_checkbox: 'не «так/ні»',
    invalid_url: 'неправильне посилання',
    invalid_person: "не людина (ім'я або email)",
    duplicate: 'повтор в унікальному стовпці',
    format: 'виправне оформлення',
  },
  ro: {
    required: 'câmp obligatoriu necompletat',
    no_name: 'nici nume, nici companie',
    invalid_text: 'nu este text',
    too_long: 'mai lung decât încape într-o celulă',
    control_characters: 'caractere de control',
    invalid_email: 'e-mail greșit',
    invalid_phone: 'telefon ilizibil',
    invalid_date: 'dată imposibilă sau ilizibilă',
    invalid_number: 'nu este un număr',
    not_an_option: 'valoare din afara listei',
    invalid_checkbox: 'nu este da/nu',
    invalid_url: 'link greșit',
    invalid_person: 'nu este o persoană (nume sau e-mail)',
    duplicate: 'repetat într-o coloană unică',
    format: 'formatare de corectat',
  },
};

export const CHECK_REASONS: Record<Lang, Record<string, string>> = {
  en: Object.fromEntries(FORMAT_REASONS.map((r) => [r, r])),
  ru: {
    'not in international format': 'не в международном формате',
    'extra spaces or capital letters': 'лишние пробелы или заглавные буквы',
    'date written as text': 'дата записана текстом',
    'number written as text': 'число записано текстом',
    'yes/no written as text': 'да/нет записано текстом',
    'spelled differently from the options in Fields': 'написано не так, как в списке Fields',
    'extra spaces': 'лишние пробелы',
    'name not capitalised': 'имя не с заглавной буквы',
    'leading or trailing spaces': 'пробелы в начале или в конце',
  },
  uk: {
    'not in international format': 'не в міжнародному форматі',
    'extra spaces or capital letters': 'зайві пробіли або великі літери',
    'date written as text': 'дату записано текстом',
    'number written as text': 'число записано текстом',
    'yes/no written as text': 'так/ні записано текстом',
    'spelled differently from the options in Fields': 'написано не так, як у списку Fields',
    'extra spaces': 'зайві пробіли',
    'name not capitalised': "ім'я не з великої літери",
    'leading or trailing spaces': 'пробіли на початку або в кінці',
  },
  ro: {
    'not in international format': 'nu este în format internațional',
    'extra spaces or capital letters': 'spații sau majuscule în plus',
    'date written as text': 'dată scrisă ca text',
    'number written as text': 'număr scris ca text',
    'yes/no written as text': 'da/nu scris ca text',
    'spelled differently from the options in Fields': 'scris altfel decât opțiunile din Fields',
    'extra spaces': 'spații în plus',
    'name not capitalised': 'nume fără majusculă',
    'leading or trailing spaces': 'spații la început sau la sfârșit',
  },
};

/**
 * A problem as a reader of `lang` reads it in the report tab and the cell's
 * note. English keeps the core's detailed message; the others name the kind
 * (the detail is English prose) or, for formatting, the column and the reason.
 */
export function problemText(p: { kind: ProblemKind; problem: string }, lang: Lang): string {
  if (lang === 'en') return p.problem;
  if (p.kind === 'format') {
    const at = p.problem.lastIndexOf(': ');
    const reason = at >= 0 ? CHECK_REASONS[lang][p.problem.slice(at + 2)] : undefined;
    return reason ? `${p.problem.slice(0, at)}: ${reason}` : p.problem;
  }
  return CHECK_KINDS[lang][p.kind] ?? p.problem;
}

/** A fix group's label ("Phone: not in international format") in `lang`. */
export function fixGroupText(group: { kind: ProblemKind; label: string }, lang: Lang): string {
  if (lang === 'en') return group.label;
  const at = group.label.lastIndexOf(': ');
  if (at < 0) return group.label;
  const head = group.label.slice(0, at);
  const tail = group.label.slice(at + 2);
  const word = group.kind === 'format' ? CHECK_REASONS[lang][tail] : CHECK_KINDS[lang][group.kind];
  return word ? `${head}: ${word}` : group.label;
}

const clients = (lang: Lang, n: number): string =>
  lang === 'ru'
    ? slavic('ru', n, 'клиент', 'клиента', 'клиентов')
    : lang === 'uk'
      ? slavic('uk', n, 'клієнт', 'клієнти', 'клієнтів')
      : lang === 'ro'
        ? romanian(n, 'client', 'clienți', 'de clienți')
        : english(n, 'client', 'clients');

const problems = (lang: Lang, n: number): string =>
  lang === 'ru'
    ? slavic('ru', n, 'проблема', 'проблемы', 'проблем')
    : lang === 'uk'
      ? slavic('uk', n, 'проблема', 'проблеми', 'проблем')
      : lang === 'ro'
        ? romanian(n, 'problemă', 'probleme', 'de probleme')
        : english(n, 'problem', 'problems');

const WORDS = {
  en: {
    summary: 'Summary',
    count: 'Count',
    checkedAt: 'Checked at',
    rowsChecked: 'Rows checked',
    problems: 'Problems',
    listed: 'Listed in this tab',
    fixes: 'Suggested fixes',
    noProblems: (rows: number) => `Checked ${clients('en', rows)}: no problems found.`,
    found: (rows: number, total: number) => `Checked ${clients('en', rows)}: ${problems('en', total)}.`,
    fixable: (n: number) => `${n} can be fixed automatically; review and accept the fixes in the sidebar.`,
    listedIn: (tab: string) => `Each problem is listed in the "${tab}" tab and marked in the grid.`,
    firstOnly: (n: number) => `The tab lists the first ${n}; fix those and check again for the rest.`,
    notMarked: 'The cells could not be marked this time; the report tab is complete.',
  },
  ru: {
    summary: 'Итог',
    count: 'Количество',
    checkedAt: 'Проверено',
    rowsChecked: 'Проверено строк',
    problems: 'Проблем',
    listed: 'Показано на вкладке',
    fixes: 'Предлагаемые исправления',
    noProblems: (rows: number) => `Проверено: ${clients('ru', rows)}, проблем нет.`,
    found: (rows: number, total: number) => `Проверено: ${clients('ru', rows)}, найдено: ${problems('ru', total)}.`,
    fixable: (n: number) => `Исправить автоматически можно ${n}; просмотрите и примите исправления на боковой панели.`,
    listedIn: (tab: string) => `Каждая проблема перечислена на вкладке «${tab}» и отмечена в таблице.`,
    firstOnly: (n: number) => `На вкладке первые ${n}; исправьте их и проверьте снова, чтобы увидеть остальные.`,
    notMarked: 'Ячейки на этот раз отметить не удалось; вкладка с отчётом полная.',
  },
  uk: {
    summary: 'Підсумок',
    count: 'Кількість',
    checkedAt: 'Перевірено',
    rowsChecked: 'Перевірено рядків',
    problems: 'Проблем',
    listed: 'Показано на вкладці',
    fixes: 'Запропоновані виправлення',
    noProblems: (rows: number) => `Перевірено: ${clients('uk', rows)}, проблем немає.`,
    found: (rows: number, total: number) => `Перевірено: ${clients('uk', rows)}, знайдено: ${problems('uk', total)}.`,
    fixable: (n: number) => `Виправити автоматично можна ${n}; перегляньте й прийміть виправлення на бічній панелі.`,
    listedIn: (tab: string) => `Кожну проблему перелічено на вкладці «${tab}» і позначено в таблиці.`,
    firstOnly: (n: number) => `На вкладці перші ${n}; виправте їх і перевірте знову, щоб побачити решту.`,
    notMarked: 'Клітинки цього разу позначити не вдалося; вкладка зі звітом повна.',
  },
  ro: {
    summary: 'Rezumat',
    count: 'Număr',
    checkedAt: 'Verificat la',
    rowsChecked: 'Rânduri verificate',
    problems: 'Probleme',
    listed: 'Listate în această filă',
    fixes: 'Corecturi propuse',
    noProblems: (rows: number) => `Verificați: ${clients('ro', rows)}, nicio problemă.`,
    found: (rows: number, total: number) => `Verificați: ${clients('ro', rows)}, găsite: ${problems('ro', total)}.`,
    fixable: (n: number) => `${n} se pot corecta automat; revedeți și acceptați corecturile în bara laterală.`,
    listedIn: (tab: string) => `Fiecare problemă este listată în fila „${tab}” și marcată în tabel.`,
    firstOnly: (n: number) => `Fila listează primele ${n}; corectați-le și verificați din nou pentru restul.`,
    notMarked: 'Celulele nu au putut fi marcate de data aceasta; fila cu raportul este completă.',
  },
} satisfies Record<Lang, unknown>;

export type CheckWords = (typeof WORDS)['en'];

export function checkWords(lang: Lang): CheckWords {
  return WORDS[lang] ?? WORDS.en;
}

/** Every language's "Checked at", so a report written in any of them is read back. */
export const CHECKED_AT_LABELS: readonly string[] = Object.values(WORDS).map((w) => w.checkedAt);
