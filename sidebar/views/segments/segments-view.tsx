/**
 * The Segments view: every segment with its count now, a form to add or edit
 * one (the rule is checked as it is typed, with a caret under the problem),
 * a preview of the first matching clients, each of which opens in the Client
 * view. Only managers change segments; the server enforces it too.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SegmentDto, SegmentPreviewDto } from '../../../src/server';
import { useLocale, useT } from '../../i18n/locale';
import { DashboardLink } from '../../components/dashboard-link';
import { rpc } from '../../rpc';
import { canEdit, useSession } from '../../session';
import type { ViewProps } from '../registry';
import { messages } from './messages';
import { ruleErrorText } from '../../../src/core/rules/error-words';
import { checkRuleText } from './rule-check';

interface Draft {
  originalName?: string;
  name: string;
  rule: string;
  description: string;
}

export function SegmentsView({ active, openClient }: ViewProps) {
  const t = useT();
  const locale = useLocale();
  const m = messages[locale];
  const session = useSession();
  const editor = canEdit(session);
  const [list, setList] = useState<SegmentDto[] | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [confirming, setConfirming] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setError('');
    const result = await rpc.apiListSegments();
    if (result.ok) setList(result.value);
    else setError(result.error.message);
  };

  // Counts change whenever clients do: listed afresh each time the view is shown.
  useEffect(() => {
    if (active) load();
  }, [active]);

  const remove = async (name: string) => {
    setBusy(true);
    setError('');
    const result = await rpc.apiDeleteSegment(name);
    setBusy(false);
    setConfirming('');
    if (!result.ok) return setError(result.error.message);
    setList(result.value);
    setStatus(m.removed(name));
  };

  return (
    <section class="segments" aria-labelledby="cb-segments-title">
      <div class="section-head">
        <h2 id="cb-segments-title">{m.title}</h2>
        <button type="button" class="secondary" onClick={load}>
          {m.refresh}
        </button>
        <DashboardLink chart="segments" title={m.title} />
      </div>
      <p class="muted">{m.intro}</p>
      {!editor && <p class="banner info">{m.readOnly}</p>}
      <p role="status" aria-live="polite" class="notice">
        {status}
      </p>
      {error && (
        <p class="banner error" role="alert">
          {t.errorPrefix} {error}
        </p>
      )}
      {editor && !draft && (
        <button
          type="button"
          class="new-segment"
          onClick={() => {
            setStatus('');
            setDraft({ name: '', rule: '', description: '' });
          }}
        >
          {m.add}
        </button>
      )}
      {draft && (
        <SegmentForm
          draft={draft}
          openClient={openClient}
          onCancel={() => setDraft(null)}
          onSaved={(value, name) => {
            setList(value);
            setDraft(null);
            setStatus(m.saved(name));
          }}
        />
      )}
      {list === null && !error && <p class="muted">{m.loading}</p>}
      {list?.length === 0 && <p class="muted">{m.none}</p>}
      {list && list.length > 0 && (
        <ul class="due-list segment-list">
          {list.map((s, i) => (
            <li key={`${i}:${s.name}`}>
              <div class="due-head">
                <strong>{s.name}</strong>
                <span class={s.error ? 'badge error' : 'badge'}>{s.error ? m.ruleError : m.clients(s.count ?? 0)}</span>
              </div>
              <div class="muted rule-text">{s.rule}</div>
              {s.description && <div>{s.description}</div>}
              {s.error && <pre class="error rule-caret">{ruleErrorText(s.error, locale)}</pre>}
              {editor && confirming === s.name && (
                <div class="banner warning" role="group" aria-label={m.confirmRemove(s.name)}>
                  <p>
                    <strong>{m.confirmRemove(s.name)}</strong>
                  </p>
                  <button type="button" disabled={busy} onClick={() => remove(s.name)}>
                    {m.confirm}
                  </button>
                  <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming('')}>
                    {m.cancel}
                  </button>
                </div>
              )}
              {editor && confirming !== s.name && s.name && (
                <div class="row-actions">
                  <button
                    type="button"
                    class="secondary"
                    aria-label={m.editNamed(s.name)}
                    onClick={() => {
                      setStatus('');
                      setDraft({ originalName: s.name, name: s.name, rule: s.rule, description: s.description });
                    }}
                  >
                    {m.edit}
                  </button>
                  <button type="button" class="secondary" aria-label={m.removeNamed(s.name)} onClick={() => setConfirming(s.name)}>
                    {m.remove}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SegmentForm({
  draft,
  openClient,
  onCancel,
  onSaved,
}: {
  draft: Draft;
  openClient: (id: string) => void;
  onCancel: () => void;
  onSaved: (list: SegmentDto[], name: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const m = messages[locale];
  const session = useSession();
  const [name, setName] = useState(draft.name);
  const [rule, setRule] = useState(draft.rule);
  const [description, setDescription] = useState(draft.description);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<SegmentPreviewDto | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const check = rule.trim() === '' ? null : checkRuleText(rule, session.fields, locale);

  const runPreview = async () => {
    setPreviewing(true);
    setError('');
    const result = await rpc.apiPreviewSegment(rule);
    setPreviewing(false);
    if (result.ok) setPreview(result.value);
    else {
      setPreview(null);
      setError(ruleErrorText(result.error.message, locale));
    }
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    setFieldErrors({});
    const result = await rpc.apiSaveSegment({ originalName: draft.originalName, name, rule, description });
    setBusy(false);
    if (result.ok) return onSaved(result.value, name.trim());
    setError(ruleErrorText(result.error.message, locale));
    setFieldErrors(result.error.fields ?? {});
  };

  return (
    <form class="segment-form" onSubmit={save} aria-labelledby="cb-segment-form-title">
      <h3 id="cb-segment-form-title">{draft.originalName ? m.formEdit(draft.originalName) : m.formNew}</h3>
      <div class="field">
        <label for="cb-segment-name">{m.name}</label>
        <input
          id="cb-segment-name"
          type="text"
          value={name}
          maxLength={100}
          aria-invalid={fieldErrors.name ? 'true' : undefined}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
        {fieldErrors.name && <p class="error">{fieldErrors.name}</p>}
      </div>
      <div class="field">
        <label for="cb-segment-rule">{m.rule}</label>
        <textarea
          id="cb-segment-rule"
          rows={3}
          spellcheck={false}
          value={rule}
          aria-describedby="cb-segment-rule-check cb-segment-rule-help"
          aria-invalid={check && !check.ok ? 'true' : undefined}
          onInput={(e) => {
            setRule((e.target as HTMLTextAreaElement).value);
            setPreview(null);
          }}
        />
        <div id="cb-segment-rule-check" aria-live="polite">
          {check && !check.ok && (
            <>
              <p class="error rule-message">{check.message}</p>
              <pre class="error rule-caret">{check.caret}</pre>
            </>
          )}
          {check?.ok && <p class="muted rule-ok">{m.ruleOk}</p>}
        </div>
        <p id="cb-segment-rule-help" class="muted">
          {m.ruleHelp}
        </p>
      </div>
      <div class="field">
        <label for="cb-segment-description">{m.description}</label>
        <input id="cb-segment-description" type="text" value={description} onInput={(e) => setDescription((e.target as HTMLInputElement).value)} />
        {fieldErrors.description && <p class="error">{fieldErrors.description}</p>}
      </div>
      {/* pre-wrap: a rule error from the server carries its caret line below the rule. */}
      {error && (
        <p class="banner error" role="alert" style="white-space: pre-wrap">
          {t.errorPrefix} {error}
        </p>
      )}
      <div class="row-actions">
        <button type="submit" disabled={busy}>
          {busy ? m.saving : m.save}
        </button>
        <button type="button" class="secondary" disabled={previewing || rule.trim() === ''} onClick={runPreview}>
          {previewing ? m.previewing : m.preview}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
      {preview && (
        <div class="segment-preview" aria-live="polite">
          <p>{m.previewCount(preview.count)}</p>
          {preview.clients.length > 0 && <p class="muted">{m.previewFirst(preview.clients.length)}</p>}
          <ul class="preview-list">
            {preview.clients.map((c) => (
              <li key={c.id}>
                <button type="button" class="link" aria-label={m.openClient(c.name)} onClick={() => openClient(c.id)}>
                  {c.name}
                </button>
                <span class="muted"> {c.id}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
