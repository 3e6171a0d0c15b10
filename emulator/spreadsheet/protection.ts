/**
 * Protection of a sheet or a range. Stored and inspectable; script writes are
 * not blocked by it (the script runs as the user, who is the owner here).
 */
import { SERVICE } from '../calls';
import { asEnum } from '../enums';
import { User } from '../services/session';
import type { SheetsEnv } from './env';
import type { ProtectionData } from './model';

type G = GoogleAppsScript.Spreadsheet.Protection;

export type ProtectionMethod =
  | 'addEditor'
  | 'addEditors'
  | 'removeEditor'
  | 'removeEditors'
  | 'getEditors'
  | 'canEdit'
  | 'canDomainEdit'
  | 'setDomainEdit'
  | 'getDescription'
  | 'setDescription'
  | 'isWarningOnly'
  | 'setWarningOnly'
  | 'remove'
  | 'getRange'
  | 'getProtectionType'
  | 'getUnprotectedRanges'
  | 'setUnprotectedRanges';

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  if (user instanceof User) return user.getEmail();
  throw new Error('Invalid argument: user');
}

export class Protection implements Pick<G, ProtectionMethod> {
  readonly [SERVICE] = 'Protection';

  constructor(
    private env: SheetsEnv,
    readonly data: ProtectionData,
  ) {}

  private self(): G {
    return this as unknown as G;
  }

  private changed(): G {
    this.env.model.touchLooks();
    return this.self();
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): G {
    const email = emailOf(emailAddress);
    if (!this.data.editors.includes(email)) this.data.editors.push(email);
    return this.changed();
  }

  addEditors(emailAddresses: string[]): G {
    for (const e of emailAddresses) this.addEditor(e);
    return this.changed();
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): G {
    const email = emailOf(emailAddress);
    // The owner (the user who created the protection) always stays an editor.
    if (email !== this.data.editors[0]) this.data.editors = this.data.editors.filter((e) => e !== email);
    return this.changed();
  }

  removeEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]): G {
    for (const e of emailAddresses) this.removeEditor(e);
    return this.changed();
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    return this.data.editors.map((e) => new User(e) as unknown as GoogleAppsScript.Base.User);
  }

  canEdit(): boolean {
    const user = this.env.user();
    return this.data.editors[0] === user || this.data.editors.includes(user);
  }

  canDomainEdit(): boolean {
    return this.data.domainEdit;
  }

  setDomainEdit(editable: boolean): G {
    this.data.domainEdit = Boolean(editable);
    return this.changed();
  }

  getDescription(): string {
    return this.data.description;
  }

  setDescription(description: string): G {
    this.data.description = String(description);
    return this.changed();
  }

  isWarningOnly(): boolean {
    return this.data.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): G {
    this.data.warningOnly = Boolean(warningOnly);
    return this.changed();
  }

  remove(): void {
    this.env.model.protections = this.env.model.protections.filter((p) => p !== this.data);
    this.env.model.touchLooks();
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const sheet = this.env.model.sheetById(this.data.sheetId);
    if (!sheet) throw new Error('Emulator: the protected sheet was deleted');
    return this.env.range(sheet, this.data.rect ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols });
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return asEnum<GoogleAppsScript.Spreadsheet.ProtectionType>(this.data.type as unknown as object);
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    const sheet = this.env.model.sheetById(this.data.sheetId);
    return sheet ? this.data.unprotected.map((rect) => this.env.range(sheet, rect)) : [];
  }

  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): G {
    this.data.unprotected = ranges.map((r) => ({ ...this.env.rangeTarget(r).rect }));
    return this.changed();
  }
}
