/**
 * The user's edits of a proposed adoption mapping, and what they imply,
 * worked out in the browser so the sidebar can say in plain words what
 * adoption will do and refuse a field chosen twice before the server does.
 */
import { defaultField } from '../../../src/core/schema/defaults';
import type { AdoptionProposal } from '../../../src/server';

/** One original column: the field it feeds ('' = kept as an extra column), and whether its full names are split. */
export interface Choice {
  field: string;
  split: boolean;
}

/** The column a full name is split from keeps its values, and fills these two fields. */
const SPLIT_PARTS = [defaultField('firstName')?.name ?? 'First name', defaultField('lastName')?.name ?? 'Last name'];

export function initialChoices(proposal: AdoptionProposal): Choice[] {
  return proposal.columns.map((c) => ({ field: c.field ?? '', split: !!c.splitFullName && !!c.field }));
}

/** Fields a column fills: a split column fills First and Last name, itself staying an extra column. */
export function fieldsFilledBy(choice: Choice): string[] {
  if (choice.split) return SPLIT_PARTS;
  return choice.field ? [choice.field] : [];
}

export interface Repeat {
  field: string;
  /** Positions in proposal.columns of the columns that claim it. */
  columns: number[];
}

export function repeatedFields(choices: readonly Choice[]): Repeat[] {
  const claims = new Map<string, number[]>();
  choices.forEach((choice, i) => {
    for (const field of fieldsFilledBy(choice)) claims.set(field, [...(claims.get(field) ?? []), i]);
  });
  return [...claims].filter(([, columns]) => columns.length > 1).map(([field, columns]) => ({ field, columns }));
}

/** Fields no column fills: adoption adds them as empty columns. */
export function addedFields(proposal: AdoptionProposal, choices: readonly Choice[]): string[] {
  const filled = new Set(choices.flatMap(fieldsFilledBy));
  return proposal.fieldNames.filter((name) => !filled.has(name));
}

/** Positions of the columns kept as they are, with no field of their own (a split full-name column too). */
export function extraColumns(choices: readonly Choice[]): number[] {
  return choices.flatMap((choice, i) => (!choice.field || choice.split ? [i] : []));
}

/** The mapping the server adopts: the proposal with the user's choices; an extra column carries no field. */
export function mappingToSend(
  proposal: AdoptionProposal,
  choices: readonly Choice[],
  importPurchases = false,
  companies: { link: boolean; skip: readonly string[] } = { link: false, skip: [] },
): AdoptionProposal {
  return {
    ...proposal,
    importPurchases: !!proposal.purchaseHistory && importPurchases,
    linkCompanies: companies.link,
    skipCompanies: [...companies.skip],
    columns: proposal.columns.map((column, i) => {
      const { field: _field, splitFullName: _split, ...rest } = column;
      const choice = choices[i] ?? { field: '', split: false };
      return { ...rest, ...(choice.field ? { field: choice.field } : {}), ...(choice.split && choice.field ? { splitFullName: true } : {}) };
    }),
  };
}

/** "A", "B", … "AA": how the sheet names the column at a 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Up to `max` non-blank values of a column from the sample rows. */
export function sampleValues(proposal: AdoptionProposal, columnIndex: number, max = 3): string[] {
  return proposal.sample
    .map((row) => row[columnIndex] ?? '')
    .filter((v) => v.trim() !== '')
    .slice(0, max);
}

const COMPANY_FIELDS = [defaultField('company')?.name ?? 'Company', defaultField('taxId')?.name ?? 'Tax ID'];

/** Which columns feed Company and Tax ID: when this changes, the proposed companies are asked for again. */
export function companyColumnsKey(choices: readonly Choice[]): string {
  return COMPANY_FIELDS.map((f) => choices.findIndex((c) => !c.split && c.field === f)).join(',');
}
