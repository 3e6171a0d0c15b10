/** Session and User: who runs the script, in which locale and time zone. */
import { createHash } from 'node:crypto';
import { SERVICE } from '../calls';

export class User implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  readonly [SERVICE] = 'User';
  constructor(private email: string) {}

  getEmail(): string {
    return this.email;
  }
}

export interface SessionSettings {
  /** The effective user: whose authorisation the script runs under. */
  user(): string;
  /** The active user's email as Google shows it ('' when hidden). */
  activeEmail(): string;
  locale: string;
  timeZone: string;
}

export class Session
  implements
    Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'>
{
  readonly [SERVICE] = 'Session';
  constructor(private settings: SessionSettings) {}

  getActiveUser(): GoogleAppsScript.Base.User {
    return new User(this.settings.activeEmail()) as unknown as GoogleAppsScript.Base.User;
  }

  /** Who the script runs as: the user at the keyboard, a trigger's creator, a web app's deployer. */
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new User(this.settings.user()) as unknown as GoogleAppsScript.Base.User;
  }

  getActiveUserLocale(): string {
    return this.settings.locale;
  }

  getScriptTimeZone(): string {
    return this.settings.timeZone;
  }

  /** Stable per user, opaque (like the real key, it is not the email). */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`temporary-key:${this.settings.user()}`).digest('base64').slice(0, 43);
  }
}
