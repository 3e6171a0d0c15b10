/**
 * The Mailings tab in words: why a recipient was skipped, in full, for the
 * Detail column, and the Status column itself (below). Keyed by the four
 * languages the team writes in.
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

// ---------------------------------------------------------------- the Status column

/**
 * The Status column in words of the base's language ("Sent", "Skipped: no
 * email", "Ошибка: …"), which people read and may sort, filter or retype.
 * The mailing's state machine works on codes (`sent`, `skipped: missing_email`);
 * `statusWords` writes, `statusCode` reads back words of any of the four
 * languages, or a code as older bases hold it, so a tab written in one
 * language and edited in another still resumes where it stopped.
 */
const STATE_WORDS: Record<Lang, { queued: string; sending: string; sent: string; skipped: string; failed: string }> = {
  en: { queued: 'Queued', sending: 'Sending', sent: 'Sent', skipped: 'Skipped', failed: 'Failed' },
  ru: { queued: 'В очереди', sending: 'Отправляется', sent: 'Отправлено', skipped: 'Пропущено', failed: 'Ошибка' },
  uk: { queued: 'У черзі', sending: 'Надсилається', sent: 'Надіслано', skipped: 'Пропущено', failed: 'Помилка' },
  ro: { queued: 'În coadă', sending: 'Se trimite', sent: 'Trimis', skipped: 'Omis', failed: 'Eșuat' },
};

/** A skip reason in a few words, for the Status column and the mailing summary. */
export const REASON_WORDS: Record<Lang, Record<string, string>> = {
  en: {
    opted_out: 'opted out',
    invalid_email: 'invalid email',
    missing_email: 'no email',
    duplicate_email: 'same email twice',
    duplicate_client: 'likely duplicate',
    already_sent: 'already sent',
    already_received: 'already received this template',
    recently_contacted: 'contacted recently',
    one_per_company: 'one per company',
    client_removed: 'client removed',
  },
  ru: {
    opted_out: 'отписались',
    invalid_email: 'неверный адрес',
    missing_email: 'нет адреса',
    duplicate_email: 'тот же адрес',
    duplicate_client: 'вероятный дубль',
    already_sent: 'уже отправлено',
    already_received: 'уже получили это письмо',
    recently_contacted: 'недавно был контакт',
    one_per_company: 'один на компанию',
    client_removed: 'клиент удалён',
  },
  uk: {
    opted_out: 'відписалися',
    invalid_email: 'неправильна адреса',
    missing_email: 'немає адреси',
    duplicate_email: 'та сама адреса',
    duplicate_client: 'ймовірний дубль',
    already_sent: 'уже надіслано',
    already_received: 'уже отримали цей лист',
    recently_contacted: 'нещодавно був контакт',
    one_per_company: 'один на компанію',
    client_removed: 'клієнта видалено',
  },
  ro: {
    opted_out: 'dezabonați',
    invalid_email: 'adresă nevalidă',
    missing_email: 'fără adresă',
    duplicate_email: 'aceeași adresă',
    duplicate_client: 'dublură probabilă',
    already_sent: 'deja trimis',
    already_received: 'au primit deja acest șablon',
    recently_contacted: 'contactați recent',
    one_per_company: 'unul pe companie',
    client_removed: 'client șters',
  },
};

type StateKind = keyof (typeof STATE_WORDS)['en'];
const KINDS: readonly StateKind[] = ['queued', 'sending', 'sent', 'skipped', 'failed'];

/** Case, outer spaces, accents and ё/й marks do not matter to a person retyping a status. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const KIND_OF = new Map<string, StateKind>();
const REASON_OF = new Map<string, string>();
for (const lang of Object.keys(STATE_WORDS) as Lang[]) {
  for (const kind of KINDS) KIND_OF.set(fold(STATE_WORDS[lang][kind]), kind);
  for (const [code, words] of Object.entries(REASON_WORDS[lang])) REASON_OF.set(fold(words), code);
}
for (const kind of KINDS) KIND_OF.set(kind, kind);

/** The code `statusText` makes (campaign.ts), in words: `skipped: missing_email` → "Skipped: no email". */
export function statusWords(code: string, lang: string): string {
  const l = (lang in STATE_WORDS ? lang : 'en') as Lang;
  const colon = code.indexOf(':');
  const head = (colon === -1 ? code : code.slice(0, colon)).trim();
  const rest = colon === -1 ? '' : code.slice(colon + 1).trim();
  if (!KINDS.includes(head as StateKind)) return code;
  const word = STATE_WORDS[l][head as StateKind];
  if (head === 'skipped') return `${word}: ${REASON_WORDS[l][rest] ?? rest}`;
  return colon === -1 ? word : `${word}: ${rest}`;
}

/**
 * The code of a Status cell: words of any language or a code. Anything else
 * (blank, a note a person typed) is returned as it is, and the mailing counts
 * it apart and never sends it.
 */
export function statusCode(cell: string): string {
  const colon = cell.indexOf(':');
  const kind = KIND_OF.get(fold(colon === -1 ? cell : cell.slice(0, colon)));
  if (!kind) return cell;
  const rest = colon === -1 ? '' : cell.slice(colon + 1).trim();
  if (kind === 'skipped') return `skipped: ${REASON_OF.get(fold(rest)) ?? rest}`;
  if (kind === 'failed') return `failed: ${rest}`;
  return rest === '' ? kind : cell;
}
