import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

const { Utilities } = createEmulator().globals;
const signed = (buf: Buffer) => Array.from(buf, (b) => (b > 127 ? b - 256 : b));

describe('Utilities', () => {
  it('formatDate uses Java patterns in the given time zone', () => {
    const d = new Date('2024-01-31T21:05:09.007Z');
    expect(Utilities.formatDate(d, 'Europe/Moscow', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2024-02-01T00:05:09');
    expect(Utilities.formatDate(d, 'America/New_York', 'dd.MM.yy h:mm a')).toBe('31.01.24 4:05 PM');
    expect(Utilities.formatDate(d, 'UTC', 'EEE, d MMM yyyy HH:mm:ss.SSS Z')).toBe('Wed, 31 Jan 2024 21:05:09.007 +0000');
    expect(Utilities.formatDate(d, 'Europe/Kyiv', "MMMM d, yyyy 'o''clock' XXX")).toBe("January 31, 2024 o'clock +02:00");
    expect(() => Utilities.formatDate('2024-01-01' as unknown as Date, 'UTC', 'yyyy')).toThrow();
  });

  it('computeDigest and HMAC return signed bytes like Java', () => {
    const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'Привет');
    expect(digest).toEqual(signed(createHash('sha256').update('Привет', 'utf8').digest()));
    expect(digest.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(digest.some((b) => b < 0)).toBe(true);
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc')).toEqual(signed(createHash('md5').update('abc').digest()));
    expect(Utilities.computeHmacSha256Signature('msg', 'key')).toEqual(signed(createHmac('sha256', 'key').update('msg').digest()));
  });

  it('base64 round trips, web-safe alphabet, and bad input', () => {
    const encoded = Utilities.base64Encode('Ștefan 🙂 ?>');
    expect(Utilities.newBlob(Utilities.base64Decode(encoded)).getDataAsString()).toBe('Ștefan 🙂 ?>');
    const webSafe = Utilities.base64EncodeWebSafe([-5, -1, -2]);
    expect(webSafe).toBe('-__-');
    expect(Utilities.base64DecodeWebSafe(webSafe)).toEqual([-5, -1, -2]);
    expect(() => Utilities.base64Decode('***')).toThrow('Could not decode string.');
  });

  it('blobs, gzip and ungzip', () => {
    const blob = Utilities.newBlob('Олена,Ana\n'.repeat(100), 'text/csv', 'clients.csv');
    expect(blob.getContentType()).toBe('text/csv');
    expect(blob.getName()).toBe('clients.csv');
    const zipped = Utilities.gzip(blob);
    expect(zipped.getContentType()).toBe('application/x-gzip');
    expect(zipped.getBytes().length).toBeLessThan(blob.getBytes().length);
    expect(Utilities.ungzip(zipped).getDataAsString()).toBe('Олена,Ana\n'.repeat(100));
    blob.setDataFromString('x');
    expect(blob.getBytes()).toEqual([120]);
  });

  it('parseCsv handles quotes, embedded delimiters and newlines', () => {
    expect(Utilities.parseCsv('a,"b,c","d ""q"""\n"multi\nline",2')).toEqual([
      ['a', 'b,c', 'd "q"'],
      ['multi\nline', '2'],
    ]);
    expect(Utilities.parseCsv('a;b', ';')).toEqual([['a', 'b']]);
  });

  it('getUuid is a v4 UUID; sleep returns at once', () => {
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(Utilities.getUuid());
    expect(Utilities.sleep(1000)).toBeUndefined();
  });
});

describe('Logger', () => {
  it('collects lines with %s placeholders; clear() empties the log', () => {
    const lines: string[] = [];
    const emu = createEmulator({ onLog: (l) => lines.push(l) });
    const { Logger } = emu.globals;
    Logger.log('Saved %s clients', 3);
    Logger.log('plain');
    expect(Logger.getLog()).toBe('Saved 3 clients\nplain\n');
    expect(lines).toEqual(['Saved 3 clients', 'plain']);
    expect(emu.logs()).toEqual(['Saved 3 clients', 'plain']);
    Logger.clear();
    expect(Logger.getLog()).toBe('');
  });
});
