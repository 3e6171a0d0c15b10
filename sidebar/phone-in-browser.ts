/**
 * Stands in for src/core/normalize/phone.ts in the sidebar bundle (see
 * scripts/build.ts): the same checks of shape, without libphonenumber's
 * numbering plans, which would take 120 KB of the sidebar's 200 KB budget.
 * The server re-validates every phone with the full parser and is authoritative.
 */
import type { CountryCode, PhoneParse } from '../src/core/normalize/phone';
import { phoneShapeProblem } from '../src/core/normalize/phone-shape';

export type { CountryCode, PhoneParse };

export function parsePhone(raw: unknown, _defaultCountry?: CountryCode): PhoneParse {
  const text = raw == null ? '' : String(raw).trim();
  const problem = phoneShapeProblem(text);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, e164: text, international: text };
}

export function phoneKey(raw: unknown): string | undefined {
  const digits = (raw == null ? '' : String(raw)).replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-9) : undefined;
}
