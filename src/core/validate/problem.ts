/** What the data check can find wrong with a cell or a row; the report counts problems per kind. */
export const PROBLEM_KINDS = [
  'required',
  'no_name',
  'invalid_text',
  'too_long',
  'control_characters',
  'invalid_email',
  'invalid_phone',
  'invalid_date',
  'invalid_number',
  'not_an_option',
  'invalid_checkbox',
  'invalid_url',
  'invalid_person',
  'duplicate',
  'format',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** How the report and the command line name each kind. */
export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  required: 'missing required value',
  no_name: 'no name and no company',
  invalid_text: 'not text',
  too_long: 'longer than a cell can hold',
  control_characters: 'control characters',
  invalid_email: 'invalid email',
  invalid_phone: 'phone that cannot be read',
  invalid_date: 'impossible or unreadable date',
  invalid_number: 'not a number',
  not_an_option: 'value not among the options',
  invalid_checkbox: 'not a yes/no value',
  invalid_url: 'invalid link',
  invalid_person: 'not a person (name or email)',
  duplicate: 'duplicate in a unique column',
  format: 'fixable formatting',
};

/** Longest text a Google Sheets cell holds. */
export const MAX_CELL_TEXT = 50_000;

// Tabs and line breaks are ordinary cell content; the rest of C0/C1 is invisible garbage from exports.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_ALL, '');
}

/** 50000 → "50,000", without Intl (not every runtime the bundle meets has full ICU). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A value shown inside a message: short, on one line, control characters made visible. */
export function shown(value: unknown, max = 60): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    text = Number.isNaN(d.getTime())
      ? 'Invalid Date'
      : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  } else text = String(value);
  text = text.replace(/\r\n|\r|\n/g, '↵').replace(CONTROL_ALL, '\ufffd');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
