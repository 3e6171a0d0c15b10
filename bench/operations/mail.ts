/**
 * Mail merge at 1,500 recipients (the Workspace daily quota) out of a 10k or
 * 50k base: the pre-flight check alone, and a whole start (check, queue, send
 * every mail, record, log). Calls per recipient and sends per second in JS
 * are printed after each run; the table has the totals.
 */
import type { Benchmark, BenchContext } from '../harness';
import * as server from '../../src/server';

const RECIPIENTS = 1500;

function recipients(size: number): string[] {
  return Array.from({ length: Math.min(RECIPIENTS, size) }, (_, i) => `C-B${String(i).padStart(7, '0')}`);
}

/** The harness's emulator starts with a consumer quota of 100; the bench sends like a Workspace account. */
function workspaceQuota({ emu }: BenchContext): void {
  (emu.globals.MailApp as unknown as { state: { remaining: number } }).state.remaining = RECIPIENTS;
}

const input = (size: number) => ({ campaign: 'Bench mailing', template: 'Welcome', recipients: { kind: 'ids' as const, ids: recipients(size) } });

export const benchmarks: Benchmark[] = [
  {
    name: 'mail: pre-flight 1,500 recipients',
    sizes: [10_000, 50_000],
    prepare: workspaceQuota,
    run: ({ size }) => {
      const result = server.apiMailPreflight(input(size));
      if (!result.ok) throw new Error(result.error.message);
    },
  },
  {
    name: 'mail: a day of 1,500 recipients (sidebar start, then hourly triggers)',
    op: 'mail.sendDay',
    prepare: workspaceQuota,
    run: (ctx) => {
      const { emu, size } = ctx;
      // The mailing stops each execution by its own clock (Date.now); on Google that clock moves with the service calls,
      // so here it is the emulated one: the cost model's time of the calls made so far. JS time is not added.
      const realNow = Date.now;
      const t0 = realNow();
      Date.now = () => t0 + Math.round(emu.cost.modelledMs());
      try {
        const wanted = recipients(size).length;
        emu.cost.roundTrip();
        const result = server.apiStartMailing(input(size));
        if (!result.ok) throw new Error(result.error.message);
        let executions = 1;
        const progress = () =>
          process.stderr.write(`  execution ${executions}: ${emu.outbox.length}/${wanted} sent (${result.value.skipped} skipped at queueing)\n`);
        progress();
        // Then the hourly trigger, as its creator, until nothing is left (a guard stops a mailing that makes no progress).
        while (emu.outbox.length + result.value.skipped < wanted && executions < 48) {
          const before = emu.outbox.length;
          emu.advanceTime(3_600_000);
          emu.runAs({ kind: 'timeDriven', owner: 'bench@example.com' }, () => server.mailingTick());
          executions++;
          progress();
          if (emu.outbox.length === before) break;
        }
        ctx.executions = executions;
        const sent = emu.outbox.length;
        const calls = emu.calls.total();
        const perRecipient = (key: string) => (emu.calls.count(key) / Math.max(sent, 1)).toFixed(2);
        process.stderr.write(
          `  ${sent} sent in ${executions} executions; ${(calls / Math.max(sent, 1)).toFixed(2)} service calls per recipient ` +
            `(sendEmail ${perRecipient('MailApp.sendEmail')}, setProperty ${perRecipient('Properties.setProperty')}, ` +
            `getValues ${perRecipient('Range.getValues')}, setValues ${perRecipient('Range.setValues')})\n`,
        );
      } finally {
        Date.now = realNow;
      }
    },
  },
];
