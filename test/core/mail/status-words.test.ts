/**
 * The Mailings Status column in words: what a person reads, sorts and may
 * retype, and what a resumed mailing reads back as its state.
 */
import { describe, expect, it } from 'vitest';
import { parseStatus, rowsFromValues, statusText } from '../../../src/core/mail/campaign';
import { REASON_WORDS, statusCode, statusWords } from '../../../src/core/mail/status-words';

const LANGS = ['en', 'ru', 'uk', 'ro'] as const;
const REASONS = Object.keys(REASON_WORDS.en);
const CODES = [statusText.queued, statusText.sending, statusText.sent, statusText.failed('Invalid email: x@'), ...REASONS.map((r) => statusText.skipped(r))];

describe('Mailings Status in words', () => {
  it('is written in the tab language, never as a code', () => {
    expect(statusWords('sent', 'en')).toBe('Sent');
    expect(statusWords('skipped: missing_email', 'en')).toBe('Skipped: no email');
    expect(statusWords('skipped: opted_out', 'ru')).toBe('Пропущено: отписались');
    expect(statusWords('failed: Invalid email: x@', 'uk')).toBe('Помилка: Invalid email: x@');
    expect(statusWords('queued', 'ro')).toBe('În coadă');
    for (const lang of LANGS) {
      for (const code of CODES) {
        const words = statusWords(code, lang);
        expect(words).not.toBe(code);
        expect(words).not.toMatch(/^(queued|sending|sent|skipped|failed)\b|_/);
      }
    }
  });

  it('every reason has words in each language', () => {
    for (const lang of LANGS) expect(Object.keys(REASON_WORDS[lang]).sort()).toEqual([...REASONS].sort());
  });

  it('reads back to the same code from any of the four languages (no two words share a meaning)', () => {
    for (const lang of LANGS) for (const code of CODES) expect(statusCode(statusWords(code, lang))).toBe(code);
  });

  it('reads what a person retyped: case, spaces, missing accents, and the old codes', () => {
    expect(parseStatus(statusCode('  SENT '))).toEqual({ kind: 'sent' });
    expect(parseStatus(statusCode('отправлено'))).toEqual({ kind: 'sent' });
    expect(parseStatus(statusCode('In coada'))).toEqual({ kind: 'queued' });
    expect(parseStatus(statusCode('Пропущено:  НЕТ АДРЕСА'))).toEqual({ kind: 'skipped', reason: 'missing_email' });
    expect(parseStatus(statusCode('skipped: missing_email'))).toEqual({ kind: 'skipped', reason: 'missing_email' });
    expect(parseStatus(statusCode('failed: boom'))).toEqual({ kind: 'failed', error: 'boom' });
  });

  it('leaves anything else as a note, which is never sent', () => {
    expect(parseStatus(statusCode('call her first'))).toEqual({ kind: 'other', text: 'call her first' });
    expect(parseStatus(statusCode('Sent: maybe'))).toMatchObject({ kind: 'other' });
    expect(parseStatus(statusCode(''))).toMatchObject({ kind: 'other' });
    expect(statusWords('call her first', 'ru')).toBe('call her first');
  });

  it('rowsFromValues gives the state machine codes whatever the tab holds', () => {
    const rows = rowsFromValues([
      ['M', 'C1', 'a@x.com', 'Отправлено', '', ''],
      ['M', 'C2', 'b@x.com', 'Omis: fără adresă', '', ''],
      ['M', 'C3', 'c@x.com', 'Queued', '', ''],
    ]);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'skipped: missing_email', 'queued']);
  });
});
