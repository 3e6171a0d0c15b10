/**
 * Which execution is running, as whom, in which authorisation mode, and what
 * that execution may call. Rules cite (emulator/README.md has the list):
 * - developers.google.com/apps-script/guides/triggers (simple triggers: LIMITED, no services needing authorisation)
 * - developers.google.com/apps-script/guides/triggers/installable (run as their creator)
 * - developers.google.com/apps-script/guides/web (no active spreadsheet, no UI)
 * - developers.google.com/workspace/add-ons/concepts/addon-authorization (AuthMode.NONE: menus only)
 * - developers.google.com/apps-script/reference/base/user#getEmail() (blank email when policy hides it)
 * - developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock() (null outside a bound document)
 */
import { permissionMessage, requiredScopes } from './scopes';

export type ExecutionKind =
  /** A sidebar's google.script.run call or a menu item: the user at the keyboard, AuthMode.FULL. */
  | 'sidebar'
  | 'menu'
  /** Simple onOpen/onEdit: AuthMode.LIMITED. */
  | 'simpleTrigger'
  /** onOpen of an add-on installed but not yet used in this document: AuthMode.NONE. */
  | 'authNone'
  /** An installable trigger (e.g. onEdit): runs as the account that created it. */
  | 'installableTrigger'
  /** A time-driven trigger: no active user at a keyboard, no UI. */
  | 'timeDriven'
  /** doGet/doPost of a web app deployed "execute as: me" (USER_DEPLOYING). */
  | 'webApp';

export interface ContextSpec {
  kind: ExecutionKind;
  /** The person acting (at the keyboard, editing the cell, opening the web app); default the emulator's user. */
  user?: string;
  /** Trigger creator or web-app deployer (the effective user); default the emulator's user. */
  owner?: string;
  /**
   * Whether Google shows the active user's email to the script. Default: true where
   * the actor authorised the script themselves (sidebar, menu), false elsewhere
   * (simple triggers, another person's edit under an installable trigger, web apps).
   */
  activeEmailVisible?: boolean;
}

export interface ExecutionContext {
  kind: ExecutionKind;
  authMode: 'NONE' | 'LIMITED' | 'FULL';
  /** Session.getActiveUser().getEmail() ('' when hidden). */
  activeEmail: string;
  /** Session.getEffectiveUser().getEmail(), and whose properties, caches, triggers and mail quota are used. */
  effectiveUser: string;
  /** The person acting (for the edit event's `e.user`, before hiding). */
  actor: string;
}

export function resolveContext(spec: ContextSpec, defaultUser: string): ExecutionContext {
  const actor = spec.user ?? defaultUser;
  const owner = spec.owner ?? defaultUser;
  switch (spec.kind) {
    case 'sidebar':
    case 'menu':
      return { kind: spec.kind, authMode: 'FULL', actor, effectiveUser: actor, activeEmail: spec.activeEmailVisible === false ? '' : actor };
    case 'simpleTrigger':
    case 'authNone':
      return {
        kind: spec.kind,
        authMode: spec.kind === 'simpleTrigger' ? 'LIMITED' : 'NONE',
        actor,
        effectiveUser: actor,
        activeEmail: spec.activeEmailVisible ? actor : '',
      };
    case 'installableTrigger': {
      const visible = spec.activeEmailVisible ?? actor.toLowerCase() === owner.toLowerCase();
      return { kind: spec.kind, authMode: 'FULL', actor, effectiveUser: owner, activeEmail: visible ? actor : '' };
    }
    case 'timeDriven':
      return { kind: spec.kind, authMode: 'FULL', actor: owner, effectiveUser: owner, activeEmail: spec.activeEmailVisible ? owner : '' };
    case 'webApp':
      return { kind: spec.kind, authMode: 'FULL', actor, effectiveUser: owner, activeEmail: spec.activeEmailVisible ? actor : '' };
  }
}

export const NO_UI = 'Cannot call SpreadsheetApp.getUi() from this context.';

/** Building a menu is the one thing every mode allows. */
const MENU_ONLY = new Set(['SpreadsheetApp.getUi', 'Ui.createMenu', 'Ui.createAddonMenu']);
const ALWAYS = new Set(['Logger', 'Menu', 'Utilities', 'Blob']);

/** Calls a simple trigger (LIMITED) may not make although the manifest grants their scope. */
const LIMITED_FORBIDDEN = new Set([
  'MailApp',
  'ScriptApp.newTrigger',
  'ScriptApp.getProjectTriggers',
  'ScriptApp.getUserTriggers',
  'ScriptApp.deleteTrigger',
  'TriggerBuilder',
  'ClockTriggerBuilder',
  'SpreadsheetTriggerBuilder',
  'Trigger',
  'SpreadsheetApp.openById',
  'SpreadsheetApp.openByUrl',
  'SpreadsheetApp.open',
  'Ui.showSidebar',
  'Ui.showModalDialog',
  'Ui.showModelessDialog',
  'Ui.alert',
  'Ui.prompt',
]);

const ACTIVE_DOCUMENT = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getActiveSheet',
  'SpreadsheetApp.getActiveRange',
  'SpreadsheetApp.getActiveRangeList',
  'SpreadsheetApp.getSelection',
  'SpreadsheetApp.getCurrentCell',
]);

/**
 * What the context makes of a call: throws as Google does, answers for the
 * service (`{ result }`), or lets it through (undefined).
 */
export function contextGuard(context: ExecutionContext, cls: string, method: string): { result: unknown } | undefined {
  const key = `${cls}.${method}`;
  const listed = (set: Set<string>) => set.has(key) || set.has(cls);
  if (ALWAYS.has(cls)) return undefined;
  if (context.authMode === 'NONE') {
    if (MENU_ONLY.has(key)) return undefined;
    throw new Error(permissionMessage(key, requiredScopes(cls, method).length ? requiredScopes(cls, method) : ['(authorisation: AuthMode.NONE)']));
  }
  if (context.authMode === 'LIMITED' && listed(LIMITED_FORBIDDEN)) {
    const scopes = requiredScopes(cls, method);
    throw new Error(permissionMessage(key, scopes.length ? scopes : ['(authorisation: AuthMode.LIMITED)']));
  }
  if (context.kind === 'timeDriven' || context.kind === 'webApp') {
    if (key === 'SpreadsheetApp.getUi') throw new Error(NO_UI);
  }
  if (context.kind === 'webApp') {
    if (ACTIVE_DOCUMENT.has(key)) return { result: null };
    if (key === 'LockService.getDocumentLock') return { result: null };
  }
  return undefined;
}
