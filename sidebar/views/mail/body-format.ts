/**
 * The body editor's toolbar: each button writes the same Markdown-like
 * markers a person could type (the Templates tab stays readable text), around
 * the selection or at the caret, and says what to select next.
 */
export type BodyFormat = 'bold' | 'italic' | 'link' | 'bullets' | 'numbers';

export interface Edited {
  text: string;
  start: number;
  end: number;
}

const ADDRESS = 'https://';

export function applyFormat(text: string, start: number, end: number, format: BodyFormat): Edited {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end));
  const selected = text.slice(from, to);
  const around = (open: string, close: string): Edited => {
    // Pressing Bold again on a bold selection takes the markers off.
    if (text.slice(from - open.length, from) === open && text.slice(to, to + close.length) === close) {
      return { text: text.slice(0, from - open.length) + selected + text.slice(to + close.length), start: from - open.length, end: to - open.length };
    }
    return { text: text.slice(0, from) + open + selected + close + text.slice(to), start: from + open.length, end: to + open.length };
  };
  switch (format) {
    case 'bold':
      return around('**', '**');
    case 'italic':
      return around('*', '*');
    case 'link': {
      const isAddress = /^(https?:\/\/|mailto:)\S+$/i.test(selected.trim());
      const label = selected || 'link';
      const address = isAddress ? selected.trim() : ADDRESS;
      const inserted = `[${label}](${address})`;
      const addressAt = from + label.length + 3;
      // The address is selected so the next keystrokes replace it; a selected address is kept and its label selected instead.
      return isAddress
        ? { text: text.slice(0, from) + inserted + text.slice(to), start: from + 1, end: from + 1 + label.length }
        : { text: text.slice(0, from) + inserted + text.slice(to), start: addressAt, end: addressAt + address.length };
    }
    case 'bullets':
    case 'numbers':
      return listLines(text, from, to, format);
  }
}

const MARKER = /^([ \t]{0,3})(?:[-*•]|\d{1,9}[.)])[ \t]+/;

/** Every line the selection touches becomes an item; pressed again on a list of that kind, the markers go. */
function listLines(text: string, from: number, to: number, format: 'bullets' | 'numbers'): Edited {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const nextBreak = text.indexOf('\n', to > from && text[to - 1] === '\n' ? to - 1 : to);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const kindOf = (line: string) => (/^[ \t]{0,3}[-*•][ \t]+/.test(line) ? 'bullets' : /^[ \t]{0,3}\d{1,9}[.)][ \t]+/.test(line) ? 'numbers' : null);
  const filled = lines.filter((l) => l.trim() !== '');
  const off = filled.length > 0 && filled.every((l) => kindOf(l) === format);
  let n = 0;
  const changed = lines.map((line) => {
    if (line.trim() === '' && lines.length > 1) return line;
    const bare = line.replace(MARKER, '$1');
    if (off) return bare;
    n += 1;
    return `${format === 'bullets' ? '- ' : `${n}. `}${bare.trimStart()}`;
  });
  const block = changed.join('\n');
  return {
    text: text.slice(0, lineStart) + block + text.slice(lineEnd),
    start: lineStart + (lines.length === 1 ? block.length : 0),
    end: lineStart + block.length,
  };
}

/** Ctrl/Cmd+B, I and K, as in mail clients. */
export function shortcutFormat(e: { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): BodyFormat | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  // The physical key, so Ctrl+B is bold on a Russian or Ukrainian layout too (where the key types "и").
  const key = /^Key[A-Z]$/.test(e.code ?? '') ? (e.code as string).slice(3).toLowerCase() : e.key.toLowerCase();
  return key === 'b' ? 'bold' : key === 'i' ? 'italic' : key === 'k' ? 'link' : null;
}
