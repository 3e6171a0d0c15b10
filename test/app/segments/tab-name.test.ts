import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTabNames, isSegmentTabNote, segmentTabName, segmentTabNote, SEGMENT_TAB_PREFIX } from '../../../src/app/segments/tab-name';

describe('segment tab names', () => {
  it('prefix the segment name so it cannot clash with the tabs the add-on manages', () => {
    expect(segmentTabName('Hot')).toBe('Seg · Hot');
    expect(segmentTabName('Clients')).toBe('Seg · Clients');
  });

  it.each([
    ['Piter: [events]/*?\\', 'Seg · Piter events'],
    ['  many   spaces\tand\nbreaks ', 'Seg · many spaces and breaks'],
    ["'quoted'", 'Seg · quoted'],
    ['', 'Seg · Segment'],
    ['[]*?:/\\', 'Seg · Segment'],
    ['=HYPERLINK("x")', 'Seg · =HYPERLINK("x")'],
    ['Клиенты Chișinău 🔥', 'Seg · Клиенты Chișinău 🔥'],
  ])('cleans %j to %j', (name, tab) => {
    expect(segmentTabName(name)).toBe(tab);
  });

  it('are at most 100 UTF-16 units, never with half an emoji, and never contain the refused characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('', ' (2)', ' (12)'), (name, suffix) => {
        const tab = segmentTabName(name, suffix);
        expect(tab.length).toBeLessThanOrEqual(100);
        expect(tab.startsWith(SEGMENT_TAB_PREFIX)).toBe(true);
        expect(tab.slice(SEGMENT_TAB_PREFIX.length)).not.toMatch(/[[\]*?:/\\\u0000-\u001f]/);
        expect(tab).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        expect(tab.endsWith(suffix)).toBe(true);
      }),
    );
    expect(segmentTabName('x'.repeat(50_001))).toBe(`Seg · ${'x'.repeat(94)}`);
    expect(segmentTabName('😀'.repeat(60)).length).toBe(100);
  });

  it('are unique ignoring case and avoid tabs that exist', () => {
    expect(assignTabNames(['Hot', 'HOT', 'A/B', 'AB', 'A B'], new Set(['Seg · Hot']))).toEqual([
      'Seg · Hot (2)',
      'Seg · HOT (3)',
      'Seg · A B',
      'Seg · AB',
      'Seg · A B (2)',
    ]);
  });

  it('mark the tabs the add-on made with a note on A1', () => {
    expect(isSegmentTabNote(segmentTabNote('Hot'))).toBe(true);
    expect(isSegmentTabNote('my own notes')).toBe(false);
    expect(isSegmentTabNote(undefined)).toBe(false);
  });
});
