// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../sidebar/app';
import type { SaveClientInput } from '../../../src/server';
import { fail } from '../../../src/core/result';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import { withDefaultWords } from '../../../src/core/schema/default-field-words';
import { installFakeScriptRun, type FakeScriptRun, type Handlers } from '../fake-script-run';
import { blur, button, byLabel, click, client, fastTiming, flush, mount, ok, queryLabel, session, type, choose, unmount, waitFor } from '../dom';

let fake: FakeScriptRun;

function start(handlers: Handlers, boot = session()): HTMLElement {
  fake = installFakeScriptRun({ apiBootstrap: () => ok(boot), apiHistory: () => ok({ interactions: [], changes: [] }), ...handlers });
  return mount(<App />);
}

const anna = client('C1', { 'First name': 'Anna', 'Last name': 'Petrova', Email: 'anna@acme.test', Phone: '+79161234567', Stage: 'Warm', Company: 'Acme' });

beforeEach(() => {
  fastTiming();
  localStorage.clear();
});
afterEach(() => {
  unmount();
  fake?.uninstall();
});

async function openNew(handlers: Handlers = {}, boot = session()): Promise<HTMLElement> {
  const root = start({ apiCheckDuplicates: () => ok([]), ...handlers }, boot);
  await click(await waitFor(() => root.querySelector<HTMLButtonElement>('.new-client'), 'New client button'));
  await waitFor(() => queryLabel(root, 'First name'), 'the form');
  return root;
}

describe('the form generated from Fields', () => {
  it('gives each field type its own labelled control', async () => {
    const root = await openNew();
    const input = (name: string) => byLabel<HTMLInputElement>(root, name);
    expect(input('First name').type).toBe('text');
    // Email is a text box with the email keyboard: Chromium's type="email" hands back alena@ёлка.рф as punycode.
    expect(input('Email').type).toBe('text');
    expect(input('Email').getAttribute('inputmode')).toBe('email');
    expect(input('Phone').type).toBe('tel');
    expect(input('Birthday').type).toBe('date');
    expect(input('Opt-out').type).toBe('checkbox');
    expect(input('Notes').tagName).toBe('TEXTAREA');
    const stage = byLabel<HTMLSelectElement>(root, 'Stage');
    expect(stage.tagName).toBe('SELECT');
    expect(Array.from(stage.options).map((o) => o.value)).toEqual(['', 'Cold', 'Warm', 'Hot', 'VIP', 'Lost']);
    const manager = input('Manager');
    expect(manager.getAttribute('list')).toBeTruthy();
    expect(document.getElementById(manager.getAttribute('list')!)!.querySelector('option')!.getAttribute('value')).toBe('anna@example.com');
    const tags = input('Tags');
    expect(tags.type).toBe('text');
  });

  it('shows number and money fields as decimal text and choice fields without options as text', async () => {
    const boot = session();
    boot.fields.push(
      { name: 'Spent', type: 'money', required: false, options: [], unique: false, help: '' },
      { name: 'Segment', type: 'choice', required: false, options: [], unique: false, help: '' },
      { name: 'Site', type: 'url', required: false, options: [], unique: false, help: '' },
    );
    const root = await openNew({}, boot);
    expect(byLabel(root, 'Spent').getAttribute('inputmode')).toBe('decimal');
    expect(byLabel(root, 'Spent').type).toBe('text');
    expect(byLabel(root, 'Segment').tagName).toBe('INPUT');
    expect(byLabel(root, 'Site').type).toBe('text');
    expect(byLabel(root, 'Site').getAttribute('inputmode')).toBe('url');
  });

  it('marks required fields and links help text to the input', async () => {
    const boot = session();
    boot.fields[0] = { ...boot.fields[0], required: true };
    const root = await openNew({}, boot);
    const first = byLabel(root, 'First name');
    expect(first.getAttribute('aria-required')).toBe('true');
    expect(root.querySelector(`label[for="${first.id}"] .req`)).not.toBeNull();
    expect(byLabel(root, 'Last name').getAttribute('aria-required')).toBeNull();
    const help = document.getElementById(first.getAttribute('aria-describedby')!);
    expect(help?.textContent).toContain('Given name');
  });

  it('keeps a legacy value that is not among the options selectable instead of dropping it', async () => {
    const legacy = client('C9', { 'First name': 'Old', Stage: 'Prospect', Birthday: 'spring 1980' });
    const root = start({ apiGetClient: () => ok(legacy) }, session({ activeClientId: 'C9' }));
    const stage = await waitFor(() => queryLabel(root, 'Stage') as HTMLSelectElement | null);
    expect(stage.value).toBe('Prospect');
    // A date picker could not show this text: the field stays a text box.
    expect(byLabel<HTMLInputElement>(root, 'Birthday').type).toBe('text');
    expect(byLabel<HTMLInputElement>(root, 'Birthday').value).toBe('spring 1980');
  });

  it('toggles tag options inside the comma-separated text without losing other tags', async () => {
    const boot = session();
    const tagsField = boot.fields.find((f) => f.name === 'Tags')!;
    tagsField.options = ['VIP', 'Wholesale'];
    const root = await openNew({}, boot);
    const tags = byLabel<HTMLInputElement>(root, 'Tags');
    await type(tags, 'custom');
    const group = root.querySelector('[role=group][aria-label="Tags: options"]')!;
    const vip = Array.from(group.querySelectorAll('label'))
      .find((l) => l.textContent === 'VIP')!
      .querySelector('input')!;
    await click(vip);
    expect(tags.value).toBe('custom, VIP');
    await click(vip);
    expect(tags.value).toBe('custom');
  });
});

describe('validation', () => {
  it('shows the error beside the field and sends nothing when a field is invalid', async () => {
    const root = await openNew({ apiSaveClient: () => ok({ status: 'saved', created: true, client: anna, changedFields: [] }) });
    await type(byLabel(root, 'First name'), 'Anna');
    const email = byLabel(root, 'Email');
    await type(email, 'anna@@acme');
    await click(button(root, 'Save'));
    expect(fake.callsTo('apiSaveClient')).toHaveLength(0);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(email.getAttribute('aria-describedby')!.split(' ')[0])!;
    expect(error.textContent).toMatch(/Email: .*not a valid address/);
    expect(root.querySelector('[role=alert]')!.textContent).toMatch(/1 field needs attention/);
    expect(document.activeElement).toBe(email);
  });

  it('checks a field when it loses focus and clears the error once fixed', async () => {
    const root = await openNew();
    const email = byLabel(root, 'Email');
    await type(email, 'nobody');
    await blur(email);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    await type(email, 'nobody@example.com');
    expect(email.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses a 50,001-character note on the client with the cell limit message', async () => {
    const root = await openNew({ apiSaveClient: () => ok({ status: 'saved', created: true, client: anna, changedFields: [] }) });
    await type(byLabel(root, 'First name'), 'Anna');
    const notes = byLabel(root, 'Notes');
    await type(notes, 'x'.repeat(50_001));
    await click(button(root, 'Save'));
    expect(fake.callsTo('apiSaveClient')).toHaveLength(0);
    expect(root.querySelector('.has-error .error')!.textContent).toMatch(/longer than a cell can hold/);
  });

  it('sends formula-looking, Cyrillic, emoji and HTML text untouched as text', async () => {
    const saved: SaveClientInput[] = [];
    const root = await openNew({
      apiSaveClient: (input) => {
        saved.push(input);
        return ok({ status: 'saved', created: true, client: client('C7', input.values), changedFields: Object.keys(input.values) });
      },
    });
    await type(byLabel(root, 'First name'), '=HYPERLINK("http://evil","x")');
    await type(byLabel(root, 'Last name'), 'Ивaнов 😀');
    await type(byLabel(root, 'Company'), '<img src=x onerror=alert(1)>');
    await type(byLabel(root, 'Position'), '+1');
    await click(button(root, 'Save'));
    await waitFor(() => saved.length);
    expect(saved[0].values).toEqual({
      'First name': '=HYPERLINK("http://evil","x")',
      'Last name': 'Ивaнов 😀',
      Company: '<img src=x onerror=alert(1)>',
      Position: '+1',
    });
    expect(root.querySelector('img')).toBeNull();
  });

  it('puts the server’s per-field messages beside the fields', async () => {
    const root = await openNew({
      apiSaveClient: () =>
        fail('validation', 'A unique field is already used; nothing was saved.', { Email: 'Email must be unique; client C3 already has "a@b.co"' }),
    });
    await type(byLabel(root, 'First name'), 'Anna');
    await type(byLabel(root, 'Email'), 'a@b.co');
    await click(button(root, 'Save'));
    const email = byLabel(root, 'Email');
    await waitFor(() => email.getAttribute('aria-invalid') === 'true');
    expect(email.closest('.field')!.querySelector('.error')!.textContent).toContain('client C3 already has');
    expect(root.querySelector('[role=alert]')!.textContent).toContain('nothing was saved');
  });

  it('shows a forbidden message as it comes', async () => {
    const root = await openNew({ apiSaveClient: () => fail('forbidden', 'Readers cannot add or edit clients.') });
    await type(byLabel(root, 'First name'), 'Anna');
    await click(button(root, 'Save'));
    await waitFor(() => root.querySelector('[role=alert]')?.textContent?.includes('Readers cannot add or edit clients.'));
  });
});

describe('editing an existing client', () => {
  it('sends only the changed fields with the Updated stamp it loaded', async () => {
    const root = start(
      {
        apiGetClient: () => ok(anna),
        apiSaveClient: (input) =>
          ok({
            status: 'saved',
            created: false,
            client: { ...anna, values: { ...anna.values, ...input.values }, updated: '2024-05-31T08:00:00.000Z' },
            changedFields: Object.keys(input.values),
          }),
      },
      session({ activeClientId: 'C1' }),
    );
    const phone = await waitFor(() => queryLabel(root, 'Phone') as HTMLInputElement | null);
    expect(phone.value).toBe('+79161234567');
    await type(phone, '+7 916 765-43-21');
    await click(button(root, 'Save'));
    await waitFor(() => fake.callsTo('apiSaveClient').length);
    expect(fake.callsTo('apiSaveClient')[0][0]).toEqual({ id: 'C1', values: { Phone: '+7 916 765-43-21' }, expectedUpdated: anna.updated });
    await waitFor(() => root.textContent?.includes('Saved: Phone.'));
  });

  it('says there is nothing to save when nothing changed, without calling the server', async () => {
    const root = start({ apiGetClient: () => ok(anna) }, session({ activeClientId: 'C1' }));
    await waitFor(() => queryLabel(root, 'Phone'));
    await click(button(root, 'Save'));
    expect(fake.callsTo('apiSaveClient')).toHaveLength(0);
    expect(root.textContent).toContain('Nothing changed');
  });

  it('on a conflict keeps the typed values, names who changed it, and Reload keeps the user’s edits on top of theirs', async () => {
    let version = anna;
    const root = start(
      {
        apiGetClient: () => ok(version),
        apiSaveClient: () => fail('conflict', 'boris@example.com changed this client at 2024-05-31T09:00:00.000Z after you opened it.'),
      },
      session({ activeClientId: 'C1' }),
    );
    const position = await waitFor(() => queryLabel(root, 'Position') as HTMLInputElement | null);
    await type(position, 'Head of purchasing');
    // Meanwhile someone else changed the phone.
    version = { ...anna, values: { ...anna.values, Phone: '+79990001122' }, updated: '2024-05-31T09:00:00.000Z', updatedBy: 'boris@example.com' };
    await click(button(root, 'Save'));
    const banner = await waitFor(() => root.querySelector('.banner.conflict'));
    await waitFor(() => banner.textContent?.includes('boris@example.com changed this client meanwhile'));
    expect(banner.getAttribute('role')).toBe('alert');
    expect(byLabel<HTMLInputElement>(root, 'Position').value).toBe('Head of purchasing');

    await click(button(root, 'Reload'));
    await waitFor(() => !root.querySelector('.banner.conflict'));
    expect(byLabel<HTMLInputElement>(root, 'Position').value).toBe('Head of purchasing');
    expect(byLabel<HTMLInputElement>(root, 'Phone').value).toBe('+79990001122');
    expect(root.textContent).toContain('They had changed: Phone');

    // The next save carries their stamp, not the stale one.
    fake.handlers.apiSaveClient = (input) =>
      ok({ status: 'saved', created: false, client: { ...version, values: { ...version.values, ...input.values } }, changedFields: ['Position'] });
    await click(button(root, 'Save'));
    const last = fake.callsTo('apiSaveClient').at(-1)![0] as SaveClientInput;
    expect(last).toEqual({ id: 'C1', values: { Position: 'Head of purchasing' }, expectedUpdated: '2024-05-31T09:00:00.000Z' });
  });

  it('moves the stage in one click with the loaded stamp', async () => {
    const root = start(
      {
        apiGetClient: () => ok(anna),
        apiSetStage: (id, stage) =>
          ok({
            status: 'saved',
            created: false,
            client: { ...anna, values: { ...anna.values, Stage: stage }, updated: '2024-05-31T10:00:00.000Z' },
            changedFields: ['Stage'],
          }),
      },
      session({ activeClientId: 'C1' }),
    );
    const group = await waitFor(() => root.querySelector('[role=group][aria-label="Stage"]'));
    expect(button(group, 'Warm').getAttribute('aria-pressed')).toBe('true');
    await click(button(group, 'Hot'));
    expect(fake.callsTo('apiSetStage')[0]).toEqual(['C1', 'Hot', anna.updated]);
    await waitFor(() => button(root.querySelector('[role=group][aria-label="Stage"]')!, 'Hot').getAttribute('aria-pressed') === 'true');
    expect(root.textContent).toContain('Stage set to Hot.');
  });
});

describe('duplicates of a new client', () => {
  const match = {
    id: 'C1',
    name: 'Anna Petrova',
    company: 'Acme',
    email: 'anna@acme.test',
    phone: '+79161234567',
    score: 0.93,
    reasons: ['same phone', 'nickname match: Anya ~ Anna'],
  };

  it('warns while typing, with the reasons, and "Save anyway" resends with acknowledgeDuplicates', async () => {
    const root = await openNew({
      apiCheckDuplicates: (values) => ok(values.Phone ? [match] : []),
      apiSaveClient: (input) =>
        input.acknowledgeDuplicates
          ? ok({ status: 'saved', created: true, client: client('C8', input.values), changedFields: Object.keys(input.values) })
          : ok({ status: 'possible_duplicates', matches: [match] }),
    });
    await type(byLabel(root, 'First name'), 'Anya');
    await type(byLabel(root, 'Phone'), '8 916 123-45-67');
    const live = await waitFor(() => root.querySelector('.live-dups .duplicates'));
    expect(live.textContent).toContain('Anna Petrova');
    expect(live.textContent).toContain('same phone');
    expect(live.textContent).toContain('nickname match: Anya ~ Anna');
    expect(fake.callsTo('apiCheckDuplicates').at(-1)![0]).toEqual({ 'First name': 'Anya', Phone: '8 916 123-45-67' });

    await click(button(root, 'Save'));
    const blocking = await waitFor(() => root.querySelector('.duplicates.blocking'));
    expect(blocking.textContent).toContain('Nothing was saved yet');
    await click(button(blocking as HTMLElement, 'Save anyway'));
    await waitFor(() => root.textContent?.includes('Client added with ID C8'));
    const calls = fake.callsTo('apiSaveClient').map((a) => a[0] as SaveClientInput);
    expect(calls).toHaveLength(2);
    expect(calls[0].acknowledgeDuplicates).toBeUndefined();
    expect(calls[1]).toMatchObject({ values: { 'First name': 'Anya', Phone: '8 916 123-45-67' }, acknowledgeDuplicates: true });
  });

  it('does not look for duplicates before a name, company, email or phone is typed', async () => {
    const root = await openNew();
    await type(byLabel(root, 'City'), 'Moscow');
    await flush();
    expect(fake.callsTo('apiCheckDuplicates')).toHaveLength(0);
  });

  it('"Open existing" opens the matching client', async () => {
    const root = await openNew({ apiCheckDuplicates: () => ok([match]), apiGetClient: () => ok(anna) });
    await type(byLabel(root, 'Email'), 'anna@acme.test');
    const live = await waitFor(() => root.querySelector('.live-dups .duplicates'));
    await click(button(live as HTMLElement, 'Open existing: Anna Petrova'));
    await waitFor(() => root.querySelector('#cb-card-title')?.textContent === 'Anna Petrova');
    expect(fake.callsTo('apiOpenClient')).toEqual([['C1']]);
  });
});

describe('hostile text', () => {
  const hostile = '<img src=x onerror=alert(1)>';

  it('renders names, matches, history and search hits as plain text', async () => {
    const evil = client('C66', { 'First name': hostile, 'Last name': '=1+1', Company: '@x', Notes: '<script>alert(1)</script>' });
    const root = start(
      {
        apiGetClient: () => ok(evil),
        apiSearch: () => ok([{ id: 'C66', name: hostile, company: '=HYPERLINK("x")', email: '', phone: '', stage: '<b>VIP</b>' }]),
        apiHistory: () =>
          ok({
            interactions: [
              {
                id: 'I1',
                clientId: 'C66',
                date: '2024-05-30',
                type: 'Call',
                manager: hostile,
                result: hostile,
                nextStep: '=cmd|',
                nextDate: '',
                done: false,
                source: 'sidebar',
              },
            ],
            changes: [
              { time: '2024-05-30T10:00:00.000Z', user: hostile, action: 'edit', field: 'First name', oldValue: '', newValue: hostile, source: 'sidebar' },
            ],
          }),
      },
      session({ activeClientId: 'C66' }),
    );
    await waitFor(() => root.querySelector('.timeline li'));
    await type(byLabel(root, 'Find a client'), 'img');
    await waitFor(() => root.querySelector('[role=option]'));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('#cb-card-title')!.textContent).toBe(`${hostile} =1+1`);
    expect(root.querySelector('[role=option]')!.textContent).toContain(hostile);
    expect(root.querySelector('.timeline')!.textContent).toContain(hostile);
    expect(byLabel<HTMLInputElement>(root, 'First name').value).toBe(hostile);
  });
});

describe('interactions', () => {
  it('logs a call in two clicks and refreshes history and the client stamp', async () => {
    let loaded = anna;
    const root = start(
      {
        apiGetClient: () => ok(loaded),
        apiLogInteraction: (input) => {
          loaded = { ...anna, updated: '2024-05-31T11:00:00.000Z' };
          return ok({
            id: 'I9',
            clientId: input.clientId,
            date: '2024-05-31',
            type: input.type,
            manager: 'anna@example.com',
            result: input.result ?? '',
            nextStep: '',
            nextDate: '',
            done: false,
            source: 'sidebar',
          });
        },
      },
      session({ activeClientId: 'C1' }),
    );
    await waitFor(() => queryLabel(root, 'Result'));
    expect(byLabel<HTMLSelectElement>(root, 'Type').value).toBe('Call');
    await click(button(root, 'Log interaction'));
    expect(fake.callsTo('apiLogInteraction')[0][0]).toEqual({ clientId: 'C1', type: 'Call' });
    await waitFor(() => root.textContent?.includes('Call logged.'));
    await waitFor(() => fake.callsTo('apiHistory').length >= 1);
    // Logging moved the Updated stamp; the next save must send the new one.
    await type(byLabel(root, 'City'), 'Kazan');
    fake.handlers.apiSaveClient = (input) =>
      ok({ status: 'saved', created: false, client: { ...loaded, values: { ...loaded.values, ...input.values } }, changedFields: ['City'] });
    await waitFor(() => fake.callsTo('apiGetClient').length >= 1);
    await flush();
    await click(button(root, 'Save'));
    expect((fake.callsTo('apiSaveClient')[0][0] as SaveClientInput).expectedUpdated).toBe('2024-05-31T11:00:00.000Z');
  });

  it('shows the server’s refusal of an interaction', async () => {
    const root = start(
      { apiGetClient: () => ok(anna), apiLogInteraction: () => fail('validation', 'nextDate: "soon" is not a date', { nextDate: 'Not a date' }) },
      session({ activeClientId: 'C1' }),
    );
    const result = await waitFor(() => queryLabel(root, 'Result'));
    await type(result, 'Talked');
    await choose(byLabel(root, 'Type'), 'Meeting');
    await click(button(root, 'Log interaction'));
    await waitFor(() => root.querySelector('.log [role=alert]')?.textContent?.includes('is not a date'));
    expect(byLabel(root, 'Next date').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel<HTMLInputElement>(root, 'Result').value).toBe('Talked');
    expect(fake.callsTo('apiLogInteraction')[0][0]).toMatchObject({ type: 'Meeting', result: 'Talked' });
  });

  it('merges interactions and changes newest first', async () => {
    const root = start(
      {
        apiGetClient: () => ok(anna),
        apiHistory: () =>
          ok({
            interactions: [
              {
                id: 'I2',
                clientId: 'C1',
                date: '2024-05-20',
                type: 'Meeting',
                manager: 'anna',
                result: 'Second',
                nextStep: '',
                nextDate: '',
                done: false,
                source: '',
              },
              {
                id: 'I1',
                clientId: 'C1',
                date: '2024-05-01',
                type: 'Call',
                manager: 'anna',
                result: 'First',
                nextStep: '',
                nextDate: '',
                done: false,
                source: '',
              },
            ],
            changes: [{ time: '2024-05-10T10:00:00.000Z', user: 'boris', action: 'edit', field: 'Phone', oldValue: '1', newValue: '2', source: 'sidebar' }],
          }),
      },
      session({ activeClientId: 'C1' }),
    );
    const items = await waitFor(() => (root.querySelectorAll('.timeline li').length === 3 ? root.querySelectorAll('.timeline li') : null));
    expect(Array.from(items).map((li) => li.textContent)).toEqual([
      expect.stringContaining('Second'),
      expect.stringContaining('Phone: 1 → 2'),
      expect.stringContaining('First'),
    ]);
  });
});

describe('readers', () => {
  it('see the client but no Save, stage or log controls', async () => {
    const root = start({ apiGetClient: () => ok(anna) }, session({ activeClientId: 'C1', role: 'reader' }));
    const first = await waitFor(() => queryLabel(root, 'First name') as HTMLInputElement | null);
    expect(first.disabled).toBe(true);
    expect(root.textContent).toContain('can view clients but not change them');
    expect(root.querySelector('.new-client')).toBeNull();
    expect(root.querySelector('[role=group][aria-label="Stage"]')).toBeNull();
    expect(queryLabel(root, 'Result')).toBeNull();
    expect(Array.from(root.querySelectorAll('button')).some((b) => b.textContent === 'Save')).toBe(false);
  });
});

describe('round trips', () => {
  it('opening a client is one google.script.run call that brings the client and its history', async () => {
    const history = {
      interactions: [
        {
          id: 'I1',
          clientId: 'C1',
          date: '2024-05-30',
          type: 'Call',
          manager: 'anna@x.test',
          result: 'Asked for a quote',
          nextStep: '',
          nextDate: '',
          done: false,
          source: 'sidebar',
        },
      ],
      changes: [],
    };
    const lastContact = { date: '2024-05-30', by: 'anna@x.test', type: 'Call', daysAgo: 1, recent: true, pauseDays: 3 };
    const root = start({ apiOpenClient: () => ok({ client: anna, history, lastContact }) }, session({ activeClientId: 'C1' }));
    await waitFor(() => root.textContent?.includes('Asked for a quote'), 'the history that came with the card');
    await waitFor(() => root.querySelector('[data-testid="last-contact"]')?.textContent?.includes('30 May 2024'), 'the last contact that came with the card');
    await flush();
    // The Due badge's count is the sidebar's own start-up call (fetched once, whichever view is open), not the card's.
    const opening = fake.calls.map((c) => c.name).filter((n) => n !== 'apiBootstrap' && n !== 'apiPoll' && n !== 'apiDueCount');
    expect(opening).toEqual(['apiOpenClient']);
    expect(root.querySelector('#cb-card-title')!.textContent).toBe('Anna Petrova');
  });
});

describe('last contact in the user’s language', () => {
  it('names the type of the last contact in Russian, as the history does (walk-through: it read “Meeting”)', async () => {
    const lastContact = { date: '2024-05-30', by: 'anna@x.test', type: 'Meeting', daysAgo: 40, recent: false, pauseDays: 3 };
    const history = { interactions: [], changes: [] };
    const root = start({ apiOpenClient: () => ok({ client: anna, history, lastContact }) }, session({ locale: 'ru', activeClientId: 'C1' }));
    const line = await waitFor(() => root.querySelector('[data-testid="last-contact"]'), 'the last contact');
    expect(line.textContent).toContain('Встреча');
    expect(line.textContent).not.toContain('Meeting');
  });
});

describe('the team’s words in the user’s language (Fields Label ru, Options ru…)', () => {
  it('labels the form, its options and the stage buttons in Russian while saving the stored options', async () => {
    const fields = withDefaultWords(DEFAULT_FIELDS);
    const root = start(
      {
        apiGetClient: () => ok(anna),
        apiSetStage: (id, stage) =>
          ok({
            status: 'saved',
            created: false,
            client: { ...anna, values: { ...anna.values, Stage: stage }, updated: '2024-05-31T10:00:00.000Z' },
            changedFields: ['Stage'],
          }),
      },
      session({ locale: 'ru', fields, activeClientId: 'C1' }),
    );
    const stages = await waitFor(() => root.querySelector('.stages'), 'the stage buttons');
    expect(Array.from(stages.querySelectorAll('button')).map((b) => b.textContent)).toEqual(['Холодный', 'Тёплый', 'Горячий', 'VIP', 'Потерян']);
    expect(button(stages as HTMLElement, 'Тёплый').getAttribute('aria-pressed')).toBe('true');
    const stage = byLabel<HTMLSelectElement>(root, 'Стадия');
    expect(Array.from(stage.options).map((o) => [o.value, o.textContent])).toContainEqual(['Hot', 'Горячий']);
    expect(stage.value).toBe('Warm');
    const role = byLabel<HTMLSelectElement>(root, 'Роль');
    expect(Array.from(role.options).map((o) => o.textContent)).toContain('ЛПР');
    expect(queryLabel(root, 'Эл. почта')).toBeTruthy();
    expect(root.textContent).toContain('Один адрес в ячейке');
    await click(button(stages as HTMLElement, 'Горячий'));
    expect(fake.callsTo('apiSetStage')[0]).toEqual(['C1', 'Hot', anna.updated]);
  });
});
