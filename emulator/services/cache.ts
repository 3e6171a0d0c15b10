/** CacheService: script, document and per-user caches with TTL on the emulator's clock and the real limits. */
import { SERVICE } from '../calls';
import { LIMITS } from '../limits';

const MAX_VALUE_BYTES = LIMITS.cacheValueBytes;
const MAX_KEY_LENGTH = 250;
const DEFAULT_TTL_SECONDS = 600;
const MAX_TTL_SECONDS = 21_600;
const MAX_BATCH = 1000;

export interface CacheEntry {
  value: string;
  expires: number; // epoch ms
}

export type CacheStore = Record<string, CacheEntry>;

export interface CacheStores {
  script: CacheStore;
  document: CacheStore;
  users: Record<string, CacheStore>;
}

export class Cache implements GoogleAppsScript.Cache.Cache {
  readonly [SERVICE] = 'Cache';
  constructor(
    private store: CacheStore,
    private now: () => Date,
  ) {}

  private checkKey(key: unknown): string {
    if (typeof key !== 'string' || key === '') throw new Error('Invalid argument: key');
    if (key.length > MAX_KEY_LENGTH) throw new Error('Argument too large: key');
    return key;
  }

  private entry(key: string): CacheEntry | undefined {
    const entry = Object.hasOwn(this.store, key) ? this.store[key] : undefined;
    if (entry && entry.expires <= this.now().getTime()) {
      delete this.store[key];
      return undefined;
    }
    return entry;
  }

  private write(key: string, value: unknown, ttl: number | undefined): void {
    const text = String(value);
    if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    const seconds = ttl === undefined ? DEFAULT_TTL_SECONDS : Math.min(Math.max(1, Math.floor(ttl)), MAX_TTL_SECONDS);
    this.store[key] = { value: text, expires: this.now().getTime() + seconds * 1000 };
  }

  get(key: string): string | null {
    return this.entry(this.checkKey(key))?.value ?? null;
  }

  getAll(keys: string[]): { [key: string]: string } {
    if (keys.length > MAX_BATCH) throw new Error('Argument too large: keys');
    const out: Record<string, string> = {};
    for (const key of keys) {
      const entry = this.entry(this.checkKey(key));
      if (entry) out[key] = entry.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.write(this.checkKey(key), value, expirationInSeconds);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const entries = Object.entries(values);
    if (entries.length > MAX_BATCH) throw new Error('Argument too large: values');
    for (const [key, value] of entries) this.checkKey(key);
    for (const [key, value] of entries) this.write(key, value, expirationInSeconds);
  }

  remove(key: string): void {
    delete this.store[this.checkKey(key)];
  }

  removeAll(keys: string[]): void {
    for (const key of keys) delete this.store[this.checkKey(key)];
  }
}

export class CacheService implements GoogleAppsScript.Cache.CacheService {
  readonly [SERVICE] = 'CacheService';
  constructor(
    private stores: CacheStores,
    private user: () => string,
    private now: () => Date,
  ) {}

  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return new Cache(this.stores.script, this.now) as unknown as GoogleAppsScript.Cache.Cache;
  }

  getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
    return new Cache(this.stores.document, this.now) as unknown as GoogleAppsScript.Cache.Cache;
  }

  getUserCache(): GoogleAppsScript.Cache.Cache {
    const email = this.user();
    this.stores.users[email] ??= {};
    return new Cache(this.stores.users[email], this.now) as unknown as GoogleAppsScript.Cache.Cache;
  }
}
