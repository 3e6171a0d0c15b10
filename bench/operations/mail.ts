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
    name: 'mail: start and send 1,500 recipients',
    op: 'mail.sendDay',
    prepare: workspaceQuota,
    run: ({ emu, size }) => {
      const started = performance.now();
      const result = server.apiStartMailing(input(size));
      if (!result.ok) throw new Error(result.error.message);
      const ms = performance.now() - started;
      const sent = emu.outbox.length;
      const calls = emu.calls.total();
      const perRecipient = (key: string) => (emu.calls.count(key) / sent).toFixed(2);
      process.stderr.write(
        `  ${sent} sent, ${result.value.skipped} skipped; ${(calls / sent).toFixed(2)} service calls per recipient ` +
          `(sendEmail ${perRecipient('MailApp.sendEmail')}, setProperty ${perRecipient('Properties.setProperty')}, ` +
          `getValues ${perRecipient('Range.getValues')}, setValues ${perRecipient('Range.setValues')}); ` +
          `${Math.round(sent / (ms / 1000))} sends/s in JS\n`,
      );
    },
  },
];
