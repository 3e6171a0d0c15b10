/**
 * Kill-and-resume: a simulated server runs a 20-recipient mailing the way
 * campaign.ts describes (queue, recover, claim, journal, send, record), over a
 * persisted sheet, a persisted journal and a fake sender's outbox. It is
 * killed after its k-th state-changing step, for every k, then resumed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emailKey } from '../../../src/core/normalize/email';
import {
  alreadySent,
  CLAIM_STALE_AFTER_MS,
  markClaimed,
  markFailed,
  markSent,
  nextBatch,
  noteAttempt,
  noteResult,
  parseJournal,
  parseStatus,
  queueRows,
  recover,
  rowsFromValues,
  rowToValues,
  startJournal,
  summarize,
  updateSpan,
  type MailingCell,
  type MailingRow,
  type MailingUpdate,
  type SendJournal,
} from '../../../src/core/mail/campaign';
import { preflight, type PreflightRecipient } from '../../../src/core/mail/preflight';

const CAMPAIGN = 'Spring sale';
const FIELDS = ['ID', 'First name', 'Email', 'Opt-out'];
const TEMPLATE = { subject: 'Hi {{First name|there}}', body: 'Spring news.' };

/** 20 clients: 5 that must be skipped and 2 whose mail bounces. */
const RECIPIENTS: PreflightRecipient[] = Array.from({ length: 20 }, (_, i) => {
  const id = `C${String(i + 1).padStart(2, '0')}`;
  const special: Record<string, Record<string, unknown>> = {
    C05: { 'Opt-out': true },
    C09: { Email: 'nope' },
    C12: { Email: '' },
    C14: { Email: 'c.0.3@gmail.com' }, // the same Gmail mailbox as C03
    C07: { Email: 'bounce07@x.com' },
    C19: { Email: 'bounce19@x.com' },
  };
  return {
    id,
    values: { ID: id, 'First name': `Name ${id}`, Email: id === 'C03' ? 'c03@gmail.com' : `${id.toLowerCase()}@x.com`, 'Opt-out': false, ...special[id] },
  };
});
const DUPLICATES: Record<string, string[]> = { C17: ['C02'], C02: ['C17'] };
const EXPECTED_SKIPS: Record<string, string> = {
  C05: 'skipped: opted_out',
  C09: 'skipped: invalid_email',
  C12: 'skipped: missing_email',
  C14: 'skipped: duplicate_email',
  C17: 'skipped: duplicate_client',
};
const LANGS = ['en', 'ru', 'uk', 'ro'] as const;
const BOUNCES = new Set(['C07', 'C19']);
const SHOULD_ARRIVE = RECIPIENTS.map((r) => r.id).filter((id) => !EXPECTED_SKIPS[id] && !BOUNCES.has(id));

interface World {
  sheet: MailingCell[][];
  journal: string | null;
  outbox: { clientId: string; to: string }[];
  clock: number;
  /** Executions so far: each writes Status in the next of the four languages, so a resume reads another's words. */
  runs: number;
}

class Killed extends Error {}

interface Execution {
  steps: number;
  killed: boolean;
  /** Journal mode: the client whose attempt was persisted and result was not, at the kill. */
  inFlight?: string;
  /** Clients whose rows were persisted as `sending` at the kill. */
  sendingAtKill: string[];
  sheetWrites: number;
  sheetReads: number;
}

function newWorld(): World {
  return { sheet: [], journal: null, outbox: [], clock: Date.UTC(2025, 2, 14, 9), runs: 0 };
}

/** One execution of the server's mailing job; throws nothing, reports where it was killed. */
function execute(world: World, options: { killAfter?: number; batchSize: number; journal: boolean }): Execution {
  const run: Execution = { steps: 0, killed: false, sendingAtKill: [], sheetWrites: 0, sheetReads: 0 };
  let inFlight: string | undefined;
  const lang = LANGS[world.runs++ % LANGS.length];
  const now = () => new Date((world.clock += 1000));
  const step = (change: () => void) => {
    change();
    run.steps++;
    if (run.steps === options.killAfter) throw new Killed();
  };
  const read = (): MailingRow[] => {
    run.sheetReads++;
    return rowsFromValues(world.sheet);
  };
  const write = (rows: MailingRow[], updates: MailingUpdate[]) => {
    const span = updateSpan(rows, updates, lang);
    if (!span) return;
    step(() => {
      run.sheetWrites++;
      span.values.forEach((cells, i) => world.sheet[span.firstIndex + i].splice(3, 3, ...cells));
    });
  };
  try {
    let rows = read();
    const report = preflight({
      template: TEMPLATE,
      recipients: RECIPIENTS,
      fieldNames: FIELDS,
      alreadySent: alreadySent(rows, CAMPAIGN),
      duplicatesOf: (id) => DUPLICATES[id] ?? [],
      emailField: 'Email',
      optOutField: 'Opt-out',
    });
    expect(report.blocking).toEqual([]);
    const append = queueRows(
      CAMPAIGN,
      report.sendable.map((id) => ({ id, email: report.emails[id] })),
      report.skipped,
      now(),
      rows,
    );
    if (append.length > 0) {
      step(() => {
        run.sheetWrites++;
        world.sheet.push(...append.map((r) => rowToValues(r, lang)));
      });
      rows = read();
    }
    const recovered = recover(rows, CAMPAIGN, now(), options.journal ? parseJournal(world.journal) : undefined);
    write(rows, recovered);

    for (;;) {
      rows = read();
      const batch = nextBatch(rows, CAMPAIGN, options.batchSize);
      if (batch.length === 0) break;
      const claimId = `k${world.clock}`;
      let journal: SendJournal = startJournal(CAMPAIGN, claimId);
      if (options.journal) step(() => (world.journal = JSON.stringify(journal)));
      const claims = markClaimed(rows, CAMPAIGN, batch, now(), claimId);
      write(rows, claims);
      const claimed = claims.filter((u) => u.status === 'sending').map((u) => rows[u.index]);
      const sent: string[] = [];
      const failed: { clientId: string; error: string }[] = [];
      for (const target of claimed) {
        if (options.journal) {
          journal = noteAttempt(journal, target.clientId);
          step(() => {
            world.journal = JSON.stringify(journal);
            inFlight = target.clientId;
          });
        }
        let error: string | undefined;
        step(() => {
          if (BOUNCES.has(target.clientId)) error = `Invalid email: ${target.email}`;
          else world.outbox.push({ clientId: target.clientId, to: target.email });
        });
        if (error === undefined) sent.push(target.clientId);
        else failed.push({ clientId: target.clientId, error });
        if (options.journal) {
          journal = noteResult(journal, target.clientId, error === undefined ? { ok: true } : { ok: false, error }, now());
          step(() => {
            world.journal = JSON.stringify(journal);
            inFlight = undefined;
          });
        }
      }
      const time = now();
      rows = read();
      write(rows, [...markSent(rows, CAMPAIGN, sent, time), ...markFailed(rows, CAMPAIGN, failed, time)]);
    }
  } catch (error) {
    if (!(error instanceof Killed)) throw error;
    run.killed = true;
    run.inFlight = inFlight;
    run.sendingAtKill = rowsFromValues(world.sheet)
      .filter((r) => r.campaign === CAMPAIGN && parseStatus(r.status).kind === 'sending')
      .map((r) => r.clientId);
  }
  return run;
}

function finalStates(world: World): Map<string, string> {
  const states = new Map<string, string>();
  for (const r of rowsFromValues(world.sheet)) if (r.campaign === CAMPAIGN) states.set(r.clientId, r.status);
  return states;
}

/** What must hold after any sequence of kills and a final resume. `unknownAllowed`: clients that may be left unknown. */
function checkOutcome(world: World, unknownAllowed: Set<string>) {
  const sentTo = world.outbox.map((m) => m.clientId);
  expect(new Set(sentTo).size, 'nobody is sent twice').toBe(sentTo.length);
  const mailboxes = world.outbox.map((m) => emailKey(m.to));
  expect(new Set(mailboxes).size, 'no mailbox gets two').toBe(mailboxes.length);

  const states = finalStates(world);
  expect([...states.keys()].sort(), 'nobody is forgotten').toEqual(RECIPIENTS.map((r) => r.id).sort());
  const unknown: string[] = [];
  for (const [id, status] of states) {
    const kind = parseStatus(status).kind;
    if (EXPECTED_SKIPS[id]) {
      expect(status, id).toBe(EXPECTED_SKIPS[id]);
      expect(sentTo).not.toContain(id);
    } else if (kind === 'sending') {
      unknown.push(id);
    } else if (BOUNCES.has(id)) {
      expect(status, id).toMatch(/^failed: Invalid email/);
    } else {
      expect(status, id).toBe('sent');
      expect(sentTo, id).toContain(id);
    }
  }
  for (const id of sentTo) expect(['sent', 'sending'], id).toContain(parseStatus(states.get(id)).kind);
  for (const id of unknown) expect(unknownAllowed, `${id} left unknown`).toContain(id);
  // Every mail that should arrive did, except possibly an unknown one.
  for (const id of SHOULD_ARRIVE) if (!unknown.includes(id)) expect(sentTo).toContain(id);
  expect(summarize(rowsFromValues(world.sheet), CAMPAIGN).remaining).toBe(0);
  return { unknown };
}

const resumeLater = (world: World) => (world.clock += CLAIM_STALE_AFTER_MS + 60_000);

describe('kill after every step, then resume', () => {
  for (const journal of [true, false]) {
    for (const batchSize of [1, 4, 20]) {
      it(`${journal ? 'with' : 'without'} a journal, batches of ${batchSize}`, () => {
        const clean = newWorld();
        const total = execute(clean, { batchSize, journal }).steps;
        checkOutcome(clean, new Set());
        expect(clean.outbox.map((m) => m.clientId).sort()).toEqual(SHOULD_ARRIVE);

        for (let k = 1; k <= total; k++) {
          const world = newWorld();
          const killed = execute(world, { killAfter: k, batchSize, journal });
          expect(killed.killed).toBe(true);
          resumeLater(world);
          const resumed = execute(world, { batchSize, journal });
          expect(resumed.killed).toBe(false);

          // Journal: only the send in flight is unknown. Without: the rows claimed at the kill, one batch at most.
          const allowed = new Set(journal ? (killed.inFlight ? [killed.inFlight] : []) : killed.sendingAtKill);
          const { unknown } = withContext(`k=${k}`, () => checkOutcome(world, allowed));
          if (journal) expect(unknown, `k=${k}`).toEqual([...allowed]);
          else expect(unknown.sort(), `k=${k}`).toEqual([...allowed].sort());
          expect(unknown.length).toBeLessThanOrEqual(journal ? 1 : batchSize);

          // A further run changes nothing and sends nothing.
          const outboxBefore = world.outbox.length;
          resumeLater(world);
          expect(execute(world, { batchSize, journal }).steps).toBe(0);
          expect(world.outbox.length).toBe(outboxBefore);
        }
      });
    }
  }

  it('a resume during a live claim leaves it alone; a later one settles it', () => {
    const world = newWorld();
    const killed = execute(world, { killAfter: 8, batchSize: 4, journal: true });
    expect(killed.sendingAtKill.length).toBeGreaterThan(0);
    execute(world, { batchSize: 4, journal: true }); // seconds later: the claim may still be alive
    for (const id of killed.sendingAtKill) expect(finalStates(world).get(id)).toBe('sending');
    resumeLater(world);
    execute(world, { batchSize: 4, journal: true });
    checkOutcome(world, new Set(killed.inFlight ? [killed.inFlight] : []));
  });
});

describe('random kills, resumes and batch sizes', () => {
  it('never sends twice and never forgets anyone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ killAfter: fc.integer({ min: 1, max: 100 }), wait: fc.boolean() }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (kills, batchSize, journal) => {
          const world = newWorld();
          const allowed = new Set<string>();
          for (const { killAfter, wait } of kills) {
            const run = execute(world, { killAfter, batchSize, journal });
            if (run.killed) for (const id of journal ? (run.inFlight ? [run.inFlight] : []) : run.sendingAtKill) allowed.add(id);
            if (wait) resumeLater(world);
            else world.clock += 5_000;
          }
          resumeLater(world);
          execute(world, { batchSize, journal });
          checkOutcome(world, allowed);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('service calls', () => {
  it('uses a constant number of sheet calls per batch, whatever the batch size', () => {
    const calls = [1, 5, 20].map((batchSize) => {
      const world = newWorld();
      const run = execute(world, { batchSize, journal: true });
      return { batchSize, reads: run.sheetReads, writes: run.sheetWrites, batches: Math.ceil(15 / batchSize) };
    });
    for (const c of calls) {
      // queue: 1 read + 1 append + 1 read; each batch: 2 reads + claim + record; a final read finds no batch.
      expect(c.writes).toBe(1 + 2 * c.batches);
      expect(c.reads).toBe(2 + 2 * c.batches + 1);
    }
  });
});

function withContext<T>(context: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    (error as Error).message = `${context}: ${(error as Error).message}`;
    throw error;
  }
}
