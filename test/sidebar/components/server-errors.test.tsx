// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../sidebar/app';
import { fail } from '../../../src/core/result';
import { installFakeScriptRun, type FakeScriptRun } from '../fake-script-run';
import { button, byLabel, click, client, fastTiming, mount, ok, session, type, unmount, waitFor } from '../dom';

let fake: FakeScriptRun;
const anna = client('C1', { 'First name': 'Anna', Email: 'anna@acme.test' });

beforeEach(() => {
  fastTiming();
  localStorage.clear();
});
afterEach(() => {
  unmount();
  fake?.uninstall();
});

describe('a problem only the server finds, in the Russian sidebar', () => {
  it('is worded in Russian by its kind, beside the field', async () => {
    fake = installFakeScriptRun({
      apiBootstrap: () => ok(session({ locale: 'ru', activeClientId: 'C1' })),
      apiGetClient: () => ok(anna),
      apiHistory: () => ok({ interactions: [], changes: [] }),
      apiSaveClient: () =>
        fail(
          'validation',
          'A unique field is already used; nothing was saved.',
          { Email: 'Email must be unique; client C-2 already has "anna@acme.test"' },
          { Email: 'duplicate' },
        ),
    });
    const root = mount(<App />);
    await waitFor(() => root.textContent?.includes('Anna'), 'the card');
    await type(byLabel<HTMLInputElement>(root, 'Email'), 'boris@acme.test');
    await click(button(root, 'Сохранить'));
    expect(fake.callsTo('apiSaveClient')).toHaveLength(1);
    await waitFor(() => root.textContent?.includes('такое значение уже есть'), 'the Russian message');
    expect(root.textContent).not.toContain('must be unique');
  });
});
