import { describe, expect, it } from 'vitest';
import { isOptedOut, preflight, type PreflightInput, type PreflightRecipient } from '../../../src/core/mail/preflight';

const FIELDS = ['ID', 'First name', 'Last name', 'Email', 'Company', 'Opt-out'];
const TEMPLATE = { subject: 'News for {{Company|you}}', body: 'Hi {{First name}},\nour news.' };

function client(id: string, email: unknown, extra: Record<string, unknown> = {}): PreflightRecipient {
  return { id, values: { ID: id, 'First name': `Name ${id}`, Email: email, 'Opt-out': false, ...extra } };
}

function run(recipients: PreflightRecipient[], overrides: Partial<PreflightInput> = {}) {
  return preflight({
    template: TEMPLATE,
    recipients,
    fieldNames: FIELDS,
    alreadySent: new Set(),
    emailField: 'Email',
    optOutField: 'Opt-out',
    ...overrides,
  });
}

describe('preflight', () => {
  it('sends to everyone on a clean list, in order', () => {
    const report = run([client('C1', 'a@x.com'), client('C2', 'B@Y.org')]);
    expect(report.blocking).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.sendable).toEqual(['C1', 'C2']);
    expect(report.skipped).toEqual([]);
    expect(report.emails).toEqual({ C1: 'a@x.com', C2: 'b@y.org' });
    expect(report.total).toBe(2);
  });

  it('blocks on an unknown placeholder and suggests the closest field', () => {
    const report = run([client('C1', 'a@x.com')], {
      template: { subject: 'Hi {{Frist name}}', body: '{{Frist name}} {{Discount code}} {{Compnay|friend}}' },
    });
    expect(report.unknownPlaceholders.count).toBe(4);
    expect(report.unknownPlaceholders.examples).toEqual([
      { part: 'subject', placeholder: 'Frist name', position: 3, suggestion: 'First name' },
      { part: 'body', placeholder: 'Frist name', position: 0, suggestion: 'First name' },
      { part: 'body', placeholder: 'Discount code', position: 15 },
      { part: 'body', placeholder: 'Compnay', position: 33, suggestion: 'Company' },
    ]);
    expect(report.blocking).toEqual([
      'Unknown placeholder {{Frist name}} in the subject: did you mean {{First name}}?',
      'Unknown placeholder {{Frist name}} in the body: did you mean {{First name}}?',
      'Unknown placeholder {{Discount code}} in the body: no field has this name.',
      'Unknown placeholder {{Compnay}} in the body: did you mean {{Company}}?',
    ]);
  });

  it('blocks on a template that does not parse, or is empty', () => {
    const broken = run([client('C1', 'a@x.com')], { template: { subject: 'Hi {{First name', body: 'x'.repeat(50_001) } });
    expect(broken.templateErrors.map((e) => [e.part, e.code])).toEqual([
      ['subject', 'unclosed'],
      ['body', 'too_long'],
    ]);
    expect(broken.blocking).toHaveLength(2);
    expect(broken.blocking[0]).toMatch(/^Subject: "\{\{" at line 1, column 4 is never closed/);

    const empty = run([client('C1', 'a@x.com')], { template: { subject: ' ', body: '' } });
    expect(empty.blocking).toEqual(['The subject is empty.', 'The body is empty.']);
  });

  it('blocks without an email column and warns without an opt-out column', () => {
    const report = run([client('C1', 'a@x.com')], { emailField: 'E-mail address', optOutField: 'Unsubscribed' });
    expect(report.blocking).toEqual(['There is no email column "E-mail address".']);
    expect(report.warnings).toEqual(['There is no opt-out column "Unsubscribed": nobody is treated as opted out.']);
    expect(run([client('C1', 'a@x.com')], { emailField: 'e-mail', optOutField: 'OPT OUT' }).blocking).toEqual([]);
  });

  it('shows a huge invalid email by its start only', () => {
    const report = run([client('C1', 'x'.repeat(50_001))]);
    expect(report.invalidEmails.examples[0].email).toHaveLength(200);
  });

  it('reports placeholders that would be empty without a fallback, per placeholder', () => {
    const report = run(
      [
        client('C1', 'a@x.com', { 'First name': '' }),
        client('C2', 'b@x.com', { 'First name': '  ' }),
        client('C3', 'c@x.com'),
        client('C4', 'd@x.com', { 'First name': 0 }),
      ],
      { template: { subject: '{{Company}}', body: '{{First name}} {{Last name|}}' } },
    );
    expect(report.emptyPlaceholders.count).toBe(4);
    expect(report.emptyPlaceholders.byPlaceholder).toEqual({ Company: 4, 'First name': 2 });
    expect(report.emptyPlaceholders.examples[0]).toEqual({ id: 'C1', placeholders: ['Company', 'First name'] });
    expect(report.blocking).toEqual([]);
  });

  it('skips missing and invalid emails, suggesting fixes', () => {
    const report = run([
      client('C1', ''),
      client('C2', 'anna@gmial.com'),
      client('C3', 'not an email'),
      client('C4', '=HYPERLINK("http://evil","x")'),
      client('C5', 42),
      { id: 'C6', values: { 'First name': 'No email column' } },
    ]);
    expect(report.sendable).toEqual([]);
    expect(report.missingEmails).toEqual({ count: 2, examples: [{ id: 'C1' }, { id: 'C6' }] });
    expect(report.invalidEmails.count).toBe(4);
    expect(report.invalidEmails.examples[0]).toEqual({ id: 'C2', email: 'anna@gmial.com', suggestion: 'anna@gmail.com' });
    expect(report.skipped.map((s) => s.reason)).toEqual(['missing_email', 'invalid_email', 'invalid_email', 'invalid_email', 'invalid_email', 'missing_email']);
  });

  it('never mails opted-out clients, however the opt-out was typed', () => {
    const report = run([
      client('C1', 'a@x.com', { 'Opt-out': true }),
      client('C2', 'b@x.com', { 'Opt-out': 'да' }),
      client('C3', 'c@x.com', { 'Opt-out': 'unsubscribed 12.03' }),
      client('C4', 'd@x.com', { 'Opt-out': 'no' }),
      client('C5', 'e@x.com', { 'Opt-out': '' }),
      client('C6', '', { 'Opt-out': 'TRUE' }),
    ]);
    expect(report.sendable).toEqual(['C4', 'C5']);
    expect(report.optedOut.count).toBe(4);
    expect(report.skipped.every((s) => s.reason === 'opted_out')).toBe(true);
  });

  it('does not mail a mailbox an opted-out client uses, nor a likely duplicate of one', () => {
    const report = run([client('C1', 'a.b@gmail.com', { 'Opt-out': true }), client('C2', 'ab@gmail.com'), client('C3', 'other@x.com')], {
      duplicatesOf: (id) => (id === 'C3' ? ['C1'] : []),
    });
    expect(report.sendable).toEqual([]);
    expect(report.skipped.map((s) => [s.id, s.reason])).toEqual([
      ['C1', 'opted_out'],
      ['C2', 'opted_out'],
      ['C3', 'opted_out'],
    ]);
  });

  it('sends once to a mailbox listed twice (Gmail dots and +tags are the same mailbox)', () => {
    const report = run([client('C1', 'Anna.Petrova@gmail.com'), client('C2', 'annapetrova+shop@gmail.com'), client('C3', 'x@y.com')]);
    expect(report.sendable).toEqual(['C1', 'C3']);
    expect(report.duplicateEmails).toEqual({
      count: 1,
      examples: [{ id: 'C2', email: 'annapetrova+shop@gmail.com', sameAs: 'C1' }],
    });
    expect(report.skipped).toEqual([{ id: 'C2', reason: 'duplicate_email', email: 'annapetrova+shop@gmail.com', sameAs: 'C1' }]);
  });

  it('skips a likely duplicate of a client already in the mailing, keeping the first', () => {
    const dupes: Record<string, string[]> = { C1: ['C3'], C3: ['C1'], C4: ['C9'] };
    const report = run([client('C1', 'a@x.com'), client('C2', 'b@x.com'), client('C3', 'c@x.com'), client('C4', 'd@x.com')], {
      duplicatesOf: (id) => dupes[id] ?? [],
    });
    expect(report.sendable).toEqual(['C1', 'C2', 'C4']);
    expect(report.duplicateClients).toEqual({ count: 1, examples: [{ id: 'C3', sameAs: 'C1' }] });
  });

  it('skips clients already sent, and their mailbox and duplicates', () => {
    const report = run([client('C1', 'a@x.com'), client('C2', 'b@x.com'), client('C3', 'A@x.com'), client('C4', 'd@x.com')], {
      alreadySent: new Set(['C1', 'C7']),
      duplicatesOf: (id) => (id === 'C4' ? ['C7'] : []),
    });
    expect(report.sendable).toEqual(['C2']);
    expect(report.skipped.map((s) => [s.id, s.reason])).toEqual([
      ['C1', 'already_sent'],
      ['C3', 'duplicate_email'],
      ['C4', 'duplicate_client'],
    ]);
  });

  it('gives every recipient exactly one fate and keeps at most 5 examples', () => {
    const recipients = Array.from({ length: 40 }, (_, i) => client(`C${i}`, i % 4 === 0 ? 'bad' : `p${i % 10}@x.com`, { 'Opt-out': i % 7 === 0 }));
    const report = run(recipients);
    const fates = [...report.sendable, ...report.skipped.map((s) => s.id)].sort();
    expect(fates).toEqual(recipients.map((r) => r.id).sort());
    for (const finding of [report.invalidEmails, report.duplicateEmails, report.optedOut]) {
      expect(finding.examples.length).toBe(Math.min(5, finding.count));
    }
  });

  it('counts a repeated ID once and ignores malformed recipients', () => {
    const report = run([client('C1', 'a@x.com'), client('C1', 'a@x.com'), { id: '', values: {} }, null as never, { id: 'C2', values: null as never }]);
    expect(report.total).toBe(2);
    expect(report.sendable).toEqual(['C1']);
    expect(report.skipped).toEqual([{ id: 'C2', reason: 'missing_email' }]);
  });

  it('treats hostile values as data', () => {
    const report = run([
      client('C1', 'a@x.com', { 'First name': '<img src=x onerror=alert(1)>' }),
      client('C2', 'b@x.com', { 'First name': '=HYPERLINK("x")' }),
      client('C3', 'c@x.com', { 'First name': 'Саша 😀 Smith' }),
    ]);
    expect(report.sendable).toEqual(['C1', 'C2', 'C3']);
    expect(report.emptyPlaceholders.count).toBe(0);
  });

  it('handles 1,500 recipients with a 50,000-character template', () => {
    const recipients = Array.from({ length: 1500 }, (_, i) => client(`C${i}`, `c${i}@x.com`));
    const body = `{{First name}} ${'x'.repeat(49_000)}`;
    const report = run(recipients, { template: { subject: 's', body } });
    expect(report.sendable).toHaveLength(1500);
  });
});

describe('isOptedOut', () => {
  it.each([[true], ['TRUE'], ['yes'], ['Да'], ['x'], [1], ['stop'], ['unsubscribed 12.03']])('%j opts out', (v) => expect(isOptedOut(v)).toBe(true));
  it.each([[false], ['FALSE'], ['no'], ['нет'], [0], [''], [null], [undefined], ['  ']])('%j does not', (v) => expect(isOptedOut(v)).toBe(false));
});
