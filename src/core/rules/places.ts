/**
 * A rule that names a place in a City, Region or Country column selects every
 * spelling of that place: `City = "St. Petersburg"` also finds "Санкт-Петербург",
 * "СПб" and "г. Санкт-Петербург". The comparison becomes one `matches` test
 * whose pattern both back ends evaluate the same way, so the live tab and the
 * add-on's counts still agree, and the formula stays short.
 */
import type { FieldKey } from '../schema/field';
import { placeNames } from '../normalize/places';
import type { Literal, Operand, RuleAst } from './ast';
import { trimSpaces } from './cell';

const PLACE_KEYS: ReadonlySet<FieldKey> = new Set(['city', 'region', 'country']);
/** Written as in an address cell before or after the name: "г. Москва", "Москва г.", "mun. Chișinău". */
const PREFIX = '(?:г\\. ?|город |м\\. |місто |mun\\. |municipiul |or\\. |orașul )?';
const SUFFIX = '(?: г\\.)?';

/** Escapes the characters that are syntax in both RE2 and JavaScript's `u` mode (which refuses other escapes such as `\-`). */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function placePattern(value: string): string | undefined {
  const spellings = placeNames(value);
  if (!spellings) return undefined;
  const names = [...new Set(spellings.map((s) => escapeRegex(trimSpaces(s).toLowerCase())))];
  return `^${PREFIX}(?:${names.join('|')})${SUFFIX}$`;
}

function placeTest(operand: Operand, value: Literal): RuleAst | undefined {
  if (value.type !== 'text') return undefined;
  const pattern = placePattern(value.value);
  return pattern ? { kind: 'matches', operand, pattern } : undefined;
}

/** A Clients column, or a company's (Company.City), that holds places. */
function isPlace(operand: Operand, isPlaceColumn: (name: string) => boolean): boolean {
  if (operand.kind === 'field') return isPlaceColumn(operand.name);
  return operand.kind === 'company' && isPlaceColumn(operand.field);
}

/** `isPlaceColumn(name)` says which field names hold places (see fieldKeyOfHeader). */
export function expandPlaces(rule: RuleAst, isPlaceColumn: (name: string) => boolean): RuleAst {
  const expand = (node: RuleAst): RuleAst => {
    switch (node.kind) {
      case 'and':
      case 'or':
        return { kind: node.kind, items: node.items.map(expand) };
      case 'not':
        return { kind: 'not', item: expand(node.item) };
      case 'compare':
        if (node.op !== '=' || !isPlace(node.operand, isPlaceColumn)) return node;
        return placeTest(node.operand, node.value) ?? node;
      case 'in': {
        if (!isPlace(node.operand, isPlaceColumn)) return node;
        const places = node.values.map((v) => placeTest(node.operand, v));
        if (places.every((p) => p === undefined)) return node;
        const rest = node.values.filter((_, i) => places[i] === undefined);
        const items = [
          ...places.filter((p): p is RuleAst => p !== undefined),
          ...(rest.length ? [{ kind: 'in' as const, operand: node.operand, values: rest }] : []),
        ];
        return items.length === 1 ? items[0] : { kind: 'or', items };
      }
      default:
        return node;
    }
  };
  return expand(rule);
}

export function isPlaceKey(key: FieldKey | undefined): boolean {
  return key !== undefined && PLACE_KEYS.has(key);
}
