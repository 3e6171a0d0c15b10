/**
 * Why a recipient was skipped, in words, for the Mailings tab's Detail column
 * (the Status column keeps its code, `skipped: missing_email`, which resuming
 * a mailing reads back). Keyed by the four languages the team writes in.
 */
type Lang = 'en' | 'ru' | 'uk' | 'ro';

const WORDS: Record<Lang, Record<string, string>> = {
  en: {
    opted_out: 'Opted out of mailings',
    already_sent: 'Already sent this mailing',
    missing_email: 'No email address',
    invalid_email: 'The email address is not valid',
    already_received: 'Already received this template',
    duplicate_email: 'Same mailbox as another recipient',
    duplicate_client: 'Likely the same person as another recipient',
    one_per_company: 'One recipient per company: a colleague gets it',
    sameAs: 'same as',
  },
  ru: {
    opted_out: 'Отказался от рассылок',
    already_sent: 'Эта рассылка уже отправлена',
    missing_email: 'Нет адреса электронной почты',
    invalid_email: 'Неверный адрес электронной почты',
    already_received: 'Это письмо уже получено',
    duplicate_email: 'Тот же адрес, что у другого получателя',
    duplicate_client: 'Похоже, тот же человек, что другой получатель',
    one_per_company: 'Один получатель на компанию: письмо получит коллега',
    sameAs: 'как',
  },
  uk: {
    opted_out: 'Відмовився від розсилок',
    already_sent: 'Цю розсилку вже надіслано',
    missing_email: 'Немає адреси електронної пошти',
    invalid_email: 'Неправильна адреса електронної пошти',
    already_received: 'Цей лист уже отримано',
    duplicate_email: 'Та сама адреса, що в іншого одержувача',
    duplicate_client: 'Схоже, та сама людина, що інший одержувач',
    one_per_company: 'Один одержувач на компанію: лист отримає колега',
    sameAs: 'як',
  },
  ro: {
    opted_out: 'S-a dezabonat de la mesaje',
    already_sent: 'Acest mesaj a fost deja trimis',
    missing_email: 'Nu are adresă de e-mail',
    invalid_email: 'Adresa de e-mail nu este validă',
    already_received: 'A primit deja acest șablon',
    duplicate_email: 'Aceeași adresă ca alt destinatar',
    duplicate_client: 'Probabil aceeași persoană ca alt destinatar',
    one_per_company: 'Un singur destinatar pe companie: îl primește un coleg',
    sameAs: 'la fel ca',
  },
};

/** "No email address", "Same mailbox as another recipient (same as C-12)"; an unknown code reads as itself. */
export function skipWords(reason: string, lang: string, sameAs?: string): string {
  const words = WORDS[(lang in WORDS ? lang : 'en') as Lang];
  const text = words[reason] ?? reason.replace(/_/g, ' ');
  return sameAs ? `${text} (${words.sameAs} ${sameAs})` : text;
}
