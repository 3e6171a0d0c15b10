/**
 * The morning e-mail a manager asked for: overdue next steps, those due
 * today, and what the plan has for today (scheduled mailings, occasions), in
 * the team's language. Plain text, so nothing a client's row holds can become
 * markup or a link.
 */
import type { Lang } from './occasion';

export interface DigestStep {
  client: string;
  step: string;
  /** yyyy-MM-dd */
  date: string;
  overdueDays: number;
}

export interface DigestInput {
  manager: string;
  day: string;
  steps: DigestStep[];
  /** Today's planned mailings and greetings: "Spring offer (VIP) at 09:00". */
  planned: string[];
}

interface DigestWords {
  subject: (day: string, count: number) => string;
  hello: string;
  overdue: string;
  today: string;
  planned: string;
  nothing: string;
  daysLate: (n: number) => string;
  footer: string;
}

function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

export const DIGEST_WORDS: Record<Lang, DigestWords> = {
  en: {
    subject: (day, n) => `ClientBase: ${n} next step${n === 1 ? '' : 's'} for ${day}`,
    hello: 'Good morning. Your plan for today:',
    overdue: 'Overdue',
    today: 'Due today',
    planned: 'Planned for today',
    nothing: 'Nothing is due today.',
    daysLate: (n) => `${n} day${n === 1 ? '' : 's'} late`,
    footer: 'You get this e-mail because your address is in digestManagers in the Settings tab. Remove it there to stop.',
  },
  ru: {
    subject: (day, n) => `ClientBase: ${n} ${plural(n, 'шаг', 'шага', 'шагов')} на ${day}`,
    hello: 'Доброе утро. Ваш план на сегодня:',
    overdue: 'Просрочено',
    today: 'На сегодня',
    planned: 'Запланировано на сегодня',
    nothing: 'На сегодня ничего не запланировано.',
    daysLate: (n) => `опоздание ${n} ${plural(n, 'день', 'дня', 'дней')}`,
    footer: 'Это письмо приходит, потому что ваш адрес указан в digestManagers на вкладке Settings. Удалите его там, чтобы отписаться.',
  },
  uk: {
    subject: (day, n) => `ClientBase: ${n} ${plural(n, 'крок', 'кроки', 'кроків')} на ${day}`,
    hello: 'Доброго ранку. Ваш план на сьогодні:',
    overdue: 'Прострочено',
    today: 'На сьогодні',
    planned: 'Заплановано на сьогодні',
    nothing: 'На сьогодні нічого не заплановано.',
    daysLate: (n) => `запізнення ${n} ${plural(n, 'день', 'дні', 'днів')}`,
    footer: 'Цей лист надходить, бо ваша адреса вказана в digestManagers на вкладці Settings. Видаліть її там, щоб відписатися.',
  },
  ro: {
    subject: (day, n) => `ClientBase: ${n} ${n === 1 ? 'pas următor' : 'pași următori'} pentru ${day}`,
    hello: 'Bună dimineața. Planul dumneavoastră pentru azi:',
    overdue: 'Întârziate',
    today: 'De făcut azi',
    planned: 'Planificat pentru azi',
    nothing: 'Nimic de făcut azi.',
    daysLate: (n) => `${n} ${n === 1 ? 'zi' : 'zile'} întârziere`,
    footer: 'Primiți acest e-mail pentru că adresa dumneavoastră este în digestManagers, în fila Settings. Ștergeți-o de acolo pentru a opri.',
  },
};

/** One line a value: no line breaks from a cell, and long notes shortened. */
function line(text: string, max = 200): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function composeDigest(input: DigestInput, lang: Lang): { subject: string; body: string } {
  const w = DIGEST_WORDS[lang] ?? DIGEST_WORDS.en;
  const overdue = input.steps.filter((s) => s.overdueDays > 0);
  const today = input.steps.filter((s) => s.overdueDays <= 0);
  const lines: string[] = [w.hello, ''];
  if (overdue.length) {
    lines.push(`${w.overdue} (${overdue.length}):`);
    for (const s of overdue) lines.push(`- ${line(s.client, 80)}: ${line(s.step)} (${s.date}, ${w.daysLate(s.overdueDays)})`);
    lines.push('');
  }
  if (today.length) {
    lines.push(`${w.today} (${today.length}):`);
    for (const s of today) lines.push(`- ${line(s.client, 80)}: ${line(s.step)}`);
    lines.push('');
  }
  if (input.planned.length) {
    lines.push(`${w.planned}:`);
    for (const p of input.planned) lines.push(`- ${line(p)}`);
    lines.push('');
  }
  if (!input.steps.length && !input.planned.length) lines.push(w.nothing, '');
  lines.push('--', w.footer);
  return { subject: w.subject(input.day, input.steps.length), body: lines.join('\n') };
}
