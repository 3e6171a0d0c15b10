/**
 * The demo client base the playground starts on: a few hundred clients of a
 * coffee-equipment supplier working in Russia, Ukraine, Romania, Moldova and
 * the UK, with interactions, purchases, planted duplicates and planted
 * invalid cells. Deterministic: the same seed and day give the same base.
 *
 * Clients have no ID yet: the playground seeds them through the add-on's own
 * adoption, which assigns IDs. Until then, `Client ID` in interactions and
 * purchases holds the 0-based index of the client's data row (see `linkClientIds`).
 */
import { TAB_HEADERS } from '../../src/core/schema/tabs.ts';
import { isDate } from '../../src/core/values.ts';
import {
  CONTACT_ROLES,
  LOCALES,
  LOCALE_WEIGHTS,
  MANAGERS,
  PRODUCTS,
  SOURCES,
  STAGE_WEIGHTS,
  TAGS,
  type DemoLocale,
  type FirstName,
  type LocalePool,
} from './names.ts';
import { calendarFor, type Calendar } from './days.ts';
import { createRandom, type Random } from './random.ts';
import { mailboxPart, transliterate } from './translit.ts';

export const CLIENT_HEADERS = [
  'First name',
  'Last name',
  'Company',
  'Position',
  'Contact role',
  'Stage',
  'Email',
  'Phone',
  'Address',
  'Postal code',
  'City',
  'Region',
  'Country',
  'Tax ID',
  'Manager',
  'Gender',
  'Tags',
  'Source',
  'Birthday',
  'Opt-out',
  'Notes',
  'Last contact',
  'Next action date',
] as const;
export type ClientHeader = (typeof CLIENT_HEADERS)[number];
type ClientRecord = Partial<Record<ClientHeader, string | number | boolean | Date>>;

export type DuplicateKind = 'nickname' | 'transliteration' | 'phone-format' | 'gmail-dots' | 'swapped-names' | 'surname-typo' | 'email-case';
export type InvalidKind = 'email' | 'phone' | 'date' | 'stage';

/** Rows are sheet rows: the header is row 1, the first client row 2. */
export interface PlantedDuplicate {
  kind: DuplicateKind;
  rows: [number, number];
}
export interface PlantedInvalid {
  kind: InvalidKind;
  row: number;
  column: ClientHeader;
  value: string;
}

export interface DemoBase {
  clients: unknown[][];
  interactions: unknown[][];
  purchases: unknown[][];
  /** What was planted on purpose, so tests and the reviewer can check the add-on finds it. */
  planted: { duplicates: PlantedDuplicate[]; invalid: PlantedInvalid[]; hostileRow: number };
}

export interface DemoOptions {
  seed?: number;
  /** When the base is generated: purchases cover the two years before, some next steps are overdue. */
  now?: Date;
  /** The spreadsheet's time zone: dates are midnight there, as Sheets stores typed dates. */
  timeZone?: string;
  /** Clients before duplicates are added. */
  baseClients?: number;
  interactions?: number;
  purchases?: number;
}

export const DEFAULT_SEED = 20240917;
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';
export const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';

interface DemoClient {
  locale: DemoLocale;
  pool: LocalePool;
  female: boolean;
  first: FirstName;
  prefixIndex: number;
  subscriber: string;
  record: ClientRecord;
}

export function demoBase(options: DemoOptions = {}): DemoBase {
  const rng = createRandom(options.seed ?? DEFAULT_SEED);
  const today = calendarFor(options.timeZone ?? DEFAULT_TIME_ZONE, options.now ?? new Date());
  const base: DemoClient[] = [];
  for (let i = 0; i < (options.baseClients ?? 282); i++) base.push(makeClient(rng, today));

  const { copies, pairs } = plantDuplicates(rng, base);
  const clients = rng.shuffle([...base, ...copies]);
  const rowOf = (c: DemoClient): number => clients.indexOf(c) + 2;

  const paired = new Set(pairs.flatMap(([a, b]) => [a, b]));
  const clean = clients.filter((c) => !paired.has(c));
  const invalid = plantInvalidCells(rng, clean.slice(0, 15));
  const hostile = clean[15];
  hostile.record.Notes = HOSTILE_TEXT;

  const interactions = makeInteractions(rng, clients, today, options.interactions ?? 600);
  const purchases = makePurchases(rng, clients, today, options.purchases ?? 800);

  return {
    clients: [[...CLIENT_HEADERS], ...clients.map((c) => CLIENT_HEADERS.map((h) => c.record[h] ?? ''))],
    interactions: [[...TAB_HEADERS.Interactions], ...interactions],
    purchases: [[...TAB_HEADERS.Purchases], ...purchases],
    planted: {
      duplicates: pairs.map(([original, copy], i) => ({ kind: DUPLICATE_PLAN[i], rows: [rowOf(original), rowOf(copy)] })),
      invalid: invalid.map(({ client, ...rest }) => ({ ...rest, row: rowOf(client) })),
      hostileRow: rowOf(hostile),
    },
  };
}

function makeClient(rng: Random, today: Calendar): DemoClient {
  const locale = rng.weighted(LOCALE_WEIGHTS);
  const pool = LOCALES[locale];
  const female = rng.chance(0.5);
  const first = rng.pick(female ? pool.female : pool.male);
  const surnamePair = rng.pick(pool.surnames);
  const last = female ? surnamePair.female : surnamePair.male;
  const place = rng.pick(pool.places);
  const b2b = rng.chance(0.45);
  const company = b2b ? rng.pick(pool.companies) : '';
  const prefixIndex = rng.int(0, pool.phonePrefixes.length - 1);
  const subscriber = rng.digits(pool.subscriberDigits);
  const manager = rng.chance(0.85) ? MANAGERS[locale] : rng.pick(Object.values(MANAGERS));
  const stage = rng.weighted(STAGE_WEIGHTS);
  const record: ClientRecord = {
    'First name': first.name,
    'Last name': last,
    Company: company,
    Position: b2b ? rng.pick(pool.positions) : '',
    'Contact role': b2b ? rng.pick(CONTACT_ROLES) : '',
    Stage: stage,
    Email: rng.chance(0.9) ? makeEmail(rng, pool, first.name, last, company) : '',
    Phone: rng.chance(0.92) ? formatPhone(rng, pool, prefixIndex, subscriber) : '',
    Address: rng.chance(0.7) ? makeAddress(rng, pool) : '',
    'Postal code': rng.chance(0.65) ? fillDigits(rng, place.postal) : '',
    City: place.city,
    Region: place.region,
    Country: pool.country,
    'Tax ID': b2b && rng.chance(0.8) ? fillDigits(rng, rng.pick(pool.taxIdFormats)) : '',
    Manager: manager,
    Gender: rng.chance(0.85) ? (female ? 'Female' : 'Male') : '',
    Tags: rng
      .shuffle(TAGS)
      .slice(
        0,
        rng.weighted([
          [0, 4],
          [1, 4],
          [2, 2],
        ]),
      )
      .join(', '),
    Source: rng.weighted(SOURCES.map((s, i) => [s, i === 0 ? 5 : i === 1 ? 4 : 2] as const)),
    Birthday: rng.chance(b2b ? 0.2 : 0.45) ? birthday(rng, today) : '',
    'Opt-out': rng.chance(0.06),
    Notes: rng.chance(0.15) ? rng.pick(pool.notes) : '',
  };
  return { locale, pool, female, first, prefixIndex, subscriber, record };
}

const LEGAL_FORMS = new Set(['ООО', 'АО', 'ТОВ', 'ПП', 'ФОП', 'ИП', 'SC', 'SRL', 'SA', 'ÎI', 'Ltd', 'LLP', 'plc', '&', 'Co']);

function makeEmail(rng: Random, pool: LocalePool, first: string, last: string, company: string): string {
  const f = mailboxPart(first);
  const l = mailboxPart(last);
  if (company && rng.chance(0.4)) {
    const slug =
      mailboxPart(
        company
          .split(/\s+/)
          .filter((w) => !LEGAL_FORMS.has(w))
          .join(''),
      ) || 'company';
    return `${rng.pick([f, `${f}.${l}`, 'sales', 'info'])}@${slug}.example.com`;
  }
  const local = rng.weighted([
    [`${f}.${l}`, 5],
    [`${f[0]}${l}`, 2],
    [`${l}${rng.int(60, 99)}`, 2],
    [`${f}_${l}`, 1],
  ]);
  const email = `${local}@${rng.pick(pool.mailDomains)}`;
  // People type their addresses with capitals now and then; the add-on must not care.
  return rng.chance(0.08) ? email.replace(/^./, (c) => c.toUpperCase()) : email;
}

/** One of the ways people write the same number: +7 (916) 123-45-67, 89161234567, +40 721 234 567, 0721.234.567… */
function formatPhone(rng: Random, pool: LocalePool, prefixIndex: number, subscriber: string, avoidStyle?: number): string {
  return phoneInStyle(pool, prefixIndex, subscriber, pickStyle(rng, avoidStyle));
}

const PHONE_STYLES = 5;
function pickStyle(rng: Random, avoid?: number): number {
  let style = rng.int(0, PHONE_STYLES - 1);
  if (style === avoid) style = (style + 1) % PHONE_STYLES;
  return style;
}

function phoneInStyle(pool: LocalePool, prefixIndex: number, subscriber: string, style: number): string {
  const { international, national } = pool.phonePrefixes[prefixIndex];
  const grouped =
    subscriber.length === 7 ? `${subscriber.slice(0, 3)}-${subscriber.slice(3, 5)}-${subscriber.slice(5)}` : `${subscriber.slice(0, 3)} ${subscriber.slice(3)}`;
  const [countryCode, ...area] = international.split(' ');
  switch (style) {
    case 0:
      return `${international} ${grouped}`;
    case 1:
      return `${international}${subscriber}`.replace(/\s/g, '');
    case 2:
      return `${national} ${grouped}`;
    case 3:
      return `${countryCode} (${area.join(' ')}) ${grouped}`;
    default:
      return `${national}${subscriber}`.replace(/\s/g, '');
  }
}

function makeAddress(rng: Random, pool: LocalePool): string {
  return rng
    .pick(pool.addressFormats)
    .replace('{street}', rng.pick(pool.streets))
    .replace('{n}', String(rng.int(1, 120)))
    .replace('{m}', String(rng.int(1, 250)));
}

function fillDigits(rng: Random, pattern: string): string {
  return pattern.replace(/#/g, () => String(rng.int(0, 9)));
}

function birthday(rng: Random, today: Calendar): Date {
  return today.date(today.today.year - rng.int(22, 70), rng.int(1, 12), rng.int(1, 28));
}

// ---- planted duplicates -------------------------------------------------------------------

const DUPLICATE_PLAN: DuplicateKind[] = [
  'nickname',
  'nickname',
  'nickname',
  'nickname',
  'transliteration',
  'transliteration',
  'transliteration',
  'phone-format',
  'phone-format',
  'phone-format',
  'gmail-dots',
  'gmail-dots',
  'gmail-dots',
  'swapped-names',
  'swapped-names',
  'swapped-names',
  'surname-typo',
  'surname-typo',
  'email-case',
  'email-case',
];

const CYRILLIC = /[\u0400-\u04ff]/;

function canPlant(kind: DuplicateKind, c: DemoClient): boolean {
  switch (kind) {
    case 'nickname':
      return Boolean(c.first.nickname) && c.record.Phone !== '';
    case 'transliteration':
      return CYRILLIC.test(String(c.record['Last name'])) && c.record.Email !== '';
    case 'phone-format':
      return c.record.Phone !== '';
    case 'gmail-dots':
      return true; // the original is given a dotted gmail address
    case 'swapped-names':
      return c.record.Email !== '' || c.record.Phone !== '';
    case 'surname-typo':
      return String(c.record['Last name']).length >= 5 && c.record.Phone !== '';
    case 'email-case':
      return c.record.Email !== '';
  }
}

function plantDuplicates(rng: Random, base: DemoClient[]): { copies: DemoClient[]; pairs: [DemoClient, DemoClient][] } {
  const used = new Set<DemoClient>();
  const pairs: [DemoClient, DemoClient][] = [];
  for (const kind of DUPLICATE_PLAN) {
    const candidates = base.filter((c) => !used.has(c) && canPlant(kind, c));
    const original = rng.pick(candidates);
    used.add(original);
    pairs.push([original, copyAs(rng, kind, original)]);
  }
  return { copies: pairs.map(([, copy]) => copy), pairs };
}

function copyAs(rng: Random, kind: DuplicateKind, original: DemoClient): DemoClient {
  const o = original.record;
  const copy: DemoClient = { ...original, record: { ...o, Tags: '', Notes: '', Birthday: '', 'Opt-out': false } };
  const r = copy.record;
  const first = String(o['First name']);
  const last = String(o['Last name']);
  // A second entry made by someone else, later: often a different stage, manager and source.
  r.Stage = rng.weighted(STAGE_WEIGHTS);
  r.Source = rng.pick(SOURCES);
  switch (kind) {
    case 'nickname':
      r['First name'] = original.first.nickname ?? first;
      r.Email = '';
      r.Phone = formatPhone(rng, original.pool, original.prefixIndex, original.subscriber, styleOf(String(o.Phone)));
      break;
    case 'transliteration':
      r['First name'] = transliterate(first);
      r['Last name'] = transliterate(last);
      r.Phone = '';
      break;
    case 'phone-format':
      r.Email = '';
      r.Phone = phoneInStyle(original.pool, original.prefixIndex, original.subscriber, (styleOf(String(o.Phone)) + 2) % PHONE_STYLES);
      break;
    case 'gmail-dots': {
      const local = `${mailboxPart(first)}.${mailboxPart(last)}`;
      o.Email = `${local}@gmail.com`;
      r.Email = `${local.replace('.', '')}@gmail.com`;
      r.Phone = '';
      break;
    }
    case 'swapped-names':
      r['First name'] = last;
      r['Last name'] = first;
      break;
    case 'surname-typo':
      r['Last name'] = typo(rng, last);
      r.Email = '';
      break;
    case 'email-case':
      r.Email = String(o.Email).toUpperCase();
      r.Phone = '';
      break;
  }
  return copy;
}

/** Which of the phone styles produced a number (for making the copy look different). */
function styleOf(phone: string): number {
  if (phone.includes('(')) return 3;
  if (phone.startsWith('+')) return phone.includes(' ') ? 0 : 1;
  return phone.includes(' ') ? 2 : 4;
}

/** Swaps two neighbouring letters in the middle of a word: Коваленко → Ковалнеко. */
function typo(rng: Random, word: string): string {
  const chars = [...word];
  const i = rng.int(1, chars.length - 3);
  [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  const swapped = chars.join('');
  return swapped === word ? word.slice(0, -1) : swapped;
}

// ---- planted invalid cells ----------------------------------------------------------------

const INVALID_VALUES: { kind: InvalidKind; column: ClientHeader; value: string }[] = [
  { kind: 'email', column: 'Email', value: 'ivan.petrov@@mail.ru' },
  { kind: 'email', column: 'Email', value: 'olena.koval@ukr' },
  { kind: 'email', column: 'Email', value: 'john smith@gmail.com' },
  { kind: 'email', column: 'Email', value: 'maria.popescu@gmial.com' },
  { kind: 'phone', column: 'Phone', value: '12-34' },
  { kind: 'phone', column: 'Phone', value: 'звонить после 18:00' },
  { kind: 'phone', column: 'Phone', value: '+7 (916) 12' },
  { kind: 'phone', column: 'Phone', value: '0800 FLOWERS' },
  { kind: 'date', column: 'Next action date', value: '31.02.2024' },
  { kind: 'date', column: 'Birthday', value: '31.02.1987' },
  { kind: 'date', column: 'Birthday', value: '1990-13-05' },
  { kind: 'date', column: 'Birthday', value: '30/02/1975' },
  { kind: 'stage', column: 'Stage', value: 'Горячий' },
  { kind: 'stage', column: 'Stage', value: 'Prospect' },
  { kind: 'stage', column: 'Stage', value: 'hot lead' },
];

function plantInvalidCells(rng: Random, victims: DemoClient[]): (Omit<PlantedInvalid, 'row'> & { client: DemoClient })[] {
  return INVALID_VALUES.map((bad, i) => {
    const client = victims[i];
    client.record[bad.column] = bad.value;
    return { ...bad, client };
  });
}

// ---- interactions and purchases -----------------------------------------------------------

const INTERACTION_TYPE_WEIGHTS = [
  ['Call', 40],
  ['Email', 25],
  ['Meeting', 15],
  ['Letter', 5],
  ['Contract', 8],
  ['Other', 7],
] as const;
const ACTIVITY_BY_STAGE: Record<string, number> = { Cold: 1, Warm: 3, Hot: 6, VIP: 6, Lost: 1 };
const BUYING_BY_STAGE: Record<string, number> = { Cold: 0.3, Warm: 2, Hot: 4, VIP: 9, Lost: 1 };

function weightOf(table: Record<string, number>, client: DemoClient): number {
  return table[String(client.record.Stage)] ?? 1;
}

function makeInteractions(rng: Random, clients: DemoClient[], today: Calendar, count: number): unknown[][] {
  const byIndex = clients.map((c, i) => [i, weightOf(ACTIVITY_BY_STAGE, c)] as const);
  const rows: { client: number; date: Date; row: unknown[] }[] = [];
  for (let n = 0; n < count; n++) {
    const index = rng.weighted(byIndex);
    const client = clients[index];
    const daysAgo = rng.weighted([
      [rng.int(0, 30), 3],
      [rng.int(31, 180), 4],
      [rng.int(181, 540), 3],
    ]);
    const date = today.day(-daysAgo);
    const hasNext = rng.chance(0.55);
    const nextIn = rng.int(1, 21) - daysAgo;
    const nextDate = hasNext ? today.day(nextIn) : '';
    const done = hasNext && nextIn < 0 && rng.chance(0.8);
    const manager = rng.chance(0.9) ? client.record.Manager : rng.pick(Object.values(MANAGERS));
    rows.push({
      client: index,
      date,
      row: [
        '',
        index,
        date,
        rng.weighted(INTERACTION_TYPE_WEIGHTS),
        manager,
        rng.pick(client.pool.results),
        hasNext ? rng.pick(client.pool.nextSteps) : '',
        nextDate,
        done,
        'Demo',
      ],
    });
  }
  rows.sort((a, b) => a.date.getTime() - b.date.getTime());
  rows.forEach((r, i) => {
    r.row[0] = `I${String(i + 1).padStart(4, '0')}`;
  });

  // Keep the client's own summary columns consistent with the log.
  for (const { client, date, row } of rows) {
    const record = clients[client].record;
    if (!isPlantedValue(record['Last contact'])) record['Last contact'] = date;
    const next = row[7];
    if (isDate(next) && row[8] === false) {
      const current = record['Next action date'];
      if (!isDate(current) || next.getTime() < current.getTime()) {
        if (!isPlantedValue(current)) record['Next action date'] = next;
      }
    }
  }
  return rows.map((r) => r.row);
}

/** A planted invalid date is text; it must survive the summary update. */
function isPlantedValue(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

function makePurchases(rng: Random, clients: DemoClient[], today: Calendar, count: number): unknown[][] {
  const byIndex = clients.map((c, i) => [i, weightOf(BUYING_BY_STAGE, c) * (c.record.Company ? 2 : 1)] as const);
  const rows: unknown[][] = [];
  for (let n = 0; n < count; n++) {
    const index = rng.weighted(byIndex);
    const b2b = clients[index].record.Company !== '';
    const product = rng.pick(PRODUCTS);
    const quantity = product.price < 100 && b2b ? rng.int(2, 20) : 1;
    const amount = Math.round(product.price * quantity * (1 - rng.pick([0, 0, 0, 0.05, 0.1])) * 100) / 100;
    rows.push(['', index, today.day(-rng.int(0, 729)), amount, product.name]);
  }
  rows.sort((a, b) => (a[2] as Date).getTime() - (b[2] as Date).getTime());
  rows.forEach((r, i) => {
    r[0] = `P${String(i + 1).padStart(4, '0')}`;
  });
  return rows;
}

/**
 * Replaces the row-index placeholders in `Client ID` of interactions or
 * purchases with the IDs adoption gave the clients (`ids[i]` is the ID of data row i).
 */
export function linkClientIds(rows: unknown[][], ids: readonly string[]): unknown[][] {
  const [header, ...data] = rows;
  const column = header.indexOf('Client ID');
  if (column < 0) throw new Error('no "Client ID" column to link');
  return [
    header,
    ...data.map((row) => {
      const index = row[column];
      const id = typeof index === 'number' ? ids[index] : undefined;
      if (id === undefined) throw new Error(`no client at data row ${String(index)}`);
      const linked = row.slice();
      linked[column] = id;
      return linked;
    }),
  ];
}
