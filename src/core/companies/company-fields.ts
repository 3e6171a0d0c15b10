/**
 * The columns a Companies tab starts with. They are rows of the Fields tab
 * whose Table cell says Companies, so the team edits them where it edits the
 * client fields; a base whose Fields has no such rows (every base made before
 * Companies) gets these.
 */
import { STAGES, type FieldDef, type FieldKey, type FieldType } from '../schema/field';

function field(name: string, key: FieldKey, type: FieldType, help: string, options: readonly string[] = []): FieldDef {
  return { name, key, type, required: false, options: [...options], unique: false, help };
}

export const DEFAULT_COMPANY_FIELDS: FieldDef[] = [
  field('Name', 'company', 'text', 'The company as it is known: ООО «Ромашка», Romashka LLC.'),
  field('Tax ID', 'taxId', 'text', 'INN, EDRPOU, CUI or VAT number; people with the same one are this company.'),
  field('Address', 'address', 'text', 'Legal or office address.'),
  // City and Stage make "decision makers of VIP companies in St. Petersburg" a rule: Company.Stage = "VIP" and Company.City = "St. Petersburg".
  field('City', 'city', 'text', 'Where the company is; rules match every spelling (СПб = St. Petersburg).'),
  field('Sector', 'sector', 'text', 'Industry or line of business.'),
  field('Stage', 'stage', 'choice', 'Where the company stands with you; rules can use it: Company.Stage = "VIP".', STAGES),
  field('Rating', 'rating', 'number', 'How much the company matters, 1 (least) to 5 (most); rules can use it.'),
  field('Rating comment', 'ratingComment', 'text', 'Why the rating is what it is.'),
  field('Manager', 'manager', 'person', 'Team member responsible for the company: name or email.'),
];

/** The company fields a base uses: its own Companies rows of Fields, else the defaults. */
export function companyFieldsOf(parsed: readonly FieldDef[]): FieldDef[] {
  return parsed.length ? [...parsed] : DEFAULT_COMPANY_FIELDS.map((f) => ({ ...f, options: [...f.options] }));
}
