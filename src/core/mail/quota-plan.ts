/**
 * How a mailing spreads over days under MailApp's daily recipient quota,
 * stated honestly ("42 today, 58 tomorrow") before anything is sent.
 */
import type { MailLang } from './mail-lang';

export interface PlannedDay {
  /** yyyy-MM-dd in the spreadsheet's time zone. */
  day: string;
  count: number;
  /** 0 for today, 1 for tomorrow… */
  daysFromToday: number;
}

/** A plan longer than ten years is a mistake in the inputs, not a plan. */
export const MAX_PLAN_DAYS = 3660;

/**
 * `remainingToday` is what MailApp's getRemainingDailyQuota() reports;
 * `dailyQuota` what a fresh day allows. Counts are whole recipients; negative
 * or fractional inputs are floored to sensible values. Throws a RangeError
 * when `today` is not a yyyy-MM-dd date or the plan would exceed MAX_PLAN_DAYS.
 */
export function planSends(pending: number, remainingToday: number, dailyQuota: number, today: string): PlannedDay[] {
  const start = parseDay(today);
  if (start === undefined) throw new RangeError(`"${String(today)}" is not a date in the form yyyy-MM-dd.`);
  let left = wholeCount(pending);
  const perDay = wholeCount(dailyQuota);
  const plan: PlannedDay[] = [];
  const firstDay = Math.min(left, wholeCount(remainingToday));
  if (firstDay > 0) plan.push({ day: dayString(start), count: firstDay, daysFromToday: 0 });
  left -= firstDay;
  if (left === 0) return plan;
  if (perDay === 0) throw new RangeError('The daily quota is 0: nothing more can be sent on any day.');
  const days = Math.ceil(left / perDay);
  if (days > MAX_PLAN_DAYS) throw new RangeError(`Sending ${left} at ${perDay} a day would take ${days} days.`);
  for (let offset = 1; left > 0; offset++) {
    const count = Math.min(left, perDay);
    plan.push({ day: dayString(start + offset * DAY_MS), count, daysFromToday: offset });
    left -= count;
  }
  return plan;
}

type PlanLike = readonly { day: string; count: number; daysFromToday?: number }[];

/** "100 emails: 42 today, 58 tomorrow." — long plans are summarised, never truncated silently. */
export function describePlan(plan: PlanLike, lang: MailLang): string {
  const words = { en: EN, ru: RU, uk: UK, ro: RO }[lang] ?? EN;
  const days = plan.filter((d) => d.count > 0);
  const total = days.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) return words.nothing;
  const pieces: string[] = [];
  if (days.length <= 4) {
    for (const d of days) pieces.push(`${d.count} ${words.when(d)}`);
  } else {
    // First day, the run of full days, and the last day: the reader needs the span, not every date.
    const first = days[0];
    const last = days[days.length - 1];
    const middle = days.slice(1, -1);
    pieces.push(`${first.count} ${words.when(first)}`);
    pieces.push(words.run(middle[0].count, middle.length, words.when(middle[0]), words.when(middle[middle.length - 1])));
    pieces.push(`${last.count} ${words.when(last)}`);
  }
  return `${words.total(total)}: ${pieces.join(', ')}.`;
}

interface Words {
  nothing: string;
  total: (n: number) => string;
  when: (d: { day: string; daysFromToday?: number }) => string;
  run: (perDay: number, days: number, from: string, to: string) => string;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

const EN: Words = {
  nothing: 'Nothing to send.',
  total: (n) => `${n} ${n === 1 ? 'email' : 'emails'}`,
  when: (d) => (d.daysFromToday === 0 ? 'today' : d.daysFromToday === 1 ? 'tomorrow' : `on ${calendar(d.day, (m, day) => `${MONTHS_EN[m]} ${day}`)}`),
  run: (perDay, days, from, to) => `then ${perDay} a day for ${days} days (${from} to ${to.replace(/^on /, '')})`,
};

const RU: Words = {
  nothing: 'Отправлять нечего.',
  total: (n) => `${n} ${ruPlural(n, 'письмо', 'письма', 'писем')}`,
  when: (d) => (d.daysFromToday === 0 ? 'сегодня' : d.daysFromToday === 1 ? 'завтра' : calendar(d.day, (m, day) => `${day} ${MONTHS_RU[m]}`)),
  run: (perDay, days, from, to) => `затем ${days} ${ruPlural(days, 'день', 'дня', 'дней')} по ${perDay} в день (${from} — ${to})`,
};

const MONTHS_UK = ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'];
const MONTHS_RO = ['ian.', 'feb.', 'mar.', 'apr.', 'mai', 'iun.', 'iul.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.'];

const UK: Words = {
  nothing: 'Нічого надсилати.',
  total: (n) => `${n} ${ruPlural(n, 'лист', 'листи', 'листів')}`,
  when: (d) => (d.daysFromToday === 0 ? 'сьогодні' : d.daysFromToday === 1 ? 'завтра' : calendar(d.day, (m, day) => `${day} ${MONTHS_UK[m]}`)),
  run: (perDay, days, from, to) => `далі ${days} ${ruPlural(days, 'день', 'дні', 'днів')} по ${perDay} на день (${from} — ${to})`,
};

const RO: Words = {
  nothing: 'Nimic de trimis.',
  total: (n) => `${n} ${n === 1 ? 'mesaj' : 'mesaje'}`,
  when: (d) => (d.daysFromToday === 0 ? 'azi' : d.daysFromToday === 1 ? 'mâine' : `pe ${calendar(d.day, (m, day) => `${day} ${MONTHS_RO[m]}`)}`),
  run: (perDay, days, from, to) => `apoi ${perDay} pe zi timp de ${days} zile (${from} – ${to.replace(/^pe /, '')})`,
};

function calendar(day: string, format: (monthIndex: number, dayOfMonth: number) => string): string {
  const ms = parseDay(day);
  if (ms === undefined) return day;
  const date = new Date(ms);
  return format(date.getUTCMonth(), date.getUTCDate());
}

export function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const DAY_MS = 86_400_000;

function parseDay(day: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof day === 'string' ? day : '');
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return undefined;
  return ms;
}

function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function wholeCount(n: number): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
