// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckView } from '../../../sidebar/views/check/check-view';
import { messages } from '../../../sidebar/views/check/messages';
import { LOCALES, MessagesContext } from '../../../sidebar/i18n/locale';
import { SessionContext } from '../../../sidebar/session';
import type { ApplyFixesDto, CheckDto, StaleDto } from '../../../src/server';
import { installFakeScriptRun, type FakeScriptRun, type Handlers } from '../fake-script-run';
import { button, click, fastTiming, mount, ok, session, unmount, waitFor } from '../dom';

const HTML = '<img src=x onerror=alert(1)>';

function report(overrides: Partial<CheckDto> = {}): CheckDto {
  return {
    checkedAt: '2024-05-31T09:00:00.000Z',
    checkedRows: 3,
    total: 4,
    kinds: [
      { kind: 'format', label: 'fixable formatting', count: 3 },
      { kind: 'invalid_email', label: 'invalid email', count: 1 },
    ],
    groups: [
      {
        key: 'format|Phone: not in international format',
        label: 'Phone: not in international format',
        kind: 'format',
        count: 2,
        examples: [{ value: '8 916 123-45-67', fix: '+7 916 123 45 67' }],
      },
      {
        key: 'format|First name: name not capitalised',
        label: 'First name: name not capitalised',
        kind: 'format',
        count: 1,
        examples: [{ value: HTML, fix: 'Иван' }],
      },
    ],
    problems: [
      {
        id: 'C-1|Phone',
        row: 2,
        column: 'Phone',
        value: '8 916 123-45-67',
        problem: 'Phone: not in international format',
        kind: 'format',
        kindLabel: 'fixable formatting',
        fix: '+7 916 123 45 67',
        clientId: 'C-1',
        group: 'format|Phone: not in international format',
      },
      {
        id: 'C-2|Phone',
        row: 3,
        column: 'Phone',
        value: '8 916 000-00-00',
        problem: 'Phone: not in international format',
        kind: 'format',
        kindLabel: 'fixable formatting',
        fix: '+7 916 000 00 00',
        clientId: 'C-2',
        group: 'format|Phone: not in international format',
      },
      {
        id: 'C-2|First name',
        row: 3,
        column: 'First name',
        value: 'ИВАН',
        problem: 'First name: name not capitalised',
        kind: 'format',
        kindLabel: 'fixable formatting',
        fix: 'Иван',
        clientId: 'C-2',
        group: 'format|First name: name not capitalised',
      },
      {
        id: 'C-3|Email',
        row: 4,
        column: 'Email',
        value: HTML,
        problem: `Email: "${HTML}" is not a valid address`,
        kind: 'invalid_email',
        kindLabel: 'invalid email',
        clientId: 'C-3',
      },
    ],
    changedSinceCheck: 0,
    reportTab: 'Check data',
    ...overrides,
  };
}

const stale: StaleDto = {
  staleDays: 180,
  total: 2,
  managerField: 'Manager',
  lastContactField: 'Last contact',
  groups: [
    { manager: 'anna@example.com', count: 1, notUpdated: 0, notContacted: 1, clients: [{ id: 'C-7', name: HTML, reasons: ['not_contacted'] }] },
    {
      manager: '',
      count: 1,
      notUpdated: 1,
      notContacted: 1,
      clients: [{ id: 'C-8', name: 'Olga', reasons: ['not_updated', 'not_contacted'], daysSinceUpdate: 400, daysSinceContact: 300 }],
    },
  ],
};

let fake: FakeScriptRun;
let opened: string[];

function start(handlers: Handlers = {}, role: 'admin' | 'manager' | 'reader' = 'manager', locale: 'en' | 'ru' = 'en'): HTMLElement {
  fake = installFakeScriptRun({ apiCheckReport: () => ok(report()), apiStaleClients: () => ok(stale), ...handlers });
  opened = [];
  return mount(
    <MessagesContext.Provider value={LOCALES[locale].messages}>
      <SessionContext.Provider value={session({ role })}>
        <CheckView active={true} openClient={(id) => opened.push(id)} clientRequest={null} />
      </SessionContext.Provider>
    </MessagesContext.Provider>,
  );
}

const checkbox = (root: HTMLElement, text: string) =>
  Array.from(root.querySelectorAll('label'))
    .find((l) => l.textContent?.trim() === text)
    ?.querySelector('input') as HTMLInputElement;

beforeEach(() => fastTiming());
afterEach(() => {
  unmount();
  fake?.uninstall();
});

describe('Check view', () => {
  it('shows counts by kind and the fixes grouped as they are accepted', async () => {
    const root = start();
    await waitFor(() => root.textContent?.includes('3 clients checked'), 'summary');
    expect(root.textContent).toContain('fixable formatting: 3');
    expect(root.textContent).toContain('invalid email: 1');
    expect(checkbox(root, 'Phone: not in international format: 2')).toBeTruthy();
    expect(root.textContent).toContain('8 916 123-45-67 → +7 916 123 45 67');
    expect(button(root, 'Apply fixes').disabled).toBe(true);
  });

  it('renders hostile values as text', async () => {
    const root = start();
    await waitFor(() => root.textContent?.includes(HTML), 'hostile text');
    expect(root.querySelector('img')).toBeNull();
  });

  it('applies the accepted groups and single fixes, and nothing else', async () => {
    let sent: unknown[] = [];
    const after = report({ total: 1, kinds: [{ kind: 'invalid_email', label: 'invalid email', count: 1 }], groups: [], problems: [report().problems[3]] });
    const outcome: ApplyFixesDto = {
      applied: 3,
      skipped: [{ id: 'C-9|Phone', reason: 'Phone in row 9 changed since the check; check again to see its fix' }],
      skippedCount: 1,
      snapshotId: 'S-1',
      check: after,
      reportUpdated: true,
    };
    const root = start({ apiApplyFixes: (ids, groups, excluded) => ((sent = [ids, groups, excluded]), ok(outcome)) });
    await waitFor(() => checkbox(root, 'Phone: not in international format: 2'), 'group checkbox');
    await click(checkbox(root, 'Phone: not in international format: 2'));
    const single = root.querySelector<HTMLInputElement>('input[aria-label="Accept fix for row 3, First name"]')!;
    await click(single);
    // A fix of an accepted group is already in, shown ticked.
    const inGroup = root.querySelector<HTMLInputElement>('input[aria-label="Accept fix for row 2, Phone"]')!;
    expect(inGroup.checked).toBe(true);
    await click(button(root, 'Apply 3 fixes'));
    await waitFor(() => root.textContent?.includes('Applied 3 fixes'), 'applied notice');
    expect(sent).toEqual([['C-2|First name'], ['format|Phone: not in international format'], []]);
    expect(root.textContent).toContain('changed since the check');
    expect(root.textContent).toContain('1 problem.');
    expect(fake.callsTo('apiApplyFixes')).toHaveLength(1);
  });

  it('lists every fix of a group to review before accepting it, and one left out is not applied', async () => {
    let sent: unknown[] = [];
    const root = start({
      apiApplyFixes: (ids, groups, excluded) => (
        (sent = [ids, groups, excluded]), ok({ applied: 1, skipped: [], skippedCount: 0, snapshotId: 'S-2', check: report(), reportUpdated: true })
      ),
    });
    await waitFor(() => checkbox(root, 'Phone: not in international format: 2'), 'group checkbox');
    const review = Array.from(root.querySelectorAll<HTMLElement>('.group-review summary')).find((s) =>
      s.textContent?.startsWith('Review each of the 2 fixes'),
    )!;
    await click(review);
    const lines = await waitFor(() => {
      const found = Array.from(review.parentElement!.querySelectorAll('.review-list li')).map((li) => li.textContent);
      return found.length ? found : null;
    }, 'review list');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^ ?Row \d+, Phone: .+ → \+/);
    await click(checkbox(root, 'Phone: not in international format: 2'));
    const boxes = review.parentElement!.querySelectorAll<HTMLInputElement>('.review-list input');
    expect(Array.from(boxes).map((b) => b.checked)).toEqual([true, true]);
    await click(boxes[1]);
    expect(review.textContent).toContain('1 left out');
    await click(button(root, 'Apply 1 fix'));
    await waitFor(() => sent.length > 0, 'apply call');
    expect(sent[1]).toEqual(['format|Phone: not in international format']);
    expect((sent[2] as string[]).length).toBe(1);
  });

  it('shows the server’s refusal and keeps the choices', async () => {
    const root = start({ apiApplyFixes: () => ({ ok: false, error: { code: 'forbidden', message: 'Only a manager may apply fixes to clients.' } }) });
    await waitFor(() => checkbox(root, 'Phone: not in international format: 2'), 'group checkbox');
    await click(checkbox(root, 'Phone: not in international format: 2'));
    await click(button(root, 'Apply 2 fixes'));
    await waitFor(() => root.querySelector('[role="alert"]'), 'error');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Only a manager');
    expect(checkbox(root, 'Phone: not in international format: 2').checked).toBe(true);
  });

  it('offers no fixing to a reader', async () => {
    const root = start({}, 'reader');
    await waitFor(() => root.textContent?.includes('Only managers can apply fixes'), 'reader notice');
    expect(root.querySelectorAll('input[type="checkbox"]')).toHaveLength(0);
    expect(() => button(root, 'Apply fixes')).toThrow();
    expect(() => button(root, 'Check again')).toThrow();
  });

  it('offers to run the first check, and shows its result', async () => {
    const root = start({ apiCheckReport: () => ok(null), apiCheckData: () => ok(report({ total: 0, kinds: [], groups: [], problems: [] })) });
    await waitFor(() => root.textContent?.includes('not been checked yet'), 'no check yet');
    await click(button(root, 'Check data'));
    await waitFor(() => root.textContent?.includes('no problems'), 'result');
  });

  it('warns when problems changed since the check', async () => {
    const root = start({ apiCheckReport: () => ok(report({ changedSinceCheck: 2 })) });
    await waitFor(() => root.textContent?.includes('2 problems are not as the report shows them'), 'warning');
  });

  it('lists stale clients per manager with links that open the client', async () => {
    const root = start();
    await waitFor(() => root.textContent?.includes('2 clients were not updated or not contacted for over 180 days'), 'stale summary');
    expect(root.textContent).toContain('anna@example.com: 1');
    expect(root.textContent).toContain('No manager: 1');
    expect(root.textContent).toContain('updated 400 days ago · last contact 300 days ago');
    await click(button(root, `Open client ${HTML}`));
    expect(opened).toEqual(['C-7']);
    expect(root.querySelector('img')).toBeNull();
  });

  it('speaks Russian when the sidebar does', async () => {
    const root = start({}, 'manager', 'ru');
    await waitFor(() => root.textContent?.includes('Проверено 3 клиента'), 'russian summary');
    expect(checkbox(root, 'Phone: не в международном формате: 2')).toBeTruthy();
    expect(root.textContent).toContain('Забытые клиенты');
  });
});

describe('Check view messages', () => {
  it('has the same keys in every language', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(messages.ru)).toEqual(keys(messages.en));
    expect(keys(messages.ru.kinds)).toEqual(keys(messages.en.kinds));
  });
});
