// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VISIBLE_TABS } from '../../../../sidebar/views/setup/setup-view';
import { DEFAULT_FIELDS } from '../../../../src/core/schema/defaults';
import { TAB_LAYOUTS } from '../../../../src/core/schema/tab-layouts';
import { button, click, fastTiming, ok, queryLabel, session, unmount, waitFor } from '../../dom';
import type { FakeScriptRun } from '../../fake-script-run';
import { notSetUp, proposalFor, selectedTab, startApp, tabLabels } from '../support';

let fake: FakeScriptRun;
let root: HTMLElement;

beforeEach(() => {
  fastTiming();
  localStorage.clear();
});
afterEach(() => {
  unmount();
  fake?.uninstall();
});

describe('Set up view', () => {
  it('is the only view of a blank spreadsheet and says what Set up creates', async () => {
    ({ fake, root } = startApp({}, notSetUp('setup')));
    await waitFor(() => root.querySelector('#cb-setup-title'));
    expect(tabLabels(root)).toEqual(['Set up']);
    expect(selectedTab(root)).toBe('cb-tab-setup');
    const tabs = Array.from(root.querySelectorAll('.setup li strong')).map((s) => s.textContent);
    expect(tabs).toEqual(VISIBLE_TABS);
    expect(tabs).toEqual(expect.arrayContaining(['Clients', 'Fields', 'Interactions', 'Audit', 'Settings']));
    // Hidden tabs (Snapshots, "Not duplicates"…) are the add-on's own business.
    expect(tabs.filter((tab) => TAB_LAYOUTS[tab]?.hidden)).toEqual([]);
    expect(Array.from(root.querySelectorAll('.setup li')).every((li) => /: \S/.test(li.textContent ?? ''))).toBe(true);
    expect(root.querySelector('.setup summary')!.textContent).toBe(`The ${DEFAULT_FIELDS.length} fields Clients starts with`);
    expect(root.querySelector('.setup details p')!.textContent).toContain('First name, Last name, Company');
    expect(root.textContent).toContain('You (anna@example.com) become the first admin');
    expect(fake.calls.map((c) => c.name)).toEqual(['apiBootstrap']);
  });

  it('sets up, then opens the Client view with a confirmation', async () => {
    ({ fake, root } = startApp({ apiSetUp: () => ok({ kind: 'created' }) }, notSetUp('setup')));
    const setUp = await waitFor(() => root.querySelector<HTMLButtonElement>('.setup .actions button'));
    fake.handlers.apiBootstrap = () => ok(session({ role: 'admin' }));
    await click(setUp);
    await waitFor(() => selectedTab(root) === 'cb-tab-client');
    expect(fake.calls.map((c) => c.name).slice(0, 3)).toEqual(['apiBootstrap', 'apiSetUp', 'apiBootstrap']);
    // Client and Due lead the tab bar; views under More (Snapshots, Check) take no tab until opened.
    expect(tabLabels(root).slice(0, 2)).toEqual(['Client', 'Due']);
    expect(tabLabels(root)).not.toContain('Snapshots');
    expect(root.querySelector('.banner.info')!.textContent).toContain('ClientBase is set up.');
    expect(queryLabel(root, 'Find a client')).not.toBeNull();
    expect(root.querySelector('#cb-panel-setup')).toBeNull();
  });

  it('goes to adoption when a list appeared in the spreadsheet meanwhile', async () => {
    ({ fake, root } = startApp(
      { apiSetUp: () => ok({ kind: 'needs_adoption' }), apiProposeAdoption: () => ok(proposalFor([['Email'], ['a@example.com']])) },
      notSetUp('setup'),
    ));
    const setUp = await waitFor(() => root.querySelector<HTMLButtonElement>('.setup .actions button'));
    fake.handlers.apiBootstrap = () => ok(notSetUp('adopt'));
    await click(setUp);
    await waitFor(() => selectedTab(root) === 'cb-tab-adopt' && queryLabel(root, 'Email'));
    expect(tabLabels(root)).toEqual(['Adopt list']);
    expect(root.querySelector('.banner.info')).toBeNull();
  });

  it('shows a failure and lets the user try again', async () => {
    let attempts = 0;
    ({ fake, root } = startApp(
      {
        apiSetUp: () =>
          ++attempts === 1 ? { ok: false, error: { code: 'busy', message: 'Another change is being saved; try again in a moment.' } } : ok({ kind: 'created' }),
      },
      notSetUp('setup'),
    ));
    const setUp = await waitFor(() => root.querySelector<HTMLButtonElement>('.setup .actions button'));
    await click(setUp);
    await waitFor(() => root.querySelector('[role=alert]')?.textContent?.includes('Another change is being saved'));
    expect(setUp.disabled).toBe(false);
    expect(selectedTab(root)).toBe('cb-tab-setup');
    fake.handlers.apiBootstrap = () => ok(session());
    await click(setUp);
    await waitFor(() => selectedTab(root) === 'cb-tab-client');
  });

  it('renders a hostile user name as text', async () => {
    ({ fake, root } = startApp({}, notSetUp('setup', { user: '<img src=x onerror=alert(1)>' })));
    await waitFor(() => root.querySelector('#cb-setup-title'));
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('You (<img src=x onerror=alert(1)>) become');
  });

  it('speaks Russian', async () => {
    ({ fake, root } = startApp({}, notSetUp('setup', { locale: 'ru' })));
    await waitFor(() => root.querySelector('#cb-setup-title'));
    expect(tabLabels(root)).toEqual(['Настройка']);
    expect(root.querySelector('#cb-setup-title')!.textContent).toBe('Создать базу клиентов');
    expect(root.querySelector('.setup summary')!.textContent).toMatch(new RegExp(`^${DEFAULT_FIELDS.length} пол(е|я|ей), с которых начинается Clients$`));
    expect(button(root, 'Настроить')).toBeTruthy();
  });
});
