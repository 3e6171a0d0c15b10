/**
 * Other names of the columns a sheet has, for people who write in another
 * language than the headers: a base set up in English has "City", which a
 * Russian rule calls "Город"; an adopted Russian list has "Город", which the
 * README's examples call "City". Built from the adoption synonyms, so one
 * table says which words mean which field.
 */
import type { FieldKey } from './field';
import { headerKey } from './header-map';
import { HEADER_SYNONYMS } from './header-synonyms';

const KEY_OF_SYNONYM = new Map<string, FieldKey>();
for (const [key, synonyms] of Object.entries(HEADER_SYNONYMS) as [FieldKey, string[]][]) {
  for (const synonym of synonyms) if (!KEY_OF_SYNONYM.has(headerKey(synonym))) KEY_OF_SYNONYM.set(headerKey(synonym), key);
}

/** headerKey of each other name → the column name it stands for. A name the sheet itself has is never an alias. */
export function headerAliases(columnNames: readonly string[]): Map<string, string> {
  const own = new Set(columnNames.map(headerKey));
  const aliases = new Map<string, string>();
  for (const name of columnNames) {
    const key = KEY_OF_SYNONYM.get(headerKey(name));
    if (!key) continue;
    for (const synonym of HEADER_SYNONYMS[key]) {
      const alias = headerKey(synonym);
      if (!own.has(alias) && !aliases.has(alias)) aliases.set(alias, name);
    }
  }
  return aliases;
}

/** Which field a column is, by its header in any of the teams' languages ("Город" and "City" are city). */
export function fieldKeyOfHeader(name: string): FieldKey | undefined {
  return KEY_OF_SYNONYM.get(headerKey(name));
}
