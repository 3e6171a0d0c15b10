/**
 * A client's Country cell as a country code, so their phone is read with
 * their own country's numbering ("07480 932306" in the United Kingdom, not
 * in Russia). Two-letter codes and common names in English, Russian,
 * Ukrainian and Romanian; anything else is left to the base's default.
 */
import type { CountryCode } from './phone';
import { foldToLatin } from './translit';

const NAMES: Record<string, string[]> = {
  RU: ['russia', 'russian federation', 'rossiia', 'rossiya', 'rossija', 'rf', 'rusia', 'federatia rusa'],
  UA: ['ukraine', 'ukraina', 'ucraina', 'ukrayina', 'ukraiina'],
  RO: ['romania', 'rumyniia', 'rumyniya', 'rumynia', 'rumuniia', 'rumuniya'],
  MD: ['moldova', 'republic of moldova', 'republica moldova', 'moldaviia', 'moldaviya', 'moldavia', 'moldova republic'],
  BY: ['belarus', "belarus'", 'belarus', 'bielorussia'],
  KZ: ['kazakhstan', 'kazakstan', 'kazahstan'],
  GB: ['united kingdom', 'uk', 'great britain', 'england', 'scotland', 'wales', 'velikobritaniia', 'velikobritaniya', 'regatul unit', 'marea britanie'],
  US: ['united states', 'usa', 'united states of america', 'ssha', 'statele unite'],
  DE: ['germany', 'deutschland', 'germaniia', 'germaniya', 'nimechchyna', 'germania'],
  PL: ['poland', 'polska', 'polsha', 'polshcha', 'polonia'],
  FR: ['france', 'frantsiia', 'frantsiya', 'frantsiia', 'franta'],
  IT: ['italy', 'italia', 'italiia', 'italiya'],
  ES: ['spain', 'espana', 'ispaniia', 'ispaniya', 'spania'],
  BG: ['bulgaria', 'bolgariia', 'bolgariya'],
  GE: ['georgia', 'gruziia', 'gruziya', 'sakartvelo'],
  AM: ['armenia', 'armeniia', 'armeniya'],
  AZ: ['azerbaijan', 'azerbaidzhan'],
  IL: ['israel', 'izrail'],
  TR: ['turkey', 'turkiye', 'turtsiia', 'turtsiya', 'turcia'],
  LT: ['lithuania', 'litva', 'lietuva'],
  LV: ['latvia', 'latviia', 'latviya', 'latvija'],
  EE: ['estonia', 'estoniia', 'estoniya', 'eesti'],
  CZ: ['czech republic', 'czechia', 'chekhiia', 'chekhiya', 'cehia'],
};

const BY_NAME = new Map<string, string>();
for (const [code, names] of Object.entries(NAMES)) for (const name of names) BY_NAME.set(name, code);

function key(text: string): string {
  return foldToLatin(text.toLowerCase())
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function countryCode(value: unknown): CountryCode | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '' || text.length > 60) return undefined;
  const named = BY_NAME.get(key(text));
  if (named) return named as CountryCode;
  return /^[A-Za-z]{2}$/.test(text) ? (text.toUpperCase() as CountryCode) : undefined;
}
