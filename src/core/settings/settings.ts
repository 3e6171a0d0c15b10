/**
 * Team settings, kept in the `Settings` tab (Key, Value, Description) so an
 * admin can read and change them without opening the script.
 */
import type { CountryCode } from '../normalize/phone';
import { cellText } from '../values';
import type { Lang } from '../i18n/lang';
import { SETTING_DESCRIPTIONS } from '../i18n/settings-words';

export interface Settings {
  defaultCountry: CountryCode;
  /** Days since the last purchase within which a client counts as Active. */
  activeDays: number;
  /** Clients not updated or contacted for longer than this are listed as stale. */
  staleDays: number;
  admins: string[];
  managers: string[];
  snapshotRetention: number;
  senderName: string;
  replyTo: string;
  /** A deployed web app URL; when set, mailings carry a signed unsubscribe link. */
  unsubscribeUrl: string;
  /** A client's purchases count as "new client" sales in the month of their first purchase and the months after, this many months in all; later ones as "regular". */
  newClientMonths: number;
  /** Language of the dashboard: en, ru, uk or ro; empty: the user's locale. */
  language: string;
  /** Plan: a client contacted (call, mail, meeting…) within this many days is not contacted again by a mailing. */
  contactPauseDays: number;
  /** Plan: 'skip' leaves recently contacted clients out of a mailing; 'warn' only says so. */
  contactPauseMode: 'skip' | 'warn';
  /** Plan: managers (emails) who asked for the morning e-mail of their due next steps. */
  digestManagers: string[];
  /** Plan: the hour (0-23, spreadsheet's zone) from which the morning e-mail goes out. */
  digestHour: number;
  /** People's names by lower-cased email, so {{Manager}} in a mail prints "Anna Smirnova", not an address. */
  people: Record<string, string>;
}

export const DEFAULT_SETTINGS: Settings = {
  defaultCountry: 'RU',
  activeDays: 90,
  staleDays: 180,
  admins: [],
  managers: [],
  snapshotRetention: 10,
  senderName: '',
  replyTo: '',
  unsubscribeUrl: '',
  newClientMonths: 1,
  language: '',
  contactPauseDays: 3,
  contactPauseMode: 'skip',
  digestManagers: [],
  digestHour: 8,
  people: {},
};

const DESCRIPTIONS: Record<keyof Settings, string> = {
  defaultCountry: 'Country code (ISO, e.g. RU, UA, RO, MD, GB) for phones written without +country',
  activeDays: 'A client with a purchase within this many days is Active; with older purchases only, Passive',
  staleDays: 'Clients not updated or contacted for this many days are listed as stale',
  admins: 'Emails (comma-separated) who may change Fields, merge, undo, restore snapshots and delete clients',
  managers: 'Emails (comma-separated) who may add and edit clients; everyone else can only read',
  snapshotRetention: 'How many snapshots to keep before the oldest is deleted',
  senderName: 'Sender name shown on mailings (empty: your Google account name)',
  replyTo: 'Reply-to address for mailings (empty: your own address)',
  unsubscribeUrl: 'URL of the deployed web app for unsubscribe links (empty: the footer asks readers to reply)',
  newClientMonths: 'Dashboard: a client is "new" for this many months from the month of their first purchase (1: that month only), "regular" afterwards',
  language: 'Dashboard language: en, ru, uk or ro (empty: your Google locale)',
  contactPauseDays: 'Mailings leave out clients contacted within this many days (0: never)',
  contactPauseMode: 'skip: leave recently contacted clients out of mailings; warn: only warn in the check',
  digestManagers: 'Emails (comma-separated) of managers who get a morning e-mail of their due next steps',
  digestHour: 'Hour of the day (0-23, spreadsheet time zone) from which the morning e-mail is sent',
  people: 'Names of the team for mail placeholders such as {{Manager}}: email = Name; email = Name',
};

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Key, Value, Description rows; the description in `lang` (the spreadsheet's), keys as the code reads them. */
export function settingsToRows(settings: Settings, lang: Lang = 'en'): string[][] {
  const words = lang === 'en' ? undefined : (SETTING_DESCRIPTIONS[lang] as Record<string, string>);
  return KEYS.map((key) => {
    const value = settings[key];
    const text = Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'object'
        ? Object.entries(value)
            .map(([email, name]) => `${email} = ${name}`)
            .join('; ')
        : String(value);
    return [key, text, words?.[key] ?? DESCRIPTIONS[key]];
  });
}

function list(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** "anna@x.com = Anna Smirnova; boris@x.com: Boris" (or one a line): names by lower-cased email. */
export function parsePeople(text: string): Record<string, string> {
  const people: Record<string, string> = {};
  for (const entry of text.split(/[;\n]/)) {
    const match = /^\s*([^\s=:]+@[^\s=:]+)\s*[=:]\s*(.+?)\s*$/.exec(entry);
    if (match && match[2].length <= 200) people[match[1].toLowerCase()] = match[2];
  }
  return people;
}

function positiveInt(text: string, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : fallback;
}

/** Reads the Settings tab rows (without header); unknown keys and bad values fall back to defaults. */
export function parseSettings(rows: unknown[][]): Settings {
  const byKey = new Map(rows.map((r) => [cellText(r[0]).trim(), cellText(r[1]).trim()]));
  const text = (key: keyof Settings): string => byKey.get(key) ?? '';
  const country = text('defaultCountry').toUpperCase();
  return {
    defaultCountry: (/^[A-Z]{2}$/.test(country) ? country : DEFAULT_SETTINGS.defaultCountry) as CountryCode,
    activeDays: positiveInt(text('activeDays'), DEFAULT_SETTINGS.activeDays),
    staleDays: positiveInt(text('staleDays'), DEFAULT_SETTINGS.staleDays),
    admins: list(text('admins')),
    managers: list(text('managers')),
    snapshotRetention: positiveInt(text('snapshotRetention'), DEFAULT_SETTINGS.snapshotRetention),
    senderName: text('senderName'),
    replyTo: text('replyTo'),
    unsubscribeUrl: /^https:\/\//.test(text('unsubscribeUrl')) ? text('unsubscribeUrl') : '',
    newClientMonths: positiveInt(text('newClientMonths'), DEFAULT_SETTINGS.newClientMonths),
    language: /^(en|ru|uk|ro)$/i.test(text('language')) ? text('language').toLowerCase() : '',
    contactPauseDays:
      byKey.has('contactPauseDays') && text('contactPauseDays') === '0' ? 0 : positiveInt(text('contactPauseDays'), DEFAULT_SETTINGS.contactPauseDays),
    contactPauseMode: /^warn$/i.test(text('contactPauseMode')) ? 'warn' : 'skip',
    digestManagers: list(text('digestManagers')),
    digestHour: /^\d{1,2}$/.test(text('digestHour')) && Number(text('digestHour')) < 24 ? Number(text('digestHour')) : DEFAULT_SETTINGS.digestHour,
    people: parsePeople(text('people')),
  };
}
