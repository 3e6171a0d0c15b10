/** How header and field names are compared: ignoring case, spaces and punctuation ("E-mail" = "email"). */
export function nameKey(name: unknown): string {
  return String(name ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
