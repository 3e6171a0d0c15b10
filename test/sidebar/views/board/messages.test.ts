import { describe, expect, it } from 'vitest';
import { boardMessages } from '../../../../sidebar/views/board/messages';

describe('board column totals', () => {
  it('name the sum of purchases in the reader’s language, and a money field by its own name', () => {
    expect(boardMessages('ru').money('', '27 124')).toBe('Покупки: 27 124');
    expect(boardMessages('uk').money('', '27 124')).toBe('Покупки: 27 124');
    expect(boardMessages('ro').money('', '27.124')).toBe('Achiziții: 27.124');
    expect(boardMessages('en').money('', '27,124')).toBe('Purchases: 27,124');
    expect(boardMessages('ru').money('Бюджет', '5 000')).toBe('Бюджет: 5 000');
  });
});
