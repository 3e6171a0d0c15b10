import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areNicknameEquivalent, isKnownGivenName, nameFamilies } from '../../../src/core/normalize/nicknames';

describe('nickname table', () => {
  it.each([
    ['Rob', 'Robert'],
    ['Bob', 'Robert'],
    ['Robbie', 'Robert'],
    ['Bill', 'William'],
    ['Will', 'William'],
    ['Liz', 'Elizabeth'],
    ['Beth', 'Elizabeth'],
    ['Peggy', 'Margaret'],
    ['Jack', 'John'],
    ['Ted', 'Edward'],
    ['Саша', 'Александр'],
    ['Шура', 'Александра'],
    ['Саша', 'Alexander'],
    ['Sasha', 'Александра'],
    ['Женя', 'Евгений'],
    ['Женя', 'Евгения'],
    ['Zhenya', 'Yevgeny'],
    ['Дима', 'Дмитрий'],
    ['Dima', 'Dmitriy'],
    ['Катя', 'Екатерина'],
    ['Katya', 'Ekaterina'],
    ['Таня', 'Татьяна'],
    ['Tanya', 'Tatiana'],
    ['Лёша', 'Алексей'],
    ['Lyosha', 'Aleksey'],
    ['Ваня', 'Иван'],
    ['Оля', 'Ольга'],
    ['Серёжа', 'Сергей'],
    ['Микола', 'Николай'],
    ['Олександр', 'Александр'],
    ['Oleksandr', 'Alexander'],
    ['Наташа', 'Наталья'],
    ['Маша', 'Мария'],
    ['Коля', 'Николай'],
    ['Петя', 'Пётр'],
    ['Вова', 'Владимир'],
    ['Володя', 'Владимир'],
    ['Vova', 'Volodymyr'],
    ['Миша', 'Михаил'],
    ['Misha', 'Mikhail'],
    ['Настя', 'Анастасия'],
    ['Юра', 'Юрий'],
    ['Yura', 'Yuri'],
    ['Mihai', 'Mihail'],
    ['Costel', 'Constantin'],
    ['Sandu', 'Alexandru'],
  ])('%s = %s', (a, b) => {
    expect(areNicknameEquivalent(a, b)).toBe(true);
    expect(areNicknameEquivalent(b, a)).toBe(true);
  });

  it.each([
    ['Robert', 'William'],
    ['John', 'Ivan'],
    ['Саша', 'Дмитрий'],
    ['Катя', 'Таня'],
    ['Alexander', 'Alexey'],
    ['Michael', 'Mitchell'],
  ])('%s is not %s', (a, b) => {
    expect(areNicknameEquivalent(a, b)).toBe(false);
  });

  it('knows a few hundred names', () => {
    const sample = ['Robert', 'Александр', 'Олександр', 'Ion', 'Екатерина', 'Margaret', 'Тарас', 'Ярослава', 'Bogdan'];
    for (const name of sample) expect(isKnownGivenName(name)).toBe(true);
    expect(isKnownGivenName('Wojciechowski')).toBe(false);
  });

  it('never throws and unknown or hostile input matches nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('', 'x'.repeat(50_001), '=1+1', '<script>', '🎉')), (s) => {
        expect(Array.isArray(nameFamilies(s))).toBe(true);
        expect(areNicknameEquivalent(s, '')).toBe(false);
      }),
    );
  });
});
