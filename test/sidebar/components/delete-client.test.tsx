// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../sidebar/app';
import { installFakeScriptRun, type FakeScriptRun } from '../fake-script-run';
import { button, click, client, fastTiming, mount, ok, queryLabel, session, unmount, waitFor } from '../dom';

let fake: FakeScriptRun;
const anna = client('C1', { 'First name': 'Anna', 'Last name': 'Petrova', Company: 'Acme' });

function open(role: 'admin' | 'manager') {
  fake = installFakeScriptRun({
    apiBootstrap: () => ok(session({ role, activeClientId: 'C1' })),
    apiGetClient: () => ok(anna),
    apiHistory: () => ok({ interactions: [], changes: [] }),
    apiDeleteClient: (id: string) => ok({ id, snapshotId: 'S-1' }),
  });
  return mount(<App />);
}

beforeEach(() => fastTiming());
afterEach(() => {
  unmount();
  fake?.uninstall();
});

describe('deleting a client from the card', () => {
  it('asks inside the sidebar, sends the stamp it loaded, then closes the card and says so', async () => {
    const root = open('admin');
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('button.danger'), 'Delete client button'));
    expect(root.textContent).toContain('Delete Anna Petrova?');
    await click(button(root, 'Delete'));
    expect(fake.callsTo('apiDeleteClient')).toEqual([['C1', anna.updated]]);
    await waitFor(() => root.textContent?.includes('Deleted C1'), 'the notice');
    expect(queryLabel(root, 'First name')).toBeNull();
  });

  it('is not offered to a manager', async () => {
    const root = open('manager');
    await waitFor(() => root.textContent?.includes('Anna'), 'the card');
    expect(root.querySelector('button.danger')).toBeNull();
  });
});
