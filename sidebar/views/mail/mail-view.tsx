/**
 * Mail merge in the sidebar: edit a template with a live preview for any
 * recipient, send a test to yourself, check the recipients before anything
 * is sent, send, and keep the mailing going while the sidebar is open (the
 * hourly trigger takes over when it is closed).
 *
 * The HTML preview is shown in an iframe with an empty sandbox: no script,
 * no form, no same-origin access, so a hostile value in a client's row can
 * never run here. Everything else renders as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ViewProps } from '../registry';
import type { MailingListItem, MailingStatusDto, PreflightDto, PreviewDto, SegmentDto, TemplateDto } from '../../../src/server';
import { useT } from '../../i18n/locale';
import { rpc } from '../../rpc';
import { canEdit, useSession } from '../../session';
import { applyFormat, type BodyFormat, shortcutFormat } from './body-format';
import { firstSendable } from './first-sendable';
import { mailLang, mailMessages } from './messages';
import { PreflightPanel } from './preflight-panel';
import { ScheduledList, ScheduleForm } from './schedule-panel';
import { mailTiming } from './timing';

const EMPTY: TemplateDto = { name: '', subject: '', body: '' };

/** The body as a mail client's reading pane shows it; a style sheet only (the frame's sandbox runs nothing). */
const MAIL_STYLE =
  '<style>body{font:14px/1.45 Arial,Helvetica,sans-serif;color:#202124;margin:8px 10px}a{color:#1a73e8}ul,ol{padding-left:22px;margin:6px 0}</style>';

export function MailView({ active }: ViewProps) {
  const t = useT();
  const m = mailMessages(t);
  const lang = mailLang(t);
  const session = useSession();
  const editable = canEdit(session);

  const [templates, setTemplates] = useState<TemplateDto[]>([]);
  const [draft, setDraft] = useState<TemplateDto>(EMPTY);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<PreviewDto | null>(null);
  const [previewFor, setPreviewFor] = useState('');
  const [campaign, setCampaign] = useState('');
  const [sendAgain, setSendAgain] = useState(false);
  const [onePerCompany, setOnePerCompany] = useState(false);
  const [target, setTarget] = useState<'segment' | 'selection'>('selection');
  const [segments, setSegments] = useState<SegmentDto[]>([]);
  const [segment, setSegment] = useState('');
  const [report, setReport] = useState<PreflightDto | null>(null);
  const [status, setStatus] = useState<MailingStatusDto | null>(null);
  const [mailings, setMailings] = useState<MailingListItem[]>([]);
  const [busy, setBusy] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [scheduledKey, setScheduledKey] = useState(0);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const mounted = useRef(true);
  const previewSeq = useRef(0);
  /** The user chose whom to preview: a new check keeps that choice while it is still a recipient. */
  const pickedPreview = useRef(false);

  useEffect(() => () => void (mounted.current = false), []);

  const loadLists = async () => {
    const [list, runs, segs] = await Promise.all([rpc.apiListTemplates(), rpc.apiListMailings(lang), rpc.apiListSegments()]);
    if (!mounted.current) return;
    if (segs.ok) {
      setSegments(segs.value);
      if (!segment && segs.value.length > 0) setSegment(segs.value[0].name);
    }
    if (list.ok) {
      setTemplates(list.value);
      if (!draft.name && list.value.length > 0) setDraft(list.value[0]);
    } else setError(list.error.message);
    if (runs.ok) setMailings(runs.value);
    setScheduledKey((k) => k + 1);
  };

  useEffect(() => {
    if (active) loadLists();
  }, [active]);

  // Live preview: the template as typed, for the chosen recipient.
  useEffect(() => {
    if (!active || (!draft.subject && !draft.body)) return;
    const seq = ++previewSeq.current;
    const timer = setTimeout(async () => {
      const result = await rpc.apiPreviewMessage({
        subject: draft.subject,
        body: draft.body,
        clientId: previewFor || undefined,
        campaign: campaign || undefined,
        lang,
      });
      if (!mounted.current || seq !== previewSeq.current) return;
      if (result.ok) setPreview(result.value);
      else setPreview(null);
    }, mailTiming.previewDebounceMs);
    return () => clearTimeout(timer);
  }, [active, draft.subject, draft.body, previewFor, campaign, lang]);

  const edit = (key: keyof TemplateDto) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setDraft((d) => ({ ...d, [key]: value }));
    setReport(null);
    setConfirming(false);
  };

  const bodyRef = useRef<HTMLTextAreaElement>(null);
  /** A toolbar button or shortcut: markers around the selection, the caret where the next keystrokes belong. */
  const format = (kind: BodyFormat) => {
    const area = bodyRef.current;
    if (!area || !editable) return;
    const next = applyFormat(area.value, area.selectionStart, area.selectionEnd, kind);
    setDraft((d) => ({ ...d, body: next.text }));
    setReport(null);
    setConfirming(false);
    area.value = next.text;
    area.focus();
    area.setSelectionRange(next.start, next.end);
  };
  const tools: [BodyFormat, string, string][] = [
    ['bold', 'B', m.formatBold],
    ['italic', 'I', m.formatItalic],
    ['link', '🔗', m.formatLink],
    ['bullets', '•', m.formatBullets],
    ['numbers', '1.', m.formatNumbers],
  ];

  const choose = (name: string) => {
    setDraft(templates.find((x) => x.name === name) ?? { ...EMPTY });
    setWarnings([]);
    setFieldErrors({});
    setReport(null);
  };

  const run = async <T,>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    setError('');
    setNotice('');
    try {
      return await work();
    } finally {
      if (mounted.current) setBusy('');
    }
  };

  const save = () =>
    run('save', async () => {
      const result = await rpc.apiSaveTemplate(draft);
      if (!result.ok) {
        setFieldErrors(result.error.fields ?? {});
        setError(result.error.message);
        return false;
      }
      setFieldErrors({});
      setWarnings(result.value.warnings.map((w) => m.unknownPlaceholder(w.placeholder, w.suggestion)));
      setNotice(m.saved(result.value.template.name));
      setDraft(result.value.template);
      const list = await rpc.apiListTemplates();
      if (list.ok && mounted.current) setTemplates(list.value);
      return true;
    });

  const testSend = () =>
    run('test', async () => {
      const result = await rpc.apiTestSend({
        subject: draft.subject,
        body: draft.body,
        clientId: previewFor || undefined,
        campaign: campaign || undefined,
        lang,
      });
      if (result.ok) setNotice(m.testSent(result.value.to));
      else setError(result.error.message);
    });

  const check = () =>
    run('check', async () => {
      if (editable && !(await saveIfChanged())) return;
      const recipients = target === 'segment' ? { kind: 'segment' as const, name: segment } : { kind: 'selection' as const };
      const result = await rpc.apiMailPreflight({ campaign, template: draft.name, recipients, lang, sendAgain, onePerCompany });
      if (!mounted.current) return;
      if (result.ok) {
        const checked = result.value;
        setReport(checked);
        setPreviewFor((current) => {
          if (pickedPreview.current && checked.recipients.some((r) => r.id === current)) return current;
          pickedPreview.current = false;
          return firstSendable(checked) ?? current;
        });
      } else {
        setReport(null);
        setError(result.error.message);
      }
    });

  const saveIfChanged = async (): Promise<boolean> => {
    const stored = templates.find((x) => x.name === draft.name);
    if (stored && stored.subject === draft.subject && stored.body === draft.body) return true;
    const result = await rpc.apiSaveTemplate(draft);
    if (!result.ok) {
      setFieldErrors(result.error.fields ?? {});
      setError(result.error.message);
      return false;
    }
    setTemplates((list) => [...list.filter((x) => x.name !== result.value.template.name), result.value.template]);
    return true;
  };

  /** Keeps calling the server for the next chunk while there is work and the sidebar is open. */
  const drive = async (name: string, first: MailingStatusDto, stoppedBy: string) => {
    let current = first;
    let stop = stoppedBy;
    setStatus(current);
    while (mounted.current && current.active && (stop === 'time' || stop === 'waiting' || stop === 'done')) {
      await new Promise((resolve) => setTimeout(resolve, mailTiming.continuePauseMs));
      if (!mounted.current) return;
      const next = await rpc.apiContinueMailing(name, lang);
      if (!mounted.current) return;
      if (!next.ok) {
        setError(next.error.message);
        return;
      }
      current = next.value.status;
      stop = next.value.chunk.stoppedBy;
      setStatus(current);
      if (next.value.chunk.message) setNotice(next.value.chunk.message);
      if (stop === 'done' && !current.active) break;
    }
    setNotice(m.stopped[stop] ?? '');
  };

  const send = () => {
    if (!report) return;
    setConfirming(false);
    return run('send', async () => {
      const result = await rpc.apiStartMailing({
        campaign: report.campaign,
        template: report.template,
        recipients: { kind: 'ids', ids: report.recipients.map((r) => r.id) },
        lang,
        sendAgain: report.sendAgain === true,
        onePerCompany: report.onePerCompany === true,
      });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setReport(null);
      if (result.value.chunk.message) setNotice(result.value.chunk.message);
      await drive(report.campaign, result.value.status, result.value.chunk.stoppedBy);
      loadLists();
    });
  };

  const resume = (name: string, retry: boolean) =>
    run(retry ? 'retry' : 'continue', async () => {
      const result = retry ? await rpc.apiRetryMailing(name, false, lang) : await rpc.apiContinueMailing(name, lang);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      await drive(name, result.value.status, result.value.chunk.stoppedBy);
      loadLists();
    });

  const recipients = report?.recipients ?? [];
  // Never label one recipient's message with another's name while the new preview is on its way.
  const shownPreview = preview && (previewFor === '' || preview.clientId === previewFor) ? preview : null;

  return (
    <section class="mail" aria-labelledby="cb-mail-title">
      <div class="section-head">
        <h2 id="cb-mail-title">{m.title}</h2>
        <button type="button" class="secondary" onClick={loadLists}>
          {m.refresh}
        </button>
      </div>
      {!editable && <p class="banner info">{m.readOnly}</p>}
      <p role="status" aria-live="polite" class="notice">
        {notice}
      </p>
      {error && (
        <p class="banner error" role="alert">
          {m.error} {error}
        </p>
      )}

      <h3>{m.templateSection}</h3>
      <label for="cb-mail-template">{m.chooseTemplate}</label>
      <select id="cb-mail-template" value={templates.some((x) => x.name === draft.name) ? draft.name : ''} onChange={(e) => choose(e.currentTarget.value)}>
        <option value="">{m.newTemplate}</option>
        {templates.map((x) => (
          <option key={x.name} value={x.name}>
            {x.name}
          </option>
        ))}
      </select>
      <label for="cb-mail-name">{m.name}</label>
      <input id="cb-mail-name" value={draft.name} onInput={edit('name')} maxLength={100} aria-invalid={!!fieldErrors.name} readOnly={!editable} />
      {fieldErrors.name && <p class="error field-error">{fieldErrors.name}</p>}
      <label for="cb-mail-subject">{m.subject}</label>
      <input id="cb-mail-subject" value={draft.subject} onInput={edit('subject')} aria-invalid={!!fieldErrors.subject} readOnly={!editable} />
      {fieldErrors.subject && <p class="error field-error">{fieldErrors.subject}</p>}
      <label for="cb-mail-body">{m.body}</label>
      {editable && (
        <div class="format-bar" role="toolbar" aria-label={m.formatToolbar} aria-controls="cb-mail-body">
          {tools.map(([kind, face, label]) => (
            <button
              key={kind}
              type="button"
              class={`secondary format-${kind}`}
              title={label}
              aria-label={label}
              // Keeps the textarea's selection: the button acts on it.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => format(kind)}
            >
              {face}
            </button>
          ))}
        </div>
      )}
      <textarea
        id="cb-mail-body"
        ref={bodyRef}
        rows={8}
        value={draft.body}
        onInput={edit('body')}
        onKeyDown={(e) => {
          const kind = shortcutFormat(e);
          if (kind && editable) {
            e.preventDefault();
            format(kind);
          }
        }}
        aria-invalid={!!fieldErrors.body}
        aria-describedby="cb-mail-format-help"
        readOnly={!editable}
      />
      {fieldErrors.body && <p class="error field-error">{fieldErrors.body}</p>}
      <p class="muted">{m.placeholderHelp}</p>
      <p class="muted" id="cb-mail-format-help">
        {m.formatHelp}
      </p>
      {warnings.length > 0 && (
        <ul class="banner warning">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {editable && (
        <button type="button" disabled={!!busy} onClick={save}>
          {busy === 'save' ? m.saving : m.save}
        </button>
      )}

      <h3>{m.previewSection}</h3>
      {recipients.length > 0 && (
        <>
          <label for="cb-mail-preview-for">{m.previewFor}</label>
          <select
            id="cb-mail-preview-for"
            value={previewFor}
            onChange={(e) => {
              pickedPreview.current = true;
              setPreviewFor(e.currentTarget.value);
            }}
          >
            {recipients.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </>
      )}
      {preview && !shownPreview && (
        <p class="muted" role="status">
          {m.previewLoading}
        </p>
      )}
      {shownPreview && (
        <div class="mail-preview">
          {shownPreview.unknown.length > 0 && (
            <ul class="banner warning">
              {shownPreview.unknown.map((w, i) => (
                <li key={i}>{m.unknownPlaceholder(w.placeholder, w.suggestion)}</li>
              ))}
            </ul>
          )}
          {shownPreview.errors?.map((e, i) => (
            <p key={i} class="banner error">
              {e.message}
            </p>
          ))}
          {shownPreview.missing.length > 0 && <p class="banner warning">{m.emptyFor(shownPreview.missing.map((p) => `{{${p}}}`).join(', '))}</p>}
          <article class="mail-window" aria-label={m.previewHtml}>
            <dl class="mail-headers">
              {shownPreview.from && (
                <>
                  <dt>{m.previewFrom}</dt>
                  <dd class="mail-preview-from">{shownPreview.from}</dd>
                </>
              )}
              <dt>{m.previewToHeader}</dt>
              <dd class="mail-preview-to">{m.previewTo(shownPreview.label, shownPreview.to)}</dd>
              <dt>{m.previewSubject.replace(/:$/, '')}</dt>
              <dd class="mail-preview-subject">{shownPreview.subject}</dd>
            </dl>
            <iframe class="mail-preview-html" title={m.previewHtml} sandbox="" srcdoc={MAIL_STYLE + shownPreview.htmlBody} />
          </article>
          <p class="muted">{m.previewFooterNote}</p>
          <details>
            <summary>{m.previewText}</summary>
            <pre class="mail-preview-text">{shownPreview.textBody}</pre>
          </details>
          {editable && (
            <button type="button" class="secondary" disabled={!!busy} onClick={testSend}>
              {m.testSend}
            </button>
          )}
        </div>
      )}

      <h3>{m.recipientsSection}</h3>
      <fieldset class="mail-target">
        <legend>{m.sendTo}</legend>
        <label>
          <input
            type="radio"
            name="cb-mail-target"
            checked={target === 'segment'}
            disabled={segments.length === 0}
            onChange={() => {
              setTarget('segment');
              setReport(null);
            }}
          />{' '}
          {m.segmentOption}
        </label>
        <label>
          <input
            type="radio"
            name="cb-mail-target"
            checked={target === 'selection'}
            onChange={() => {
              setTarget('selection');
              setReport(null);
            }}
          />{' '}
          {m.selectedRows}
        </label>
      </fieldset>
      {target === 'segment' && (
        <>
          <label for="cb-mail-segment">{m.segment}</label>
          <select
            id="cb-mail-segment"
            value={segment}
            onChange={(e) => {
              setSegment(e.currentTarget.value);
              setReport(null);
            }}
          >
            {segments.map((s) => (
              <option key={s.name} value={s.name}>
                {m.segmentCount(s.name, s.count)}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="cb-mail-campaign">{m.campaign}</label>
      <input
        id="cb-mail-campaign"
        value={campaign}
        maxLength={100}
        onInput={(e) => {
          setCampaign(e.currentTarget.value);
          setReport(null);
          setConfirming(false);
        }}
      />
      <p class="muted">{m.campaignHelp}</p>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={onePerCompany}
          onChange={(e) => {
            setOnePerCompany(e.currentTarget.checked);
            setReport(null);
            setConfirming(false);
          }}
        />{' '}
        {m.onePerCompany}
      </label>
      <button type="button" disabled={!!busy || !campaign.trim() || !draft.name.trim()} onClick={check}>
        {busy === 'check' ? m.checking : m.check}
      </button>
      {report && <PreflightPanel report={report} m={m} />}
      {report && (report.skippedPerCompany?.count ?? 0) > 0 && (
        <p class="muted mail-per-company">
          {m.perCompany(
            Object.entries(report.skippedPerCompany?.perCompany ?? {})
              .map(([company, n]) => `${company} ${n}`)
              .join(', '),
          )}
        </p>
      )}
      {report && (sendAgain || (report.alreadyReceived?.count ?? 0) > 0) && (
        <label class="checkbox">
          <input
            type="checkbox"
            checked={sendAgain}
            onChange={(e) => {
              setSendAgain(e.currentTarget.checked);
              setReport(null);
              setConfirming(false);
            }}
          />{' '}
          {m.sendAgain}
        </label>
      )}
      {report && editable && report.blocking.length === 0 && report.sendable > 0 && !confirming && (
        <button type="button" disabled={!!busy} onClick={() => setConfirming(true)}>
          {busy === 'send' ? m.sending : m.send(report.sendable)}
        </button>
      )}
      {report && !confirming && (
        <ScheduleForm
          report={report}
          recipients={target === 'segment' ? { kind: 'segment', name: segment } : { kind: 'ids', ids: report.recipients.map((r) => r.id) }}
          lang={lang}
          sendAgain={report.sendAgain === true}
          onePerCompany={report.onePerCompany === true}
          onScheduled={() => setScheduledKey((k) => k + 1)}
        />
      )}
      {report && confirming && (
        <div class="banner warning" role="alertdialog" aria-label={m.confirmSend(report.sendable, report.campaign)}>
          <p>{m.confirmSend(report.sendable, report.campaign)}</p>
          <button type="button" onClick={send}>
            {m.confirmYes}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {m.cancel}
          </button>
        </div>
      )}
      {status && (
        <div class="mail-status" aria-live="polite">
          <p>
            <strong>{status.campaign}:</strong> {status.text}
          </p>
          {status.active && (
            <p class="muted">
              {status.plan.text} {m.keepOpen}
            </p>
          )}
          {status.failed.length > 0 && (
            <details>
              <summary>{m.failedList}</summary>
              <ul>
                {status.failed.map((f) => (
                  <li key={f.id}>
                    {f.label} &lt;{f.email}&gt;: {f.error}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {status.unknown.length > 0 && (
            <details open>
              <summary>{m.unknownList}</summary>
              <ul>
                {status.unknown.map((u) => (
                  <li key={u.id}>
                    {u.label} &lt;{u.email}&gt;
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}

      <ScheduledList active={active} refreshKey={scheduledKey} />

      <h3>{m.mailingsSection}</h3>
      {mailings.length === 0 && <p class="muted">{m.noMailings}</p>}
      <ul class="mail-runs">
        {mailings.map((run) => (
          <li key={run.campaign}>
            <strong>{run.campaign}</strong> <span class="muted">{run.template}</span>
            <div>{run.text}</div>
            {editable && run.owner.toLowerCase() === session.user.toLowerCase() && (
              <div class="row-actions">
                {run.active && (
                  <button type="button" disabled={!!busy} aria-label={m.continueNamed(run.campaign)} onClick={() => resume(run.campaign, false)}>
                    {m.continue}
                  </button>
                )}
                {run.failed > 0 && (
                  <button type="button" class="secondary" disabled={!!busy} aria-label={m.retryNamed(run.campaign)} onClick={() => resume(run.campaign, true)}>
                    {m.retry}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
