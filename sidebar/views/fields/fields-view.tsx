/**
 * The Fields editor (admins): each field a row to open and edit, moved with
 * ↑/↓, added or removed; Preview asks the server what Apply fields would do
 * to Clients, and Apply is offered only for the list that was previewed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EditedField, FieldsPreviewDto } from '../../../src/server';
import { FIELD_TYPES, FIELD_WORD_LANGS, type FieldWordLang } from '../../../src/core/schema/field';
import { fieldLabel } from '../../../src/core/schema/field-words';
import { useLocale, useT } from '../../i18n/locale';
import { rpc } from '../../rpc';
import { useSession } from '../../session';
import type { ViewProps } from '../registry';
import { fieldsMessages, type FieldsMessages } from './messages';

export function FieldsView({ active, restart }: ViewProps) {
  const t = useT();
  const m = fieldsMessages(useLocale());
  const session = useSession();
  const [fields, setFields] = useState<EditedField[] | null>(null);
  const [version, setVersion] = useState('');
  const [tabErrors, setTabErrors] = useState<string[]>([]);
  const [preview, setPreview] = useState<FieldsPreviewDto | null>(null);
  const [previewed, setPreviewed] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const isAdmin = session.role === 'admin';

  const load = async () => {
    setError('');
    const r = await rpc.apiFieldsEditor();
    if (!r.ok) return setError(r.error.message);
    setFields(r.value.fields.map((f) => ({ ...f, was: f.name })));
    setVersion(r.value.version);
    setTabErrors(r.value.errors);
    setPreview(null);
  };

  useEffect(() => {
    if (active && isAdmin && !fields) load();
  }, [active]);

  const current = JSON.stringify(fields);
  const edit = (i: number, patch: Partial<EditedField>) => setFields((list) => (list ?? []).map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const move = (i: number, by: number) =>
    setFields((list) => {
      const next = [...(list ?? [])];
      const [f] = next.splice(i, 1);
      next.splice(Math.max(0, Math.min(next.length, i + by)), 0, f);
      return next;
    });

  const runPreview = async () => {
    if (!fields) return;
    setBusy(true);
    setError('');
    const r = await rpc.apiPreviewFields(fields);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setPreview(r.value);
    setPreviewed(current);
  };

  const apply = async () => {
    if (!fields) return;
    setBusy(true);
    setError('');
    const r = await rpc.apiApplyFieldsEdit(fields, version);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    const text = m.applied(r.value.report.fields, r.value.report.addedColumns);
    setFields(null);
    // The form, search and every view read the fields from the session: load it again.
    if (restart) await restart(text);
    else setStatus(text);
    await load();
    setStatus(text);
  };

  if (!isAdmin) return <p class="banner info">{m.onlyAdmins}</p>;

  return (
    <section class="fields-editor" aria-labelledby="cb-fields-title">
      <div class="section-head">
        <h2 id="cb-fields-title">{m.title}</h2>
      </div>
      <p class="muted">{m.intro}</p>
      <p role="status" aria-live="polite" class="notice">
        {status}
      </p>
      {error && (
        <p class="banner error" role="alert">
          {t.errorPrefix} {error}
        </p>
      )}
      {tabErrors.length > 0 && (
        <ul class="banner warning">
          {tabErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {!fields && !error && <p class="muted">{m.loading}</p>}
      {fields && (
        <ol class="due-list field-list">
          {fields.map((f, i) => (
            <FieldRow
              key={`${f.was ?? 'new'}-${i}`}
              f={f}
              m={m}
              first={i === 0}
              last={i === fields.length - 1}
              onEdit={(patch) => edit(i, patch)}
              onMove={(by) => move(i, by)}
              onRemove={() => setFields((list) => (list ?? []).filter((_, j) => j !== i))}
            />
          ))}
        </ol>
      )}
      {fields && (
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={() => setFields((list) => [...(list ?? []), { name: m.newField, type: 'text', required: false, unique: false, options: [], help: '' }])}
          >
            {m.add}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={runPreview}>
            {m.preview}
          </button>
          <button type="button" disabled={busy || !preview || previewed !== current || preview.errors.length > 0} onClick={apply}>
            {busy ? m.applying : m.apply}
          </button>
        </div>
      )}
      {preview && (
        <div class="banner info fields-preview" aria-live="polite">
          {previewed !== current && <p>{m.stale}</p>}
          {preview.errors.length > 0 && (
            <>
              <p>{m.problems}</p>
              <ul>
                {preview.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </>
          )}
          <ul>
            {preview.added.length > 0 && <li>{m.added(preview.added)}</li>}
            {preview.renamed.map((r) => (
              <li key={r.from}>{m.renamed(r.from, r.to)}</li>
            ))}
            {preview.removed.length > 0 && <li>{m.removed(preview.removed)}</li>}
            {preview.retyped.map((r) => (
              <li key={r.name}>{m.retyped(r.name, r.from, r.to)}</li>
            ))}
            {preview.misfits.map((x) => (
              <li key={x.name}>{m.misfits(x.name, x.count, x.examples)}</li>
            ))}
            {preview.reordered && <li>{m.reordered}</li>}
          </ul>
          {!preview.added.length &&
            !preview.renamed.length &&
            !preview.removed.length &&
            !preview.retyped.length &&
            !preview.misfits.length &&
            !preview.reordered && <p>{m.nothing}</p>}
        </div>
      )}
    </section>
  );
}

interface RowProps {
  f: EditedField;
  m: FieldsMessages;
  first: boolean;
  last: boolean;
  onEdit: (patch: Partial<EditedField>) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}

function FieldRow({ f, m, first, last, onEdit, onMove, onRemove }: RowProps) {
  const locale = useLocale();
  const label = (f.name && fieldLabel(f, locale)) || '…';
  const word = (lang: FieldWordLang, patch: { label?: string; help?: string; options?: string[] }) =>
    onEdit({ words: { ...f.words, [lang]: { ...f.words?.[lang], ...patch } } });
  return (
    <li>
      <details>
        <summary>
          <strong>{label}</strong> <span class="badge">{f.type}</span>
          {f.required ? ' *' : ''}
        </summary>
        <label>
          {m.name}
          <input type="text" maxLength={100} value={f.name} onInput={(e) => onEdit({ name: e.currentTarget.value })} />
        </label>
        <label>
          {m.type}
          <select value={f.type} onChange={(e) => onEdit({ type: e.currentTarget.value as EditedField['type'] })}>
            {FIELD_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        {(f.type === 'choice' || f.type === 'tags') && (
          <label>
            {m.options}
            <textarea rows={4} value={f.options.join('\n')} onInput={(e) => onEdit({ options: e.currentTarget.value.split('\n') })} />
          </label>
        )}
        <label>
          <input type="checkbox" checked={f.required} onChange={(e) => onEdit({ required: e.currentTarget.checked })} /> {m.required}
        </label>
        <label>
          <input type="checkbox" checked={f.unique} onChange={(e) => onEdit({ unique: e.currentTarget.checked })} /> {m.unique}
        </label>
        <label>
          {m.help}
          <input type="text" maxLength={500} value={f.help} onInput={(e) => onEdit({ help: e.currentTarget.value })} />
        </label>
        <details class="field-words">
          <summary>{m.words}</summary>
          <p class="muted">{m.wordsIntro}</p>
          {FIELD_WORD_LANGS.map((lang) => (
            <fieldset key={lang} data-lang={lang}>
              <legend>{lang}</legend>
              <label>
                {m.wordLabel(lang)}
                <input type="text" maxLength={100} value={f.words?.[lang]?.label ?? ''} onInput={(e) => word(lang, { label: e.currentTarget.value })} />
              </label>
              <label>
                {m.wordHelp(lang)}
                <input type="text" maxLength={500} value={f.words?.[lang]?.help ?? ''} onInput={(e) => word(lang, { help: e.currentTarget.value })} />
              </label>
              {(f.type === 'choice' || f.type === 'tags') && (
                <label>
                  {m.wordOptions(lang)}
                  <textarea
                    rows={4}
                    value={(f.words?.[lang]?.options ?? []).join('\n')}
                    onInput={(e) => word(lang, { options: e.currentTarget.value.split('\n') })}
                  />
                </label>
              )}
            </fieldset>
          ))}
        </details>
      </details>
      <div class="row-actions">
        <button type="button" class="secondary" disabled={first} aria-label={m.up(label)} title={m.up(label)} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" class="secondary" disabled={last} aria-label={m.down(label)} title={m.down(label)} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" class="secondary" aria-label={m.remove(label)} title={m.remove(label)} onClick={onRemove}>
          ✕
        </button>
      </div>
    </li>
  );
}
