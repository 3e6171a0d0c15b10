/** The pre-flight report: counts, a few examples with names, and the quota plan. Everything renders as text. */
import type { PreflightDto } from '../../../src/server';
import { usePlanMessages } from '../plan/messages';
import type { MailMessages } from './messages';
import { dayText } from '../../format/time';
import { useLocale } from '../../i18n/locale';

type Finding = { count: number; examples: Record<string, unknown>[] };

export function PreflightPanel({ report, m }: { report: PreflightDto; m: MailMessages }) {
  const p = usePlanMessages();
  const locale = useLocale();
  const name = (id: unknown) => (typeof id === 'string' ? report.names[id] || id : '');
  const rows: [string, Finding, (e: Record<string, unknown>) => string][] = [
    [
      m.findingUnknown,
      report.unknownPlaceholders as unknown as Finding,
      (e) => m.unknownPlaceholder(String(e.placeholder), e.suggestion as string | undefined),
    ],
    [m.findingEmpty, report.emptyPlaceholders as unknown as Finding, (e) => `${name(e.id)}: ${(e.placeholders as string[]).map((p) => `{{${p}}}`).join(', ')}`],
    [
      m.findingInvalid,
      report.invalidEmails as unknown as Finding,
      (e) => `${name(e.id)}: ${String(e.email)}${e.suggestion ? ` (${m.suggestion(String(e.suggestion))})` : ''}`,
    ],
    [m.findingMissing, report.missingEmails as unknown as Finding, (e) => name(e.id)],
    [m.findingOptedOut, report.optedOut as unknown as Finding, (e) => name(e.id)],
    [m.findingDuplicateEmail, report.duplicateEmails as unknown as Finding, (e) => `${name(e.id)}: ${String(e.email)} (${m.sameAs(name(e.sameAs))})`],
    [m.findingDuplicateClient, report.duplicateClients as unknown as Finding, (e) => `${name(e.id)} (${m.sameAs(name(e.sameAs))})`],
    [m.findingAlreadySent, report.alreadySent as unknown as Finding, (e) => name(e.id)],
    [
      m.findingAlreadyReceived,
      (report.alreadyReceived ?? { count: 0, examples: [] }) as unknown as Finding,
      (e) => `${name(e.id)} (${m.receivedOn(dayText(String(e.on), locale))})`,
    ],
    [
      p.recentlyContacted(report.recentlyContacted?.count ?? 0, report.contactPause?.days ?? 0, report.contactPause?.mode === 'skip'),
      (report.recentlyContacted ?? { count: 0, examples: [] }) as unknown as Finding,
      (e) => `${name(e.id)} (${p.contactedOn(dayText(String(e.on), locale), String(e.by ?? ''))})`,
    ],
  ];
  return (
    <div class="mail-preflight" aria-live="polite">
      <p>
        <strong>{m.total(report.total)}</strong> · {m.sendable(report.sendable)}
      </p>
      {report.hiddenByFilter > 0 && <p class="muted">{m.hiddenByFilter(report.hiddenByFilter)}</p>}
      {report.notClients > 0 && <p class="muted">{m.notClients(report.notClients)}</p>}
      {report.blocking.length > 0 && (
        <div class="banner error" role="alert">
          <strong>{m.blocking}</strong>
          <ul>
            {report.blocking.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        </div>
      )}
      {report.warnings.map((w, i) => (
        <p key={i} class="banner warning">
          {w}
        </p>
      ))}
      <ul class="mail-findings">
        {rows
          .filter(([, finding]) => finding.count > 0)
          .map(([label, finding, show]) => (
            <li key={label}>
              <strong>{label}</strong> <span class="badge">{finding.count}</span>
              <ul>
                {finding.examples.map((e, i) => (
                  <li key={i}>{show(e)}</li>
                ))}
              </ul>
            </li>
          ))}
      </ul>
      <p>
        <strong>{m.plan}:</strong> {report.plan.text}
      </p>
    </div>
  );
}
