/**
 * Apps Script enums as plain string values: each member's value is its own
 * name, so `===` comparisons, String() and JSON behave like the real enums.
 */
export type EnumOf<K extends string> = { readonly [P in K]: P };

export function enumOf<const K extends string>(...names: K[]): EnumOf<K> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as EnumOf<K>;
}

/** Casts an emulator enum to the ambient Apps Script enum type it stands for. */
export function asEnum<T>(value: object): T {
  return value as unknown as T;
}

export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
export const ProtectionType = enumOf('RANGE', 'SHEET');
export const Dimension = enumOf('COLUMNS', 'ROWS');
export const WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');
export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
export const MacAlgorithm = enumOf('HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512');
export const Charset = enumOf('US_ASCII', 'UTF_8');
export const Weekday = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');
