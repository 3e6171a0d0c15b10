/**
 * Never twice, never lost: fault injection over the BUILT bundle (dist/Code.js
 * in a bare VM over the emulator; rebuild with `npx tsx scripts/build.ts`).
 * A 12-recipient campaign is broken at every point, resumed the way a person
 * (or the hourly trigger) would, and the outbox is compared with the list.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadBundle, type LoadedBundle } from '../../support/bundle';
import type { Emulator } from '../../../emulator';
import { ADMIN } from '../../support/emulated';
import { nameOf, seedClients, TEMPLATE } from './fixture';

const CAMPAIGN = 'Spring sale';
const N = 12;
/** C05 opted out: never mailed whatever happens. */
const PEOPLE = Array.from({ length: N + 1 }, (_, i) => ({ ...nameOf(i), email: `person${i + 1}@example.com`, optOut: i === 4 }));
const EXPECTED = PEOPLE.filter((p) => !p.optOut)
  .map((p) => p.email)
  .sort();

type Res<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
interface Status {
  summary: { sent: number; failed: number; remaining: number; unknown: number };
  failed: { email: string }[];
  unknown: { email: string }[];
  active: boolean;
}
interface Chunk {
  chunk: { stoppedBy: string; sent: number };
  status: Status;
}

/** The bundle logs each injected failure with its stack; the assertions say what matters. */
function quiet(b: LoadedBundle): LoadedBundle {
  b.context.console = { ...console, error: () => {}, warn: () => {} };
  return b;
}

function freshBundle(options: Parameters<typeof loadBundle>[0] = {}): LoadedBundle {
  const b = quiet(loadBundle({ user: ADMIN, ...options }));
  b.call('menuSetUp');
  const ids = seedClients(b.emu, PEOPLE);
  expect(ids).toHaveLength(N + 1);
  const saved = b.call<Res>('apiSaveTemplate', TEMPLATE);
  if (!saved.ok) throw new Error(saved.error.message);
  return b;
}

const ids = () => PEOPLE.map((_, i) => `C${String(i + 1).padStart(2, '0')}`);
const startInput = () => ({ campaign: CAMPAIGN, template: TEMPLATE.name, recipients: { kind: 'ids', ids: ids() } });

/** Moves the bundle's clock: `new Date()` and `Date.now()` inside the VM run `ms` ahead. */
function shiftClock(b: LoadedBundle, ms: number): void {
  vm.runInContext(
    `(function (offset) {
      var Real = Date;
      function Shifted() {
        var args = Array.prototype.slice.call(arguments);
        if (!(this instanceof Shifted)) return Real();
        return args.length === 0 ? new Real(Real.now() + offset) : new (Function.prototype.bind.apply(Real, [null].concat(args)))();
      }
      Shifted.prototype = Real.prototype;
      Shifted.now = function () { return Real.now() + offset; };
      Shifted.UTC = Real.UTC;
      Shifted.parse = Real.parse;
      globalThis.Date = Shifted;
    })`,
    b.context,
  )(ms);
}

/** What a person does after a failure: run the mailing again, then let it continue until nothing is left. */
function resume(b: LoadedBundle): Status {
  b.call<Res>('apiStartMailing', startInput());
  let status: Status | undefined;
  for (let i = 0; i < 10; i++) {
    const next = b.call<Res<Chunk>>('apiContinueMailing', CAMPAIGN);
    if (!next.ok) continue;
    status = next.value.status;
    if (!status.active) break;
  }
  if (!status) throw new Error('the mailing never answered');
  return status;
}

function sentTo(emu: Emulator): string[] {
  return emu.outbox.map((m) => m.to);
}

function expectNobodyTwice(emu: Emulator, context: string): void {
  const to = sentTo(emu);
  expect(new Set(to).size, `${context}: somebody got two`).toBe(to.length);
  expect(to, `${context}: an opted-out client was mailed`).not.toContain('person5@example.com');
}

describe('a clean run of the built bundle', () => {
  it('sends each of the 12 once and counts the calls the fault runs iterate over', () => {
    const b = freshBundle();
    const result = b.call<Res<Chunk>>('apiStartMailing', startInput());
    expect(result.ok).toBe(true);
    expect(sentTo(b.emu).sort()).toEqual(EXPECTED);
    expect(b.emu.calls.count('MailApp.sendEmail')).toBe(N);
  });
});

describe('MailApp.sendEmail fails on the k-th send', { timeout: 240_000 }, () => {
  for (let k = 1; k <= N; k++) {
    it(`k=${k}: that one is reported failed, the rest are sent once, a retry sends it`, () => {
      const b = freshBundle();
      b.emu.faults.failOn('MailApp.sendEmail', k);
      const first = b.call<Res<Chunk>>('apiStartMailing', startInput());
      expect(first.ok).toBe(true);
      if (first.ok) expect(first.value.chunk.stoppedBy).toBe('error');
      const status = resume(b);
      expectNobodyTwice(b.emu, `k=${k}`);
      const failed = status.failed.map((f) => f.email);
      expect(failed).toEqual([EXPECTED.find((e) => !sentTo(b.emu).includes(e))]);
      expect([...sentTo(b.emu), ...failed].sort()).toEqual(EXPECTED);
      expect(status.summary).toMatchObject({ sent: N - 1, failed: 1, remaining: 0, unknown: 0 });
      const retried = b.call<Res<Chunk>>('apiRetryMailing', CAMPAIGN);
      expect(retried.ok && retried.value.status.summary).toMatchObject({ sent: N, failed: 0, remaining: 0 });
      expect(sentTo(b.emu).sort()).toEqual(EXPECTED);
      expectNobodyTwice(b.emu, `k=${k} after retry`);
    });
  }
});

describe('Range.setValues fails on the k-th write', { timeout: 240_000 }, () => {
  const clean = freshBundle();
  clean.emu.calls.reset();
  clean.call('apiStartMailing', startInput());
  const writes = clean.emu.calls.count('Range.setValues');

  it('the campaign writes a handful of times', () => {
    expect(writes).toBeGreaterThanOrEqual(4);
    expect(writes).toBeLessThanOrEqual(8);
  });

  for (let k = 1; k <= writes; k++) {
    it(`k=${k}: after a re-run everyone is sent exactly once and logged once`, () => {
      const b = freshBundle();
      b.emu.faults.failOn('Range.setValues', k);
      b.call('apiStartMailing', startInput());
      const status = resume(b);
      expectNobodyTwice(b.emu, `k=${k}`);
      expect(sentTo(b.emu).sort()).toEqual(EXPECTED);
      expect(status.summary).toMatchObject({ sent: N, failed: 0, remaining: 0, unknown: 0 });
      const logged = b.emu
        .readSheet('Interactions')
        .slice(1)
        .map((r) => r[1]);
      expect(new Set(logged).size, 'interactions logged twice').toBe(logged.length);
      expect(logged).toHaveLength(N);
    });
  }

  it('two failures in a row while recording: the journal settles the batch on the next run, at once', () => {
    const b = freshBundle();
    // Writes: queue append, audit, claim, then the record write (fails), and its retry (fails).
    b.emu.faults.failOn('Range.setValues', 4);
    b.emu.faults.failOn('Range.setValues', 5);
    const first = b.call<Res>('apiStartMailing', startInput());
    expect(first.ok).toBe(false);
    expect(sentTo(b.emu).sort()).toEqual(EXPECTED);
    const status = resume(b);
    expectNobodyTwice(b.emu, 'double fault');
    expect(status.summary).toMatchObject({ sent: N, remaining: 0, unknown: 0 });
    const detail = b.emu
      .readSheet('Mailings')
      .slice(1)
      .map((r) => r[5]);
    expect(detail.filter((d) => d === 'recorded after an interruption')).toHaveLength(N);
    expect(b.emu.readSheet('Interactions').slice(1)).toHaveLength(N);
  });
});

describe('the execution is killed before its k-th state-changing call', { timeout: 240_000 }, () => {
  const STATE_CHANGING = new Set(['MailApp.sendEmail', 'Range.setValues', 'Properties.setProperty', 'Properties.deleteProperty']);
  const clean = freshBundle();
  let changes = 0;
  const stop = clean.emu.calls.onCall((key) => {
    if (STATE_CHANGING.has(key)) changes++;
  });
  clean.call('apiStartMailing', startInput());
  stop();

  it('a clean run has one state change per send and a few more', () => {
    expect(changes).toBeGreaterThan(2 * N);
  });

  for (let k = 1; k <= changes; k++) {
    it(`k=${k}: resumed 8 minutes later, nobody twice, nobody forgotten but at most the one in flight`, () => {
      const b = freshBundle();
      let seen = 0;
      let frozen: ReturnType<Emulator['serialize']> | undefined;
      b.emu.calls.onCall((key) => {
        if (frozen) throw new Error('killed');
        if (!STATE_CHANGING.has(key) || ++seen !== k) return;
        frozen = b.emu.serialize();
        throw new Error('killed');
      });
      b.call('apiStartMailing', startInput());
      expect(frozen, 'the kill point was reached').toBeDefined();
      const later = quiet(loadBundle({ user: ADMIN, state: frozen }));
      shiftClock(later, 8 * 60_000);
      const status = resume(later);
      expectNobodyTwice(later.emu, `k=${k}`);
      const unknown = status.unknown.map((u) => u.email);
      expect(unknown.length, `k=${k}: more than the one in flight is unknown`).toBeLessThanOrEqual(1);
      expect([...new Set([...sentTo(later.emu), ...unknown])].sort(), `k=${k}: somebody forgotten`).toEqual(EXPECTED);
      expect(status.summary.remaining).toBe(0);
    });
  }
});
