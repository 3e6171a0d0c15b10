/**
 * The number on the Due tab: this user's next steps due today or overdue.
 * Fetched once when the sidebar opens; the Due view sets it whenever it
 * loads its list or marks one done, so the badge never disagrees with it.
 */
import { useEffect, useState } from 'preact/hooks';
import { rpc } from '../../rpc';

let count: number | null = null;
const listeners = new Set<() => void>();

export function setDueCount(n: number): void {
  if (count === n) return;
  count = n;
  for (const l of listeners) l();
}

export function dueCountNow(): number | null {
  return count;
}

export function refreshDueCount(): void {
  rpc.apiDueCount().then((result) => {
    if (result.ok) setDueCount(result.value);
  });
}

/** Re-renders its component when the count changes; fetches it once while `enabled`. */
export function useDueCount(enabled: boolean): number | null {
  const [, force] = useState(0);
  useEffect(() => {
    const listener = () => force((x) => x + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  useEffect(() => {
    if (enabled && count === null) refreshDueCount();
  }, [enabled]);
  return count;
}
