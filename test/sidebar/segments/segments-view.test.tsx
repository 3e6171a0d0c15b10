// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES, MessagesContext } from '../../../sidebar/i18n/locale';
import { SessionContext } from '../../../sidebar/session';
import { messages } from '../../../sidebar/views/segments/messages';
import { SegmentsView } from '../../../sidebar/views/segments/segments-view';
import { fail } from '../../../src/core/result';
import type { SegmentDto, SegmentInput } from '../../../src/server';
import { button, byLabel, click, mount, ok, session, type, unmount, waitFor } from '../dom';
import { installFakeScriptRun, type FakeScriptRun, type Handlers } from '../fake-script-run';

const HOSTILE = '<img src=x onerror=alert(1)>';
let fake: FakeScriptRun;
const segment = (name: string, rule: string, count: number | null, error: string | null = null): SegmentDto => ({
  name,
  rule,
  description: '',
  count,
  error,
  refreshed: '',
});
const LIST = [
  segment('Hot', 'Stage = "Hot"', 12),
  segment(HOSTILE, 'City = "x"', 1),
  segment('Broken', 'Stge = "Hot"', null, 'Unknown field "Stge" at 1 — did you mean "Stage"?\nStge = "Hot"\n^^^^'),
];

function start(handlers: Handlers = {}, role: 'manager' | 'reader' = 'manager', opened: string[] = [], locale: 'en' | 'ru' = 'en'): HTMLElement {
  fake = installFakeScriptRun({ apiListSegments: () => ok(LIST), ...handlers });
  return mount(
    <MessagesContext.Provider value={LOCALES[locale].messages}>
      <SessionContext.Provider value={session({ role, locale })}>
        <SegmentsView active={true} openClient={(id) => opened.push(id)} clientRequest={null} restart={async () => true} />
      </SessionContext.Provider>
    </MessagesContext.Provider>,
  );
}

afterEach(() => {
  unmount();
  fake?.uninstall();
});

describe('Segments view', () => {
  it('lists segments with their live counts, hostile names as text, and rule errors with the caret', async () => {
    const root = start();
    await waitFor(() => root.querySelector('.segment-list'), 'the list');
    const items = Array.from(root.querySelectorAll('.segment-list li'));
    expect(items[0].textContent).toContain('12 clients');
    expect(items[1].querySelector('strong')?.textContent).toBe(HOSTILE);
    expect(root.querySelector('img')).toBeNull();
    expect(items[2].textContent).toContain('Rule error');
    expect(items[2].querySelector('pre')?.textContent).toMatch(/\n\^\^\^\^$/);
  });

  it('Show on dashboard asks the server for the segments chart and shows its error when it fails', async () => {
    const root = start({ apiShowOnDashboard: () => fail('not_found', 'The dashboard has no "segments" chart.') });
    await waitFor(() => root.querySelector('.segment-list'), 'the list');
    await click(button(root, 'Show on dashboard'));
    expect(fake.callsTo('apiShowOnDashboard')).toEqual([['segments']]);
    await waitFor(() => root.querySelector('[role=alert]')?.textContent?.includes('no "segments" chart'), 'the error');
  });

  it('checks the rule as it is typed, pointing at the problem and suggesting the field', async () => {
    const root = start();
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('.new-segment'), 'New segment'));
    const rule = byLabel<HTMLTextAreaElement>(root, 'Rule');
    await type(rule, 'Stage = "Hot" and Citty = "Kyiv"');
    expect(root.querySelector('.rule-message')?.textContent).toBe('Unknown field "Citty" at 19 — did you mean "City"?');
    expect(root.querySelector('.rule-caret')?.textContent).toBe('Stage = "Hot" and Citty = "Kyiv"\n                  ^^^^^');
    expect(rule.getAttribute('aria-invalid')).toBe('true');
    await type(rule, 'Stage = "Hot" and City = "Kyiv" and "Spent 30d" > 500');
    expect(root.querySelector('.rule-message')).toBeNull();
    expect(root.querySelector('.rule-ok')).not.toBeNull();
    for (const hostile of ['=HYPERLINK("x")', 'x'.repeat(50_001), '😀 = 1']) {
      await type(rule, hostile);
      expect(root.querySelector('.rule-message')?.textContent).toBeTruthy();
    }
  });

  it('previews the first matching clients and opens one in the Client view', async () => {
    const opened: string[] = [];
    const root = start(
      {
        apiPreviewSegment: () =>
          ok({
            count: 42,
            clients: [
              { id: 'C1', name: HOSTILE },
              { id: 'C2', name: 'Анна Петрова' },
            ],
          }),
      },
      'manager',
      opened,
    );
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('.new-segment'), 'New segment'));
    await type(byLabel(root, 'Rule'), 'Stage = "Hot"');
    await click(button(root, 'Preview'));
    await waitFor(() => root.querySelector('.segment-preview'), 'the preview');
    expect(root.querySelector('.segment-preview')?.textContent).toContain('42 clients match now.');
    expect(root.querySelector('img')).toBeNull();
    await click(button(root, `Open ${HOSTILE}`));
    expect(opened).toEqual(['C1']);
    expect(fake.callsTo('apiPreviewSegment')).toEqual([['Stage = "Hot"']]);
  });

  it('saves a new segment and shows the list the server returns; shows server errors beside the fields', async () => {
    const saved: SegmentInput[] = [];
    const root = start({
      apiSaveSegment: (input) => {
        saved.push(input);
        return input.name === 'Hot'
          ? fail('validation', 'A segment named "Hot" already exists.', { name: 'This name is taken' })
          : ok([...LIST, segment(input.name, input.rule, 3)]);
      },
    });
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('.new-segment'), 'New segment'));
    await type(byLabel(root, 'Name'), 'Hot');
    await type(byLabel(root, 'Rule'), 'City = "Kyiv"');
    await click(button(root, 'Save'));
    await waitFor(() => root.querySelector('.field .error'), 'the name error');
    expect(root.querySelector('.field .error')?.textContent).toBe('This name is taken');
    await type(byLabel(root, 'Name'), 'Kyiv event');
    await type(byLabel(root, 'Description'), '-1');
    await click(button(root, 'Save'));
    await waitFor(() => root.querySelector('.segment-form') === null, 'the form to close');
    expect(saved.at(-1)).toEqual({ name: 'Kyiv event', rule: 'City = "Kyiv"', description: '-1' });
    expect(root.textContent).toContain('Saved "Kyiv event"');
    expect(root.querySelector('.segment-list')?.textContent).toContain('3 clients');
  });

  it('edits and deletes after a confirmation', async () => {
    const root = start({
      apiSaveSegment: (input) => ok(LIST.map((s) => (s.name === input.originalName ? segment(input.name, input.rule, 5) : s))),
      apiDeleteSegment: (name) => ok(LIST.filter((s) => s.name !== name)),
    });
    await click(
      await waitFor(() => {
        try {
          return button(root, 'Edit segment Hot');
        } catch {
          return null;
        }
      }, 'Edit'),
    );
    expect(byLabel<HTMLInputElement>(root, 'Name').value).toBe('Hot');
    await type(byLabel(root, 'Rule'), 'Stage = "VIP"');
    await click(button(root, 'Save'));
    await waitFor(() => root.querySelector('.segment-form') === null, 'the form to close');
    expect(fake.callsTo('apiSaveSegment')[0][0]).toMatchObject({ originalName: 'Hot', name: 'Hot', rule: 'Stage = "VIP"' });
    await click(button(root, 'Delete segment Hot'));
    expect(fake.callsTo('apiDeleteSegment')).toEqual([]);
    await click(button(root, 'Yes, delete'));
    expect(fake.callsTo('apiDeleteSegment')).toEqual([['Hot']]);
    await waitFor(() => !root.querySelector('.segment-list')?.textContent?.includes('Stage = "Hot"'), 'Hot gone');
  });

  it('offers no changes to a reader', async () => {
    const root = start({}, 'reader');
    await waitFor(() => root.querySelector('.segment-list'), 'the list');
    expect(root.querySelector('.new-segment')).toBeNull();
    expect(root.textContent).not.toContain('Edit');
    expect(root.textContent).toContain(messages.en.readOnly);
  });

  it('speaks Russian', async () => {
    const root = start({}, 'manager', [], 'ru');
    await waitFor(() => root.querySelector('.segment-list'), 'the list');
    expect(root.textContent).toContain('Сегменты');
    expect(root.textContent).toContain('клиентов: 12');
  });
});

describe('Segments messages', () => {
  const shape = (m: object) => Object.entries(m).map(([k, v]) => [k, typeof v, typeof v === 'function' ? v.length : 0]);
  it('have the same keys and signatures in English and Russian, all translated', () => {
    expect(shape(messages.ru)).toEqual(shape(messages.en));
    for (const [k, v] of Object.entries(messages.ru)) if (typeof v === 'string' && k !== 'ruleHelp') expect(v, k).toMatch(/[а-яё]/i);
  });
});
