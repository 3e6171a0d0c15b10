/**
 * Snapshot reasons (the Snapshots tab and the sidebar's list read them) in the
 * base's language. The code writes English sentences with values in them
 * (writeGuarded's callers); nothing reads a reason back, so it is turned into
 * the base's language once, when the row is appended. A sentence not listed
 * here is kept in English rather than half translated.
 */
import type { Lang } from './lang';
import { romanian, slavic } from './plural';

type Say = (m: string[], lang: Exclude<Lang, 'en'>) => string;

const clients = (n: string, lang: Exclude<Lang, 'en'>): string => {
  const count = Number(n);
  if (lang === 'ro') return romanian(count, 'client', 'clienți', 'de clienți');
  return lang === 'ru' ? slavic('ru', count, 'клиента', 'клиентов', 'клиентов') : slavic('uk', count, 'клієнта', 'клієнтів', 'клієнтів');
};
const groups = (n: string, lang: Exclude<Lang, 'en'>): string => {
  const count = Number(n);
  if (lang === 'ro') return romanian(count, 'grup de dubluri', 'grupuri de dubluri', 'de grupuri de dubluri');
  return lang === 'ru'
    ? slavic('ru', count, 'группы дубликатов', 'групп дубликатов', 'групп дубликатов')
    : slavic('uk', count, 'групи дублікатів', 'груп дублікатів', 'груп дублікатів');
};
const pick = (lang: Exclude<Lang, 'en'>, ru: string, uk: string, ro: string): string => (lang === 'ru' ? ru : lang === 'uk' ? uk : ro);

const REASONS: [RegExp, Say][] = [
  [
    /^before restoring deleted client (.+)$/s,
    ([id], l) =>
      pick(l, `перед возвратом удалённого клиента ${id}`, `перед поверненням видаленого клієнта ${id}`, `înainte de readucerea clientului șters ${id}`),
  ],
  [
    /^before undoing bulk action (.+)$/s,
    ([id], l) => pick(l, `перед отменой массового действия ${id}`, `перед скасуванням масової дії ${id}`, `înainte de anularea acțiunii în masă ${id}`),
  ],
  [
    /^before setting the stage (.+) for (\d+) clients$/s,
    ([stage, n], l) =>
      pick(
        l,
        `перед установкой этапа ${stage} для ${clients(n, l)}`,
        `перед встановленням етапу ${stage} для ${clients(n, l)}`,
        `înainte de stabilirea etapei ${stage} pentru ${clients(n, l)}`,
      ),
  ],
  [
    /^before editing fields in the sidebar$/,
    (_, l) => pick(l, 'перед изменением полей в боковой панели', 'перед зміною полів у бічній панелі', 'înainte de modificarea câmpurilor în panoul lateral'),
  ],
  [
    /^before deleting client (.+)$/s,
    ([id], l) => pick(l, `перед удалением клиента ${id}`, `перед видаленням клієнта ${id}`, `înainte de ștergerea clientului ${id}`),
  ],
  [/^before restoring (.+)$/s, ([id], l) => pick(l, `перед восстановлением ${id}`, `перед відновленням ${id}`, `înainte de restaurarea ${id}`)],
  [
    /^before saving client (.+)$/s,
    ([id], l) => pick(l, `перед сохранением клиента ${id}`, `перед збереженням клієнта ${id}`, `înainte de salvarea clientului ${id}`),
  ],
  [
    /^before adopting the existing list$/,
    (_, l) => pick(l, 'перед подключением существующего списка', 'перед підключенням наявного списку', 'înainte de preluarea listei existente'),
  ],
  [
    /^before merging (\d+) duplicate groups$/,
    ([n], l) => pick(l, `перед объединением ${groups(n, l)}`, `перед об'єднанням ${groups(n, l)}`, `înainte de unirea a ${groups(n, l)}`),
  ],
  [
    /^before merging duplicate group (.+)$/s,
    ([g], l) => pick(l, `перед объединением группы дубликатов ${g}`, `перед об'єднанням групи дублікатів ${g}`, `înainte de unirea grupului de dubluri ${g}`),
  ],
  [
    /^before undoing merge (.+)$/s,
    ([id], l) => pick(l, `перед отменой объединения ${id}`, `перед скасуванням об'єднання ${id}`, `înainte de anularea unirii ${id}`),
  ],
  [
    /^before reassigning (.+) to (.+)$/s,
    ([from, to], l) =>
      pick(l, `перед передачей клиентов ${from} → ${to}`, `перед передачею клієнтів ${from} → ${to}`, `înainte de transferul clienților ${from} → ${to}`),
  ],
];

/** One reason in `lang`; an unknown sentence stays as written. */
export function localSnapshotReason(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  for (const [pattern, say] of REASONS) {
    const m = pattern.exec(reason);
    if (m) return say(m.slice(1), lang);
  }
  return reason;
}

/** Snapshots rows (Snapshot ID, Time, User, Reason, …) with the reason in `lang`. */
export function localSnapshotRows(rows: readonly unknown[][], lang: Lang): unknown[][] {
  if (lang === 'en') return rows as unknown[][];
  return rows.map((r) => (typeof r[3] === 'string' ? [...r.slice(0, 3), localSnapshotReason(r[3], lang), ...r.slice(4)] : r));
}
