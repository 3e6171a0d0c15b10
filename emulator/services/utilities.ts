/** Utilities: dates, digests, base64, blobs, gzip, CSV, UUIDs — with Apps Script's signed byte arrays. */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { format } from 'node:util';
import { SERVICE } from '../calls';
import { asEnum, Charset, DigestAlgorithm, MacAlgorithm } from '../enums';
import { isDateValue, isValidTimeZone, zonedParts } from '../time';

type GBlob = GoogleAppsScript.Base.Blob;

/** Apps Script's Byte[]: Java bytes, -128..127. */
export function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

function encodingOf(charset: unknown): BufferEncoding {
  return String(charset) === 'US_ASCII' ? 'latin1' : 'utf8';
}

function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, encodingOf(charset));
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  if (data instanceof Blob) return Buffer.from(data.bytes);
  throw new Error(`Invalid argument: ${typeof data}`);
}

const DIGESTS: Record<string, string> = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const MACS: Record<string, string> = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };

export class Blob
  implements
    Pick<
      GBlob,
      | 'getBytes'
      | 'getDataAsString'
      | 'setDataFromString'
      | 'getContentType'
      | 'setContentType'
      | 'getName'
      | 'setName'
      | 'copyBlob'
      | 'setBytes'
      | 'isGoogleType'
    >
{
  readonly [SERVICE] = 'Blob';

  constructor(
    public bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  private self(): GBlob {
    return this as unknown as GBlob;
  }

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }

  setBytes(data: number[]): GBlob {
    this.bytes = toBuffer(data);
    return this.self();
  }

  getDataAsString(charset?: string): string {
    return this.bytes.toString(encodingOf(charset));
  }

  setDataFromString(string: string, charset?: string): GBlob {
    this.bytes = toBuffer(String(string), charset);
    return this.self();
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): GBlob {
    this.contentType = contentType;
    return this.self();
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): GBlob {
    this.name = name;
    return this.self();
  }

  copyBlob(): GBlob {
    return new Blob(Buffer.from(this.bytes), this.contentType, this.name) as unknown as GBlob;
  }

  isGoogleType(): boolean {
    return false;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, len: number) => String(Math.abs(n)).padStart(len, '0');

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}${colon ? ':' : ''}${pad(Math.abs(minutes) % 60, 2)}`;
}

/** java.text.SimpleDateFormat, the pattern language of Utilities.formatDate. */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted literal; '' inside it is a quote.
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          out += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i++;
          break;
        } else {
          out += pattern[i++];
        }
      }
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (pattern[j] === ch) j++;
    const n = j - i;
    i = j;
    switch (ch) {
      case 'G':
        out += p.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
      case 'u':
        if (ch === 'u') out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        else out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'D': {
        const start = Date.UTC(p.year, 0, 1);
        out += pad(Math.round((Date.UTC(p.year, p.month - 1, p.day) - start) / 86_400_000) + 1, n);
        break;
      }
      case 'E':
        out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 || 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'z': {
        const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: n >= 4 ? 'long' : 'short' })
          .formatToParts(date)
          .find((x) => x.type === 'timeZoneName');
        out += name?.value ?? 'GMT' + offsetText(p.offsetMinutes, true);
        break;
      }
      case 'Z':
        out += offsetText(p.offsetMinutes, false);
        break;
      case 'X':
        out += p.offsetMinutes === 0 ? 'Z' : n === 1 ? offsetText(p.offsetMinutes, false).slice(0, 3) : offsetText(p.offsetMinutes, n >= 3);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** RFC 4180 CSV, as Utilities.parseCsv reads it. */
export function parseCsvText(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

type UtilitiesMember =
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'computeHmacSignature'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'newBlob'
  | 'gzip'
  | 'ungzip'
  | 'sleep'
  | 'parseCsv'
  | 'DigestAlgorithm'
  | 'Charset'
  | 'MacAlgorithm';

export class Utilities implements Pick<GoogleAppsScript.Utilities.Utilities, UtilitiesMember> {
  readonly [SERVICE] = 'Utilities';
  readonly DigestAlgorithm = asEnum<typeof GoogleAppsScript.Utilities.DigestAlgorithm>(DigestAlgorithm);
  readonly Charset = asEnum<typeof GoogleAppsScript.Utilities.Charset>(Charset);
  readonly MacAlgorithm = asEnum<typeof GoogleAppsScript.Utilities.MacAlgorithm>(MacAlgorithm);

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDateValue(date)) throw new Error(`The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`);
    // Like Java, an unknown zone id falls back to GMT.
    return formatJavaDate(date, isValidTimeZone(timeZone) ? timeZone : 'GMT', String(format));
  }

  formatString(template: string, ...args: any[]): string {
    return format(template, ...args);
  }

  getUuid(): string {
    return randomUUID();
  }

  computeDigest(algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: any, charset?: GoogleAppsScript.Utilities.Charset): number[] {
    const name = DIGESTS[String(algorithm)];
    if (!name) throw new Error('Invalid argument: algorithm');
    return toSignedBytes(createHash(name).update(toBuffer(value, charset)).digest());
  }

  computeHmacSignature(algorithm: GoogleAppsScript.Utilities.MacAlgorithm, value: any, key: any, charset?: GoogleAppsScript.Utilities.Charset): number[] {
    const name = MACS[String(algorithm)];
    if (!name) throw new Error('Invalid argument: algorithm');
    return toSignedBytes(createHmac(name, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(value: any, key: any, charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return this.computeHmacSignature('HMAC_SHA_256' as unknown as GoogleAppsScript.Utilities.MacAlgorithm, value, key, charset);
  }

  base64Encode(data: any, charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: any, charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    const text = String(encoded).replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1) throw new Error('Could not decode string.');
    return toSignedBytes(Buffer.from(text, 'base64'));
  }

  base64DecodeWebSafe(encoded: string, charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return this.base64Decode(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), charset);
  }

  newBlob(data: any, contentType?: string, name?: string): GBlob {
    const bytes = data === undefined ? Buffer.alloc(0) : toBuffer(data);
    return new Blob(bytes, contentType ?? null, name ?? null) as unknown as GBlob;
  }

  gzip(blob: GoogleAppsScript.Base.BlobSource, name?: string): GBlob {
    const source = blob as unknown as Blob;
    if (!(source instanceof Blob)) throw new Error('Invalid argument: blob');
    return new Blob(gzipSync(source.bytes), 'application/x-gzip', name ?? (source.getName() ? `${source.getName()}.gz` : null)) as unknown as GBlob;
  }

  ungzip(blob: GoogleAppsScript.Base.BlobSource): GBlob {
    const source = blob as unknown as Blob;
    if (!(source instanceof Blob)) throw new Error('Invalid argument: blob');
    let bytes: Buffer;
    try {
      bytes = gunzipSync(source.bytes);
    } catch {
      throw new Error('Could not decompress gzip.');
    }
    const name = source.getName();
    return new Blob(bytes, null, name ? name.replace(/\.gz$/, '') : null) as unknown as GBlob;
  }

  /** Returns at once: emulated time does not pass while a script sleeps. */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || milliseconds < 0 || milliseconds > 300_000) throw new Error('Invalid argument: milliseconds');
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsvText(String(csv), delimiter ?? ',');
  }
}
