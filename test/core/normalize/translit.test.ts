import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cyrillicToLatin, foldToLatin, hasCyrillic, latinSkeleton } from '../../../src/core/normalize/translit';

const HOSTILE = [
  '',
  ' ',
  'x'.repeat(50_001),
  '=HYPERLINK("http://x","y")',
  '+1',
  '-1',
  '@x',
  '<img src=x onerror=alert(1)>',
  'Ivanов',
  '👩‍💻🎉',
  '\u0000\uffff',
  '\ud800',
];

describe('latinSkeleton: one spelling for the usual romanisations', () => {
  it.each([
    ['Александр', 'Aleksandr'],
    ['Щербаков', 'Shcherbakov'],
    ['Щербаков', 'Scherbakov'],
    ['Жуков', 'Zhukov'],
    ['Хабаров', 'Khabarov'],
    ['Хабаров', 'Habarov'],
    ['Юрий', 'Yuriy'],
    ['Юрий', 'Iurii'],
    ['Юрий', 'Yury'],
    ['Дмитрий', 'Dmitry'],
    ['Алексей', 'Alexei'],
    ['Сергей', 'Sergej'],
    ['Артём', 'Artem'],
    ['Цой', 'Tsoi'],
    ['Наталья', 'Natalia'],
    ['Євген', 'Yevhen'],
    ['Ґалаґан', 'Galagan'],
    ['Ковальчук', 'Kovalchuk'],
    ['Ștefănescu', 'Stefanescu'],
    ['Ţurcanu', 'Turcanu'],
  ])('%s ~ %s', (a, b) => {
    expect(latinSkeleton(a)).toBe(latinSkeleton(b));
  });

  it('keeps different names apart', () => {
    expect(latinSkeleton('Петров')).not.toBe(latinSkeleton('Петрова'));
    expect(latinSkeleton('Иванов')).not.toBe(latinSkeleton('Смирнов'));
    expect(latinSkeleton('Alexander')).not.toBe(latinSkeleton('Alexandra'));
  });

  it('is idempotent, case-insensitive and never throws, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE)), (s) => {
        const once = latinSkeleton(s);
        expect(latinSkeleton(once)).toBe(once);
        expect(latinSkeleton(s.toUpperCase())).toBe(latinSkeleton(s.toLowerCase()));
      }),
    );
  });
});

describe('foldToLatin', () => {
  it('drops Romanian, German and Polish diacritics and romanises Cyrillic', () => {
    expect(foldToLatin('Șerban Țăranu Îndrăgită Mâță')).toBe('serban taranu indragita mata');
    expect(foldToLatin('Łukasz Müller Straße')).toBe('lukasz muller strasse');
    expect(foldToLatin('Щука Жора Хмель Йошкар Ёлка')).toBe('shchuka zhora khmel yoshkar yolka');
  });

  it('reads Г as H and И as Y only in Ukrainian text', () => {
    expect(cyrillicToLatin('Григорій')).toBe('hryhoriy');
    expect(cyrillicToLatin('Григорий')).toBe('grigoriy');
    expect(cyrillicToLatin('Їжак Єва')).toBe('yizhak yeva');
  });

  it('romanises a Cyrillic letter written with a mark (ѐ, ѝ) in one pass, as its bare letter would be', () => {
    expect(foldToLatin('ѐ')).toBe(foldToLatin('е'));
    expect(foldToLatin('Ѝван')).toBe(foldToLatin('Иван'));
    expect(foldToLatin(foldToLatin('ѐ'))).toBe(foldToLatin('ѐ'));
  });

  it('leaves no Cyrillic behind, even for letters it has no romanisation for (Ѡ, Ѣ, Ѳ): folding twice changes nothing', () => {
    for (const s of ['Ѡ', 'ѣ', 'Ѳома', 'Ѧ Иван']) {
      const once = foldToLatin(s);
      expect(hasCyrillic(once), s).toBe(false);
      expect(foldToLatin(once), s).toBe(once);
    }
    expect(foldToLatin('Ѳома')).toBe('oma');
    expect(foldToLatin('Ѧ Иван')).toBe(' ivan');
  });

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE)), (s) => {
        const once = foldToLatin(s);
        expect(foldToLatin(once)).toBe(once);
        expect(hasCyrillic(once)).toBe(false);
      }),
    );
  });
});
