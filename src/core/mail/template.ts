/**
 * Mail-merge templates: plain text with {{Field name}} placeholders and an
 * optional fallback after a bar, {{First name|there}}. Parsing never throws:
 * every mistake a person can type comes back as an error with its position.
 */

export const MAX_TEMPLATE_CHARS = 50_000;

export interface TemplatePlaceholder {
  /** The field name as written, trimmed. */
  name: string;
  /** Text used when the value is empty; '' for {{Name|}} (empty on purpose). */
  fallback?: string;
  /** Offset of the opening "{{" in the template text. */
  position: number;
}

export type TemplatePart = { kind: 'text'; text: string } | ({ kind: 'placeholder' } & TemplatePlaceholder);

export type TemplateErrorCode = 'not_text' | 'too_long' | 'unclosed' | 'nested' | 'empty' | 'stray_close' | 'line_break' | 'brace';

export interface TemplateError {
  code: TemplateErrorCode;
  message: string;
  position: number;
}

export type ParsedTemplate = { ok: true; parts: TemplatePart[]; placeholders: TemplatePlaceholder[] } | { ok: false; error: TemplateError };

const OPEN = '{{';
const CLOSE = '}}';

export function parseTemplate(text: string): ParsedTemplate {
  if (typeof text !== 'string') return failure('not_text', 'The template must be text.', 0);
  if (text.length > MAX_TEMPLATE_CHARS) {
    return failure(
      'too_long',
      `The template is too long: ${grouped(text.length)} characters (the limit is ${grouped(MAX_TEMPLATE_CHARS)}).`,
      MAX_TEMPLATE_CHARS,
    );
  }
  const parts: TemplatePart[] = [];
  const placeholders: TemplatePlaceholder[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf(OPEN, cursor);
    const strayClose = text.indexOf(CLOSE, cursor);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      return failure('stray_close', `"}}" at ${where(text, strayClose)} has no matching "{{".`, strayClose);
    }
    if (open === -1) break;
    const close = text.indexOf(CLOSE, open + OPEN.length);
    const nextOpen = text.indexOf(OPEN, open + OPEN.length);
    if (close === -1 && nextOpen === -1) {
      return failure('unclosed', `"{{" at ${where(text, open)} is never closed with "}}".`, open);
    }
    if (nextOpen !== -1 && (close === -1 || nextOpen < close)) {
      return failure('nested', `"{{" at ${where(text, open)} is not closed before the next "{{" at ${where(text, nextOpen)}.`, open);
    }
    const inner = text.slice(open + OPEN.length, close);
    if (/[\r\n\u2028\u2029]/.test(inner)) {
      return failure('line_break', `The placeholder at ${where(text, open)} runs over a line break: close it with "}}" on the same line.`, open);
    }
    const brace = inner.search(/[{}]/);
    if (brace !== -1) {
      return failure('brace', `The placeholder at ${where(text, open)} contains a stray brace.`, open + OPEN.length + brace);
    }
    const bar = inner.indexOf('|');
    const name = (bar === -1 ? inner : inner.slice(0, bar)).trim();
    if (name === '') {
      return failure('empty', `Empty placeholder at ${where(text, open)}: put a field name inside, for example {{First name}}.`, open);
    }
    const placeholder: TemplatePlaceholder = bar === -1 ? { name, position: open } : { name, fallback: inner.slice(bar + 1).trim(), position: open };
    if (open > cursor) parts.push({ kind: 'text', text: text.slice(cursor, open) });
    parts.push({ kind: 'placeholder', ...placeholder });
    placeholders.push(placeholder);
    cursor = close + CLOSE.length;
  }
  if (cursor < text.length) parts.push({ kind: 'text', text: text.slice(cursor) });
  return { ok: true, parts, placeholders };
}

/** "line 3, column 7" for an offset, so a person can find the mistake in a long body. */
export function where(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

function failure(code: TemplateErrorCode, message: string, position: number): ParsedTemplate {
  return { ok: false, error: { code, message, position } };
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
