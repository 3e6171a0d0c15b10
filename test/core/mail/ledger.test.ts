import { describe, expect, it } from 'vitest';
import { indexLedger, ledgerFromValues, ledgerRow, newEntries, recipientKey, templateHash, type LedgerEntry } from '../../../src/core/mail/ledger';

const at = (iso: string) => new Date(iso);
const sent = (recipient: string, template: string, campaign: string, time = '2026-12-01T10:00:00Z'): LedgerEntry => ({
  time: at(time),
  kind: 'sent',
  recipient,
  template,
  clientId: 'C1',
  campaign,
  templateName: 'T',
});

describe('mail ledger', () => {
  it('names a mailbox as the duplicate finder does: case, Gmail dots and +tags do not matter', () => {
    expect(recipientKey(' Ann.Lee+promo@GMAIL.com ')).toBe('annlee@gmail.com');
    expect(recipientKey('ann.lee@example.com')).toBe('ann.lee@example.com');
    expect(recipientKey('')).toBe('');
    expect(recipientKey(undefined)).toBe('');
  });

  it('fingerprints the content: same text same hash (line endings, outer spaces aside), any change another', () => {
    const h = templateHash('Hello {{First name}}', 'Body\nline');
    expect(templateHash(' Hello {{First name}} ', 'Body\r\nline\n')).toBe(h);
    expect(templateHash('Hello {{First name}}!', 'Body\nline')).not.toBe(h);
    expect(templateHash('Hello {{First name}}', 'Body\nline.')).not.toBe(h);
    expect(templateHash('Hello', 'Body')).not.toBe(templateHash('HelloBody', ''));
    expect(templateHash('Ёлка 🎄 <script>', '=SUM(A1)')).toMatch(/^t[0-9a-z]+$/);
  });

  it('answers "already received" by mailbox and content, earliest day first, or within one mailing', () => {
    const index = indexLedger([sent('a@x.com', 't1', 'Dec offer', '2026-12-02T10:00:00Z'), sent('a@x.com', 't1', 'Other', '2026-12-01T10:00:00Z')]);
    expect(index.received('a@x.com', 't1')?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(index.received('a@x.com', 't1', 'dec offer ')?.toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(index.received('a@x.com', 't2')).toBeUndefined();
    expect(index.received('b@x.com', 't1')).toBeUndefined();
    expect(index.received('a@x.com', 't1', 'Third')).toBeUndefined();
  });

  it('knows opt-outs by client or by mailbox', () => {
    const index = indexLedger([
      { time: at('2026-12-01T00:00:00Z'), kind: 'opt-out', recipient: 'a@x.com', template: '', clientId: 'C9', campaign: '', templateName: '' },
    ]);
    expect(index.optedOut('a@x.com', 'C1')).toBe(true);
    expect(index.optedOut('', 'C9')).toBe(true);
    expect(index.optedOut('b@x.com', 'C2')).toBe(false);
    expect(index.optedOut('', '')).toBe(false);
  });

  it('reads back what it writes and skips rows a person mangled', () => {
    const entry = sent('a@x.com', 't1', '=HYPERLINK("x")');
    const values = [ledgerRow(entry), ['', 'maybe', 'x', 'y'], [], ['2026-12-01', 'sent', ' A@X.COM ', 't1', 'C2', '<img src=x>', '']];
    const back = ledgerFromValues(values);
    expect(back).toHaveLength(2);
    expect(back[0]).toEqual(entry);
    expect(back[1]).toMatchObject({ recipient: 'a@x.com', campaign: '<img src=x>' });
    expect(ledgerFromValues(null as never)).toEqual([]);
  });

  it('adds nothing a repeated recovery already wrote', () => {
    const a = sent('a@x.com', 't1', 'M');
    expect(newEntries([a], [{ ...a, time: at('2026-12-03T00:00:00Z') }, sent('b@x.com', 't1', 'M')])).toHaveLength(1);
    expect(newEntries([], [a, a])).toHaveLength(1);
  });
});
