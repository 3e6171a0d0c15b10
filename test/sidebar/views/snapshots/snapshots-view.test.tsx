// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SnapshotInfo } from '../../../../src/server';
import { button, click, fastTiming, ok, session, unmount, waitFor } from '../../dom';
import type { FakeScriptRun, Handlers } from '../../fake-script-run';
import { selectedTab, startApp, tabLabels } from '../support';

const OLD: SnapshotInfo = {
  id: 'S-OLD22222',
  time: '2024-05-01T06:30:00.000Z',
  user: 'boris@example.com',
  reason: 'before adopting the existing list',
  tabs: ['Sheet1'],
};
const NEW: SnapshotInfo = {
  id: 'S-NEW33333',
  time: '2024-05-31T11:05:00.000Z',
  user: 'anna@example.com',
  reason: 'before merging duplicates',
  tabs: ['Clients', 'Archive'],
};
const HOSTILE: SnapshotInfo = {
  id: 'S-HOST4444',
  time: '2024-05-20T09:00:00.000Z',
  user: '<img src=x onerror=alert(1)>',
  reason: '=HYPERLINK("x") 😀',
  tabs: ['Clients'],
};

let fake: FakeScriptRun;
let root: HTMLElement;

/** Opens the sidebar on Snapshots, as ClientBase ▸ Snapshots does. */
function open(list: SnapshotInfo[], role: 'admin' | 'manager' | 'reader' = 'admin', handlers: Handlers = {}, locale: 'en' | 'ru' = 'en') {
  ({ fake, root } = startApp({ apiListSnapshots: () => ok(list), ...handlers }, session({ role, locale, view: 'snapshots' })));
}

const panel = () => root.querySelector<HTMLElement>('#cb-panel-snapshots')!;
const items = () => Array.from(root.querySelectorAll('.snapshot-list > li'));
const restoreButton = (i: number) => items()[i].querySelector<HTMLButtonElement>('.row-actions button')!;

beforeEach(() => {
  fastTiming();
  localStorage.clear();
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
});
afterEach(() => {
  unmount();
  fake?.uninstall();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the list', () => {
  it('opens from the menu and lists snapshots newest first with time, user, reason and tabs', async () => {
    open([OLD, HOSTILE, NEW]);
    await waitFor(() => items().length === 3);
    expect(selectedTab(root)).toBe('cb-tab-snapshots');
    expect(items().map((li) => li.querySelector('.badge')!.textContent)).toEqual(['S-NEW33333', 'S-HOST4444', 'S-OLD22222']);
    const first = items()[0].textContent!;
    // 11:05 UTC is 14:05 in the spreadsheet's zone (Europe/Moscow).
    expect(items()[0].querySelector('strong')!.textContent).toBe('31 May 2024, 14:05');
    expect(first).toContain('before merging duplicates');
    expect(first).toContain('by anna@example.com');
    expect(first).toContain('Tabs: Clients, Archive');
  });

  it('renders hostile users and reasons as text', async () => {
    open([HOSTILE]);
    await waitFor(() => items().length === 1);
    expect(root.querySelector('img')).toBeNull();
    expect(items()[0].textContent).toContain('by <img src=x onerror=alert(1)>');
    expect(items()[0].textContent).toContain('=HYPERLINK("x") 😀');
  });

  it('says when there is none, and shows a failure to list', async () => {
    open([]);
    await waitFor(() => root.textContent?.includes('No snapshots yet.'));
    fake.handlers.apiListSnapshots = () => ({ ok: false, error: { code: 'internal', message: 'Service Spreadsheets failed' } });
    await click(button(panel(), 'Refresh'));
    await waitFor(() => panel().querySelector('[role=alert]')?.textContent?.includes('Service Spreadsheets failed'));
  });

  it('is reached from the More menu without taking a tab of its own until opened', async () => {
    ({ fake, root } = startApp({ apiListSnapshots: () => ok([NEW]) }, session({ role: 'admin' })));
    await waitFor(() => root.querySelector('#cb-tab-client'));
    // Client and Due lead the tab bar; views under More (Snapshots, Check) take no tab until opened.
    expect(tabLabels(root).slice(0, 2)).toEqual(['Client', 'Due']);
    expect(tabLabels(root)).not.toContain('Snapshots');
    expect(fake.callsTo('apiListSnapshots')).toHaveLength(0);
    const more = root.querySelector('header details')!;
    expect(more.querySelector('summary')!.getAttribute('aria-label')).toBe('More');
    await click(button(more, 'Snapshots'));
    expect(tabLabels(root).slice(0, 2)).toEqual(['Client', 'Due']);
    expect(tabLabels(root).at(-1)).toBe('Snapshots');
    expect(selectedTab(root)).toBe('cb-tab-snapshots');
    expect(more.hasAttribute('open')).toBe(false);
    await waitFor(() => items().length === 1);
    await click(root.querySelector<HTMLElement>('#cb-tab-client')!);
    // Client and Due lead the tab bar; views under More (Snapshots, Check) take no tab until opened.
    expect(tabLabels(root).slice(0, 2)).toEqual(['Client', 'Due']);
    expect(tabLabels(root)).not.toContain('Snapshots');
  });
});

describe('restoring', () => {
  it('asks inside the sidebar first, and Cancel changes nothing', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    open([NEW, OLD], 'admin', { apiRestoreSnapshot: () => ok({ restored: ['Clients', 'Archive'], safetySnapshot: 'S-SAFE5555' }) });
    await waitFor(() => items().length === 2);
    expect(restoreButton(0).getAttribute('aria-label')).toBe('Restore snapshot S-NEW33333 of 31 May 2024, 14:05');
    await click(restoreButton(0));
    const question = items()[0].querySelector('[role=group]')!;
    expect(question.textContent).toContain('Put Clients, Archive back as they were on 31 May 2024, 14:05?');
    expect(question.textContent).toContain('saved as a new snapshot first');
    expect(document.activeElement).toBe(question);
    expect(restoreButton(1).disabled).toBe(false);
    await click(button(question, 'Cancel'));
    expect(items()[0].querySelector('[role=group]')).toBeNull();
    expect(fake.callsTo('apiRestoreSnapshot')).toHaveLength(0);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('restores after confirmation, says where the previous state went, and lists it', async () => {
    let list = [NEW, OLD];
    const safety: SnapshotInfo = {
      id: 'S-SAFE5555',
      time: '2024-05-31T12:00:00.000Z',
      user: 'anna@example.com',
      reason: 'before restoring S-OLD22222',
      tabs: ['Sheet1'],
    };
    open(list, 'admin', {
      apiListSnapshots: () => ok(list),
      apiRestoreSnapshot: (id) => {
        list = [...list, safety];
        return ok({ restored: id === 'S-OLD22222' ? ['Sheet1'] : ['Clients'], safetySnapshot: 'S-SAFE5555' });
      },
    });
    await waitFor(() => items().length === 2);
    await click(restoreButton(1));
    await click(button(root, 'Yes, restore'));
    expect(fake.callsTo('apiRestoreSnapshot')).toEqual([['S-OLD22222']]);
    await waitFor(() => items().length === 3);
    expect(panel().querySelector('[role=status]')!.textContent).toBe('Restored Sheet1; the state before the restore is snapshot S-SAFE5555.');
    expect(items()[0].querySelector('.badge')!.textContent).toBe('S-SAFE5555');
    expect(root.querySelector('.snapshot-list [role=group]')).toBeNull();
  });

  it('shows the server’s refusal', async () => {
    open([NEW], 'admin', {
      apiRestoreSnapshot: () => ({
        ok: false,
        error: { code: 'not_found', message: 'No snapshot S-NEW33333; it may have been pruned (Settings: snapshotRetention).' },
      }),
    });
    await waitFor(() => items().length === 1);
    await click(restoreButton(0));
    await click(button(root, 'Yes, restore'));
    await waitFor(() => panel().querySelector('[role=alert]')?.textContent?.includes('it may have been pruned'));
    expect(panel().querySelector('[role=status]')!.textContent).toBe('');
  });

  it.each(['reader', 'manager'] as const)('is not offered to a %s, who is told why', async (role) => {
    open([NEW], role);
    await waitFor(() => items().length === 1);
    const restore = restoreButton(0);
    expect(restore.disabled).toBe(true);
    const note = document.getElementById(restore.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toBe(`Only admins can restore snapshots; you are a ${role}.`);
    await click(restore);
    expect(items()[0].querySelector('[role=group]')).toBeNull();
    expect(fake.callsTo('apiRestoreSnapshot')).toHaveLength(0);
  });
});

describe('in Russian', () => {
  it('labels the list, the confirmation and the result', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('ru-RU');
    open([NEW], 'admin', { apiRestoreSnapshot: () => ok({ restored: ['Clients'], safetySnapshot: 'S-SAFE5555' }) }, 'ru');
    await waitFor(() => items().length === 1);
    expect(tabLabels(root).slice(0, 2)).toEqual(['Клиент', 'Дела']);
    expect(tabLabels(root).at(-1)).toBe('Снимки');
    expect(root.querySelector('header details summary')!.getAttribute('aria-label')).toBe('Ещё');
    expect(items()[0].querySelector('strong')!.textContent).toBe('31.05.2024, 14:05');
    expect(items()[0].textContent).toContain('Вкладки: Clients, Archive');
    const time = items()[0].querySelector('strong')!.textContent!;
    await click(button(root, `Восстановить снимок S-NEW33333 от ${time}`));
    await click(button(root, 'Да, восстановить'));
    await waitFor(() => panel().querySelector('[role=status]')!.textContent === 'Восстановлено: Clients; состояние до восстановления — снимок S-SAFE5555.');
  });

  it('tells a reader why restoring is off', async () => {
    open([NEW], 'reader', {}, 'ru');
    await waitFor(() => items().length === 1);
    expect(root.textContent).toContain('Восстанавливать снимки могут только администраторы; ваша роль — читатель.');
  });
});
