import { describe, expect, it } from 'vitest';
import { messages as board } from '../../../sidebar/views/board/messages';
import { messages as bulk } from '../../../sidebar/views/bulk/messages';
import { messages as duplicates } from '../../../sidebar/views/duplicates/messages';
import { messages as fields } from '../../../sidebar/views/fields/messages';

const shape = (m: object) => Object.entries(m).map(([k, v]) => [k, typeof v, typeof v === 'function' ? v.length : 0]);

describe.each([
  ['board', board],
  ['bulk', bulk],
  ['duplicates', duplicates],
  ['fields', fields],
] as const)('%s messages', (_name, messages) => {
  it('have the same keys and signatures in all four languages', () => {
    for (const locale of ['ru', 'uk', 'ro'] as const) expect(shape(messages[locale]), locale).toEqual(shape(messages.en));
  });

  it('are translated: Russian and Ukrainian strings are Cyrillic, Romanian ones differ from English', () => {
    for (const [k, v] of Object.entries(messages.ru)) if (typeof v === 'string') expect(v, k).toMatch(/[а-яё]/i);
    for (const [k, v] of Object.entries(messages.uk)) if (typeof v === 'string') expect(v, k).toMatch(/[а-яєіїґ]/i);
    const same = Object.entries(messages.ro).filter(([k, v]) => typeof v === 'string' && v === (messages.en as Record<string, unknown>)[k]);
    // Words that are the same in both languages ("Manager", "Segment") are allowed, a copied sentence is not.
    expect(same.filter(([, v]) => String(v).includes(' '))).toEqual([]);
  });
});
