// @vitest-environment happy-dom
/** Issue 17: companies in the browser's type-ahead (name forms, tax ID), and client card → company card → client card, one round trip each. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../sidebar/app';
import { resetClientIndex } from '../../../sidebar/client-index';
import type { ClientIndexDto, OpenCompanyDto } from '../../../src/server';
import { installFakeScriptRun, type FakeScriptRun } from '../fake-script-run';
import { click, client, fastTiming, mount, ok, queryLabel, session, type, unmount, waitFor } from '../dom';

let fake: FakeScriptRun;
const INDEX: ClientIndexDto = {
  version: 'v1',
  fields: ['First name', 'Last name', 'Company'],
  rows: [['C1', 'Ivan', 'Petrov', 'ООО «Ромашка»']],
  companies: [
    ['CO-1', 'ООО «Ромашка»', '7707083893'],
    ['CO-2', '<img src=x onerror=alert(1)>', ''],
  ],
};
const CARD: OpenCompanyDto = {
  company: { id: 'CO-1', values: { Name: 'ООО «Ромашка»' }, updated: '', updatedBy: '' },
  fields: [{ name: 'Name', key: 'company', type: 'text', required: false, options: [], unique: false, help: '' }],
  people: [{ id: 'C1', name: 'Ivan Petrov', role: 'Decision maker', phone: '', email: '' }],
  interactions: [],
  nextSteps: [],
  morePeople: false,
};

beforeEach(() => {
  fastTiming();
  resetClientIndex();
});
afterEach(() => {
  unmount();
  fake?.uninstall();
});

function start() {
  fake = installFakeScriptRun({
    apiBootstrap: () => ok(session()),
    apiClientIndex: () => ok(INDEX),
    apiPoll: () => ok({ activeClientId: null, clientsVersion: 'v1' }),
    apiOpenClient: (id) =>
      ok({
        client: client(id, { 'First name': 'Ivan', 'Last name': 'Petrov', Company: 'ООО «Ромашка»', 'Company ID': 'CO-1' }),
        history: { interactions: [], changes: [] },
        lastContact: null,
      } as never),
    apiHistory: () => ok({ interactions: [], changes: [] }),
    apiOpenCompany: () => ok(CARD),
  });
  return mount(<App />);
}

const options = (root: HTMLElement) => [...root.querySelectorAll('[role=option]')].map((e) => e.textContent);

describe('companies in the search and the way between the cards', () => {
  it('finds a company by a name form and by tax ID digits, and opens its card in one round trip', async () => {
    const root = start();
    const input = await waitFor(() => queryLabel(root, 'Find a client') as HTMLInputElement | null);
    await type(input, 'Romashka');
    await waitFor(() => options(root).some((o) => o?.includes('Company')));
    expect(options(root)).toContain('ООО «Ромашка»Company7707083893');
    await type(input, '7707 083');
    await waitFor(() => options(root).join() === 'ООО «Ромашка»Company7707083893');
    await type(input, 'img onerror');
    await waitFor(() => options(root).join() === '<img src=x onerror=alert(1)>Company');
    expect(root.querySelector('[role=option] img')).toBeNull();
    await type(input, '7707 083');
    await waitFor(() => options(root).join() === 'ООО «Ромашка»Company7707083893');
    const hit = root.querySelector<HTMLElement>('.company-hit')!;
    await click(hit);
    await waitFor(() => root.querySelector('.cb-company-card'));
    expect(fake.callsTo('apiOpenCompany')).toEqual([['CO-1']]);
    expect(fake.callsTo('apiClientIndex')).toHaveLength(1);
  });

  it('goes from a client card to its company card and back to the client, one round trip each', async () => {
    const root = start();
    const input = await waitFor(() => queryLabel(root, 'Find a client') as HTMLInputElement | null);
    await type(input, 'Ivan');
    const person = await waitFor(() => root.querySelector<HTMLElement>('[role=option]:not(.company-hit)'));
    await click(person);
    const link = await waitFor(() => root.querySelector<HTMLButtonElement>('.cb-company-link button'));
    expect(link.textContent).toBe('Company card: ООО «Ромашка»');
    const before = fake.callsTo('apiOpenClient').length;
    await click(link);
    const back = await waitFor(() =>
      [...root.querySelectorAll<HTMLButtonElement>('.cb-company-card button.link')].find((b) => b.textContent === 'Ivan Petrov'),
    );
    expect(fake.callsTo('apiOpenCompany')).toEqual([['CO-1']]);
    await click(back);
    await waitFor(() => (fake.callsTo('apiOpenClient').length === before + 1 ? true : null));
    expect(fake.callsTo('apiOpenClient').at(-1)).toEqual(['C1']);
  });
});
