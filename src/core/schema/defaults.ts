/**
 * The field set a new base starts with: enough for B2B (company, position,
 * contact role, tax ID) and B2C (birthday, gender, address) client work.
 * The team edits it in the `Fields` tab afterwards.
 *
 * Required flags: no single name field is required, because a B2B row may be
 * a company with no contact person yet and a B2C row a person with no
 * company. Instead every client needs a first name, a last name or a company
 * (IDENTITY_KEYS, checked by `missingIdentity`). Only Email is unique: phones
 * and tax IDs are legitimately shared (a switchboard, several contacts at one
 * company); likelier duplicates are the duplicate finder's job.
 */
import { STAGES, type FieldDef, type FieldKey, type FieldType } from './field';

function field(name: string, key: FieldKey, type: FieldType, help: string, extra: Partial<FieldDef> = {}): FieldDef {
  return { name, key, type, required: false, options: [], unique: false, help, ...extra };
}

export const CONTACT_ROLES = ['Decision maker', 'Influencer', 'Buyer / enquirer', 'Other'] as const;
export const SOURCES = ['Website', 'Referral', 'Event', 'Cold call', 'Social', 'Other'] as const;
export const GENDERS = ['Female', 'Male'] as const;

export const DEFAULT_FIELDS: FieldDef[] = [
  field('First name', 'firstName', 'text', 'Given name. A client needs a first name, a last name or a company.'),
  field('Last name', 'lastName', 'text', 'Family name (surname).'),
  field('Company', 'company', 'text', 'Organisation the client works for or is.'),
  field('Company ID', 'companyId', 'text', 'ID of the row in Companies this person works for; blank for a private client. Set by Link people to companies.'),
  field('Position', 'position', 'text', 'Job title, e.g. Purchasing manager.'),
  field('Contact role', 'contactRole', 'choice', 'Part the person plays in buying decisions.', { options: [...CONTACT_ROLES] }),
  field('Stage', 'stage', 'choice', 'How close the client is to buying: Cold, Warm, Hot, VIP or Lost.', { options: [...STAGES], default: 'Cold' }),
  field('Rating', 'rating', 'number', 'How much the client matters, 1 (least) to 5 (most); rules can use it: Rating >= 4.'),
  field('Rating comment', 'ratingComment', 'text', 'Why the rating is what it is.'),
  field('Email', 'email', 'email', 'One address per cell, e.g. name@example.com. No two clients share one.', { unique: true }),
  field('Phone', 'phone', 'phone', 'One number per cell, best with the country code: +7 916 123-45-67.'),
  field('Address', 'address', 'text', 'Street, building, office.'),
  field('Postal code', 'postalCode', 'text', 'Kept as text so leading zeros survive.'),
  field('City', 'city', 'text', 'City or town.'),
  field('Region', 'region', 'text', 'Region, state, oblast or county.'),
  field('Country', 'country', 'text', 'Country name or two-letter code.'),
  field('Tax ID', 'taxId', 'text', 'Company or personal tax number: INN, EDRPOU, CUI, VAT number…'),
  field('Manager', 'manager', 'person', 'Team member responsible for the client: name or email.'),
  field('Gender', 'gender', 'choice', 'Used for greetings in mailings.', { options: [...GENDERS] }),
  field('Tags', 'tags', 'tags', 'Free labels, comma-separated.'),
  field('Source', 'source', 'choice', 'Where the client came from.', { options: [...SOURCES] }),
  field('Birthday', 'birthday', 'date', 'Date of birth, e.g. 1985-03-14.'),
  field('Opt-out', 'optOut', 'checkbox', 'Ticked: never send this client mailings.'),
  field('Notes', 'notes', 'text', 'Anything worth remembering.'),
  field('Last contact', 'lastContact', 'date', 'Date of the latest call, meeting or email.'),
  field('Next action date', 'nextActionDate', 'date', 'When to get back to the client.'),
];

/** A client row must have a value in at least one of these. */
export const IDENTITY_KEYS: readonly FieldKey[] = ['firstName', 'lastName', 'company'];

/** The default definition of a key, e.g. to restore a field the team deleted. */
export function defaultField(key: FieldKey): FieldDef | undefined {
  const found = DEFAULT_FIELDS.find((f) => f.key === key);
  return found ? { ...found, options: [...found.options] } : undefined;
}
