/**
 * The ClientBase menu in Russian, Ukrainian and Romanian, keyed by the server
 * function each item runs; an item with no translation here (one added later)
 * keeps its English caption. The menu's own title stays "ClientBase".
 */
import type { Lang } from './lang';

export const MENU_CAPTIONS: Record<Exclude<Lang, 'en'>, Record<string, string>> = {
  ru: {
    menuOpenSidebar: 'Открыть боковую панель',
    menuSetUp: 'Настроить',
    menuApplyFields: 'Применить поля',
    menuCheckData: 'Проверить данные',
    menuDashboard: 'Панель показателей',
    menuRefreshSegments: 'Обновить сегменты',
    menuSetStageForSelection: 'Задать стадию выделенным',
    menuFindDuplicates: 'Найти дубликаты',
    menuMergeDuplicates: 'Объединить решённые дубликаты',
    menuUndoMerge: 'Отменить последнее объединение',
    menuReassignManager: 'Передать клиентов менеджера',
    menuSnapshots: 'Снимки',
    menuMailMerge: 'Рассылка',
    menuDiagnostics: 'Диагностика',
  },
  uk: {
    menuOpenSidebar: 'Відкрити бічну панель',
    menuSetUp: 'Налаштувати',
    menuApplyFields: 'Застосувати поля',
    menuCheckData: 'Перевірити дані',
    menuDashboard: 'Панель показників',
    menuRefreshSegments: 'Оновити сегменти',
    menuSetStageForSelection: 'Задати етап виділеним',
    menuFindDuplicates: 'Знайти дублікати',
    menuMergeDuplicates: "Об'єднати вирішені дублікати",
    menuUndoMerge: "Скасувати останнє об'єднання",
    menuReassignManager: 'Передати клієнтів менеджера',
    menuSnapshots: 'Знімки',
    menuMailMerge: 'Розсилка',
    menuDiagnostics: 'Діагностика',
  },
  ro: {
    menuOpenSidebar: 'Deschide bara laterală',
    menuSetUp: 'Configurează',
    menuApplyFields: 'Aplică câmpurile',
    menuCheckData: 'Verifică datele',
    menuDashboard: 'Panou de bord',
    menuRefreshSegments: 'Reîmprospătează segmentele',
    menuSetStageForSelection: 'Setează etapa pentru selecție',
    menuFindDuplicates: 'Găsește dublurile',
    menuMergeDuplicates: 'Unifică dublurile decise',
    menuUndoMerge: 'Anulează ultima unificare',
    menuReassignManager: 'Mută clienții unui manager',
    menuSnapshots: 'Instantanee',
    menuMailMerge: 'Corespondență în masă',
    menuDiagnostics: 'Diagnosticare',
  },
};

/** An item's caption in `lang`, else the English one. */
export function menuCaption(functionName: string, english: string, lang: Lang): string {
  return lang === 'en' ? english : (MENU_CAPTIONS[lang][functionName] ?? english);
}
