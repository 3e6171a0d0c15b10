import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/min';
import { phoneShapeProblem } from './phone-shape';

export type { CountryCode };

export type PhoneParse =
  | { ok: true; e164: string; international: string; country?: string }
  | { ok: false; reason: 'empty' | 'not_a_number' | 'too_short' | 'too_long' | 'invalid' };

/**
 * Parses a phone as people type it ("8(916)123-45-67", "+40 721 234 567",
 * "0721.234.567") into E.164, using `defaultCountry` for numbers written
 * without a country code. Extensions and letters are rejected, not guessed.
 */
export function parsePhone(raw: unknown, defaultCountry?: CountryCode): PhoneParse {
  const parsed = readValidNumber(raw, defaultCountry);
  if (typeof parsed === 'string') return { ok: false, reason: parsed };
  return {
    ok: true,
    e164: parsed.number,
    international: parsed.formatInternational(),
    country: parsed.country,
  };
}

/** The valid number a phone cell holds, or why there is none. */
function readValidNumber(raw: unknown, defaultCountry?: CountryCode): PhoneNumber | Exclude<PhoneParse, { ok: true }>['reason'] {
  const text = raw == null ? '' : String(raw).trim();
  const problem = phoneShapeProblem(text);
  if (problem) return problem;
  // "00 40 721..." is the international prefix used across Europe.
  const prepared = text.startsWith('00') ? '+' + text.slice(2) : text;
  // A country typed by hand may be one libphonenumber does not know ("XX"): read the number without it.
  const country = defaultCountry && isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  const parsed = parsePhoneNumberFromString(prepared, country);
  if (!parsed || !parsed.isValid()) return 'invalid';
  return parsed;
}

/**
 * A comparison key for duplicate detection: E.164 when the phone parses,
 * otherwise the last 9 digits (enough to match the same local number written
 * with and without a trunk or country prefix). Undefined when there is nothing to compare.
 */
export function phoneKey(raw: unknown, defaultCountry?: CountryCode): string | undefined {
  // Only the E.164 form: formatting the international one is a good part of the parse's cost, and dedupe reads every phone.
  const parsed = readValidNumber(raw, defaultCountry);
  if (typeof parsed !== 'string') return parsed.number;
  const digits = (raw == null ? '' : String(raw)).replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-9) : undefined;
}
