/**
 * The checks a phone must pass before a numbering plan is consulted: only
 * digits and separators, a plausible number of digits. Shared by the full
 * parser and the sidebar, which leaves the numbering plan to the server.
 */
export type PhoneShapeProblem = 'empty' | 'not_a_number' | 'too_short' | 'too_long';

const MAX_PHONE_INPUT = 64;

export function phoneShapeProblem(text: string): PhoneShapeProblem | undefined {
  if (text === '') return 'empty';
  if (text.length > MAX_PHONE_INPUT) return 'too_long';
  if (/[^\d\s()+.\-/]/.test(text)) return 'not_a_number';
  const digits = text.replace(/\D/g, '').length;
  if (digits < 5) return 'too_short';
  if (digits > 17) return 'too_long';
  return undefined;
}
