import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { constantTimeEqual, footerFor, signToken, UNSUBSCRIBE_PARAM, verifyToken } from '../../../src/core/mail/unsubscribe';

// What the adapter does: HMAC-SHA256 with a secret, Base64 (standard alphabet, padded).
const hmacWith = (secret: string) => (message: string) => createHmac('sha256', secret).update(message).digest('base64');
const hmac = hmacWith('s3cret');

describe('signToken / verifyToken', () => {
  it('round-trips a client and campaign, including Cyrillic and emoji', () => {
    for (const [clientId, campaign] of [
      ['C-000123', 'Spring sale'],
      ['К-7', 'Весна 2025 🌷'],
      ['1', ''],
    ]) {
      const token = signToken(clientId, campaign, hmac);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(verifyToken(token, hmac)).toEqual({ clientId, campaign });
    }
  });

  it('is URL-safe even when the HMAC is standard Base64', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (clientId, campaign) => {
        const token = signToken(clientId, campaign, hmac);
        expect(encodeURIComponent(token)).toBe(token);
      }),
    );
  });

  it('rejects a token signed with another secret', () => {
    expect(verifyToken(signToken('C1', 'X', hmacWith('other')), hmac)).toBeNull();
  });

  it('rejects any single-character change', () => {
    const token = signToken('C-000123', 'Spring sale', hmac);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...alphabet), (at, char) => {
        fc.pre(token[at] !== char);
        expect(verifyToken(token.slice(0, at) + char + token.slice(at + 1), hmac)).toBeNull();
      }),
    );
  });

  it('rejects a payload swapped onto another token’s signature', () => {
    const [payloadA] = signToken('C1', 'X', hmac).split('.');
    const [, signatureB] = signToken('C2', 'X', hmac).split('.');
    expect(verifyToken(`${payloadA}.${signatureB}`, hmac)).toBeNull();
  });

  it.each(['', '.', 'abc', 'a.b.c', '<img src=x onerror=alert(1)>', '=HYPERLINK("x")', 'x'.repeat(50_001), 'Жжж.жжж', null, 42, {}])(
    'rejects the junk token %j without throwing',
    (junk) => {
      expect(verifyToken(junk, hmac)).toBeNull();
    },
  );

  it('rejects a correctly signed payload that is not a token', () => {
    const forge = (text: string) => {
      const payload = Buffer.from(text).toString('base64url');
      return `${payload}.${hmac(payload).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    };
    expect(verifyToken(forge('v1\nC1\nX'), hmac)).toEqual({ clientId: 'C1', campaign: 'X' });
    expect(verifyToken(forge('v2\nC1\nX'), hmac)).toBeNull();
    expect(verifyToken(forge('v1\n\nX'), hmac)).toBeNull();
    expect(verifyToken(forge('v1\nC1'), hmac)).toBeNull();
    expect(verifyToken(forge('v1\nC1\nX\nextra'), hmac)).toBeNull();
  });

  it('cannot smuggle a second line through the IDs', () => {
    const token = signToken('C1\nX', 'Y', hmac);
    expect(verifyToken(token, hmac)).toEqual({ clientId: 'C1 X', campaign: 'Y' });
  });

  it('returns null when the HMAC function throws', () => {
    const token = signToken('C1', 'X', hmac);
    expect(
      verifyToken(token, () => {
        throw new Error('no key');
      }),
    ).toBeNull();
  });
});

describe('constantTimeEqual', () => {
  it('is plain equality', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b);
      }),
    );
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});

describe('footerFor', () => {
  const url = 'https://script.google.com/macros/s/AKfy/exec';
  const token = signToken('C1', 'Spring', hmac);

  it('links to the web app with the token', () => {
    const footer = footerFor({ webAppUrl: url, token, lang: 'en' });
    expect(footer.text).toBe(`To stop receiving these messages, unsubscribe: ${url}?${UNSUBSCRIBE_PARAM}=${token}`);
    expect(footer.html).toBe(`To stop receiving these messages, unsubscribe: <a href="${url}?u=${token}">unsubscribe</a>`);
    expect(footerFor({ webAppUrl: `${url}?a=1`, token, lang: 'ru' }).text).toContain(`${url}?a=1&u=${token}`);
    expect(footerFor({ webAppUrl: url, token, lang: 'ru' }).html).toContain('>отписаться</a>');
  });

  it('asks the reader to reply when there is no web app', () => {
    expect(footerFor({ lang: 'en' })).toEqual({
      text: 'Reply to this email to stop receiving messages.',
      html: 'Reply to this email to stop receiving messages.',
    });
    expect(footerFor({ lang: 'ru', webAppUrl: url }).text).toBe('Чтобы больше не получать эти письма, ответьте на это сообщение.');
  });

  it.each(['javascript:alert(1)', 'http://plain.example/exec', 'https://x.example/"><script>alert(1)</script>', '  '])(
    'does not put the unsafe URL %j in a link',
    (webAppUrl) => {
      const footer = footerFor({ webAppUrl, token, lang: 'en' });
      expect(footer.text).toBe('Reply to this email to stop receiving messages.');
    },
  );

  it('does not link a token that is not one', () => {
    expect(footerFor({ webAppUrl: url, token: '"><b>', lang: 'en' }).html).not.toContain('<a');
  });
});
