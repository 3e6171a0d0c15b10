/**
 * The public surface of ClientBase. Every export here becomes a top-level
 * function in dist/Code.js (scripts/build.ts), so menus, triggers and
 * google.script.run can reach it; nothing else in the bundle can be called.
 * The sidebar imports the types of these exports (sidebar/rpc.ts).
 */
import { buildMenu } from './gas/menu';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
