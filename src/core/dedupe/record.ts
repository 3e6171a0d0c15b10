import type { CountryCode } from '../normalize/phone';

/** One person as the duplicate finder sees it; every field is optional and free text, as typed. */
export interface PersonRecord {
  id: string;
  /** When only `fullName` is given, it is split into first/middle/last by the finder. */
  firstName?: string;
  lastName?: string;
  middleName?: string;
  fullName?: string;
  company?: string;
  emails?: string[];
  phones?: string[];
  street?: string;
  city?: string;
  postcode?: string;
  region?: string;
  country?: string;
  /** As entered: '1971-06-24', '24.06.1971', '19710624', '06/24/1971'… */
  birthDate?: string;
  /** Tax ID, social security or passport number. */
  nationalId?: string;
  /**
   * Any other columns (gender, occupation, a second address line…), compared
   * generically: agreement on a rare value counts, disagreement a little against.
   */
  extra?: Record<string, string>;
}

export type { CountryCode };
