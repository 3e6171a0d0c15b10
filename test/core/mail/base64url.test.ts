import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64UrlDecode, base64UrlEncode, utf8Bytes, utf8Text } from '../../../src/core/mail/base64url';

describe('utf8Bytes / utf8Text', () => {
  it('encodes like TextEncoder, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
        expect(utf8Bytes(text)).toEqual(Array.from(new TextEncoder().encode(text)));
      }),
    );
  });
  it('round-trips well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
        expect(utf8Text(utf8Bytes(text))).toBe(text);
      }),
    );
  });
  it.each([[[0xc0, 0x80]], [[0xe0, 0x80, 0x80]], [[0xed, 0xa0, 0x80]], [[0xff]], [[0xe2, 0x82]], [[0x80]]])('rejects malformed bytes %j', (bytes) =>
    expect(utf8Text(bytes)).toBeUndefined(),
  );
});

describe('base64UrlEncode / base64UrlDecode', () => {
  it('matches Node’s base64url and round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const encoded = base64UrlEncode(Array.from(bytes));
        expect(encoded).toBe(Buffer.from(bytes).toString('base64url'));
        expect(base64UrlDecode(encoded)).toEqual(Array.from(bytes));
      }),
    );
  });
  it.each(['a', 'ab==', 'a+b/', 'ab c', 'AB', 'é'])('rejects %j', (text) => {
    expect(base64UrlDecode(text)).toBeUndefined();
  });
});
