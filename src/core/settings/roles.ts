import type { Settings } from './settings';

export type Role = 'admin' | 'manager' | 'reader';

/**
 * Admins change structure and run irreversible-looking operations; managers
 * add and edit clients; everyone else reads. With no admin listed yet (a fresh
 * base), everyone is an admin, so nobody locks themselves out before setting roles.
 */
export function roleOf(email: string, settings: Pick<Settings, 'admins' | 'managers'>): Role {
  const who = email.trim().toLowerCase();
  if (settings.admins.length === 0) return 'admin';
  if (settings.admins.includes(who)) return 'admin';
  if (settings.managers.includes(who)) return 'manager';
  return 'reader';
}

const RANK: Record<Role, number> = { reader: 0, manager: 1, admin: 2 };

export function hasRole(actual: Role, needed: Role): boolean {
  return RANK[actual] >= RANK[needed];
}
