// @vitest-environment happy-dom
/** Issue 17: the company card's fields are the client card's controls (a choice is a dropdown, a number is checked on leaving the box), and a refused value never reaches the server. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../sidebar/app';
import { resetClientIndex } from '../../../sidebar/client-index';
import { DEFAULT_COMPANY_FIELDS } from '../../../src/core/companies/company-fields';
import type { ClientIndexDto, OpenCompanyDto } from '../../../src/server';
import { installFakeScriptRun, type FakeScriptRun } from '../fake-script-run';
import { blur, button, byLabel, choose, click, fastTiming, mount, ok, queryLabel, session, type, unmount, waitFor } from '../dom';

let fake: FakeScriptRun;
const INDEX: ClientIndexDto = { version: 'v1', fields: ['First name'], rows: [], companies: [['CO-1', 'ООО «Ромашка»', '7707083893']] };
const CARD: OpenCompanyDto = {
  company: { id: 'CO-1', values: { Name: 'ООО «Ромашка»', Stage: 'Hot', Rating: '' }, updated: '2026-01-01T00:00:00.000Z', updatedBy: '' },
  fields: DEFAULT_COMPANY_FIELDS,
  people: [],
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

async function openCard(): Promise<HTMLElement> {
  fake = installFakeScriptRun({
    apiBootstrap: () => ok(session()),
    apiClientIndex: () => ok(INDEX),
    apiPoll: () => ok({ activeClientId: null, clientsVersion: 'v1' }),
    apiOpenCompany: () => ok(CARD),
    apiSaveCompany: (input) =>
      ok({ id: 'CO-1', values: (input as { values: Record<string, string> }).values, updated: '2026-01-02T00:00:00.000Z', updatedBy: 'me' }),
    apiDeals: () => ok([]),
  });
  const root = mount(<App />);
  const input = await waitFor(() => queryLabel(root, 'Find a client') as HTMLInputElement | null);
  await type(input, 'Romashka');
  await click(await waitFor(() => root.querySelector<HTMLElement>('.company-hit')));
  return waitFor(() => root.querySelector<HTMLElement>('.cb-company-card'));
}

describe('the company card form', () => {
  it('offers Stage as a dropdown of its options and saves the one chosen', async () => {
    const card = await openCard();
    const stage = byLabel<HTMLSelectElement>(card, 'Stage');
    expect(stage.tagName).toBe('SELECT');
    expect([...stage.options].map((o) => o.value)).toEqual(['', 'Cold', 'Warm', 'Hot', 'VIP', 'Lost']);
    expect(stage.value).toBe('Hot');
    await choose(stage, 'VIP');
    await click(button(card, 'Save company'));
    await waitFor(() => fake.callsTo('apiSaveCompany').length === 1 || null);
    expect(fake.callsTo('apiSaveCompany')[0][0]).toMatchObject({ id: 'CO-1', values: { Stage: 'VIP' } });
  });

  it('says a Rating that is not a number is wrong when the box is left, and does not send it', async () => {
    const card = await openCard();
    const rating = byLabel(card, 'Rating');
    await type(rating, 'five');
    await blur(rating);
    const error = await waitFor(() => card.querySelector('.field.has-error .error'));
    expect(error.textContent).toMatch(/Rating/);
    expect(rating.getAttribute('aria-invalid')).toBe('true');
    await click(button(card, 'Save company'));
    expect(fake.callsTo('apiSaveCompany')).toEqual([]);
  });
});
