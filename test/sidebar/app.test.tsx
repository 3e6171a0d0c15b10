// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../sidebar/app';
import { timing } from '../../sidebar/timing';
import type { DueItemDto } from '../../src/server';
import { installFakeScriptRun, type FakeScriptRun, type Handlers } from './fake-script-run';
import { button, byLabel, choose, click, client, fastTiming, flush, key, mount, ok, queryLabel, session, type, unmount, waitFor } from './dom';

let fake: FakeScriptRun;

function start(handlers: Handlers = {}, boot = session()): HTMLElement {
  fake = installFakeScriptRun({
    apiBootstrap: () => ok(boot),
    apiHistory: () => ok({ interactions: [], changes: [] }),
    apiGetClient: (id) => ok(client(id, { 'First name': `Client ${id}` })),
    apiCheckDuplicates: () => ok([]),
    ...handlers,
  });
  return mount(<App />);
}

const title = (root: HTMLElement) => root.querySelector('#cb-card-title')?.textContent;

beforeEach(() => {
  fastTiming();
  localStorage.clear();
});
afterEach(() => {
  unmount();
  fake?.uninstall();
  vi.restoreAllMocks();
});

describe('languages', () => {
  it('shows Russian labels when the server reports a Russian locale', async () => {
    const root = start({}, session({ locale: 'ru' }));
    await waitFor(() => queryLabel(root, 'Найти клиента'));
    expect(button(root, 'Клиент').getAttribute('role')).toBe('tab');
    expect(button(root, 'Дела').getAttribute('role')).toBe('tab');
    expect(button(root, 'Новый клиент')).toBeTruthy();
    expect(root.textContent).toContain('Выберите строку в таблице');
    expect(document.documentElement.lang).toBe('ru');
  });

  it('switches language from the UI and remembers the choice over the server’s', async () => {
    const root = start({}, session({ locale: 'en' }));
    await waitFor(() => queryLabel(root, 'Find a client'));
    const language = byLabel<HTMLSelectElement>(root, 'Language');
    await choose(language, 'ru');
    expect(queryLabel(root, 'Найти клиента')).not.toBeNull();
    expect(localStorage.getItem('clientbase.locale')).toBe('ru');
    unmount();
    const again = start({}, session({ locale: 'en' }));
    await waitFor(() => queryLabel(again, 'Найти клиента'));
  });

  it('still works when storage is blocked', async () => {
    // As Chromium does with third-party storage blocked: reading window.localStorage itself throws.
    // (A spy on Storage.prototype misses happy-dom's storage once its methods were first read, as
    // they are then bound to the instance; and a spy read first stays bound into later tests.)
    vi.spyOn(globalThis, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const root = start({}, session({ locale: 'ru' }));
    const language = await waitFor(() => queryLabel(root, 'Язык') as HTMLSelectElement | null);
    await choose(language, 'en');
    expect(queryLabel(root, 'Find a client')).not.toBeNull();
  });

  it('shows Russian validation messages for problems found in the browser', async () => {
    const root = start({}, session({ locale: 'ru' }));
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('.new-client')));
    const email = await waitFor(() => queryLabel(root, 'Email'));
    await type(email, 'anna@gmial.com x');
    await click(button(root, 'Сохранить'));
    expect(email.closest('.field')!.querySelector('.error')!.textContent).toContain('Email: неверный адрес электронной почты');
  });
});

describe('start-up', () => {
  it('shows a failed bootstrap and retries', async () => {
    let attempts = 0;
    fake = installFakeScriptRun({
      apiBootstrap: () =>
        ++attempts === 1 ? { ok: false, error: { code: 'not_found', message: 'The Clients tab is missing. Run ClientBase ▸ Set up.' } } : ok(session()),
    });
    const root = mount(<App />);
    await waitFor(() => root.querySelector('[role=alert]')?.textContent?.includes('The Clients tab is missing'));
    await click(button(root, 'Retry'));
    await waitFor(() => queryLabel(root, 'Find a client'));
  });

  it('opens the view a menu item asked for', async () => {
    const root = start({ apiDueList: () => ok([]) }, session({ view: 'due' }));
    await waitFor(() => root.querySelector('#cb-tab-due')?.getAttribute('aria-selected') === 'true');
    expect(root.querySelector<HTMLElement>('#cb-panel-due')!.hidden).toBe(false);
  });

  it('says when the base is not set up instead of showing an empty form', async () => {
    const root = start({}, session({ fields: [], view: 'client' }));
    await waitFor(() => root.textContent?.includes('not set up as a client base yet'));
    expect(root.querySelector('#cb-tab-client')!.getAttribute('aria-selected')).toBe('true');
  });

  it('opens the client under the sheet cursor', async () => {
    const root = start({}, session({ activeClientId: 'C5' }));
    await waitFor(() => title(root) === 'Client C5');
  });
});

describe('following the sheet cursor', () => {
  it('shows the client of the newly selected row while the card is idle', async () => {
    timing.activePollMs = 5;
    let active: string | null = 'C5';
    const root = start({ apiPoll: () => ok({ activeClientId: active, clientsVersion: 'v1' }) }, session({ activeClientId: 'C5' }));
    await waitFor(() => title(root) === 'Client C5');
    await waitFor(() => fake.callsTo('apiPoll').length >= 2);
    expect(fake.callsTo('apiOpenClient')).toEqual([['C5']]);
    active = 'C6';
    await waitFor(() => title(root) === 'Client C6', 'the card to follow the cursor');
  });

  it('does not replace a form with unsaved changes', async () => {
    timing.activePollMs = 5;
    let active: string | null = 'C5';
    const root = start({ apiPoll: () => ok({ activeClientId: active, clientsVersion: 'v1' }) }, session({ activeClientId: 'C5' }));
    const city = await waitFor(() => queryLabel(root, 'City'));
    await type(city, 'Kazan');
    (document.activeElement as HTMLElement | null)?.blur();
    active = 'C6';
    const polled = fake.callsTo('apiPoll').length;
    await new Promise((r) => setTimeout(r, 40));
    await flush();
    // Idle-time polling is paused, not broken: it resumes when the form is saved or discarded.
    expect(fake.callsTo('apiPoll').length).toBe(polled);
    expect(title(root)).toBe('Client C5');
    expect(byLabel<HTMLInputElement>(root, 'City').value).toBe('Kazan');
  });
});

describe('unsaved changes', () => {
  it('asks before another client replaces the form, and "Keep editing" keeps it', async () => {
    const root = start({ apiSearch: () => ok([{ id: 'C2', name: 'Boris', company: '', email: '', phone: '', stage: '' }]) }, session({ activeClientId: 'C1' }));
    await type(await waitFor(() => queryLabel(root, 'City')), 'Kazan');
    const search = byLabel(root, 'Find a client');
    await type(search, 'boris');
    await waitFor(() => root.querySelector('[role=option]'));
    await key(search, 'Enter');
    await waitFor(() => root.textContent?.includes('The form has unsaved changes.'));
    await click(button(root, 'Keep editing'));
    expect(title(root)).toBe('Client C1');
    expect(byLabel<HTMLInputElement>(root, 'City').value).toBe('Kazan');
    await key(search, 'ArrowDown');
    await key(search, 'Enter');
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('.banner.warning button')));
    await waitFor(() => title(root) === 'Client C2');
  });
});

describe('tabs and the Due list', () => {
  const due = (id: string, overdueDays: number, clientName = 'Anna Petrova'): DueItemDto => ({
    id,
    clientId: 'C1',
    date: '2024-05-01',
    type: 'Call',
    manager: 'anna@example.com',
    result: '',
    nextStep: `Send offer ${id}`,
    nextDate: '2024-05-30',
    done: false,
    source: 'sidebar',
    clientName,
    overdueDays,
    when: overdueDays > 0 ? 'overdue' : overdueDays === 0 ? 'today' : 'later',
  });

  it('moves between tabs with the arrow keys', async () => {
    const root = start({ apiDueList: () => ok([]) });
    const clientTab = await waitFor(() => root.querySelector<HTMLElement>('#cb-tab-client'));
    await key(clientTab, 'ArrowRight');
    expect(root.querySelector('#cb-tab-due')!.getAttribute('aria-selected')).toBe('true');
    expect(root.querySelector<HTMLElement>('#cb-panel-client')!.hidden).toBe(true);
    expect(root.querySelector<HTMLElement>('#cb-panel-due')!.hidden).toBe(false);
    await key(root.querySelector<HTMLElement>('#cb-tab-due')!, 'ArrowLeft');
    expect(clientTab.getAttribute('aria-selected')).toBe('true');
  });

  it('a view opened from ⋮ More joins the tab bar, selected, and the arrow keys reach it and leave it', async () => {
    const root = start({ apiDueList: () => ok([]), apiListSnapshots: () => ok([]) });
    await waitFor(() => root.querySelector('#cb-tab-client'));
    const tabs = () => Array.from(root.querySelectorAll('[role=tablist] [role=tab]')).map((t) => t.textContent);
    expect(tabs()).not.toContain('Snapshots');
    const more = root.querySelector<HTMLElement>('summary[aria-label="More"]')!;
    await click(more);
    await click(button(root, 'Snapshots'));
    const snapshots = await waitFor(() => root.querySelector<HTMLElement>('#cb-tab-snapshots'));
    expect(snapshots.getAttribute('aria-selected')).toBe('true');
    expect(tabs().at(-1)).toBe('Snapshots');
    expect(document.activeElement).toBe(snapshots);
    expect(root.querySelector<HTMLElement>('#cb-panel-snapshots')!.hidden).toBe(false);
    // The arrow keys move from it to its neighbours (wrapping round), the focus following the selection.
    await key(snapshots, 'ArrowRight');
    expect(root.querySelector('#cb-tab-client')!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.id).toBe('cb-tab-client');
    // Left, it is a tab only while open; ⋮ More opens it again, and ArrowLeft goes on to Mail.
    expect(tabs()).not.toContain('Snapshots');
    await click(more);
    await click(button(root, 'Snapshots'));
    await key(await waitFor(() => root.querySelector<HTMLElement>('#cb-tab-snapshots')), 'ArrowLeft');
    expect(document.activeElement?.id).toBe('cb-tab-mail');
    expect(root.querySelector('#cb-tab-mail')!.getAttribute('aria-selected')).toBe('true');
  });

  it('lists due and overdue steps, marks one done and opens a client', async () => {
    const root = start({ apiDueList: () => ok([due('I1', 3), due('I2', 0, '<img src=x onerror=alert(1)>')]), apiMarkDone: () => ok(null) });
    await click(await waitFor(() => root.querySelector<HTMLElement>('#cb-tab-due')));
    await waitFor(() => root.querySelectorAll('.due-list li').length === 2);
    expect(root.querySelector('.due')!.textContent).toContain('overdue 3 days');
    expect(root.querySelector('.due')!.textContent).toContain('due today');
    // In sections, overdue first, their counts on top so today's step is found however many are overdue.
    expect(Array.from(root.querySelectorAll('.due-section h3')).map((h) => h.textContent)).toEqual(['Overdue (1)', 'Today (1)']);
    expect(root.querySelector('.due-summary')!.textContent).toBe('Overdue (1) · Today (1) · Later (0)');
    expect(root.querySelector('img')).toBeNull();
    await click(button(root, 'Mark done: Send offer I1 (Anna Petrova)'));
    expect(fake.callsTo('apiMarkDone')).toEqual([['I1']]);
    await waitFor(() => root.querySelectorAll('.due-list li').length === 1);
    expect(root.textContent).toContain('Done: Send offer I1');
    await click(button(root, 'Open client <img src=x onerror=alert(1)>'));
    expect(root.querySelector('#cb-tab-client')!.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => title(root) === 'Client C1');
  });

  it('the Due badge counts overdue and today only, not the coming days the list also shows', async () => {
    const root = start({ apiDueCount: () => ok(2), apiDueList: () => ok([due('I1', 3), due('I2', 0), due('I3', -5)]), apiMarkDone: () => ok(null) });
    const badge = () => root.querySelector('[data-testid=tab-badge-due]')?.textContent;
    await click(await waitFor(() => root.querySelector<HTMLElement>('#cb-tab-due')));
    await waitFor(() => root.querySelectorAll('.due-list li').length === 3);
    await waitFor(() => badge() === '2');
    await click(button(root, 'Mark done: Send offer I1 (Anna Petrova)'));
    await waitFor(() => root.querySelectorAll('.due-list li').length === 2);
    expect(badge()).toBe('1');
  });

  it('says so when nothing is due, in Russian too', async () => {
    const root = start({ apiDueList: () => ok([]) }, session({ locale: 'ru' }));
    await click(await waitFor(() => root.querySelector<HTMLElement>('#cb-tab-due')));
    await waitFor(() => root.textContent?.includes('Нет просроченных дел.'));
  });
});
