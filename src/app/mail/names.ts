/**
 * Campaign and template names are keys: a campaign's rows in Mailings are
 * found by its exact name, so a name must come back from the sheet exactly as
 * it was written (a name Sheets would parse as a formula, number or date
 * could change on the way and a re-run would then queue everyone again).
 */
import { AppFailure } from '../../core/result';

export const MAX_NAME_CHARS = 100;

export function checkedName(raw: unknown, what: 'campaign' | 'template'): string {
  const label = what === 'campaign' ? 'The mailing name' : 'The template name';
  if (typeof raw !== 'string') throw new AppFailure('validation', `${label} must be text.`, { name: 'Must be text' });
  const name = raw.trim();
  if (name === '') throw new AppFailure('validation', `${label} is empty.`, { name: 'Required' });
  if (name.length > MAX_NAME_CHARS) {
    throw new AppFailure('validation', `${label} is too long (at most ${MAX_NAME_CHARS} characters).`, { name: 'Too long' });
  }
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(name)) {
    throw new AppFailure('validation', `${label} must be one line.`, { name: 'One line only' });
  }
  if (/^[=+\-@'"]/.test(name) || /^[\d.,%$€£₽(]/.test(name) || /^(true|false)$/i.test(name)) {
    throw new AppFailure('validation', `${label} must start with a letter (Sheets would turn "${name.slice(0, 20)}" into a formula, number or date).`, {
      name: 'Start with a letter',
    });
  }
  return name;
}

/** Names compare ignoring case and surrounding spaces: "Welcome" and "welcome " are one template. */
export function sameName(a: unknown, b: string): boolean {
  return (
    String(a ?? '')
      .trim()
      .toLowerCase() === b.trim().toLowerCase()
  );
}
