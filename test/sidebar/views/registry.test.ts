import { describe, expect, it } from 'vitest';
import { isShown, VIEWS } from '../../../sidebar/views/registry';
import { session } from '../dom';

const shown = (s: ReturnType<typeof session>) => VIEWS.filter((v) => isShown(v, s)).map((v) => v.id);

describe('which views exist when', () => {
  it('offers only Set up on a blank spreadsheet and only Adopt on an existing list', () => {
    expect(shown(session({ fields: [], view: 'setup' }))).toEqual(['setup']);
    expect(shown(session({ fields: [], view: 'adopt' }))).toEqual(['adopt']);
  });

  it('hides Set up and Adopt once the base is set up, whatever view is asked for', () => {
    for (const view of ['client', 'due', 'snapshots'] as const) {
      const ids = shown(session({ view }));
      expect(ids).toContain('client');
      expect(ids).toContain('snapshots');
      expect(ids).not.toContain('setup');
      expect(ids).not.toContain('adopt');
    }
  });

  it('keeps Snapshots out of the tab bar (More menu)', () => {
    expect(VIEWS.find((v) => v.id === 'snapshots')!.place).toBe('more');
    expect(VIEWS.filter((v) => v.place !== 'more').map((v) => v.id)).not.toContain('snapshots');
  });
});
