/**
 * Dialog and toast texts of menu items, in the user's language (the menu's
 * captions are in menu-words.ts). Field names, stage options and tab names are
 * the base's own words and are shown as they are.
 */
import type { Lang } from './lang';
import { english, romanian, slavic } from './plural';

const selected = (lang: Lang, n: number): string =>
  lang === 'ru'
    ? slavic('ru', n, 'выбранного клиента', 'выбранных клиентов', 'выбранных клиентов')
    : lang === 'uk'
      ? slavic('uk', n, 'вибраного клієнта', 'вибраних клієнтів', 'вибраних клієнтів')
      : lang === 'ro'
        ? romanian(n, 'client selectat', 'clienți selectați', 'de clienți selectați')
        : english(n, 'selected client', 'selected clients');

const WORDS = {
  en: {
    stageTitle: 'Set stage for selection',
    stagePrompt: (field: string, n: number, tab: string) => `New ${field} for ${selected('en', n)} (${tab}).`,
    typeOneOf: 'Type one of:',
    stageCancelled: 'Set stage: cancelled, nothing changed.',
    selectFirst: 'Select the rows of the clients to move first (in Clients or a segment tab), then run Set stage for selection again.',
    adopted: (n: number) => `Adopted ${english(n, 'client', 'clients')}. Run ClientBase ▸ Check data to see what needs fixing.`,
  },
  ru: {
    stageTitle: 'Этап для выбранных',
    stagePrompt: (field: string, n: number, tab: string) => `Новое значение «${field}» для ${selected('ru', n)} (${tab}).`,
    typeOneOf: 'Введите одно из:',
    stageCancelled: 'Этап: отменено, ничего не изменилось.',
    selectFirst: 'Сначала выделите строки клиентов (в «Клиентах» или на вкладке сегмента), затем снова выберите «Этап для выбранных».',
    adopted: (n: number) =>
      `Подключено: ${slavic('ru', n, 'клиент', 'клиента', 'клиентов')}. Запустите ClientBase ▸ Проверка данных, чтобы увидеть, что исправить.`,
  },
  uk: {
    stageTitle: 'Етап для вибраних',
    stagePrompt: (field: string, n: number, tab: string) => `Нове значення «${field}» для ${selected('uk', n)} (${tab}).`,
    typeOneOf: 'Введіть одне з:',
    stageCancelled: 'Етап: скасовано, нічого не змінилося.',
    selectFirst: 'Спочатку виділіть рядки клієнтів (у «Клієнтах» або на вкладці сегмента), потім знову виберіть «Етап для вибраних».',
    adopted: (n: number) =>
      `Підключено: ${slavic('uk', n, 'клієнт', 'клієнти', 'клієнтів')}. Запустіть ClientBase ▸ Перевірка даних, щоб побачити, що виправити.`,
  },
  ro: {
    stageTitle: 'Etapă pentru selecție',
    stagePrompt: (field: string, n: number, tab: string) => `${field} nou pentru ${selected('ro', n)} (${tab}).`,
    typeOneOf: 'Scrieți una dintre:',
    stageCancelled: 'Etapă: anulat, nu s-a schimbat nimic.',
    selectFirst: 'Selectați mai întâi rândurile clienților (în Clienți sau într-o filă de segment), apoi rulați din nou Etapă pentru selecție.',
    adopted: (n: number) =>
      `Preluați: ${romanian(n, 'client', 'clienți', 'de clienți')}. Rulați ClientBase ▸ Verificare date pentru a vedea ce trebuie corectat.`,
  },
} satisfies Record<Lang, unknown>;

export type MenuDialogWords = (typeof WORDS)['en'];

export function menuDialogWords(lang: Lang): MenuDialogWords {
  return WORDS[lang] ?? WORDS.en;
}
