import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_TEMPLATE_CHARS, parseTemplate, where } from '../../../src/core/mail/template';

const errorOf = (text: string) => {
  const parsed = parseTemplate(text);
  if (parsed.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  return parsed.error;
};

describe('parseTemplate', () => {
  it('splits text and placeholders, with fallbacks and positions', () => {
    const parsed = parseTemplate('Hello {{First name|there}}, your code is {{ Code }}.');
    expect(parsed).toEqual({
      ok: true,
      parts: [
        { kind: 'text', text: 'Hello ' },
        { kind: 'placeholder', name: 'First name', fallback: 'there', position: 6 },
        { kind: 'text', text: ', your code is ' },
        { kind: 'placeholder', name: 'Code', position: 41 },
        { kind: 'text', text: '.' },
      ],
      placeholders: [
        { name: 'First name', fallback: 'there', position: 6 },
        { name: 'Code', position: 41 },
      ],
    });
  });

  it('keeps an explicitly empty fallback apart from no fallback', () => {
    const parsed = parseTemplate('{{Title|}} {{Title}}');
    expect(parsed.ok && parsed.placeholders.map((p) => p.fallback)).toEqual(['', undefined]);
  });

  it('splits the fallback at the first bar only', () => {
    const parsed = parseTemplate('{{Name|a|b}}');
    expect(parsed.ok && parsed.placeholders[0]).toEqual({ name: 'Name', fallback: 'a|b', position: 0 });
  });

  it('accepts single braces, Cyrillic names and emoji fallbacks', () => {
    const parsed = parseTemplate('{json} {{Имя|друг 🙂}} a}b{c');
    expect(parsed.ok && parsed.placeholders).toEqual([{ name: 'Имя', fallback: 'друг 🙂', position: 7 }]);
  });

  it('returns an empty template as no parts', () => {
    expect(parseTemplate('')).toEqual({ ok: true, parts: [], placeholders: [] });
  });

  it.each([
    ['Hi {{First name', 'unclosed', 3],
    ['Hi {{}} there', 'empty', 3],
    ['Hi {{  |there}}', 'empty', 3],
    ['Hi {{First {{Last}}', 'nested', 3],
    ['Hi {{First, see {{Last}} ok', 'nested', 3],
    ['Hi First}} there', 'stray_close', 8],
    ['{{Name}} and }}', 'stray_close', 13],
    ['Hi {{First\nname}}', 'line_break', 3],
    ['{{{Name}}}', 'brace', 2],
    ['{{Na}me}}', 'brace', 4],
  ] as const)('rejects %j with a %s error at %i', (text, code, position) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.position).toBe(position);
    expect(error.message).toMatch(/line \d+, column \d+/);
  });

  it('points to the line and column of the mistake in a long body', () => {
    const text = 'Dear client,\n\nThanks for your order.\nYour manager: {{Manager\n\nBye {{Sign}}';
    const error = errorOf(text);
    expect(error.code).toBe('nested');
    expect(error.message).toContain('"{{" at line 4, column 15 is not closed before the next "{{" at line 6, column 5');
  });

  it('rejects a body of 50,001 characters and accepts 50,000', () => {
    expect(errorOf('x'.repeat(MAX_TEMPLATE_CHARS + 1))).toEqual({
      code: 'too_long',
      message: 'The template is too long: 50,001 characters (the limit is 50,000).',
      position: MAX_TEMPLATE_CHARS,
    });
    expect(parseTemplate('x'.repeat(MAX_TEMPLATE_CHARS)).ok).toBe(true);
  });

  it('handles a body full of placeholders at the size limit', () => {
    const text = '{{A}}'.repeat(MAX_TEMPLATE_CHARS / 5);
    const parsed = parseTemplate(text);
    expect(parsed.ok && parsed.placeholders.length).toBe(10_000);
  });

  it.each([null, undefined, 42, {}, ['{{x}}']])('rejects a non-string %j without throwing', (value) => {
    expect(errorOf(value as unknown as string).code).toBe('not_text');
  });

  it('never throws, and what it accepts re-assembles to the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '|', 'a', ' ', '\n', 'я', '😀') }), (text) => {
        const parsed = parseTemplate(text);
        if (!parsed.ok) {
          expect(parsed.error.position).toBeGreaterThanOrEqual(0);
          expect(parsed.error.position).toBeLessThanOrEqual(text.length);
          return;
        }
        const rebuilt = parsed.parts.map((p) => (p.kind === 'text' ? p.text : text.slice(p.position, text.indexOf('}}', p.position) + 2))).join('');
        expect(rebuilt).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('treats text without "{{" or "}}" as one text part', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }).filter((t) => t !== '' && !t.includes('{{') && !t.includes('}}')),
        (text) => {
          expect(parseTemplate(text)).toEqual({ ok: true, parts: [{ kind: 'text', text }], placeholders: [] });
        },
      ),
    );
  });
});

describe('where', () => {
  it('counts lines and columns from 1', () => {
    expect(where('ab\ncd', 0)).toBe('line 1, column 1');
    expect(where('ab\ncd', 4)).toBe('line 2, column 2');
  });
});
