// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { MailView } from '../../../sidebar/views/mail/mail-view';
import { mailTiming } from '../../../sidebar/views/mail/timing';
import { MessagesContext, LOCALES } from '../../../sidebar/i18n/locale';
import { SessionContext } from '../../../sidebar/session';
import type { MailingStatusDto, PreflightDto, PreviewDto } from '../../../src/server';
import { installFakeScriptRun, type FakeScriptRun, type Handlers } from '../fake-script-run';
import { button, byLabel, choose, click, flush, mount, ok, queryLabel, session, type, unmount, waitFor } from '../dom';

const HOSTILE = '<img src=x onerror=alert(1)>';
let fake: FakeScriptRun;

function preview(overrides: Partial<PreviewDto> = {}): PreviewDto {
  return {
    clientId: 'C01',
    label: HOSTILE,
    to: 'ann@example.com',
    subject: `Hello ${HOSTILE}`,
    htmlBody: 'Dear &lt;img src=x onerror=alert(1)&gt;,<br>\nnews',
    textBody: `Dear ${HOSTILE},\nnews`,
    missing: [],
    unknown: [],
    ...overrides,
  };
}

const finding = () => ({ count: 0, examples: [] as never[] });

function report(overrides: Partial<PreflightDto> = {}): PreflightDto {
  return {
    campaign: 'Spring',
    template: 'Welcome',
    total: 3,
    sendable: 2,
    blocking: [],
    warnings: [],
    unknownPlaceholders: finding(),
    emptyPlaceholders: { ...finding(), byPlaceholder: {} },
    invalidEmails: finding(),
    missingEmails: finding(),
    optedOut: { count: 1, examples: [{ id: 'C03' }] },
    duplicateEmails: finding(),
    duplicateClients: finding(),
    alreadySent: finding(),
    alreadyReceived: finding(),
    sendAgain: false,
    names: { C03: HOSTILE },
    recipients: [
      { id: 'C01', label: 'Ann' },
      { id: 'C02', label: 'Bob' },
      { id: 'C03', label: HOSTILE },
    ],
    hiddenByFilter: 1,
    notClients: 0,
    plan: { remainingToday: 1, dailyQuota: 100, days: [], text: '2 emails: 1 today, 1 tomorrow.' },
    ...overrides,
  };
}

function status(active: boolean, sent: number): MailingStatusDto {
  return {
    campaign: 'Spring',
    template: 'Welcome',
    owner: 'anna@example.com',
    summary: { total: 3, sent, skipped: { opted_out: 1 }, skippedTotal: 1, failed: 0, remaining: 2 - sent, unknown: 0, other: 0 },
    text: `Sent ${sent}, skipped 1 (opted out 1), failed 0, remaining ${2 - sent}.`,
    plan: { remainingToday: 0, dailyQuota: 100, days: [], text: '' },
    failed: [],
    unknown: [],
    active,
  };
}

function start(handlers: Handlers = {}, role: 'manager' | 'reader' = 'manager', locale: 'en' | 'ru' | 'uk' | 'ro' = 'en'): HTMLElement {
  fake = installFakeScriptRun({
    apiListTemplates: () => ok([{ name: 'Welcome', subject: 'Hello {{First name}}', body: 'Dear {{First name}},\nnews' }]),
    apiListMailings: () => ok([]),
    apiListSegments: () => ok([{ name: 'Hot leads', rule: 'Stage = "Hot"', description: '', count: 12, error: null, refreshed: '', tab: '' } as never]),
    apiPreviewMessage: () => ok(preview()),
    ...handlers,
  });
  return mount(
    <MessagesContext.Provider value={LOCALES[locale].messages}>
      <SessionContext.Provider value={session({ role, locale })}>
        <MailView active={true} openClient={() => {}} clientRequest={null} />
      </SessionContext.Provider>
    </MessagesContext.Provider>,
  );
}

beforeEach(() => {
  mailTiming.previewDebounceMs = 0;
  mailTiming.continuePauseMs = 0;
});
afterEach(() => {
  unmount();
  fake?.uninstall();
  vi.restoreAllMocks();
});

describe('Mail view', () => {
  it('loads the templates and previews the first in a sandboxed frame, hostile values as text', async () => {
    const root = start();
    await waitFor(() => byLabel(root, 'Subject').value === 'Hello {{First name}}', 'template loaded');
    const frame = await waitFor(() => root.querySelector('iframe'), 'preview');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('&lt;img');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.mail-preview-subject')?.textContent).toBe(`Hello ${HOSTILE}`);
    expect(root.querySelector('.mail-preview-text')?.textContent).toContain(HOSTILE);
  });

  it('previews the text as typed, and shows unknown placeholders with the suggestion', async () => {
    const root = start({
      apiPreviewMessage: (input) =>
        ok(preview({ subject: input.subject, unknown: [{ part: 'subject', placeholder: 'Frist name', suggestion: 'First name', message: '' }] })),
    });
    await waitFor(() => root.querySelector('iframe'));
    await type(byLabel(root, 'Subject'), 'Hi {{Frist name}}');
    await waitFor(() => root.querySelector('.mail-preview-subject')?.textContent === 'Hi {{Frist name}}', 'live preview');
    expect(root.textContent).toContain('{{Frist name}} names no field: did you mean {{First name}}?');
    const last = fake.callsTo('apiPreviewMessage').at(-1)![0] as { subject: string };
    expect(last.subject).toBe('Hi {{Frist name}}');
  });

  it("formats the body from the toolbar and Ctrl+B, and previews it as the recipient's mail client shows it", async () => {
    const root = start({
      apiPreviewMessage: (input) =>
        ok(preview({ from: 'Shop Team <anna@example.com>', subject: input.subject, htmlBody: '<strong>news</strong>', textBody: 'news' })),
    });
    const body = await waitFor(() => {
      const area = byLabel<HTMLTextAreaElement>(root, 'Body');
      return area.value === 'Dear {{First name}},\nnews' && area;
    }, 'template loaded');
    body.setSelectionRange(body.value.indexOf('news'), body.value.length);
    await click(button(root, 'Bold (Ctrl+B)'));
    expect(body.value).toBe('Dear {{First name}},\n**news**');
    // The selection stays on the word, so the next button acts on it too.
    expect(body.value.slice(body.selectionStart, body.selectionEnd)).toBe('news');
    await waitFor(
      () => ((fake.callsTo('apiPreviewMessage').at(-1)?.[0] as { body?: string } | undefined)?.body ?? '').includes('**news**'),
      'preview of the bold body',
    );

    body.setSelectionRange(0, 4);
    await act(() => {
      body.dispatchEvent(new KeyboardEvent('keydown', { key: 'и', code: 'KeyI', ctrlKey: true, bubbles: true, cancelable: true }));
    });
    expect(body.value).toBe('*Dear* {{First name}},\n**news**');
    await click(button(root, 'Bulleted list'));
    expect(body.value).toBe('- *Dear* {{First name}},\n**news**');

    const headers = await waitFor(() => root.querySelector('.mail-window .mail-headers'), 'mail headers');
    expect(Array.from(headers.querySelectorAll('dt')).map((dt) => dt.textContent)).toEqual(['From', 'To', 'Subject']);
    expect(root.querySelector('.mail-preview-from')?.textContent).toBe('Shop Team <anna@example.com>');
    expect(root.querySelector('iframe')?.getAttribute('srcdoc')).toContain('<strong>news</strong>');
    expect(root.querySelector('iframe')?.getAttribute('sandbox')).toBe('');
  });

  it('offers no formatting toolbar to a reader', async () => {
    const root = start({}, 'reader');
    await waitFor(() => root.querySelector('iframe'), 'preview');
    expect(root.querySelector('[role="toolbar"]')).toBeNull();
  });

  it('sends a test to the current user', async () => {
    const root = start({ apiTestSend: () => ok({ to: 'anna@example.com', subject: '[Test] Hello' }) });
    await waitFor(() => root.querySelector('iframe'));
    await click(button(root, 'Send a test to me'));
    await waitFor(() => root.textContent?.includes('Test sent to anna@example.com.'), 'test notice');
  });

  it('checks, shows counts, examples and the plan, then sends and keeps going while open', async () => {
    const continues: boolean[] = [false];
    const root = start({
      apiMailPreflight: () => ok(report()),
      apiStartMailing: () =>
        ok({
          preflight: report(),
          queued: 2,
          skipped: 1,
          chunk: { campaign: 'Spring', sent: 1, failed: 0, skippedAtSend: 0, stoppedBy: 'time', message: '' },
          status: status(true, 1),
        }),
      apiContinueMailing: () => {
        continues.push(true);
        return ok({ chunk: { campaign: 'Spring', sent: 1, failed: 0, skippedAtSend: 0, stoppedBy: 'done', message: '' }, status: status(false, 2) });
      },
    });
    await waitFor(() => byLabel(root, 'Subject').value !== '');
    await type(byLabel(root, 'Mailing name'), 'Spring');
    await click(button(root, 'Check before sending'));
    await waitFor(() => root.querySelector('.mail-preflight'), 'report');
    expect(root.textContent).toContain('3 recipients');
    expect(root.textContent).toContain('2 emails will be sent');
    expect(root.textContent).toContain('1 selected row is hidden by a filter');
    expect(root.textContent).toContain('Opted out (never mailed)');
    expect(root.textContent).toContain('2 emails: 1 today, 1 tomorrow.');
    expect(root.querySelector('img')).toBeNull();
    await click(button(root, 'Send 2 emails'));
    expect(fake.callsTo('apiStartMailing')).toHaveLength(0);
    expect(root.textContent).toContain('Send 2 emails now as “Spring”?');
    await click(button(root, 'Yes, send'));
    await waitFor(() => root.textContent?.includes('Sent 2, skipped 1'), 'final status');
    const [input] = fake.callsTo('apiStartMailing')[0] as [{ recipients: { kind: string; ids: string[] } }];
    expect(input.recipients).toEqual({ kind: 'ids', ids: ['C01', 'C02', 'C03'] });
    expect(continues.length).toBe(2);
  });

  it('after a check, "Preview for" shows the first recipient who is sent, and the preview is theirs', async () => {
    const labels: Record<string, string> = { C03: HOSTILE, C01: 'Ann', C02: 'Bob' };
    const root = start({
      apiPreviewMessage: (input) => {
        const id = (input as { clientId?: string }).clientId ?? 'CURSOR';
        return ok(preview({ clientId: id, label: labels[id] ?? 'Lost client under the cursor', to: `${id.toLowerCase()}@example.com` }));
      },
      // The opted-out client comes first: the preview must pass over them.
      apiMailPreflight: () =>
        ok(
          report({
            recipients: [
              { id: 'C03', label: HOSTILE },
              { id: 'C01', label: 'Ann' },
              { id: 'C02', label: 'Bob' },
            ],
          }),
        ),
    });
    await waitFor(() => root.querySelector('.mail-preview'));
    expect(root.querySelector('.mail-preview-to')?.textContent).toBe('Lost client under the cursor <cursor@example.com>');
    await type(byLabel(root, 'Mailing name'), 'Spring');
    await click(button(root, 'Check before sending'));
    const select = await waitFor(() => queryLabel(root, 'Preview for') as HTMLSelectElement | null, 'Preview for');
    expect(select.value).toBe('C01');
    expect(select.selectedOptions[0]?.textContent).toBe('Ann');
    await waitFor(() => root.querySelector('.mail-preview-to')?.textContent === 'Ann <c01@example.com>', 'the preview of Ann');
    expect(fake.callsTo('apiPreviewMessage').at(-1)![0]).toMatchObject({ clientId: 'C01' });

    // A recipient the user picks stays picked when the check runs again.
    await choose(select, 'C02');
    await waitFor(() => root.querySelector('.mail-preview-to')?.textContent === 'Bob <c02@example.com>', 'the preview of Bob');
    await click(button(root, 'Check before sending'));
    await waitFor(() => fake.callsTo('apiMailPreflight').length === 2);
    await flush();
    expect(byLabel<HTMLSelectElement>(root, 'Preview for').value).toBe('C02');
    // The hostile label stays text in the list.
    expect(root.querySelector('img')).toBeNull();
  });

  it("never labels the preview with another recipient's name while the chosen one loads", async () => {
    let release: (() => void) | undefined;
    const root = start({
      apiPreviewMessage: (input) => {
        const id = (input as { clientId?: string }).clientId;
        if (!id) return ok(preview({ clientId: 'CURSOR', label: 'Cursor client' }));
        return new Promise((resolve) => {
          release = () => resolve(ok(preview({ clientId: id, label: 'Ann' })));
        }) as never;
      },
      apiMailPreflight: () => ok(report()),
    });
    await waitFor(() => root.querySelector('.mail-preview'));
    await type(byLabel(root, 'Mailing name'), 'Spring');
    await click(button(root, 'Check before sending'));
    await waitFor(() => release !== undefined, 'the preview of the chosen recipient asked for');
    expect(root.textContent).not.toContain('Cursor client');
    expect(root.textContent).toContain('Preparing the preview…');
    release!();
    await waitFor(() => root.querySelector('.mail-preview-to')?.textContent?.startsWith('Ann <'), 'the preview of Ann');
  });

  it('checks a segment by name', async () => {
    const root = start({ apiMailPreflight: () => ok(report()) });
    await waitFor(() => byLabel(root, 'Subject').value !== '');
    const radio = Array.from(root.querySelectorAll<HTMLInputElement>('input[type=radio]')).find((r) => r.parentElement?.textContent?.includes('A segment'))!;
    await click(radio);
    expect(byLabel<HTMLSelectElement>(root, 'Segment').value).toBe('Hot leads');
    await type(byLabel(root, 'Mailing name'), 'Spring');
    await click(button(root, 'Check before sending'));
    await waitFor(() => root.querySelector('.mail-preflight'));
    const [input] = fake.callsTo('apiMailPreflight')[0] as [{ recipients: unknown }];
    expect(input.recipients).toEqual({ kind: 'segment', name: 'Hot leads' });
  });

  it('shows who already received the template and, when asked, checks and sends again with sendAgain', async () => {
    const received = {
      count: 2,
      examples: [
        { id: 'C01', on: '2026-12-01' },
        { id: 'C02', on: '2026-12-01' },
      ],
    };
    const root = start({
      apiMailPreflight: (input) =>
        ok(
          (input as { sendAgain?: boolean }).sendAgain
            ? report({ sendAgain: true })
            : report({ alreadyReceived: received as never, warnings: ['2 recipients already received this template on 2026-12-01: they are skipped.'] }),
        ),
      apiStartMailing: () =>
        ok({
          preflight: report(),
          queued: 2,
          skipped: 0,
          chunk: { campaign: 'Spring', sent: 2, failed: 0, skippedAtSend: 0, stoppedBy: 'done', message: '' },
          status: status(false, 2),
        }),
    });
    await waitFor(() => byLabel(root, 'Subject').value !== '');
    await type(byLabel(root, 'Mailing name'), 'Spring');
    await click(button(root, 'Check before sending'));
    await waitFor(() => root.querySelector('.mail-preflight'));
    expect(root.textContent).toContain('Already received this template');
    expect(root.textContent).toContain('on 2026-12-01');
    expect(root.textContent).toContain('2 recipients already received this template on 2026-12-01');
    const box = Array.from(root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).find((c) => c.parentElement?.textContent?.includes('Send again'))!;
    await click(box);
    await click(button(root, 'Check before sending'));
    await waitFor(() => fake.callsTo('apiMailPreflight').length === 2);
    expect((fake.callsTo('apiMailPreflight')[1] as [{ sendAgain?: boolean }])[0].sendAgain).toBe(true);
    await waitFor(() => root.querySelector('.mail-preflight'));
    await click(button(root, 'Send 2 emails'));
    await click(button(root, 'Yes, send'));
    await waitFor(() => fake.callsTo('apiStartMailing').length === 1);
    expect((fake.callsTo('apiStartMailing')[0] as [{ sendAgain?: boolean }])[0].sendAgain).toBe(true);
  });

  it('"one recipient per company" is sent with the check and the send, and the skipped per company are shown as text', async () => {
    const perCompany = { count: 2, examples: [], perCompany: { [HOSTILE]: 2 } };
    const root = start({
      apiMailPreflight: (input) =>
        ok((input as { onePerCompany?: boolean }).onePerCompany ? report({ onePerCompany: true, skippedPerCompany: perCompany as never }) : report()),
      apiStartMailing: () =>
        ok({
          preflight: report(),
          queued: 2,
          skipped: 2,
          chunk: { campaign: 'Spring', sent: 2, failed: 0, skippedAtSend: 0, stoppedBy: 'done', message: '' },
          status: status(false, 2),
        }),
    });
    await waitFor(() => byLabel(root, 'Subject').value !== '');
    await type(byLabel(root, 'Mailing name'), 'Spring');
    const box = Array.from(root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).find((c) =>
      c.parentElement?.textContent?.includes('One recipient per company'),
    )!;
    expect(box.checked).toBe(false);
    await click(box);
    await click(button(root, 'Check before sending'));
    await waitFor(() => root.querySelector('.mail-per-company'));
    expect((fake.callsTo('apiMailPreflight')[0] as [{ onePerCompany?: boolean }])[0].onePerCompany).toBe(true);
    expect(root.querySelector('.mail-per-company')?.textContent).toBe(`Left out, one recipient per company: ${HOSTILE} 2`);
    expect(root.querySelector('.mail-per-company img')).toBeNull();
    await click(button(root, 'Send 2 emails'));
    await click(button(root, 'Yes, send'));
    await waitFor(() => fake.callsTo('apiStartMailing').length === 1);
    expect((fake.callsTo('apiStartMailing')[0] as [{ onePerCompany?: boolean }])[0].onePerCompany).toBe(true);
  });

  it('offers no Send while the check finds a blocking problem', async () => {
    const root = start({
      apiMailPreflight: () => ok(report({ blocking: ['Unknown placeholder {{Frist name}} in the subject: did you mean {{First name}}?'] })),
    });
    await waitFor(() => byLabel(root, 'Subject').value !== '');
    await type(byLabel(root, 'Mailing name'), 'Spring');
    await click(button(root, 'Check before sending'));
    await waitFor(() => root.querySelector('.mail-preflight'));
    expect(root.textContent).toContain('did you mean {{First name}}?');
    expect(() => button(root, 'Send 2 emails')).toThrow();
  });

  it('shows a save error beside its field', async () => {
    const root = start({
      apiSaveTemplate: () => ({
        ok: false,
        error: {
          code: 'validation',
          message: 'The template needs attention; nothing was saved.',
          fields: { body: '"{{" at line 1, column 6 is never closed with "}}".' },
        },
      }),
    });
    await waitFor(() => byLabel(root, 'Subject').value !== '');
    await click(button(root, 'Save template'));
    await waitFor(() => root.querySelector('.field-error'));
    expect(root.querySelector('.field-error')?.textContent).toContain('line 1, column 6');
  });

  it('lets a reader preview and check but not save or send', async () => {
    const root = start({}, 'reader');
    await waitFor(() => root.querySelector('iframe'));
    expect(() => button(root, 'Save template')).toThrow();
    expect(() => button(root, 'Send a test to me')).toThrow();
    expect(root.textContent).toContain('Readers can preview');
  });

  it('speaks Russian', async () => {
    const root = start({}, 'manager', 'ru');
    await waitFor(() => byLabel(root, 'Тема').value !== '');
    expect(button(root, 'Сохранить шаблон')).toBeTruthy();
    await flush();
  });

  it('asks the server for the mailing summaries in Ukrainian and Romanian, not English', async () => {
    for (const locale of ['uk', 'ro'] as const) {
      const root = start({}, 'manager', locale);
      await waitFor(() => fake.callsTo('apiListMailings').length > 0);
      expect(fake.callsTo('apiListMailings')[0]).toEqual([locale]);
      await waitFor(() => root.querySelector('textarea') !== null);
      unmount();
      fake.uninstall();
    }
  });
});
