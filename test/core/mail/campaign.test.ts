import { describe, expect, it } from 'vitest';
import {
  alreadySent,
  applyUpdates,
  claimInProgress,
  CLAIM_STALE_AFTER_MS,
  describeSummary,
  MAILING_HEADERS,
  markClaimed,
  markFailed,
  markReleased,
  markSent,
  nextBatch,
  noteAttempt,
  noteResult,
  parseJournal,
  parseStatus,
  queueRows,
  recover,
  requeue,
  rowsFromValues,
  rowToValues,
  startJournal,
  summarize,
  updateSpan,
  type MailingRow,
} from '../../../src/core/mail/campaign';

const T0 = new Date(Date.UTC(2025, 2, 14, 9, 0));
const later = (ms: number) => new Date(T0.getTime() + ms);
const CAMPAIGN = 'Spring sale';

function row(clientId: string, status: string, extra: Partial<MailingRow> = {}): MailingRow {
  return { campaign: CAMPAIGN, clientId, email: `${clientId.toLowerCase()}@x.com`, status, time: T0, detail: '', ...extra };
}

describe('rows and statuses', () => {
  it('uses the Mailings headers of the schema', () => {
    expect(MAILING_HEADERS).toEqual(['Campaign', 'Client ID', 'Email', 'Status', 'Time', 'Detail']);
  });

  it('reads rows leniently and writes them back in header order', () => {
    const rows = rowsFromValues([['Spring sale', 'C1', 'a@x.com', 'queued', T0, ''], ['Spring sale', 42, '', 'sent'], 'junk' as never]);
    expect(rows[0]).toEqual(row('C1', 'queued', { email: 'a@x.com' }));
    expect(rows[1]).toEqual({ campaign: CAMPAIGN, clientId: '42', email: '', status: 'sent', time: '', detail: '' });
    expect(rows[2].clientId).toBe('');
    expect(rowToValues(rows[0], 'en')).toEqual(['Spring sale', 'C1', 'a@x.com', 'Queued', T0, '']);
  });

  it.each([
    ['queued', { kind: 'queued' }],
    [' Sent ', { kind: 'sent' }],
    ['SENDING', { kind: 'sending' }],
    ['skipped: opted_out', { kind: 'skipped', reason: 'opted_out' }],
    ['failed: Invalid email: x', { kind: 'failed', error: 'Invalid email: x' }],
    ['failed', { kind: 'failed', error: 'unspecified' }],
    ['', { kind: 'other', text: '' }],
    ['done?', { kind: 'other', text: 'done?' }],
    ['=HYPERLINK("x")', { kind: 'other', text: '=HYPERLINK("x")' }],
  ] as const)('parses %j', (text, state) => expect(parseStatus(text)).toEqual(state));
});

describe('queueRows', () => {
  it('queues sendable clients then records skipped ones', () => {
    const rows = queueRows(CAMPAIGN, [{ id: 'C1', email: 'a@x.com' }, 'C2'], [{ id: 'C3', reason: 'duplicate_email', sameAs: 'C1' }], T0);
    expect(rows).toEqual([
      row('C1', 'queued', { email: 'a@x.com' }),
      row('C2', 'queued', { email: '' }),
      row('C3', 'skipped: duplicate_email', { email: '', detail: 'same as C1' }),
    ]);
  });

  it('appends nothing when the same mailing is queued again', () => {
    const first = queueRows(CAMPAIGN, ['C1', 'C2'], [{ id: 'C3', reason: 'opted_out' }], T0);
    const existing = applyUpdates(first, [{ index: 0, status: 'sent', time: T0, detail: '' }]);
    expect(queueRows(CAMPAIGN, ['C1', 'C2'], [{ id: 'C3', reason: 'opted_out' }], later(1), existing)).toEqual([]);
  });

  it('re-queues a client whose only row is a skip, and records a changed skip reason', () => {
    const existing = [row('C1', 'skipped: invalid_email'), row('C2', 'skipped: invalid_email')];
    const rows = queueRows(CAMPAIGN, ['C1'], [{ id: 'C2', reason: 'opted_out' }], later(1), existing);
    expect(rows.map((r) => [r.clientId, r.status])).toEqual([
      ['C1', 'queued'],
      ['C2', 'skipped: opted_out'],
    ]);
  });

  it('keeps campaigns apart and ignores blank or repeated IDs', () => {
    const other = [{ ...row('C1', 'sent'), campaign: 'Autumn' }];
    expect(queueRows(CAMPAIGN, ['C1', 'C1', '', { id: '' }], [], T0, other).map((r) => r.clientId)).toEqual(['C1']);
  });

  it('stores formula-looking and markup IDs as given (the sheet adapter writes them as text)', () => {
    const rows = queueRows('=1+1', [{ id: '<img src=x onerror=alert(1)>', email: 'a@x.com' }], [], T0);
    expect(rows[0]).toMatchObject({ campaign: '=1+1', clientId: '<img src=x onerror=alert(1)>' });
  });
});

describe('nextBatch and markClaimed', () => {
  it('takes queued rows of the campaign in order, up to the limit', () => {
    const rows = [row('C1', 'sent'), row('C2', 'queued'), { ...row('C9', 'queued'), campaign: 'Other' }, row('C3', 'queued'), row('C4', 'queued')];
    expect(nextBatch(rows, CAMPAIGN, 2)).toEqual([1, 3]);
    expect(nextBatch(rows, CAMPAIGN, 0)).toEqual([]);
    expect(nextBatch(rows, CAMPAIGN, Number.NaN)).toEqual([]);
  });

  it('waits while an earlier claim is unsettled, and goes on once it is marked unknown', () => {
    const rows = [row('C1', 'sending', { detail: 'claim k #1' }), row('C2', 'queued'), { ...row('C3', 'queued'), campaign: 'Other' }];
    expect(claimInProgress(rows, CAMPAIGN)).toBe(true);
    expect(nextBatch(rows, CAMPAIGN, 10)).toEqual([]);
    expect(nextBatch(rows, 'Other', 10)).toEqual([2]);
    const settled = [row('C1', 'sending', { detail: 'unknown: check the outbox (claim k #1 was interrupted)' }), row('C2', 'queued')];
    expect(claimInProgress(settled, CAMPAIGN)).toBe(false);
    expect(nextBatch(settled, CAMPAIGN, 10)).toEqual([1]);
  });

  it('only looks at a client’s newest row', () => {
    const rows = [row('C1', 'queued'), row('C1', 'skipped: opted_out')];
    expect(nextBatch(rows, CAMPAIGN, 10)).toEqual([]);
  });

  it('never claims blank, failed, sending or hand-typed rows', () => {
    const rows = [row('C1', ''), row('C2', 'failed: x'), row('C3', 'sending'), row('C4', 'send please')];
    expect(nextBatch(rows, CAMPAIGN, 10)).toEqual([]);
  });

  it('claims rows as sending with the claim and order in Detail', () => {
    const rows = [row('C1', 'queued'), row('C2', 'queued')];
    expect(markClaimed(rows, CAMPAIGN, [0, 1], later(5), 'k 1')).toEqual([
      { index: 0, status: 'sending', time: later(5), detail: 'claim k-1 #1' },
      { index: 1, status: 'sending', time: later(5), detail: 'claim k-1 #2' },
    ]);
  });

  it('claims a row listed twice once, and ignores rows that are gone or not queued', () => {
    const rows = [row('C1', 'queued'), row('C2', 'sent')];
    expect(markClaimed(rows, CAMPAIGN, [0, 0, 1, 7, -1], T0, 'k').map((u) => [u.index, u.status])).toEqual([[0, 'sending']]);
  });

  it('skips instead of claiming a client or mailbox already sent in the campaign', () => {
    const rows = [
      row('C1', 'sent', { email: 'Anna.P@gmail.com' }),
      row('C2', 'queued', { email: 'annap@gmail.com' }),
      row('C1', 'queued'),
      row('C3', 'queued', { email: 'same@x.com' }),
      row('C4', 'queued', { email: 'SAME@x.com' }),
      row('C5', 'queued', { email: '' }),
      row('C6', 'sent'),
    ];
    const updates = markClaimed(rows, CAMPAIGN, [1, 2, 3, 4, 5, 6], T0, 'k');
    expect(updates.map((u) => [u.index, u.status])).toEqual([
      [1, 'skipped: duplicate_email'],
      [2, 'skipped: already_sent'],
      [3, 'sending'],
      [4, 'skipped: duplicate_email'],
      [5, 'skipped: missing_email'],
    ]);
  });
});

describe('recording results', () => {
  const claimed = [row('C1', 'sending'), row('C2', 'sending'), row('C3', 'queued'), row('C4', 'sending')];

  it('marks sent, failed and released rows found by client ID', () => {
    const updates = [
      ...markSent(claimed, CAMPAIGN, ['C1', 'C3', 'C404'], later(1)),
      ...markFailed(claimed, CAMPAIGN, [{ clientId: 'C2', error: 'Invalid email:\n  bad@' + 'x'.repeat(50_001) }], later(1)),
      ...markReleased(claimed, CAMPAIGN, ['C4'], later(1)),
    ];
    expect(updates.map((u) => [u.index, u.status.slice(0, 30)])).toEqual([
      [0, 'sent'],
      [1, 'failed: Invalid email: bad@xxx'],
      [3, 'queued'],
    ]);
    expect(updates[1].status.length).toBeLessThanOrEqual('failed: '.length + 100);
  });

  it('finds rows by client even after the sheet was sorted', () => {
    const sorted = [claimed[3], claimed[1], claimed[0]];
    expect(markSent(sorted, CAMPAIGN, ['C1'], T0)).toEqual([{ index: 2, status: 'sent', time: T0, detail: '' }]);
  });

  it('lets a person re-queue failed and unknown rows, nothing else', () => {
    const rows = [row('C1', 'failed: x'), row('C2', 'sending'), row('C3', 'sent'), row('C4', 'skipped: opted_out')];
    expect(requeue(rows, CAMPAIGN, ['C1', 'C2', 'C3', 'C4', 'C5'], T0).map((u) => [u.index, u.status])).toEqual([
      [0, 'queued'],
      [1, 'queued'],
    ]);
  });
});

describe('recover', () => {
  const stale = later(CLAIM_STALE_AFTER_MS + 1);
  const rows = [
    row('C1', 'sending', { detail: 'claim k1 #1' }),
    row('C2', 'sending', { detail: 'claim k1 #2' }),
    row('C3', 'sending', { detail: 'claim k1 #3' }),
    row('C4', 'sending', { detail: 'claim k1 #4' }),
  ];

  it('leaves a fresh claim alone: it may belong to a live execution', () => {
    expect(recover(rows, CAMPAIGN, later(60_000), undefined)).toEqual([]);
  });

  it('without a journal marks every stale claimed row unknown, never queued', () => {
    const updates = recover(rows, CAMPAIGN, stale, undefined);
    expect(updates.map((u) => u.status)).toEqual(['sending', 'sending', 'sending', 'sending']);
    expect(updates[0].detail).toBe('unknown: check the outbox (claim k1 #1 was interrupted)');
    expect(recover(applyUpdates(rows, updates), CAMPAIGN, later(CLAIM_STALE_AFTER_MS * 3))).toEqual([]);
  });

  it('with the journal records results, re-queues the never attempted, and flags the one in flight', () => {
    let journal = startJournal(CAMPAIGN, 'k1');
    journal = noteResult(noteAttempt(journal, 'C1'), 'C1', { ok: true }, later(1000));
    journal = noteResult(noteAttempt(journal, 'C2'), 'C2', { ok: false, error: 'Invalid email' }, later(2000));
    journal = noteAttempt(journal, 'C3');
    const updates = recover(rows, CAMPAIGN, stale, parseJournal(JSON.stringify(journal)));
    expect(updates.map((u) => [u.index, u.status, u.time])).toEqual([
      [0, 'sent', later(1000)],
      [1, 'failed: Invalid email', later(2000)],
      [2, 'sending', stale],
      [3, 'queued', stale],
    ]);
    expect(updates[2].detail).toMatch(/^unknown: check the outbox/);
  });

  it('ignores a journal of another claim or campaign', () => {
    const otherClaim = noteAttempt(startJournal(CAMPAIGN, 'k2'), 'C9');
    const otherCampaign = startJournal('Autumn', 'k1');
    for (const journal of [otherClaim, otherCampaign]) {
      expect(recover(rows, CAMPAIGN, stale, journal).every((u) => u.status === 'sending')).toBe(true);
    }
  });

  it.each(['', 'not json', '{"campaign":1}', '[]', 'null', '{"campaign":"x","claimId":"k","results":[{"clientId":1}]}'])(
    'reads the damaged journal %j as no journal or an empty one',
    (text) => {
      const journal = parseJournal(text);
      expect(journal === undefined || journal.results.length === 0).toBe(true);
    },
  );
});

describe('updateSpan', () => {
  it('writes all updates as one block, keeping rows in between', () => {
    const rows = [row('C1', 'queued'), row('C2', 'sent', { detail: 'kept' }), row('C3', 'queued'), row('C4', 'queued')];
    const span = updateSpan(
      rows,
      [
        { index: 2, status: 'sending', time: later(1), detail: 'claim k #2' },
        { index: 0, status: 'sending', time: later(1), detail: 'claim k #1' },
      ],
      'ru',
    );
    expect(span).toEqual({
      firstIndex: 0,
      values: [
        ['Отправляется', later(1), 'claim k #1'],
        ['Отправлено', T0, 'kept'],
        ['Отправляется', later(1), 'claim k #2'],
      ],
    });
    expect(updateSpan(rows, [], 'en')).toBeUndefined();
    expect(updateSpan(rows, [{ index: 99, status: 'x', time: T0, detail: '' }], 'en')).toBeUndefined();
  });
});

describe('summarize and describeSummary', () => {
  it('counts each client by its newest row', () => {
    const rows = [
      row('C1', 'sent'),
      row('C2', 'skipped: invalid_email'),
      row('C2', 'queued'),
      row('C3', 'skipped: opted_out'),
      row('C4', 'skipped: opted_out'),
      row('C5', 'failed: quota'),
      row('C6', 'sending'),
      row('C7', 'hmm'),
      { ...row('C8', 'sent'), campaign: 'Other' },
    ];
    const summary = summarize(rows, CAMPAIGN);
    expect(summary).toEqual({
      total: 7,
      sent: 1,
      skipped: { opted_out: 2 },
      skippedTotal: 2,
      failed: 1,
      remaining: 1,
      unknown: 1,
      other: 1,
    });
    expect(describeSummary(summary, 'en')).toBe('Sent 1, skipped 2 (opted out 2), failed 1, remaining 1, unknown 1 (check the outbox).');
    expect(describeSummary(summary, 'ru')).toBe('Отправлено 1, пропущено 2 (отписались 2), ошибок 1, осталось 1, неизвестно 1 (проверьте «Отправленные»).');
  });

  it('words the summary in Ukrainian and Romanian too, with the skip reasons', () => {
    const summary = summarize([row('C1', 'sent'), row('C2', 'skipped: missing_email'), row('C3', 'queued')], CAMPAIGN);
    expect(describeSummary(summary, 'uk')).toBe('Надіслано 1, пропущено 1 (немає адреси 1), помилок 0, залишилося 1.');
    expect(describeSummary(summary, 'ro')).toBe('Trimise 1, omise 1 (fără adresă 1), eșuate 0, rămase 1.');
  });

  it('lists clients sent or being sent as already sent', () => {
    const rows = [row('C1', 'sent'), row('C2', 'sending'), row('C3', 'queued'), row('C4', 'failed: x')];
    expect([...alreadySent(rows, CAMPAIGN)]).toEqual(['C1', 'C2']);
  });
});
