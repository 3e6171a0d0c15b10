/**
 * Whom the preview shows after a pre-flight: the first recipient who will
 * really be mailed, so the user reads the message someone gets, not the one
 * an opted-out client would have got.
 *
 * The report names skipped recipients only by example (a few per reason),
 * but each reason's examples are its first ones in recipient order: a
 * recipient that comes before the last example of every cut-short reason,
 * and is no example itself, is certainly sent.
 */
import type { PreflightDto } from '../../../src/server';

type SkipFinding = { count: number; examples: readonly { id?: unknown }[] };

export type PreviewChoiceReport = Pick<
  PreflightDto,
  'recipients' | 'sendable' | 'invalidEmails' | 'missingEmails' | 'optedOut' | 'duplicateEmails' | 'duplicateClients' | 'alreadySent'
>;

/**
 * The ID of the first sendable recipient; when the examples cannot prove one,
 * the first recipient not named as skipped; when nobody is sent (or the
 * report has no recipients), the first recipient, or undefined.
 */
export function firstSendable(report: PreviewChoiceReport): string | undefined {
  const recipients = Array.isArray(report.recipients) ? report.recipients.filter((r) => typeof r?.id === 'string' && r.id !== '') : [];
  if (recipients.length === 0) return undefined;
  const position = new Map<string, number>();
  recipients.forEach((r, i) => {
    if (!position.has(r.id)) position.set(r.id, i);
  });

  // emptyPlaceholders is not here on purpose: those recipients are sent, with a blank.
  const findings: SkipFinding[] = [
    report.optedOut,
    report.alreadySent,
    report.missingEmails,
    report.invalidEmails,
    report.duplicateEmails,
    report.duplicateClients,
  ];
  const skipped = new Set<string>();
  let knownBefore = recipients.length;
  for (const finding of findings) {
    const examples = Array.isArray(finding?.examples) ? finding.examples : [];
    const ids = examples.map((e) => e?.id).filter((id): id is string => typeof id === 'string');
    for (const id of ids) skipped.add(id);
    if ((Number(finding?.count) || 0) > ids.length) {
      // More skipped for this reason than shown: they come after its last example.
      knownBefore = Math.min(knownBefore, Math.max(-1, ...ids.map((id) => position.get(id) ?? -1)));
    }
  }
  if (!(report.sendable > 0)) return recipients[0].id;
  const notSkipped = recipients.filter((r) => !skipped.has(r.id));
  const certain = notSkipped.find((r) => (position.get(r.id) ?? Infinity) < knownBefore);
  return (certain ?? notSkipped[0] ?? recipients[0]).id;
}
