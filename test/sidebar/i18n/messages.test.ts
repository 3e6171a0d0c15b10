import { describe, expect, it } from 'vitest';
import { en, type Messages } from '../../../sidebar/i18n/en';
import { ru } from '../../../sidebar/i18n/ru';
import { INTERACTION_TYPES } from '../../../src/core/schema/field';

// The typecheck is the first guard (ru is declared as Messages); this one also catches a cast.
const shape = (m: Messages) => Object.entries(m).map(([k, v]) => [k, typeof v, typeof v === 'function' ? v.length : 0]);

describe('messages', () => {
  it('has the same keys and signatures in English and Russian', () => {
    expect(shape(ru)).toEqual(shape(en));
  });

  it('names every interaction type in both languages', () => {
    for (const type of INTERACTION_TYPES) {
      expect(en.interactionTypes[type]).toBeTruthy();
      expect(ru.interactionTypes[type]).toBeTruthy();
    }
  });

  it('has no empty string and no English left in the Russian plain strings', () => {
    const plain = Object.entries(ru).filter(([, v]) => typeof v === 'string') as [string, string][];
    for (const [k, v] of plain) {
      expect(v, k).not.toBe('');
      if (!['appTitle', 'emptyOption'].includes(k)) expect(v, k).toMatch(/[а-яё]/i);
    }
  });

  it('uses Russian plural forms', () => {
    expect([1, 2, 5, 11, 21, 22, 112].map((n) => ru.overdue(n))).toEqual([
      'просрочено на 1 день',
      'просрочено на 2 дня',
      'просрочено на 5 дней',
      'просрочено на 11 дней',
      'просрочено на 21 день',
      'просрочено на 22 дня',
      'просрочено на 112 дней',
    ]);
    expect([1, 2].map((n) => en.overdue(n))).toEqual(['overdue 1 day', 'overdue 2 days']);
  });

  it('localises problems found in the browser in Russian, keeping the suggestion', () => {
    expect(ru.fieldProblem('Email', 'invalid_email', 'Email: "a@gmial.com" is not a valid address', 'a@gmail.com')).toBe(
      'Email: неверный адрес электронной почты — возможно, a@gmail.com?',
    );
    expect(en.fieldProblem('Email', 'invalid_email', 'Email: "x" is not a valid address', '')).toBe('Email: "x" is not a valid address');
  });
});
