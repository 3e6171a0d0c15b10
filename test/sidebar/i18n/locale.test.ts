import { afterEach, describe, expect, it, vi } from 'vitest';
import { guessLocale } from '../../../sidebar/i18n/locale';

describe('the sidebar guesses the language from the browser', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ['uk-UA', 'uk'],
    ['ro-RO', 'ro'],
    ['ro-MD', 'ro'],
    ['mo', 'ro'],
    ['ru-RU', 'ru'],
    ['be', 'ru'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
  ])('%s → %s', (language, locale) => {
    vi.stubGlobal('navigator', { language });
    expect(guessLocale()).toBe(locale);
  });
});
