/**
 * The plan as a month and a week calendar in one self-contained HTML page
 * (shown by HtmlService in a modal dialog). Every value is escaped text; the
 * only script toggles the view and the VIP filter, and holds no data.
 */
import { escapeHtml } from '../mail/render';
import type { Lang } from './occasion';
import { addDays, weekdayOf, type PlanItem } from './plan-item';

interface CalendarWords {
  title: string;
  month: string;
  week: string;
  vipOnly: string;
  empty: string;
  days: string[];
  kinds: Record<PlanItem['kind'], string>;
  overdue: string;
}

export const CALENDAR_WORDS: Record<Lang, CalendarWords> = {
  en: {
    title: 'Plan',
    month: 'Month',
    week: 'Week',
    vipOnly: 'VIP only',
    empty: 'Nothing planned.',
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    kinds: { step: 'Next step', mailing: 'Mailing', occasion: 'Campaign', greeting: 'Greeting' },
    overdue: 'overdue',
  },
  ru: {
    title: 'План',
    month: 'Месяц',
    week: 'Неделя',
    vipOnly: 'Только VIP',
    empty: 'Ничего не запланировано.',
    days: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
    kinds: { step: 'Следующий шаг', mailing: 'Рассылка', occasion: 'Кампания', greeting: 'Поздравление' },
    overdue: 'просрочено',
  },
  uk: {
    title: 'План',
    month: 'Місяць',
    week: 'Тиждень',
    vipOnly: 'Лише VIP',
    empty: 'Нічого не заплановано.',
    days: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Нд'],
    kinds: { step: 'Наступний крок', mailing: 'Розсилка', occasion: 'Кампанія', greeting: 'Привітання' },
    overdue: 'прострочено',
  },
  ro: {
    title: 'Plan',
    month: 'Lună',
    week: 'Săptămână',
    vipOnly: 'Doar VIP',
    empty: 'Nimic planificat.',
    days: ['Lun', 'Mar', 'Mie', 'Joi', 'Vin', 'Sâm', 'Dum'],
    kinds: { step: 'Pas următor', mailing: 'Campanie e-mail', occasion: 'Campanie', greeting: 'Felicitare' },
    overdue: 'întârziat',
  },
};

function itemHtml(i: PlanItem, w: CalendarWords): string {
  const cls = `item ${i.kind}${i.vip ? ' vip' : ''}${i.overdue ? ' overdue' : ''}`;
  const who = [i.client, i.manager].filter(Boolean).join(' · ');
  const label = `${i.time ? `${i.time} ` : ''}${w.kinds[i.kind]}: ${i.title}`;
  return `<li class="${cls}" title="${escapeHtml(who)}">${escapeHtml(label.slice(0, 160))}${i.overdue ? ` <em>(${w.overdue})</em>` : ''}${who ? `<br><small>${escapeHtml(who.slice(0, 120))}</small>` : ''}</li>`;
}

function dayCell(day: string, items: readonly PlanItem[], today: string, w: CalendarWords, inMonth = true): string {
  const list = items.filter((i) => i.date === day || (i.overdue && day === today));
  const cls = `day${day === today ? ' today' : ''}${inMonth ? '' : ' other'}`;
  return `<td class="${cls}"><div class="num">${Number(day.slice(8))}</div><ul>${list.map((i) => itemHtml(i, w)).join('')}</ul></td>`;
}

export function calendarHtml(items: readonly PlanItem[], today: string, lang: Lang): string {
  const w = CALENDAR_WORDS[lang] ?? CALENDAR_WORDS.en;
  const first = `${today.slice(0, 8)}01`;
  const gridStart = addDays(first, -weekdayOf(first));
  const monthRows: string[] = [];
  for (let week = 0; week < 6; week++) {
    const days = Array.from({ length: 7 }, (_, d) => addDays(gridStart, week * 7 + d));
    if (week > 3 && days[0].slice(0, 7) !== today.slice(0, 7)) break;
    monthRows.push(`<tr>${days.map((d) => dayCell(d, items, today, w, d.slice(0, 7) === today.slice(0, 7))).join('')}</tr>`);
  }
  const weekStart = addDays(today, -weekdayOf(today));
  const weekRow = `<tr>${Array.from({ length: 7 }, (_, d) => dayCell(addDays(weekStart, d), items, today, w)).join('')}</tr>`;
  const head = `<tr>${w.days.map((d) => `<th>${escapeHtml(d)}</th>`).join('')}</tr>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{font:13px Arial,sans-serif;margin:8px}table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border:1px solid #ddd;vertical-align:top;padding:2px}td{height:80px}.other{background:#fafafa;color:#999}
.today{background:#e8f0fe}.num{font-weight:bold}ul{list-style:none;margin:0;padding:0}li{margin:2px 0;padding:1px 3px;border-radius:3px;background:#f1f3f4;overflow-wrap:anywhere}
li.mailing{background:#e6f4ea}li.occasion,li.greeting{background:#fef7e0}li.overdue{background:#fce8e6}li.vip{border-left:3px solid #b06000}
body.vip-only li:not(.vip){display:none}#week{display:none}body.show-week #week{display:table}body.show-week #month{display:none}
</style></head><body>
<h2>${escapeHtml(w.title)} · ${escapeHtml(today.slice(0, 7))}</h2>
<p><button type="button" id="cb-month" onclick="document.body.classList.remove('show-week')">${escapeHtml(w.month)}</button>
<button type="button" id="cb-week" onclick="document.body.classList.add('show-week')">${escapeHtml(w.week)}</button>
<label><input type="checkbox" id="cb-vip" onchange="document.body.classList.toggle('vip-only',this.checked)"> ${escapeHtml(w.vipOnly)}</label></p>
${items.length === 0 ? `<p>${escapeHtml(w.empty)}</p>` : ''}
<table id="month">${head}${monthRows.join('')}</table>
<table id="week">${head}${weekRow}</table>
</body></html>`;
}
