// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../sidebar/app';
import { resetClientIndex } from '../../../sidebar/client-index';
import { timing } from '../../../sidebar/timing';
import type { ClientIndexDto } from '../../../src/server';
import { installFakeScriptRun, type FakeScriptRun } from '../fake-script-run';
import { byLabel, click, client, fastTiming, mount, ok, queryLabel, session, type, unmount, waitFor } from '../dom';

let fake: FakeScriptRun;
let version = 'v1';
const index = (): ClientIndexDto => ({
  version,
  fields: ['First name', 'Last name', 'Email', 'Phone'],
  rows: [
    ['C1', 'Александр', 'Петров', 'sasha@example.com', '+7 (916) 123-45-67'],
    ['C2', 'Alexandra', 'Smith', 'alex@example.com', ''],
    ['C3', 'Ștefan', 'Mureșan', 'stefan@example.com', '+40 721 000 111'],
  ],
});

beforeEach(() => {
  fastTiming();
  resetClientIndex();
  version = 'v1';
});
afterEach(() => {
  unmount();
  fake?.uninstall();
});

function start() {
  fake = installFakeScriptRun({
    apiBootstrap: () => ok(session()),
    apiClientIndex: () => ok(index()),
    apiPoll: () => ok({ activeClientId: null, clientsVersion: version }),
    apiGetClient: (id) => ok(client(id, { 'First name': `Client ${id}` })),
    apiHistory: () => ok({ interactions: [], changes: [] }),
  });
  return mount(<App />);
}

const box = (root: HTMLElement) => waitFor(() => queryLabel(root, 'Find a client') as HTMLInputElement | null);
const names = (root: HTMLElement) => [...root.querySelectorAll('[role=option] .hit-name')].map((e) => e.textContent);

describe('search in the browser', () => {
  it('loads the index in one round trip, then makes none per keystroke, ignoring alphabet, accents and phone format', async () => {
    const root = start();
    const input = await box(root);
    await type(input, 'Aleksandr');
    await waitFor(() => names(root).length > 0);
    expect(names(root)).toContain('Александр Петров');
    await type(input, 'stefan muresan');
    await waitFor(() => names(root).join() === 'Ștefan Mureșan');
    await type(input, '916 123');
    await waitFor(() => names(root).join() === 'Александр Петров');
    await type(input, 'ALEX@EXAMPLE');
    await waitFor(() => names(root).join() === 'Alexandra Smith');
    expect(fake.callsTo('apiClientIndex')).toHaveLength(1);
    expect(fake.callsTo('apiSearch')).toHaveLength(0);
  });

  it('renders hostile names as text', async () => {
    version = 'v1';
    fake = installFakeScriptRun({
      apiBootstrap: () => ok(session()),
      apiClientIndex: () => ok({ version, fields: ['First name', 'Last name'], rows: [['C9', '<img src=x onerror=alert(1)>', '=HYPERLINK("x")']] }),
    });
    const root = mount(<App />);
    await type(await box(root), 'img');
    await waitFor(() => names(root).length === 1);
    expect(root.querySelector('img')).toBeNull();
    expect(names(root)[0]).toContain('<img src=x onerror=alert(1)>');
  });

  it('loads the index again when the poll reports that Clients changed elsewhere', async () => {
    timing.activePollMs = 5;
    const root = start();
    const input = await box(root);
    await type(input, 'Smith');
    await waitFor(() => names(root).length === 1);
    version = 'v2';
    // The poll pauses while the user types in the card's view.
    input.blur();
    const polled = fake.callsTo('apiPoll').length;
    await waitFor(() => fake.callsTo('apiPoll').length > polled);
    await type(input, 'Smit');
    await waitFor(() => fake.callsTo('apiClientIndex').length === 2, 'a fresh index');
  });

  it('falls back to the server search when the index cannot be loaded', async () => {
    fake = installFakeScriptRun({
      apiBootstrap: () => ok(session()),
      apiClientIndex: () => ({ ok: false, error: { code: 'internal', message: 'too big' } }),
      apiSearch: () => ok([{ id: 'C7', name: 'From server', company: '', email: '', phone: '', stage: '' }]),
    });
    const root = mount(<App />);
    await type(await box(root), 'serv');
    await waitFor(() => names(root).join() === 'From server');
  });
});

describe('live duplicate check over the index', () => {
  it('sends the index rows that share a surname or phone with the draft, so the server reads no Clients', async () => {
    const root = start();
    fake.handlers.apiCheckDuplicates = () => ok([]);
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('.new-client'), 'New client button'));
    await type(await waitFor(() => queryLabel(root, 'First name') as HTMLInputElement | null), 'Саша');
    await type(byLabel(root, 'Last name'), 'Petrov');
    await waitFor(() => fake.callsTo('apiCheckDuplicates').length > 0, 'a duplicate check');
    const [draft, , candidates] = fake.callsTo('apiCheckDuplicates').at(-1)! as [Record<string, string>, unknown, { rows: string[][]; total: number }];
    expect(draft).toMatchObject({ 'First name': 'Саша', 'Last name': 'Petrov' });
    expect(candidates.rows.map((r) => r[0])).toEqual(['C1']);
    expect(candidates.total).toBe(3);
    expect(fake.callsTo('apiClientIndex')).toHaveLength(1);
  });
});
