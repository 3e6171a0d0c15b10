/**
 * The ClientBase menu in Russian, Ukrainian and Romanian, keyed by the English
 * caption: two items may run the same server function (both bulk prompts open
 * the Bulk actions panel) and still need their own captions. An item with no
 * translation here keeps its English caption. The menu's own title stays "ClientBase".
 */
import type { Lang } from './lang';

export const MENU_CAPTIONS: Record<Exclude<Lang, 'en'>, Record<string, string>> = {
  ru: {
    'Open sidebar': 'Открыть боковую панель',
    'Set up': 'Настроить',
    'Edit fields': 'Редактировать поля',
    'Apply fields': 'Применить поля',
    'Check data': 'Проверить данные',
    Dashboard: 'Панель показателей',
    'Pipeline board': 'Доска воронки',
    'Refresh segments': 'Обновить сегменты',
    'Set stage for selection': 'Задать стадию выделенным',
    'Link people to companies': 'Связать людей с компаниями',
    'Find duplicates': 'Найти дубликаты',
    'Review duplicates': 'Просмотреть дубликаты',
    'Merge decided duplicates': 'Объединить решённые дубликаты',
    'Undo last merge': 'Отменить последнее объединение',
    'Reassign clients of a manager': 'Передать клиентов менеджера',
    Snapshots: 'Снимки',
    'Mail merge': 'Рассылка',
    Plan: 'План контактов',
    'Plan calendar': 'Календарь контактов',
    Diagnostics: 'Диагностика',
  },
  uk: {
    'Open sidebar': 'Відкрити бічну панель',
    'Set up': 'Налаштувати',
    'Edit fields': 'Редагувати поля',
    'Apply fields': 'Застосувати поля',
    'Check data': 'Перевірити дані',
    Dashboard: 'Панель показників',
    'Pipeline board': 'Дошка воронки',
    'Refresh segments': 'Оновити сегменти',
    'Set stage for selection': 'Задати етап виділеним',
    'Link people to companies': 'Пов’язати людей з компаніями',
    'Find duplicates': 'Знайти дублікати',
    'Review duplicates': 'Переглянути дублікати',
    'Merge decided duplicates': "Об'єднати вирішені дублікати",
    'Undo last merge': "Скасувати останнє об'єднання",
    'Reassign clients of a manager': 'Передати клієнтів менеджера',
    Snapshots: 'Знімки',
    'Mail merge': 'Розсилка',
    Plan: 'План контактів',
    'Plan calendar': 'Календар контактів',
    Diagnostics: 'Діагностика',
  },
  ro: {
    'Open sidebar': 'Deschide bara laterală',
    'Set up': 'Configurează',
    'Edit fields': 'Editează câmpurile',
    'Apply fields': 'Aplică câmpurile',
    'Check data': 'Verifică datele',
    Dashboard: 'Panou de bord',
    'Pipeline board': 'Tabla etapelor de vânzare',
    'Refresh segments': 'Reîmprospătează segmentele',
    'Set stage for selection': 'Setează etapa pentru selecție',
    'Link people to companies': 'Leagă persoanele de companii',
    'Find duplicates': 'Găsește dublurile',
    'Review duplicates': 'Examinează dublurile',
    'Merge decided duplicates': 'Unifică dublurile decise',
    'Undo last merge': 'Anulează ultima unificare',
    'Reassign clients of a manager': 'Mută clienții unui manager',
    Snapshots: 'Instantanee',
    'Mail merge': 'Corespondență în masă',
    Plan: 'Planul contactelor',
    'Plan calendar': 'Calendarul contactelor',
    Diagnostics: 'Diagnosticare',
  },
};

/** An item's caption in `lang`, else the English one. */
export function menuCaption(english: string, lang: Lang): string {
  return lang === 'en' ? english : (MENU_CAPTIONS[lang][english] ?? english);
}
