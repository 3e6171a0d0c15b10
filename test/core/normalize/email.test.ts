import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEmail, emailKey } from '../../../src/core/normalize/email';

describe('checkEmail', () => {
  it('lower-cases and trims a valid address', () => {
    expect(checkEmail('  Ivan.Petrov@Mail.RU ')).toEqual({ ok: true, email: 'ivan.petrov@mail.ru' });
  });
  it('suggests the intended domain for a known typo', () => {
    expect(checkEmail('anna@gmial.com')).toEqual({ ok: false, reason: 'invalid', suggestion: 'anna@gmail.com' });
  });
  it.each(['', 'plain', 'a@b', '<script>@x.com', '=1+1@x.com x', 'a@@b.com', 'a..b@x.com', 'x'.repeat(300) + '@a.com'])('rejects %j', (raw) =>
    expect(checkEmail(raw).ok).toBe(false),
  );
});

describe('emailKey', () => {
  it('drops dots and +tags only where the provider ignores them', () => {
    expect(emailKey('A.Petrov+shop@GoogleMail.com')).toBe('apetrov@gmail.com');
    expect(emailKey('a.petrov+shop@outlook.com')).toBe('a.petrov@outlook.com');
    expect(emailKey('a.petrov+shop@firma.ro')).toBe('a.petrov+shop@firma.ro');
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.emailAddress(), (e) => emailKey(emailKey(e)) === emailKey(e)));
  });
});
