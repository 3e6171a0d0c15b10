import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { callsDuring, rowsOf, unwrap, useEmulator } from '../../support/emulated';
import type { Emulator } from '../../../emulator';
import { asWebApp, nextDay, outboxTo, people, setUpWithClients, type Person } from './fixture';

const start = (ids: string[], campaign = 'Spring 1') => server.apiStartMailing({ campaign, template: 'Spring', recipients: { kind: 'ids', ids } });

function setting(emu: Emulator, key: string, value: string): void {
  const rows = emu.readSheet('Settings');
  emu.writeSheet(
    'Settings',
    rows.map((r) => (r[0] === key ? [key, value, r[2]] : r)),
  );
}

describe('pre-flight', () => {
  const emu = useEmulator();

  it('counts each problem with examples and names, and states the quota plan', () => {
    const list: Person[] = [
      { first: 'Ann', email: 'ann@example.com' },
      { first: 'Bob', email: 'bob@gmial.com' },
      { first: 'Cid', email: '' },
      { first: 'Dan', email: 'dan@example.com', optOut: true },
      { first: 'Eve', email: 'ANN@example.com' },
      { first: '', email: 'noname@example.com' },
    ];
    const ids = setUpWithClients(emu(), list);
    unwrap(server.apiSaveTemplate({ name: 'Spring', subject: 'Hi {{First name}}', body: 'From {{Citty}}' }));
    const report = unwrap(server.apiMailPreflight({ campaign: 'Spring 1', template: 'Spring', recipients: { kind: 'ids', ids } }));
    expect(report.total).toBe(6);
    expect(report.unknownPlaceholders.examples[0]).toMatchObject({ placeholder: 'Citty', suggestion: 'City' });
    expect(report.blocking.join(' ')).toContain('did you mean {{City}}');
    expect(report.invalidEmails.examples[0]).toMatchObject({ id: 'C02', suggestion: 'bob@gmail.com' });
    expect(report.missingEmails.count).toBe(1);
    expect(report.optedOut.examples.map((e) => e.id)).toEqual(['C04']);
    expect(report.duplicateEmails.examples[0]).toMatchObject({ id: 'C05', sameAs: 'C01' });
    expect(report.emptyPlaceholders.byPlaceholder).toEqual({ 'First name': 1 });
    expect(report.names.C04).toContain('Dan');
    expect(report.sendable).toBe(2);
    expect(report.plan.text).toMatch(/^2 emails: 2 today\./);
  });

  it('finds likely duplicate clients with the duplicate finder', () => {
    const ids = setUpWithClients(emu(), [
      { first: 'Robert', last: 'Smith', email: 'rob.smith@example.com', phone: '+44 20 7946 0958' },
      { first: 'Rob', last: 'Smith', email: 'robert.s@work.example.com', phone: '+44 20 7946 0958' },
      { first: 'Maria', last: 'Jones', email: 'maria@example.com' },
    ]);
    const report = unwrap(server.apiMailPreflight({ campaign: 'Spring 1', template: 'Spring', recipients: { kind: 'ids', ids } }));
    expect(report.duplicateClients.examples).toEqual([{ id: 'C02', sameAs: 'C01' }]);
    expect(report.sendable).toBe(2);
  });

  it('takes the selected rows of Clients, without rows a filter hides, in a constant number of calls', () => {
    const cities = ['Omsk', 'Kazan', 'Omsk', 'Perm', 'Kazan', 'Omsk'];
    setUpWithClients(
      emu(),
      cities.map((city, i) => ({ first: `P${i}`, city, email: `p${i}@example.com` })),
    );
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    const header = emu().readSheet('Clients')[0] as string[];
    const cityColumn = header.indexOf('City') + 1;
    const criteria = { getCriteriaType: () => null, getCriteriaValues: () => [], getHiddenValues: () => ['Omsk'], getVisibleValues: () => [] };
    sheet
      .getDataRange()
      .createFilter()
      .setColumnFilterCriteria(cityColumn, criteria as unknown as GoogleAppsScript.Spreadsheet.FilterCriteria);
    emu().setActiveSelection('Clients', 'A1:C7');
    let report!: ReturnType<typeof server.apiMailPreflight>;
    const calls = callsDuring(emu(), () => {
      report = server.apiMailPreflight({ campaign: 'Spring 1', template: 'Spring', recipients: { kind: 'selection' } });
    });
    const value = unwrap(report);
    expect(value.recipients.map((r) => r.id)).toEqual(['C02', 'C04', 'C05']);
    expect(value.hiddenByFilter).toBe(3);
    expect(calls['Sheet.isRowHiddenByFilter'] ?? 0).toBe(0);
    expect(calls['Range.getDisplayValues']).toBe(1);
  });

  it('targets the members of a segment', () => {
    const cities = ['Omsk', 'Kazan', 'Omsk', 'Perm'];
    setUpWithClients(
      emu(),
      cities.map((city, i) => ({ first: `P${i}`, city, email: `p${i}@example.com` })),
    );
    emu().writeSheet('Segments', [
      ['Name', 'Rule', 'Description', 'Count', 'Refreshed'],
      ['Omsk people', 'City = "Omsk"', '', '', ''],
    ]);
    const report = unwrap(server.apiMailPreflight({ campaign: 'Spring 1', template: 'Spring', recipients: { kind: 'segment', name: 'omsk people' } }));
    expect(report.recipients.map((r) => r.id)).toEqual(['C01', 'C03']);
    const missing = server.apiMailPreflight({ campaign: 'Spring 1', template: 'Spring', recipients: { kind: 'segment', name: 'Nope' } });
    expect(missing.ok || missing.error.code).toBe('not_found');
  });

  it('asks row by row for a condition filter, and refuses a selection too large for that', () => {
    setUpWithClients(emu(), people(5));
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    const condition = { getCriteriaType: () => 'TEXT_CONTAINS', getCriteriaValues: () => ['x'], getHiddenValues: () => [], getVisibleValues: () => [] };
    sheet
      .getDataRange()
      .createFilter()
      .setColumnFilterCriteria(5, condition as unknown as GoogleAppsScript.Spreadsheet.FilterCriteria);
    emu().setActiveSelection('Clients', 'A2:A4');
    const calls = callsDuring(emu(), () => unwrap(server.apiMailPreflight({ campaign: 'Spring 1', template: 'Spring', recipients: { kind: 'selection' } })));
    expect(calls['Sheet.isRowHiddenByFilter']).toBe(3);
  });

  it('refuses a selection too large to check row by row under a condition filter', () => {
    setUpWithClients(emu(), people(320));
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    const condition = { getCriteriaType: () => 'NUMBER_GREATER_THAN', getCriteriaValues: () => [1], getHiddenValues: () => [], getVisibleValues: () => [] };
    sheet
      .getDataRange()
      .createFilter()
      .setColumnFilterCriteria(5, condition as unknown as GoogleAppsScript.Spreadsheet.FilterCriteria);
    emu().setActiveSelection('Clients', 'A2:A400');
    const big = server.apiMailPreflight({ campaign: 'Spring 1', template: 'Spring', recipients: { kind: 'selection' } });
    expect(big.ok || big.error.message).toMatch(/at most 300 rows \(you selected 320\)/);
  });

  it('refuses a selection on another tab, hostile recipients and hostile campaign names', () => {
    const ids = setUpWithClients(emu(), people(2));
    emu().setActiveSelection('Settings', 'A2:A3');
    const other = server.apiMailPreflight({ campaign: 'Spring 1', template: 'Spring', recipients: { kind: 'selection' } });
    expect(other.ok || other.error.message).toMatch(/Clients tab/);
    for (const recipients of [{ kind: 'ids', ids: 'C01' }, { kind: 'everyone' }, null]) {
      const r = server.apiMailPreflight({ campaign: 'Spring 1', template: 'Spring', recipients: recipients as never });
      expect(r.ok).toBe(false);
    }
    for (const campaign of ['=IMPORTXML("x")', '', 'x'.repeat(50_001), '2024-05-01', 'a\nb', 42]) {
      const r = server.apiMailPreflight({ campaign: campaign as string, template: 'Spring', recipients: { kind: 'ids', ids } });
      expect(r.ok || r.error.code).toBe('validation');
    }
    const unknownIds = unwrap(
      server.apiMailPreflight({ campaign: 'Spring 1', template: 'Spring', recipients: { kind: 'ids', ids: ['C01', 'nope', '<img src=x onerror=alert(1)>'] } }),
    );
    expect(unknownIds.recipients.map((r) => r.id)).toEqual(['C01']);
    expect(unknownIds.notClients).toBe(2);
  });
});

describe('preview and test send', () => {
  const emu = useEmulator();

  it('renders the exact message, escaping hostile values in the HTML body', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    setUpWithClients(emu(), [{ first: hostile }]);
    const header = emu().readSheet('Clients')[0] as string[];
    const city = SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Clients')!
      .getRange(2, header.indexOf('City') + 1);
    city.setNumberFormat('@').setValue('=HYPERLINK("http://evil","x") 🎄');
    const preview = unwrap(server.apiPreviewMessage({ subject: 'Hi {{First name}}', body: 'Dear {{First name}} from {{City}}', clientId: 'C01' }));
    expect(preview.htmlBody).not.toContain('<img');
    expect(preview.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(preview.textBody).toContain('=HYPERLINK("http://evil","x") 🎄');
    expect(preview.subject).toBe(`Hi ${hostile}`);
    expect(preview.to).toBe('person1@example.com');
  });

  it('test-sends to the current user only, subject marked [Test], not logged', () => {
    setUpWithClients(emu(), people(2));
    const sent = unwrap(server.apiTestSend({ subject: 'Hi {{First name}}', body: 'Body', clientId: 'C02' }));
    expect(sent).toEqual({ to: 'anna@example.com', subject: '[Test] Hi Boris' });
    expect(emu().outbox.map((m) => [m.to, m.subject])).toEqual([['anna@example.com', '[Test] Hi Boris']]);
    expect(emu().readSheet('Mailings')).toHaveLength(1);
    expect(rowsOf(emu(), 'Interactions')).toHaveLength(0);
  });

  it('shows unknown placeholders in the preview instead of failing', () => {
    setUpWithClients(emu(), people(1));
    const preview = unwrap(server.apiPreviewMessage({ subject: '{{Frist name}}', body: 'x' }));
    expect(preview.unknown[0]).toMatchObject({ placeholder: 'Frist name', suggestion: 'First name' });
    const broken = unwrap(server.apiPreviewMessage({ subject: 'ok', body: '{{open' }));
    expect(broken.errors?.[0].part).toBe('body');
  });
});

describe('sending', () => {
  const emu = useEmulator();

  it('sends, records every row, logs one interaction per mail in one append per batch, and removes its trigger', () => {
    const ids = setUpWithClients(emu(), people(12));
    let outcome!: ReturnType<typeof start>;
    const calls = callsDuring(emu(), () => {
      outcome = start(ids);
    });
    const value = unwrap(outcome);
    expect(value.chunk).toMatchObject({ sent: 12, stoppedBy: 'done' });
    expect(outboxTo(emu()).sort()).toEqual(ids.map((_, i) => `person${i + 1}@example.com`).sort());
    expect(rowsOf(emu(), 'Mailings').map((r) => r.Status)).toEqual(Array(12).fill('Sent'));
    const interactions = rowsOf(emu(), 'Interactions');
    expect(interactions).toHaveLength(12);
    expect(interactions[0]).toMatchObject({ 'Client ID': 'C01', Type: 'Email', Result: 'Spring: Hello Anna', Source: 'mailing Spring 1' });
    expect(value.status.text).toBe('Sent 12, skipped 0, failed 0, remaining 0.');
    expect(
      emu()
        .triggers()
        .map((t) => t.handler),
    ).not.toContain('mailingTick');
    expect(calls['MailApp.sendEmail']).toBe(12);
    const mail = emu().outbox[0];
    expect(mail.htmlBody).toContain('Dear Anna,<br>');
    expect(mail.body).toContain('Reply to this email to stop receiving messages.');
  });

  it('escapes hostile values in the HTML body of the mail actually sent, keeps them exact in the text and subject', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)> Ёлка 🎄 +1 @x';
    const ids = setUpWithClients(emu(), [{ first: hostile, city: '-1' }]);
    unwrap(start(ids));
    const [mail] = emu().outbox;
    expect(mail.htmlBody).not.toMatch(/<script|<img/);
    expect(mail.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; Ёлка 🎄 +1 @x');
    expect(mail.body).toContain(`Dear ${hostile},`);
    expect(mail.subject).toBe(`Hello ${hostile}`);
    expect(rowsOf(emu(), 'Interactions')[0].Result).toBe(`Spring: Hello ${hostile}`);
  });

  it('uses the sender name and reply-to from Settings', () => {
    const ids = setUpWithClients(emu(), people(1));
    setting(emu(), 'senderName', 'Ёлка & Co');
    setting(emu(), 'replyTo', 'team@example.com');
    unwrap(start(ids));
    expect(emu().outbox[0]).toMatchObject({ name: 'Ёлка & Co', replyTo: 'team@example.com' });
  });

  it('running the same mailing again sends nobody twice; new recipients only', () => {
    const ids = setUpWithClients(emu(), people(4));
    unwrap(start(ids.slice(0, 2)));
    const again = unwrap(start(ids));
    expect(again.preflight.alreadySent.count).toBe(2);
    expect(outboxTo(emu())).toHaveLength(4);
    expect(new Set(outboxTo(emu())).size).toBe(4);
    const third = unwrap(start(ids));
    expect(third.chunk.sent).toBe(0);
    expect(emu().outbox).toHaveLength(4);
  });

  it('never mails an opted-out client, even one who opted out after being queued', () => {
    const ids = setUpWithClients(emu(), [{ email: 'a@example.com' }, { email: 'b@example.com', optOut: true }, { email: 'c@example.com' }]);
    // Queue with a quota of 0 so nothing goes yet, then C03 opts out.
    const quota = emu().globals.MailApp.getRemainingDailyQuota();
    for (let i = 0; i < quota; i++) emu().globals.MailApp.sendEmail('burn@example.com', 's', 'b');
    emu().outbox.length = 0;
    const queued = unwrap(start(ids));
    expect(queued.chunk.stoppedBy).toBe('quota');
    expect(queued.skipped).toBe(1);
    const header = emu().readSheet('Clients')[0] as string[];
    const col = header.indexOf('Opt-out');
    emu().writeSheet(
      'Clients',
      emu()
        .readSheet('Clients')
        .map((r, i) => (i === 3 ? r.map((v, c) => (c === col ? true : v)) : r)),
    );
    expect(rowsOf(emu(), 'Mailings').map((r) => r.Status)).toEqual(['Queued', 'Queued', 'Skipped: opted out']);
    const tomorrow = nextDay(emu(), 100);
    try {
      const sent = unwrap(server.apiContinueMailing('Spring 1'));
      expect(tomorrow.emu.outbox.map((m) => m.to)).toEqual(['a@example.com']);
      expect(sent.chunk).toMatchObject({ sent: 1, skippedAtSend: 1 });
      expect(rowsOf(tomorrow.emu, 'Mailings').map((r) => [r.Status, r.Detail])).toEqual([
        ['Sent', ''],
        ['Skipped: opted out', 'found at send time'],
        // Skipped when queued: the short reason in Status, the sentence in Detail.
        ['Skipped: opted out', 'Opted out of mailings'],
      ]);
    } finally {
      tomorrow.restore();
    }
  });
});

describe('quota', () => {
  const emu = useEmulator({ mailQuota: 5 });

  it('sends 5, keeps 7 queued, says so honestly, and leaves the hourly trigger', () => {
    const ids = setUpWithClients(emu(), people(12));
    const preflight = unwrap(server.apiMailPreflight({ campaign: 'Spring 1', template: 'Spring', recipients: { kind: 'ids', ids } }));
    expect(preflight.plan.text).toMatch(/^12 emails: 5 today, 7 tomorrow\. 5 more can go today; then 100 a day/);
    const value = unwrap(start(ids));
    expect(value.chunk).toMatchObject({ sent: 5, stoppedBy: 'quota' });
    expect(emu().outbox).toHaveLength(5);
    expect(value.status.summary).toMatchObject({ sent: 5, remaining: 7 });
    expect(value.status.plan.text).toMatch(/^7 emails: 7 tomorrow\./);
    expect(
      emu()
        .triggers()
        .some((t) => t.handler === 'mailingTick' && t.everyHours === 1),
    ).toBe(true);
    // The trigger finds no quota today: nothing sent, nothing lost, trigger kept.
    server.mailingTick();
    expect(emu().outbox).toHaveLength(5);
    expect(
      emu()
        .triggers()
        .some((t) => t.handler === 'mailingTick'),
    ).toBe(true);
    // Tomorrow the trigger sends the other 7 and removes itself.
    const tomorrow = nextDay(emu(), 100);
    try {
      server.mailingTick();
      expect(tomorrow.emu.outbox.map((m) => m.to).sort()).toEqual(ids.map((_, i) => `person${i + 1}@example.com`).sort());
      expect(tomorrow.emu.triggers().some((t) => t.handler === 'mailingTick')).toBe(false);
      expect(rowsOf(tomorrow.emu, 'Interactions')).toHaveLength(12);
    } finally {
      tomorrow.restore();
    }
  });
});

describe('unsubscribe links', () => {
  const emu = useEmulator();

  it('signs a link per client when the web app URL is set; the web app records it, the next execution ticks Opt-out, audited; forged links change nothing', () => {
    const ids = setUpWithClients(emu(), people(2));
    setting(emu(), 'unsubscribeUrl', 'https://script.google.com/macros/s/abc/exec');
    unwrap(start(ids));
    const link = /https:\/\/script\.google\.com\/macros\/s\/abc\/exec\?u=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(emu().outbox[1].body);
    expect(link).not.toBeNull();
    expect(emu().outbox[1].htmlBody).toContain('>unsubscribe</a>');
    const token = link![1];
    const forged = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    const clientsBefore = emu().readSheet('Clients');
    const propsBefore = emu().serialize().properties;
    asWebApp(emu(), () => {
      expect(server.doGet({ parameter: { u: forged } }).getContent()).toContain('not valid');
      expect(server.doGet({ parameter: { u: '<script>alert(1)</script>' } }).getContent()).not.toContain('<script>');
      expect(server.doGet({}).getContent()).toContain('not valid');
    });
    server.apiBootstrap();
    expect(emu().readSheet('Clients')).toEqual(clientsBefore);
    expect(emu().serialize().properties).toEqual(propsBefore);

    asWebApp(emu(), () => {
      expect(server.doGet({ parameter: { u: token } }).getContent()).toContain('You are unsubscribed');
      expect(server.doGet({ parameter: { u: token } }).getContent()).toContain('already unsubscribed');
    });
    const header = emu().readSheet('Clients')[0] as string[];
    // The web app cannot open the spreadsheet: Clients changes at the add-on's next execution.
    expect(emu().readSheet('Clients')[2][header.indexOf('Opt-out')]).toBe(false);
    unwrap(server.apiBootstrap());
    expect(emu().readSheet('Clients')[2][header.indexOf('Opt-out')]).toBe(true);
    expect(rowsOf(emu(), 'Audit').filter((r) => r.Action === 'opt-out')).toEqual([
      expect.objectContaining({ 'Client ID': 'C02', Source: 'unsubscribe link, mailing Spring 1' }),
    ]);
    // Applied once: the pending record is gone, the signing secret stays.
    unwrap(server.apiBootstrap());
    expect(rowsOf(emu(), 'Audit').filter((r) => r.Action === 'opt-out')).toHaveLength(1);
    expect(Object.keys(emu().globals.PropertiesService.getScriptProperties().getProperties())).toEqual(['ClientBase.unsubscribeSecret']);
    // The next mailing skips C02.
    const next = unwrap(start(ids, 'Summer'));
    expect(next.preflight.optedOut.examples.map((e) => e.id)).toEqual(['C02']);
  });
});

describe('who may continue', () => {
  const emu = useEmulator({ mailQuota: 1 });

  it('only the account that started a mailing sends it', () => {
    const ids = setUpWithClients(emu(), people(3));
    unwrap(start(ids));
    setting(emu(), 'managers', 'boris@example.com');
    emu().setUser('boris@example.com');
    const result = server.apiContinueMailing('Spring 1');
    expect(result.ok || result.error.code).toBe('forbidden');
    expect(result.ok || result.error.message).toContain('anna@example.com');
  });
});

describe('1,500 recipients', () => {
  const emu = useEmulator({ mailQuota: 1500 });

  function run(n: number) {
    const ids = setUpWithClients(emu(), people(n));
    return callsDuring(emu(), () => unwrap(start(ids)));
  }

  it('reads each tab once whatever the size and writes state in batches of 50', () => {
    const calls = run(1500);
    expect(emu().outbox).toHaveLength(1500);
    expect(new Set(outboxTo(emu())).size).toBe(1500);
    const batches = 1500 / 50;
    // Whole-tab reads: Clients, Templates, Interactions (the contact pause; Mailings starts empty; Fields and Settings
    // come from the cache the set-up's calls filled, src/gas/base-cache.ts), plus Clients again before every batch
    // (opt-outs set during a long run are seen by the next batch): none per recipient.
    expect(calls['Sheet.getDataRange']).toBe(3 + batches);
    // Per batch: Clients afresh, and the claim and the record each re-read their own ≤50-row span before writing it.
    expect(calls['Range.getValues']).toBe(3 + 3 * batches);
    // Per batch: claim write, record write, one ledger append, one interactions append; plus the queue append,
    // the audit row and the ledger tab's header.
    expect(calls['Range.setValues']).toBe(4 * batches + 3);
    expect(calls['MailApp.sendEmail']).toBe(1500);
    expect(calls['Properties.setProperty']).toBeLessThanOrEqual(1500 + 3 * batches + 2);
    // Per batch: pending unsubscribe clicks (script properties), and each document-lock acquisition's look at
    // the log rows queued by unlocked executions (document properties, src/gas/lock.ts): never per recipient;
    // once more at the end, whether the plan still needs the hourly trigger (src/app/plan/keeps-trigger.ts).
    expect(calls['Properties.getProperties']).toBeLessThanOrEqual(3 * batches + 6);
  });

  it('uses the same whole-tab reads at 20 recipients', () => {
    const calls = run(20);
    expect(calls['Sheet.getDataRange']).toBe(3 + 1);
    expect(calls['Range.getValues']).toBe(3 + 3);
    expect(calls['Range.setValues']).toBe(4 + 3);
  });
});
