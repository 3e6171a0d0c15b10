import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../src/core/dedupe/engine';

const reasonsFor = (cityA: string, cityB: string) => {
  const { pairs } = findDuplicates(
    [
      { id: 'a', firstName: 'Иван', lastName: 'Петров', city: cityA, emails: ['ivan.petrov@mail.ru'] },
      { id: 'b', firstName: 'Иван', lastName: 'Петров', city: cityB, emails: ['i.petrov@gmail.com'] },
    ],
    { possibleThreshold: 0 },
  );
  return pairs.flatMap((p) => p.reasons);
};

describe('duplicates compare cities across languages', () => {
  it.each([
    ['Москва', 'Moscow'],
    ['г. Москва', 'Москва'],
    ['СПб', 'St. Petersburg'],
    ['Київ', 'Киев'],
    ['Chișinău', 'Кишинёв'],
  ])('%s and %s are the same city', (a, b) => {
    expect(reasonsFor(a, b)).toContain('same city');
  });

  it('still tells two cities apart', () => {
    expect(reasonsFor('Москва', 'Київ')).not.toContain('same city');
  });
});
