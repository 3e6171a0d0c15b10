// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../sidebar/app';
import type { SearchHitDto } from '../../../src/server';
import { installFakeScriptRun, type FakeScriptRun } from '../fake-script-run';
import { byLabel, client, fastTiming, flush, key, mount, ok, queryLabel, session, type, unmount, waitFor } from '../dom';

let fake: FakeScriptRun;
const hit = (id: string, name: string): SearchHitDto => ({ id, name, company: 'Acme', email: `${id}@acme.test`, phone: '', stage: 'Warm' });
const HITS = [hit('C1', 'Александр Петров'), hit('C2', 'Alexandra Smith'), hit('C3', 'Sasha Grey')];

beforeEach(fastTiming);
afterEach(() => {
  unmount();
  fake?.uninstall();
});

function start(search: (q: string) => SearchHitDto[] | Promise<SearchHitDto[]>) {
  fake = installFakeScriptRun({
    apiBootstrap: () => ok(session()),
    apiSearch: async (q) => ok(await search(q)),
    apiGetClient: (id) => ok(client(id, { 'First name': `Client ${id}` })),
    apiHistory: () => ok({ interactions: [], changes: [] }),
  });
  return mount(<App />);
}

const box = (root: HTMLElement) => waitFor(() => queryLabel(root, 'Find a client') as HTMLInputElement | null);

describe('type-ahead search', () => {
  it('is a labelled combobox listing hits, moved through with arrows and opened with Enter', async () => {
    const root = start(() => HITS);
    const input = await box(root);
    expect(input.getAttribute('role')).toBe('combobox');
    await type(input, 'Aleksandr');
    await waitFor(() => root.querySelectorAll('[role=option]').length === 3);
    expect(fake.callsTo('apiSearch')).toEqual([['Aleksandr']]);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('[role=status]')!.textContent).toBe('3 clients found');
    const selected = () => root.querySelector('[role=option][aria-selected=true]')!;
    expect(selected().textContent).toContain('Александр Петров');
    await key(input, 'ArrowDown');
    await key(input, 'ArrowDown');
    expect(selected().textContent).toContain('Sasha Grey');
    expect(input.getAttribute('aria-activedescendant')).toBe(selected().id);
    await key(input, 'ArrowDown');
    expect(selected().textContent).toContain('Александр Петров');
    await key(input, 'ArrowUp');
    expect(selected().textContent).toContain('Sasha Grey');
    await key(input, 'Enter');
    await waitFor(() => root.querySelector('#cb-card-title')?.textContent === 'Client C3');
    expect(fake.callsTo('apiOpenClient')).toEqual([['C3']]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('Enter pressed before the hits arrive opens the first hit when they do', async () => {
    let answer: (hits: SearchHitDto[]) => void = () => {};
    const root = start(() => new Promise((resolve) => (answer = resolve)));
    const input = await box(root);
    await type(input, 'Aleksandr');
    await key(input, 'Enter');
    expect(fake.callsTo('apiOpenClient')).toEqual([]);
    await waitFor(() => fake.callsTo('apiSearch').length === 1);
    answer(HITS);
    await waitFor(() => root.querySelector('#cb-card-title')?.textContent === 'Client C1');
    expect(fake.callsTo('apiOpenClient')).toEqual([['C1']]);
  });

  it('closes the list with Escape and opens a hit with a click', async () => {
    const root = start(() => HITS);
    const input = await box(root);
    await type(input, 'sash');
    await waitFor(() => root.querySelectorAll('[role=option]').length);
    await key(input, 'Escape');
    expect(root.querySelector<HTMLElement>('[role=listbox]')!.hidden).toBe(true);
    await key(input, 'ArrowDown');
    expect(root.querySelector<HTMLElement>('[role=listbox]')!.hidden).toBe(false);
    (root.querySelectorAll('[role=option]')[1] as HTMLElement).click();
    await waitFor(() => root.querySelector('#cb-card-title')?.textContent === 'Client C2');
  });

  it('waits for two characters and says when nothing is found', async () => {
    const root = start(() => []);
    const input = await box(root);
    await type(input, 'a');
    await flush();
    expect(fake.callsTo('apiSearch')).toHaveLength(0);
    await type(input, '+7 916');
    await waitFor(() => root.querySelector('[role=status]')!.textContent === 'No clients found');
  });

  it('ignores a slow answer to an older query', async () => {
    let release: () => void = () => {};
    const root = start((q) =>
      q === 'al' ? new Promise<SearchHitDto[]>((resolve) => (release = () => resolve([hit('C9', 'Stale Answer')]))) : [hit('C2', 'Alexandra Smith')],
    );
    const input = await box(root);
    await type(input, 'al');
    await waitFor(() => fake.callsTo('apiSearch').length === 1);
    await type(input, 'alexandra');
    await waitFor(() => root.querySelectorAll('[role=option]').length === 1);
    release();
    await flush();
    expect(root.querySelector('[role=listbox]')!.textContent).toContain('Alexandra Smith');
    expect(root.querySelector('[role=listbox]')!.textContent).not.toContain('Stale Answer');
  });

  it('shows a search error instead of failing silently', async () => {
    fake = installFakeScriptRun({
      apiBootstrap: () => ok(session()),
      apiSearch: () => {
        throw new Error('Exceeded maximum execution time');
      },
    });
    const root = mount(<App />);
    await type(await box(root), 'anna');
    await waitFor(() => root.querySelector('[role=status]')!.textContent?.includes('Exceeded maximum execution time'));
    expect(byLabel(root, 'Find a client')).toBeTruthy();
  });
});
