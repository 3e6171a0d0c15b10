/**
 * Rich-text mail bodies from a Markdown-like source the author writes in the
 * Templates tab: **bold**, *italic*, [text](https://…), "- " and "1. " lists,
 * and the few tags people type by habit (<b>, <strong>, <i>, <em>, <u>, <br>,
 * no attributes). Everything else is escaped text.
 *
 * Markup is read from the author's text only: each placeholder is a sentinel
 * while the structure is parsed and its value is put in afterwards, escaped,
 * so a client's value can never open a tag, start a list or become a link.
 * A link whose address holds a placeholder is no link at all.
 */

import { BARE_LINK, namesHost, trimLink } from './bare-links';

/** Private-use characters framing a placeholder's index in the masked source. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SENTINELS = /[\uE000\uE001]/g;

export type RichPart = { kind: 'text'; text: string } | { kind: 'value'; text: string };

export interface RichMessage {
  html: string;
  text: string;
}

/** The author's parts and the recipient's values: HTML with only allow-listed markup, and its plain-text twin. */
export function renderRich(parts: readonly RichPart[]): RichMessage {
  const values: string[] = [];
  let masked = '';
  for (const part of parts) {
    if (part.kind === 'text') masked += part.text.replace(SENTINELS, '');
    else {
      masked += `${OPEN}${values.length}${CLOSE}`;
      values.push(part.text);
    }
  }
  const blocks = toBlocks(masked);
  return { html: blocksToHtml(blocks, values), text: blocksToText(blocks, values) };
}

/** Author's text only (a footer, an old plain body): the same rules, no values. */
export function richTextToHtml(text: string): string {
  return renderRich([{ kind: 'text', text }]).html;
}

type Block = { kind: 'lines'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[]; start: number };

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;
const BULLET = /^[ \t]{0,3}[-*•][ \t]+(.*)$/;
const NUMBERED = /^[ \t]{0,3}(\d{1,9})[.)][ \t]+(.*)$/;

function toBlocks(masked: string): Block[] {
  const blocks: Block[] = [];
  for (const line of masked.split(LINE_BREAK)) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const last = blocks[blocks.length - 1];
    if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      const item = bullet ? bullet[1] : (numbered as RegExpExecArray)[2];
      if (last && last.kind === kind) last.items.push(item);
      else blocks.push({ kind, items: [item], start: numbered ? Number(numbered[1]) : 1 });
    } else if (last && last.kind === 'lines') last.lines.push(line);
    else blocks.push({ kind: 'lines', lines: [line] });
  }
  return blocks;
}

function blocksToHtml(blocks: readonly Block[], values: readonly string[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'lines') return block.lines.map((line) => inlineHtml(line, values, true)).join('<br>\n');
      const start = block.kind === 'ol' && block.start !== 1 ? ` start="${block.start}"` : '';
      const items = block.items.map((item) => `<li>${inlineHtml(item, values, true)}</li>`).join('\n');
      return `<${block.kind}${start}>\n${items}\n</${block.kind}>`;
    })
    .join('\n');
}

function blocksToText(blocks: readonly Block[], values: readonly string[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'lines') return block.lines.map((line) => inlineText(line, values)).join('\n');
      return block.items.map((item, i) => `${block.kind === 'ul' ? '•' : `${block.start + i}.`} ${inlineText(item, values)}`).join('\n');
    })
    .join('\n');
}

const TAGS = 'b|strong|i|em|u';

/**
 * The inline constructs, earliest first: a value, **bold**, *italic*, an
 * allow-listed tag pair, <br>, [text](address). An unmatched marker is text.
 */
const INLINE = new RegExp(
  [
    `${OPEN}(\\d+)${CLOSE}`,
    '\\*\\*(?=\\S)([^\\n]*?\\S)\\*\\*',
    '(?<![\\p{L}\\p{N}*])\\*(?=[^\\s*])([^\\n*]*?[^\\s*])\\*(?![\\p{L}\\p{N}*])',
    `<(${TAGS})>([^\\n]*?)</\\4>`,
    '<br\\s*/?>',
    '\\[([^\\]\\n]+)\\]\\(([^()\\s]+)\\)',
  ].join('|'),
  'giu',
);

const TAG_HTML: Record<string, string> = { b: 'strong', strong: 'strong', i: 'em', em: 'em', u: 'u' };

function inlineHtml(text: string, values: readonly string[], links: boolean): string {
  let html = '';
  let cursor = 0;
  for (const m of text.matchAll(INLINE)) {
    const start = m.index ?? 0;
    if (start < cursor) continue;
    html += plainHtml(text.slice(cursor, start), links, m[1] !== undefined);
    cursor = start + m[0].length;
    if (m[1] !== undefined) html += valueHtml(values[Number(m[1])] ?? '');
    else if (m[2] !== undefined) html += `<strong>${inlineHtml(m[2], values, links)}</strong>`;
    else if (m[3] !== undefined) html += `<em>${inlineHtml(m[3], values, links)}</em>`;
    else if (m[4] !== undefined) {
      const tag = TAG_HTML[m[4].toLowerCase()];
      html += `<${tag}>${inlineHtml(m[5], values, links)}</${tag}>`;
    } else if (m[6] !== undefined) {
      const href = safeHref(m[7]);
      const label = inlineHtml(m[6], values, false);
      html += links && href ? `<a href="${escapeHtml(href)}">${label}</a>` : `${label} (${inlineHtml(m[7], values, false)})`;
    } else html += '<br>\n';
  }
  return html + plainHtml(text.slice(cursor), links, false);
}

function inlineText(text: string, values: readonly string[]): string {
  let out = '';
  let cursor = 0;
  for (const m of text.matchAll(INLINE)) {
    const start = m.index ?? 0;
    if (start < cursor) continue;
    out += text.slice(cursor, start);
    cursor = start + m[0].length;
    if (m[1] !== undefined) out += values[Number(m[1])] ?? '';
    else if (m[2] !== undefined) out += inlineText(m[2], values);
    else if (m[3] !== undefined) out += inlineText(m[3], values);
    else if (m[4] !== undefined) out += inlineText(m[5], values);
    else if (m[6] !== undefined) {
      const label = inlineText(m[6], values);
      const address = inlineText(m[7], values);
      const shown = address.replace(/^mailto:/i, '');
      out += label === address || label === shown ? label : `${label} (${shown})`;
    } else out += '\n';
  }
  return out + text.slice(cursor);
}

/** Only an address the author wrote whole: http(s) with a host, or mailto; never one a value is part of. */
export function safeHref(address: string): string | null {
  if (address.includes(OPEN)) return null;
  if (/^https?:\/\/[^/?#.\s]+\.[^\s]*$|^https?:\/\/localhost\b/i.test(address)) return address;
  if (/^mailto:[^\s@<>"']+@[^\s@<>"']+$/i.test(address)) return address;
  return null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function valueHtml(value: string): string {
  return escapeHtml(value).replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>\n');
}

/** Author's plain text: escaped, with the bare http(s) links they wrote made links. */
function plainHtml(text: string, links: boolean, valueFollows: boolean): string {
  if (!links) return escapeHtml(text);
  let html = '';
  let cursor = 0;
  for (const match of text.matchAll(BARE_LINK)) {
    const start = match.index ?? 0;
    // A URL running into a value ("https://shop.example/{{Path}}") is partly the client's: no link.
    if (valueFollows && start + match[0].length === text.length) continue;
    const url = trimLink(match[0]);
    if (!namesHost(url)) continue;
    html += escapeHtml(text.slice(cursor, start));
    const escaped = escapeHtml(url);
    html += `<a href="${escaped}">${escaped}</a>`;
    cursor = start + url.length;
  }
  return html + escapeHtml(text.slice(cursor));
}
