/** PropertiesService: script, document and per-user key/value stores with the real size limits. */
import { SERVICE } from '../calls';
import { LIMITS } from '../limits';

const MAX_VALUE_BYTES = LIMITS.propertyValueBytes;
const MAX_TOTAL_BYTES = LIMITS.propertyStoreBytes;

export type Store = Record<string, string>;

export interface PropertyStores {
  script: Store;
  document: Store;
  users: Record<string, Store>;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export class Properties implements GoogleAppsScript.Properties.Properties {
  readonly [SERVICE] = 'Properties';
  constructor(private store: Store) {}

  private self(): GoogleAppsScript.Properties.Properties {
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }

  private check(key: string, value: string, totalAfter: number): void {
    if (bytes(value) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    if (bytes(key) > MAX_VALUE_BYTES) throw new Error('Argument too large: key');
    if (totalAfter > MAX_TOTAL_BYTES) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
  }

  private total(store: Store): number {
    let sum = 0;
    for (const [k, v] of Object.entries(store)) sum += bytes(k) + bytes(v);
    return sum;
  }

  getProperty(key: string): string | null {
    return Object.hasOwn(this.store, key) ? this.store[key] : null;
  }

  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    if (key === null || key === undefined || String(key) === '') throw new Error('Invalid argument: key');
    const k = String(key);
    const v = String(value);
    const next = { ...this.store, [k]: v };
    this.check(k, v, this.total(next));
    this.store[k] = v;
    return this.self();
  }

  getProperties(): { [key: string]: string } {
    return { ...this.store };
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GoogleAppsScript.Properties.Properties {
    if (typeof properties !== 'object' || properties === null) throw new Error('Invalid argument: properties');
    const incoming = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, String(v)]));
    const next = deleteAllOthers ? incoming : { ...this.store, ...incoming };
    for (const [k, v] of Object.entries(incoming)) this.check(k, v, 0);
    this.check('', '', this.total(next));
    for (const k of Object.keys(this.store)) delete this.store[k];
    Object.assign(this.store, next);
    return this.self();
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    delete this.store[String(key)];
    return this.self();
  }

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    for (const k of Object.keys(this.store)) delete this.store[k];
    return this.self();
  }

  getKeys(): string[] {
    return Object.keys(this.store);
  }
}

export class PropertiesService implements GoogleAppsScript.Properties.PropertiesService {
  readonly [SERVICE] = 'PropertiesService';
  constructor(
    private stores: PropertyStores,
    private user: () => string,
  ) {}

  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return new Properties(this.stores.script) as unknown as GoogleAppsScript.Properties.Properties;
  }

  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    return new Properties(this.stores.document) as unknown as GoogleAppsScript.Properties.Properties;
  }

  getUserProperties(): GoogleAppsScript.Properties.Properties {
    const email = this.user();
    this.stores.users[email] ??= {};
    return new Properties(this.stores.users[email]) as unknown as GoogleAppsScript.Properties.Properties;
  }
}
