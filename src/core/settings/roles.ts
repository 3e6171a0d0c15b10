import type { Settings } from './settings';

export type Role = 'admin' | 'manager' | 'reader';

/**
 * Admins change structure and run irreversible-looking operations; managers
 * add and edit clients; everyone else reads. `setUpBy` is whoever ran Set up
 * (remembered by the add-on): once a base exists, an emptied admins cell
 * leaves only that person an admin, never everyone. Only a base with no
 * record of who set it up, and no admin listed, has everyone as admin, so
 * nobody is locked out before roles exist.
 */
export function roleOf(email: string, settings: Pick<Settings, 'admins' | 'managers'>, setUpBy?: string | null): Role {
  const who = email.trim().toLowerCase();
  if (settings.admins.includes(who)) return 'admin';
  if (settings.admins.length === 0 && (setUpBy === undefined || (!!who && setUpBy?.trim().toLowerCase() === who))) return 'admin';
  return settings.managers.includes(who) ? 'manager' : 'reader';
}

/** Who may edit the admin-only tabs: the listed admins, or with none listed the person who set the base up. */
export function effectiveAdmins(settings: Pick<Settings, 'admins'>, setUpBy: string | null): string[] {
  if (settings.admins.length) return settings.admins;
  return setUpBy ? [setUpBy.trim().toLowerCase()] : [];
}

const RANK: Record<Role, number> = { reader: 0, manager: 1, admin: 2 };

export function hasRole(actual: Role, needed: Role): boolean {
  return RANK[actual] >= RANK[needed];
}
