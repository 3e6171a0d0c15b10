// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewDto } from '../../../../src/server';
import { click, fastTiming, ok, session, unmount, waitFor } from '../../dom';
import { startApp } from '../support';

/** A Duplicates tab written by an English base: the reasons are the finder's English words. */
const REVIEW: ReviewDto = {
  groups: [
    {
      group: 1,
      score: 1,
      level: 'sure',
      survivorId: 'C1',
      members: [
        { id: 'C1', name: 'Александр Щербаков', updated: '2026-12-01T10:00:00.000Z', why: 'sure duplicate group of 2' },
        {
          id: 'C2',
          name: 'Саша Щербаков',
          updated: '2026-12-01T10:00:00.000Z',
          why: 'same phone; same last name; nickname match on first name (Александр = Саша)',
        },
      ],
      fields: [
        { name: 'First name', values: ['Александр', 'Саша'], differs: true },
        { name: 'Birthday', values: ['1998-04-18', ''], differs: true },
      ],
      preselected: { C1: { 'First name': { pick: 0 }, Birthday: { pick: 0 } }, C2: { 'First name': { pick: 1 }, Birthday: { pick: 0 } } },
    },
  ],
  more: 0,
  missing: [],
};

function open(locale: 'en' | 'ru') {
  return startApp({ apiDuplicateReview: () => ok(REVIEW), apiListMerges: () => ok([]) }, session({ role: 'admin', locale, view: 'duplicates' })).root;
}

beforeEach(() => fastTiming());
afterEach(() => unmount());

describe('duplicates review in the reader’s language and date format', () => {
  it('a Russian sidebar rewords the reasons an English base wrote, in the list and in the comparison', async () => {
    const root = open('ru');
    const item = await waitFor(() => root.querySelector('#cb-panel-duplicates li'));
    expect(item.textContent).toContain('совпадает: телефон');
    expect(item.textContent).not.toContain('same phone');
    await click(item.querySelector<HTMLElement>('button')!);
    const member = await waitFor(() => root.querySelectorAll('.dup-member')[1]);
    expect(member.textContent).toContain('совпадает: телефон');
    expect(root.querySelectorAll('.dup-member')[0].textContent).toContain('точно дубликаты, группа из 2');
    // Dates in the comparison read as elsewhere in the sidebar, not as the tab's ISO text.
    expect(root.querySelector('.dup-table')!.textContent).toContain('18.04.1998');
  });

  it('an English sidebar shows them as written', async () => {
    const root = open('en');
    const item = await waitFor(() => root.querySelector('#cb-panel-duplicates li'));
    expect(item.textContent).toContain('same phone; same last name');
    await click(item.querySelector<HTMLElement>('button')!);
    const table = await waitFor(() => root.querySelector('.dup-table'));
    expect(table.textContent).toContain('18 Apr 1998');
    expect(table.textContent).not.toContain('1998-04-18');
  });
});
