/**
 * Bulk actions on many clients: the selected rows, a segment or a manager's
 * clients, counted first; then one action chosen from lists (stage, manager,
 * add or remove a tag); then Undo. Nothing needs typing except a brand-new
 * tag. The server checks roles, snapshots Clients and audits every change.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BulkOptionsDto, BulkSource, BulkTargetsDto } from '../../../src/server';
import { useLocale, useT } from '../../i18n/locale';
import { optionLabel } from '../../../src/core/schema/field-words';
import { rpc } from '../../rpc';
import { useSession } from '../../session';
import type { ViewProps } from '../registry';
import { bulkMessages } from './messages';

type Action = 'stage' | 'manager' | 'addTag' | 'removeTag';
type SourceKind = BulkSource['kind'];

interface Done {
  text: string;
  undo: { kind: 'bulk'; opId: string } | { kind: 'snapshot'; snapshotId: string } | null;
}

export function BulkView({ active }: ViewProps) {
  const t = useT();
  const locale = useLocale();
  const m = bulkMessages(locale);
  const session = useSession();
  const [options, setOptions] = useState<BulkOptionsDto | null>(null);
  const [kind, setKind] = useState<SourceKind>('selection');
  const [segment, setSegment] = useState('');
  const [manager, setManager] = useState('');
  const [targets, setTargets] = useState<BulkTargetsDto | null>(null);
  const [action, setAction] = useState<Action>('stage');
  const [value, setValue] = useState('');
  const [newTag, setNewTag] = useState('');
  const [withSteps, setWithSteps] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState<Done | null>(null);
  const reader = session.role === 'reader';

  const count = async (source: BulkSource | null) => {
    setError('');
    setTargets(null);
    if (!source) return;
    setBusy(true);
    const result = await rpc.apiBulkTargets(source);
    setBusy(false);
    if (result.ok) setTargets(result.value);
    else setError(result.error.message);
  };

  const sourceOf = (k: SourceKind, seg = segment, man = manager): BulkSource | null =>
    k === 'selection'
      ? { kind: 'selection' }
      : k === 'segment'
        ? seg
          ? { kind: 'segment', name: seg }
          : null
        : man
          ? { kind: 'manager', manager: man }
          : null;

  useEffect(() => {
    if (!active) return;
    if (!options)
      rpc.apiBulkOptions().then((r) => {
        if (r.ok) setOptions(r.value);
        else setError(r.error.message);
      });
    // The selection may have changed while the panel was hidden.
    if (kind === 'selection') count({ kind: 'selection' });
  }, [active]);

  const choices = (a: Action): string[] => (!options ? [] : a === 'stage' ? options.stages : a === 'manager' ? options.people : options.tags);
  const chosen = action === 'addTag' && newTag.trim() ? newTag.trim() : value;
  const n = targets?.ids.length ?? 0;
  const reassignAll = kind === 'manager' && action === 'manager' && withSteps;

  const run = async () => {
    if (!targets || !chosen) return;
    setBusy(true);
    setError('');
    setDone(null);
    if (reassignAll) {
      const r = await rpc.apiBulkReassignManager(manager, chosen);
      setBusy(false);
      if (!r.ok) return setError(r.error.message);
      setDone({ text: m.moved(r.value.clients, r.value.openSteps), undo: { kind: 'snapshot', snapshotId: r.value.snapshotId } });
    } else {
      const r = await rpc.apiBulkApply({ ids: targets.ids, action, value: chosen });
      setBusy(false);
      if (!r.ok) return setError(r.error.message);
      const parts = [m.done(r.value.changed, r.value.unchanged)];
      if (r.value.missing.length) parts.push(m.missing(r.value.missing.length));
      setDone({ text: parts.join(' '), undo: r.value.changed ? { kind: 'bulk', opId: r.value.opId } : null });
    }
    rpc.apiBulkOptions().then((r) => r.ok && setOptions(r.value));
  };

  const undo = async () => {
    if (!done?.undo) return;
    setBusy(true);
    setError('');
    if (done.undo.kind === 'bulk') {
      const r = await rpc.apiBulkUndo(done.undo.opId);
      setBusy(false);
      if (!r.ok) return setError(r.error.message);
      setDone({ text: m.undone(r.value.restored, r.value.changedSince.length), undo: null });
    } else {
      const r = await rpc.apiRestoreSnapshot(done.undo.snapshotId);
      setBusy(false);
      if (!r.ok) return setError(r.error.message);
      setDone({ text: m.restored, undo: null });
    }
  };

  const pickKind = (k: SourceKind) => {
    setKind(k);
    setDone(null);
    count(sourceOf(k));
  };

  return (
    <section class="bulk" aria-labelledby="cb-bulk-title">
      <div class="section-head">
        <h2 id="cb-bulk-title">{m.title}</h2>
      </div>
      {reader && <p class="banner info">{m.readerNote}</p>}
      <fieldset class="panel">
        <legend>{m.which}</legend>
        <label>
          <input type="radio" name="cb-bulk-source" checked={kind === 'selection'} onChange={() => pickKind('selection')} /> {m.selection}
        </label>
        {kind === 'selection' && (
          <button type="button" class="secondary" disabled={busy} onClick={() => count({ kind: 'selection' })}>
            {m.useSelection}
          </button>
        )}
        <label>
          <input type="radio" name="cb-bulk-source" checked={kind === 'segment'} onChange={() => pickKind('segment')} /> {m.segment}
        </label>
        {kind === 'segment' && (
          <select
            aria-label={m.segment}
            value={segment}
            onChange={(e) => {
              setSegment(e.currentTarget.value);
              count(sourceOf('segment', e.currentTarget.value));
            }}
          >
            <option value="">{m.choose}</option>
            {options?.segments.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        )}
        <label>
          <input type="radio" name="cb-bulk-source" checked={kind === 'manager'} onChange={() => pickKind('manager')} /> {m.ofManager}
        </label>
        {kind === 'manager' && (
          <select
            aria-label={m.ofManager}
            value={manager}
            onChange={(e) => {
              setManager(e.currentTarget.value);
              count(sourceOf('manager', segment, e.currentTarget.value));
            }}
          >
            <option value="">{m.choose}</option>
            {options?.people.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        )}
        <p role="status" aria-live="polite" class="notice bulk-count">
          {busy && !targets ? m.counting : targets ? (n ? m.count(n, targets.from) : m.none) : ''}
        </p>
        {targets && n > 0 && <p class="muted">{targets.sample.join(', ') + (n > targets.sample.length ? ', …' : '')}</p>}
      </fieldset>
      <fieldset class="panel">
        <legend>{m.what}</legend>
        <label>
          {m.action}
          <select
            aria-label={m.action}
            value={action}
            onChange={(e) => {
              setAction(e.currentTarget.value as Action);
              setValue('');
              setNewTag('');
            }}
          >
            {(Object.keys(m.actions) as Action[]).map((a) => (
              <option key={a} value={a}>
                {m.actions[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.value}
          <select aria-label={m.value} value={value} onChange={(e) => setValue(e.currentTarget.value)}>
            <option value="">{m.choose}</option>
            {choices(action).map((c) => (
              <option key={c} value={c}>
                {action === 'stage' && options?.stageField ? optionLabel(options.stageField, c, locale) : c}
              </option>
            ))}
          </select>
        </label>
        {action === 'addTag' && (
          <label>
            {m.newTag}
            <input type="text" aria-label={m.newTag} maxLength={200} value={newTag} onInput={(e) => setNewTag(e.currentTarget.value)} />
          </label>
        )}
        {kind === 'manager' && action === 'manager' && (
          <label>
            <input type="checkbox" checked={withSteps} onChange={(e) => setWithSteps(e.currentTarget.checked)} /> {m.withSteps}
          </label>
        )}
        {action === 'manager' && session.role !== 'admin' && <p class="muted">{m.adminsOnly}</p>}
      </fieldset>
      <div class="actions">
        <button type="button" disabled={busy || reader || !n || !chosen} onClick={run}>
          {busy && targets ? m.running : m.run(action, chosen || '…', n)}
        </button>
      </div>
      {error && (
        <p class="banner error" role="alert">
          {t.errorPrefix} {error}
        </p>
      )}
      <div role="status" aria-live="polite" class="notice bulk-done">
        {done?.text}
        {done?.undo && (
          <>
            {' '}
            <button type="button" class="secondary" disabled={busy} onClick={undo}>
              {m.undo}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
