/** Strings of reviewing a fix group one fix at a time, in the sidebar's four languages. */
import type { Locale } from '../../i18n/locale';

const en = {
  review: (n: number) => (n === 1 ? 'Review the fix' : `Review each of the ${n} fixes`),
  fixLine: (row: number, column: string, value: string, fix: string) => `Row ${row}, ${column}: ${value} → ${fix}`,
  partial: (shown: number, total: number) => `The first ${shown} of ${total} are listed here; the Check data tab has them all.`,
  leftOut: (n: number) => `${n} left out`,
};
export type ReviewMessages = typeof en;

const ru: ReviewMessages = {
  review: (n) => `Просмотреть каждое из исправлений (${n})`,
  fixLine: (row, column, value, fix) => `Строка ${row}, ${column}: ${value} → ${fix}`,
  partial: (shown, total) => `Здесь первые ${shown} из ${total}; все — на вкладке Check data.`,
  leftOut: (n) => `исключено: ${n}`,
};

const uk: ReviewMessages = {
  review: (n) => `Переглянути кожне з виправлень (${n})`,
  fixLine: (row, column, value, fix) => `Рядок ${row}, ${column}: ${value} → ${fix}`,
  partial: (shown, total) => `Тут перші ${shown} з ${total}; усі — на вкладці Check data.`,
  leftOut: (n) => `виключено: ${n}`,
};

const ro: ReviewMessages = {
  review: (n) => (n === 1 ? 'Verificați corectura' : `Verificați fiecare dintre cele ${n} corecturi`),
  fixLine: (row, column, value, fix) => `Rândul ${row}, ${column}: ${value} → ${fix}`,
  partial: (shown, total) => `Aici sunt primele ${shown} din ${total}; toate sunt în fila Check data.`,
  leftOut: (n) => `${n} excluse`,
};

const MESSAGES: Record<'en' | 'ru' | 'uk' | 'ro', ReviewMessages> = { en, ru, uk, ro };

export function reviewMessages(locale: Locale): ReviewMessages {
  return MESSAGES[locale as string as keyof typeof MESSAGES] ?? en;
}
