import { describe, expect, it } from 'vitest';
import { shortKey } from '../../../src/core/mail/short-key';

describe('shortKey', () => {
  it('is stable (keys stored by earlier versions are found again) and short whatever the text', () => {
    expect(shortKey('dec offer spb')).toBe(shortKey('dec offer spb'));
    expect(shortKey('dec offer spb')).not.toBe(shortKey('dec offer spc'));
    const long = shortKey('Рассылка к Новому году для VIP-клиентов Санкт-Петербурга 🎄'.repeat(2000));
    expect(long).toMatch(/^[0-9a-z]{2,14}$/);
    expect(shortKey('')).toBe(`${(5381).toString(36)}${(52711).toString(36)}`);
  });
});
