import { describe, expect, it } from 'vitest';
import { messages as adopt } from '../../../sidebar/views/adopt/messages';
import { messages as setup } from '../../../sidebar/views/setup/messages';
import { messages as snapshots } from '../../../sidebar/views/snapshots/messages';
import { VISIBLE_TABS } from '../../../sidebar/views/setup/setup-view';

const shape = (m: object) => Object.entries(m).map(([k, v]) => [k, typeof v, typeof v === 'function' ? v.length : 0]);

describe.each([
  ['adopt', adopt],
  ['setup', setup],
  ['snapshots', snapshots],
] as const)('%s messages', (_name, messages) => {
  it('have the same keys and signatures in English and Russian', () => {
    expect(shape(messages.ru)).toEqual(shape(messages.en));
  });

  it('are all translated: no empty Russian string, none without Cyrillic', () => {
    for (const [k, v] of Object.entries(messages.ru)) {
      if (typeof v !== 'string') continue;
      expect(v, k).toMatch(/[а-яё]/i);
    }
  });
});

describe('Set up messages', () => {
  it('describe every tab Set up creates, in both languages', () => {
    for (const tab of VISIBLE_TABS) {
      expect(setup.en.tabPurposes[tab], tab).toBeTruthy();
      expect(setup.ru.tabPurposes[tab], tab).toMatch(/[а-яё]/i);
    }
  });
});

describe('Adopt messages', () => {
  it('use Russian plurals', () => {
    expect([1, 2, 5, 21].map((n) => adopt.ru.adopted(n))).toEqual(['Принято: 1 клиент.', 'Принято: 2 клиента.', 'Принято: 5 клиентов.', 'Принято: 21 клиент.']);
    expect([1, 3].map((n) => adopt.en.adopt(n))).toEqual(['Adopt 1 client', 'Adopt 3 clients']);
  });
});
