import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstSendable, type PreviewChoiceReport } from '../../../sidebar/views/mail/first-sendable';

const none = () => ({ count: 0, examples: [] as { id: string }[] });
const HOSTILE = '<img src=x onerror=alert(1)>';

function report(
  ids: string[],
  skips: Partial<Record<'optedOut' | 'alreadySent' | 'missingEmails' | 'invalidEmails' | 'duplicateEmails' | 'duplicateClients', string[]>> = {},
  maxExamples = 5,
): PreviewChoiceReport {
  const finding = (skipped: string[] = []) => ({ count: skipped.length, examples: skipped.slice(0, maxExamples).map((id) => ({ id })) });
  const skippedTotal = new Set(Object.values(skips).flat()).size;
  return {
    recipients: ids.map((id) => ({ id, label: `Client ${id}` })),
    sendable: ids.length - skippedTotal,
    optedOut: finding(skips.optedOut) as never,
    alreadySent: finding(skips.alreadySent) as never,
    missingEmails: finding(skips.missingEmails) as never,
    invalidEmails: finding(skips.invalidEmails) as never,
    duplicateEmails: finding(skips.duplicateEmails) as never,
    duplicateClients: finding(skips.duplicateClients) as never,
  };
}

describe('firstSendable', () => {
  it('passes over opted-out, already-sent, invalid and duplicate recipients to the first one mailed', () => {
    expect(firstSendable(report(['A', 'B', 'C', 'D', 'E'], { optedOut: ['A'], invalidEmails: ['B'], alreadySent: ['C'], duplicateEmails: ['D'] }))).toBe('E');
  });

  it('is the first recipient when nobody is skipped', () => {
    expect(firstSendable(report(['A', 'B']))).toBe('A');
  });

  it('never picks one of more skipped recipients than the examples show when another is certainly sent', () => {
    // Seven opted out, five shown (A…E); F and G are opted out too but not named; X is sent.
    const ids = ['A', 'B', 'C', 'D', 'X', 'E', 'F', 'G', 'H'];
    const r = report(ids, { optedOut: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] });
    expect(firstSendable(r)).toBe('X');
  });

  it('falls back to the first recipient not named as skipped when the examples prove nobody', () => {
    const r = report(['A', 'B', 'C', 'D', 'E', 'F', 'G'], { invalidEmails: ['A', 'B', 'C', 'D', 'E', 'F'] });
    expect(firstSendable(r)).toBe('F'); // F is not among the five examples: the best guess there is
  });

  it('shows the first recipient when nobody will be sent, and nothing without recipients', () => {
    expect(firstSendable(report(['A', 'B'], { optedOut: ['A', 'B'] }))).toBe('A');
    expect(firstSendable(report([]))).toBeUndefined();
  });

  it('does not count an empty placeholder as a reason to skip', () => {
    const r = { ...report(['A', 'B']), emptyPlaceholders: { count: 1, examples: [{ id: 'A', placeholders: ['City'] }] } };
    expect(firstSendable(r)).toBe('A');
  });

  it('survives a malformed report: wrong types, hostile, huge and formula-looking IDs', () => {
    const weird = ['', '=HYPERLINK("x")', '+1', '-1', '@x', HOSTILE, 'Ёж-ABC 😀', 'x'.repeat(50_001)];
    const r = report(weird, { optedOut: ['=HYPERLINK("x")'] });
    expect(firstSendable(r)).toBe('+1');
    expect(firstSendable({ ...r, recipients: null as never, optedOut: { count: 'many', examples: 'none' } as never })).toBeUndefined();
    expect(firstSendable({ ...report(['A', 'B']), optedOut: { count: 3, examples: [{ id: 42 }, null] } as never })).toBe('A');
  });

  it('with up to five examples a reason, never picks a recipient the full report skips while someone is sendable', () => {
    const reasons = ['optedOut', 'alreadySent', 'missingEmails', 'invalidEmails', 'duplicateEmails', 'duplicateClients', 'sent'] as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...reasons), { minLength: 1, maxLength: 40 }), (fates) => {
        const ids = fates.map((_, i) => `C${i}`);
        const skips: Record<string, string[]> = {};
        fates.forEach((fate, i) => {
          if (fate !== 'sent') (skips[fate] ??= []).push(ids[i]);
        });
        const chosen = firstSendable(report(ids, skips));
        const sent = ids.filter((_, i) => fates[i] === 'sent');
        if (sent.length === 0) return chosen === ids[0];
        // Certain when provable; otherwise a recipient no example names.
        const named = new Set(Object.values(skips).flatMap((list) => list.slice(0, 5)));
        return chosen !== undefined && !named.has(chosen);
      }),
    );
  });

  it('finds the first sendable whenever every reason is shown in full', () => {
    const reasons = ['optedOut', 'invalidEmails', 'sent'] as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...reasons), { minLength: 1, maxLength: 12 }), (fates) => {
        const ids = fates.map((_, i) => `C${i}`);
        const skips: Record<string, string[]> = {};
        fates.forEach((fate, i) => {
          if (fate !== 'sent') (skips[fate] ??= []).push(ids[i]);
        });
        const first = ids.find((_, i) => fates[i] === 'sent') ?? ids[0];
        return firstSendable(report(ids, skips, 100)) === first;
      }),
    );
  });
});
