/**
 * Which view the sidebar opens on when a menu item opens it (Adopt, Mail
 * merge, Snapshots…). Kept for a minute in the user's cache, read once.
 */
const KEY = 'clientbase.sidebarView';

export function setNextSidebarView(view: string): void {
  CacheService.getUserCache().put(KEY, view, 60);
}

export function takeNextSidebarView(): string | undefined {
  const cache = CacheService.getUserCache();
  const view = cache.get(KEY);
  if (view) cache.remove(KEY);
  return view ?? undefined;
}
