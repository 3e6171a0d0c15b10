/**
 * The mail pre-flight's warnings and the quota assumption in the four
 * languages, plurals by Intl.PluralRules. Only Russian had its own words;
 * Ukrainian and Romanian senders read English.
 */
import type { MailLang } from './mail-lang';
import type { ContactPause } from '../plan/contact-pause';
import { english, romanian, slavic } from '../i18n/plural';

/** " 42 more can go today; then 100 a day (the consumer Google account limit)." */
export function quotaAssumption(remaining: number, dailyQuota: number, consumer: boolean, lang: MailLang): string {
  switch (lang) {
    case 'ru':
      return ` Сегодня можно ещё ${remaining}; дальше по ${dailyQuota} в день (лимит ${consumer ? 'обычного аккаунта Google' : 'Google Workspace'}).`;
    case 'uk':
      return ` Сьогодні можна ще ${remaining}; далі по ${dailyQuota} на день (ліміт ${consumer ? 'звичайного облікового запису Google' : 'Google Workspace'}).`;
    case 'ro':
      return ` Azi se mai pot trimite ${remaining}; apoi câte ${dailyQuota} pe zi (limita ${consumer ? 'unui cont Google obișnuit' : 'Google Workspace'}).`;
    default:
      return ` ${remaining} more can go today; then ${dailyQuota} a day (the ${consumer ? 'consumer Google account' : 'Google Workspace'} limit).`;
  }
}

/** "3 recipients already received this template on 2026-12-01: they are skipped." */
export function receivedWords(n: number, on: string, sendAgain: boolean, lang: MailLang): string {
  switch (lang) {
    case 'ru': {
      const lead = `${slavic('ru', n, 'получатель уже получил', 'получателя уже получили', 'получателей уже получили')} это письмо ${on}`;
      return sendAgain
        ? `${lead} в этой же рассылке: повторно не отправляется.`
        : `${lead}: они пропущены. Чтобы отправить им снова, отметьте «Отправить снова тем, кто уже получил».`;
    }
    case 'uk': {
      const lead = `${slavic('uk', n, 'одержувач уже отримав', 'одержувачі вже отримали', 'одержувачів уже отримали')} цей лист ${on}`;
      return sendAgain
        ? `${lead} у цій самій розсилці: повторно не надсилається.`
        : `${lead}: їх пропущено. Щоб надіслати їм знову, позначте «Надіслати знову тим, хто вже отримав».`;
    }
    case 'ro': {
      const lead = `${romanian(n, 'destinatar a primit', 'destinatari au primit', 'de destinatari au primit')} deja acest mesaj pe ${on}`;
      return sendAgain
        ? `${lead} în aceeași corespondență: nu se trimite de două ori.`
        : `${lead}: sunt omiși. Ca să le trimiteți din nou, bifați „Trimite din nou celor care l-au primit deja”.`;
    }
    default: {
      const lead = `${english(n, 'recipient', 'recipients')} already received this template on ${on}`;
      return sendAgain
        ? `${lead} in this same mailing: never sent twice.`
        : `${lead}: they are skipped. To mail them anyway, tick "Send again to those who already received it".`;
    }
  }
}

/** "2 recipients were contacted in the last 3 days: they are left out." */
export function recentWords(n: number, pause: ContactPause, lang: MailLang): string {
  const skip = pause.mode === 'skip';
  switch (lang) {
    case 'ru': {
      const lead = `С ${slavic('ru', n, 'получателем', 'получателями', 'получателями')} был контакт за последние ${slavic('ru', pause.days, 'день', 'дня', 'дней')}`;
      return skip ? `${lead}: они пропущены (Settings: contactPauseDays).` : `${lead}: проверьте, не слишком ли часто (Settings: contactPauseMode).`;
    }
    case 'uk': {
      const lead = `З ${slavic('uk', n, 'одержувачем', 'одержувачами', 'одержувачами')} був контакт за останні ${slavic('uk', pause.days, 'день', 'дні', 'днів')}`;
      return skip ? `${lead}: їх пропущено (Settings: contactPauseDays).` : `${lead}: перевірте, чи не надто часто (Settings: contactPauseMode).`;
    }
    case 'ro': {
      const lead = `${romanian(n, 'destinatar a fost contactat', 'destinatari au fost contactați', 'de destinatari au fost contactați')} în ultimele ${romanian(pause.days, 'zi', 'zile', 'de zile')}`;
      return skip ? `${lead}: sunt omiși (Settings: contactPauseDays).` : `${lead}: verificați să nu fie prea des (Settings: contactPauseMode).`;
    }
    default: {
      const lead = `${n} ${n === 1 ? 'recipient was' : 'recipients were'} contacted in the last ${pause.days} days`;
      return skip ? `${lead}: they are left out (Settings: contactPauseDays).` : `${lead}: check it is not too often (Settings: contactPauseMode).`;
    }
  }
}
