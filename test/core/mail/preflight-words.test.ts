import { describe, expect, it } from 'vitest';
import { quotaAssumption, receivedWords, recentWords } from '../../../src/core/mail/preflight-words';
import type { LANGS } from '../../../src/core/i18n/lang';

const cyrillic = /[а-яіїєґ]/i;
const romanianLetters = /[ăâîșț]/i;

describe('the mail pre-flight in each language', () => {
  it('words the already-received, recently-contacted and quota lines in uk and ro too, not in English', () => {
    const lines = (lang: (typeof LANGS)[number]) => [
      receivedWords(3, '2026-12-01', false, lang),
      receivedWords(1, '2026-12-01', true, lang),
      recentWords(22, { days: 5, mode: 'skip' }, lang),
      recentWords(1, { days: 1, mode: 'warn' }, lang),
      quotaAssumption(42, 100, true, lang),
    ];
    const english = lines('en');
    for (const lang of ['ru', 'uk', 'ro'] as const) {
      const local = lines(lang);
      local.forEach((line, i) => expect(line, `${lang} ${i}`).not.toBe(english[i]));
      for (const line of local) expect(line).toMatch(lang === 'ro' ? romanianLetters : cyrillic);
    }
    expect(receivedWords(3, '2026-12-01', false, 'uk')).toBe(
      '3 одержувачі вже отримали цей лист 2026-12-01: їх пропущено. Щоб надіслати їм знову, позначте «Надіслати знову тим, хто вже отримав».',
    );
    expect(recentWords(22, { days: 5, mode: 'skip' }, 'ru')).toBe(
      'С 22 получателями был контакт за последние 5 дней: они пропущены (Settings: contactPauseDays).',
    );
    expect(receivedWords(20, '2026-12-01', false, 'ro')).toMatch(/^20 de destinatari au primit deja/);
    expect(quotaAssumption(42, 100, true, 'ro')).toBe(' Azi se mai pot trimite 42; apoi câte 100 pe zi (limita unui cont Google obișnuit).');
  });
});
