import { describe, expect, it } from 'vitest';
import { applyFormat, shortcutFormat } from '../../../sidebar/views/mail/body-format';

/** "a[b]c": the text with the selection marked, so each case reads as the user sees it. */
function edit(marked: string, kind: Parameters<typeof applyFormat>[3]): string {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  const text = marked.replace('[', '').replace(']', '');
  const out = applyFormat(text, start, end, kind);
  return `${out.text.slice(0, out.start)}[${out.text.slice(out.start, out.end)}]${out.text.slice(out.end)}`;
}

describe('the body toolbar', () => {
  it('wraps the selection in bold and italic markers, and takes them off when pressed again', () => {
    expect(edit('Our [spring] offer', 'bold')).toBe('Our **[spring]** offer');
    expect(edit('Our **[spring]** offer', 'bold')).toBe('Our [spring] offer');
    expect(edit('Our [spring] offer', 'italic')).toBe('Our *[spring]* offer');
    // Nothing selected: the markers go in with the caret between them, ready to type.
    expect(edit('Hi []', 'bold')).toBe('Hi **[]**');
  });

  it('makes a link of the selection and selects the address to type; a selected address keeps itself and selects the label', () => {
    expect(edit('See [the catalogue].', 'link')).toBe('See [the catalogue]([https://]).');
    expect(edit('See [https://shop.example/a].', 'link')).toBe('See [[https://shop.example/a]](https://shop.example/a).');
  });

  it('turns every line the selection touches into list items, numbered in order, and back', () => {
    expect(edit('Intro\n[Call\nVisit]\nBye', 'bullets')).toBe('Intro\n[- Call\n- Visit]\nBye');
    expect(edit('Intro\n[- Call\n- Visit]\nBye', 'bullets')).toBe('Intro\n[Call\nVisit]\nBye');
    expect(edit('C[al]l\nVisit', 'numbers')).toBe('1. Call[]\nVisit');
    expect(edit('[- Call\n- Visit]', 'numbers')).toBe('[1. Call\n2. Visit]');
  });

  it('keeps hostile text as it is: it only adds markers', () => {
    const hostile = '<img src=x onerror=alert(1)> =SUM(A1) Саша 👩‍💻';
    expect(edit(`[${hostile}]`, 'bold')).toBe(`**[${hostile}]**`);
  });

  it('reads Ctrl/Cmd+B, I, K by the physical key, so a Russian layout works too', () => {
    const base = { ctrlKey: true, metaKey: false, altKey: false, shiftKey: false };
    expect(shortcutFormat({ ...base, key: 'b' })).toBe('bold');
    expect(shortcutFormat({ ...base, key: 'и', code: 'KeyB' })).toBe('bold');
    expect(shortcutFormat({ ...base, key: 'ш', code: 'KeyI', ctrlKey: false, metaKey: true })).toBe('italic');
    expect(shortcutFormat({ ...base, key: 'k' })).toBe('link');
    expect(shortcutFormat({ ...base, key: 'b', shiftKey: true })).toBeNull();
    expect(shortcutFormat({ ...base, key: 'b', ctrlKey: false })).toBeNull();
  });
});
