import { describe, expect, it } from 'vitest';
import { languageOfValue, recipientLanguage, templateLanguage } from '../../../src/core/mail/recipient-language';
import { footerFor } from '../../../src/core/mail/unsubscribe';

describe('the recipient’s language', () => {
  it.each([
    ['ru', 'ru'],
    ['RU-ru', 'ru'],
    ['Русский', 'ru'],
    ['українська', 'uk'],
    ['UA', 'uk'],
    ['Română', 'ro'],
    ['romana', 'ro'],
    ['mo', 'ro'],
    ['English', 'en'],
    ['', undefined],
    ['=IMPORTXML()', undefined],
    ['🇺🇦', undefined],
  ])('%j → %s', (value, lang) => expect(languageOfValue(value)).toBe(lang));

  it('reads a template’s language from its letters, not its placeholders', () => {
    expect(templateLanguage('Здравствуйте, {{First name}}', 'Ждём вас')).toBe('ru');
    expect(templateLanguage('Вітаємо, {{Ім’я}}', 'Чекаємо на вас у четвер')).toBe('uk');
    expect(templateLanguage('Bună ziua', 'Vă așteptăm')).toBe('ro');
    expect(templateLanguage('Hello {{Имя}}', 'See you')).toBe('en');
    expect(templateLanguage('', '')).toBe('en');
  });

  it('takes the Language column first, any of its names, and the template when it says nothing usable', () => {
    const tpl = { subject: 'Здравствуйте', body: '' };
    expect(recipientLanguage({ Язык: 'uk' }, tpl)).toBe('uk');
    expect(recipientLanguage({ Limba: 'ro' }, tpl)).toBe('ro');
    expect(recipientLanguage({ Language: 'klingon' }, tpl)).toBe('ru');
    expect(recipientLanguage({ City: 'uk' }, tpl)).toBe('ru');
  });

  it('words the footer in each language', () => {
    const url = 'https://script.google.com/macros/s/X/exec';
    const token = 'abc.def';
    expect(footerFor({ webAppUrl: url, token, lang: 'uk' }).html).toContain('>відписатися</a>');
    expect(footerFor({ webAppUrl: url, token, lang: 'ro' }).html).toContain('>dezabonare</a>');
    expect(footerFor({ lang: 'ro' }).text).toBe('Răspundeți la acest e-mail pentru a nu mai primi mesaje.');
  });
});
