/**
 * The shape of a column of the client base. A row of the `Fields` tab is one
 * FieldDef; the same definitions drive sheet validation, the sidebar form,
 * rules, duplicate detection and mail-merge placeholders.
 */
export const FIELD_TYPES = ['text', 'email', 'phone', 'date', 'number', 'money', 'choice', 'tags', 'checkbox', 'url', 'person'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * What a field means to the add-on, independent of the header the team gives it
 * (a renamed "First name" column still feeds name matching). Custom fields have none.
 */
export const FIELD_KEYS = [
  'firstName',
  'lastName',
  'company',
  'position',
  'contactRole',
  'stage',
  'email',
  'phone',
  'address',
  'postalCode',
  'city',
  'region',
  'country',
  'taxId',
  'manager',
  'gender',
  'tags',
  'source',
  'birthday',
  'optOut',
  'notes',
  'lastContact',
  'nextActionDate',
  // Companies (issue 17): the person's link to a Companies row, ratings, and a company's sector.
  'companyId',
  'rating',
  'ratingComment',
  'sector',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export interface FieldDef {
  /** The column header in `Clients`; unique, compared ignoring case and spaces. */
  name: string;
  key?: FieldKey;
  type: FieldType;
  required: boolean;
  /** Allowed values for choice and tags. */
  options: string[];
  /** No two clients may share a non-empty value. */
  unique: boolean;
  help: string;
  /** What a new client starts with when nobody types a value (Stage: Cold); absent when blank. */
  default?: string;
  /**
   * The team's own words for the field in each language (Fields columns Label ru, Help uk, Options ro…),
   * shown to a user of that language; Name and Options stay the values the sheet and the code use. Absent when none.
   */
  words?: FieldWords;
}

/** Languages a field can have its own words in; the order is the Fields tab's column order. */
export const FIELD_WORD_LANGS = ['ru', 'uk', 'ro', 'en'] as const;
export type FieldWordLang = (typeof FIELD_WORD_LANGS)[number];
/** `options` runs parallel to FieldDef.options: the i-th word names the i-th option. */
export type FieldWords = Partial<Record<FieldWordLang, { label?: string; help?: string; options?: string[] }>>;

/** Columns the add-on owns in `Clients`, always first, never edited by hand. */
export const SYSTEM_COLUMNS = ['ID', 'Created', 'Updated', 'Updated by'] as const;
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number];

export const STAGES = ['Cold', 'Warm', 'Hot', 'VIP', 'Lost'] as const;
export const INTERACTION_TYPES = ['Call', 'Meeting', 'Email', 'Letter', 'Contract', 'Other'] as const;
