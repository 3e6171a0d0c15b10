// Found in the walk-through: a group of one fix read "Review each of the 1 fixes".
import { describe, expect, it } from 'vitest';
import { reviewMessages } from '../../../sidebar/views/check/review-messages';

describe('the review link of a fix group', () => {
  it('says one fix in the singular, and counts several', () => {
    expect(reviewMessages('en').review(1)).toBe('Review the fix');
    expect(reviewMessages('en').review(4)).toBe('Review each of the 4 fixes');
    expect(reviewMessages('ro').review(1)).toBe('Verificați corectura');
    for (const lang of ['en', 'ru', 'uk', 'ro'] as const) expect(reviewMessages(lang).review(1)).not.toMatch(/\b1 (fixes|corecturi)\b/);
  });
});
