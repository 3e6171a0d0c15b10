/** The top-level tabs: arrow keys move between them, as the ARIA tabs pattern expects. */
import { useRef } from 'preact/hooks';

export interface Tab {
  id: string;
  label: string;
  /** A count shown beside the label (the Due tab's due and overdue steps); nothing when empty or zero. */
  badge?: number | null;
}

export const tabId = (id: string) => `cb-tab-${id}`;
export const panelId = (id: string) => `cb-panel-${id}`;

/**
 * `lineBefore`: the tab (a view opened from ⋮ More) that starts a line of its own, so the main tabs
 * keep theirs whole and in place instead of wrapping one by one at 300 px in a longer language.
 */
export function TabBar({
  tabs,
  selected,
  label,
  onSelect,
  lineBefore,
}: {
  tabs: Tab[];
  selected: string;
  label: string;
  onSelect: (id: string) => void;
  lineBefore?: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((tab) => tab.id === selected);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -2;
    if (next === -2) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#${tabId(tab.id)}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => [
        tab.id === lineBefore ? <span key="line" class="tab-line" role="presentation" aria-hidden="true" /> : null,
        <button
          key={tab.id}
          id={tabId(tab.id)}
          type="button"
          role="tab"
          aria-selected={tab.id === selected ? 'true' : 'false'}
          aria-controls={panelId(tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          title={tab.badge ? `${tab.label}: ${tab.badge}` : undefined}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
          {/* Hidden from the accessible name (tests and screen readers find the tab by its label); the title says the count. */}
          {tab.badge ? (
            <span class="badge tab-badge" aria-hidden="true" data-testid={`tab-badge-${tab.id}`}>
              {tab.badge > 99 ? '99+' : tab.badge}
            </span>
          ) : null}
        </button>,
      ])}
    </div>
  );
}
