/** How header and field names are compared: ignoring case, spaces and punctuation ("E-mail" = "email"). */
export function nameKey(name: unknown): string {
  if (typeof name !== 'string') return computeNameKey(name);
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    // A bounded memo: field and header names are keyed again on every read of a tab.
    if (NAME_KEYS.size >= 10_000) NAME_KEYS.clear();
    NAME_KEYS.set(name, (key = computeNameKey(name)));
  }
  return key;
}

const NAME_KEYS = new Map<string, string>();

function computeNameKey(name: unknown): string {
  return String(name ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
