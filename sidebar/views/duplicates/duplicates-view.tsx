/**
 * The duplicates review: the groups of the Duplicates tab, one opened at a
 * time side by side, the surviving value chosen per field (survivorship's
 * choice pre-selected, and re-selected when another survivor is chosen),
 * then Merge, Undo or Not duplicates. The server checks the role and that
 * the group and its members are still as shown.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MergeInfo, ReviewDto, ReviewGroupDto } from '../../../src/server';
import { duplicateWhy } from '../../../src/core/i18n/dedupe-reasons';
import { dayText } from '../../format/time';
import { useLocale, useT } from '../../i18n/locale';
import { rpc } from '../../rpc';
import { useSession } from '../../session';
import type { ViewProps } from '../registry';
import { duplicatesMessages } from './messages';

/** Field name → the member index kept, or -1 for survivorship's combination. */
type Choices = Record<string, number>;

const choicesFor = (group: ReviewGroupDto, survivorId: string): Choices =>
  Object.fromEntries(Object.entries(group.preselected[survivorId] ?? {}).map(([name, p]) => [name, p.pick]));

export function DuplicatesView({ active, openClient }: ViewProps) {
  const t = useT();
  const locale = useLocale();
  const m = duplicatesMessages(locale);
  const session = useSession();
  const isAdmin = session.role === 'admin';
  const [review, setReview] = useState<ReviewDto | null>(null);
  const [merges, setMerges] = useState<MergeInfo[]>([]);
  const [openGroup, setOpenGroup] = useState<number | null>(null);
  const [survivor, setSurvivor] = useState('');
  const [choices, setChoices] = useState<Choices>({});
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [lastMerge, setLastMerge] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const loadMerges = async () => {
    const result = await rpc.apiListMerges();
    if (result.ok) setMerges(result.value.filter((x) => !x.undone).slice(0, 5));
  };

  const load = async () => {
    setError('');
    const result = await rpc.apiDuplicateReview();
    if (result.ok) setReview(result.value);
    else setError(result.error.message);
    await loadMerges();
  };

  useEffect(() => {
    if (active) load();
  }, [active]);

  const group = review?.groups.find((g) => g.group === openGroup) ?? null;

  useEffect(() => {
    if (group) heading.current?.focus();
  }, [openGroup]);

  const open = (g: ReviewGroupDto) => {
    setOpenGroup(g.group);
    setSurvivor(g.survivorId);
    setChoices(choicesFor(g, g.survivorId));
    setStatus('');
  };

  const chooseSurvivor = (id: string) => {
    if (!group) return;
    setSurvivor(id);
    setChoices(choicesFor(group, id));
  };

  const find = async () => {
    setBusy('find');
    setError('');
    setStatus(m.finding);
    const result = await rpc.apiFindDuplicatesForReview();
    setBusy('');
    if (!result.ok) {
      setStatus('');
      return setError(result.error.message);
    }
    setReview(result.value.review);
    setOpenGroup(null);
    setStatus(m.found(result.value.found.groups, result.value.found.clients));
  };

  const merge = async () => {
    if (!group) return;
    setBusy('merge');
    setError('');
    const chosen: Record<string, string> = {};
    for (const [name, pick] of Object.entries(choices)) if (pick >= 0) chosen[name] = group.members[pick].id;
    const result = await rpc.apiMergeReviewed({
      group: group.group,
      memberIds: group.members.map((x) => x.id),
      survivorId: survivor,
      chosen,
      expectedUpdated: Object.fromEntries(group.members.map((x) => [x.id, x.updated])),
    });
    setBusy('');
    if (!result.ok) return setError(result.error.message);
    const { report } = result.value;
    setReview(result.value.review);
    const done = report.merged[0];
    if (done) {
      setOpenGroup(null);
      setLastMerge(done.mergeId);
      setStatus(m.merged(done.removed, done.survivor));
      await loadMerges();
    } else setError(m.skipped(report.skipped.map((s) => s.reason).join('; ')));
  };

  const undo = async (mergeId: string) => {
    setBusy('undo');
    setError('');
    const result = await rpc.apiUndoMerge(mergeId);
    setBusy('');
    if (!result.ok) return setError(result.error.message);
    setLastMerge('');
    setStatus(m.undone(mergeId));
    await loadMerges();
  };

  const reject = async () => {
    if (!group) return;
    setBusy('reject');
    setError('');
    const result = await rpc.apiNotDuplicates(
      group.group,
      group.members.map((x) => x.id),
    );
    setBusy('');
    if (!result.ok) return setError(result.error.message);
    setReview(result.value.review);
    setOpenGroup(null);
    setStatus(m.rejected);
  };

  return (
    <section class="dup-review" aria-labelledby="cb-dup-title">
      <div class="section-head">
        <h2 id="cb-dup-title">{m.title}</h2>
        <button type="button" class="secondary" disabled={!!busy} onClick={load}>
          {m.reload}
        </button>
      </div>
      {!group && <p class="muted">{m.intro}</p>}
      {!group && session.role !== 'reader' && (
        <p>
          <button type="button" disabled={!!busy} onClick={find}>
            {busy === 'find' ? m.finding : m.find}
          </button>
        </p>
      )}
      {!isAdmin && <p class="banner info">{m.onlyAdmins}</p>}
      <div role="status" aria-live="polite" class="notice">
        {status}
        {lastMerge && isAdmin && (
          <>
            {' '}
            <button type="button" class="secondary" disabled={!!busy} onClick={() => undo(lastMerge)}>
              {m.undo}
            </button>
          </>
        )}
      </div>
      {error && (
        <p class="banner error" role="alert">
          {t.errorPrefix} {error}
        </p>
      )}
      {review === null && !error && <p class="muted">{m.loading}</p>}
      {review && !group && (
        <>
          {review.groups.length === 0 && <p class="muted">{m.none}</p>}
          <ul class="due-list dup-groups">
            {review.groups.map((g) => (
              <li key={g.group}>
                <button
                  type="button"
                  class="link"
                  onClick={() => open(g)}
                  aria-label={`${m.groupLabel(g.group, g.members.length)}: ${g.members.map((x) => x.name).join(', ')}`}
                >
                  <strong>{m.groupLabel(g.group, g.members.length)}</strong>
                </button>{' '}
                <span class="badge">
                  {g.level === 'sure' ? m.sure : m.possible} {g.score.toFixed(2)}
                </span>
                <div>{g.members.map((x) => x.name).join(' · ')}</div>
                <div class="muted">{whyIn(g.members[1]?.why, locale)}</div>
              </li>
            ))}
          </ul>
          {review.more > 0 && <p class="muted">{m.more(review.more)}</p>}
          {isAdmin && merges.length > 0 && (
            <details>
              <summary>{m.recent}</summary>
              <ul class="due-list">
                {merges.map((x) => (
                  <li key={x.mergeId}>
                    <div>{m.mergeSummary(x.survivor, x.removed)}</div>
                    <button type="button" class="secondary" disabled={!!busy} aria-label={m.undoNamed(x.mergeId)} onClick={() => undo(x.mergeId)}>
                      {m.undo}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {group && (
        <Comparison
          group={group}
          survivor={survivor}
          choices={choices}
          m={m}
          heading={heading}
          onSurvivor={chooseSurvivor}
          onChoice={(name, pick) => setChoices((c) => ({ ...c, [name]: pick }))}
          openClient={openClient}
        >
          <div class="actions">
            <button type="button" disabled={!isAdmin || !!busy} onClick={merge}>
              {busy === 'merge' ? m.merging : m.merge}
            </button>
            <button type="button" class="secondary" disabled={!isAdmin || !!busy} onClick={reject}>
              {m.notDuplicates}
            </button>
            <button type="button" class="secondary" disabled={!!busy} onClick={() => setOpenGroup(null)}>
              {m.back}
            </button>
          </div>
        </Comparison>
      )}
    </section>
  );
}

interface ComparisonProps {
  group: ReviewGroupDto;
  survivor: string;
  choices: Choices;
  m: ReturnType<typeof duplicatesMessages>;
  heading: RefObject<HTMLHeadingElement>;
  onSurvivor: (id: string) => void;
  onChoice: (field: string, pick: number) => void;
  openClient: (id: string) => void;
  children: ComponentChildren;
}

// The tab keeps the reasons in the base's language; an English record is reworded for this sidebar.
const whyIn = (why: string | undefined, locale: string): string => (why ? duplicateWhy(why, locale as Parameters<typeof duplicateWhy>[1]) : '');

function Comparison({ group, survivor, choices, m, heading, onSurvivor, onChoice, openClient, children }: ComparisonProps) {
  const locale = useLocale();
  const differing = group.fields.filter((f) => f.differs);
  const same = group.fields.filter((f) => !f.differs);
  const combined = group.preselected[survivor] ?? {};
  const radioName = (field: string) => `cb-dup-${group.group}-${field}`;
  return (
    <div class="dup-compare">
      <h3 id="cb-dup-compare" tabIndex={-1} ref={heading}>
        {m.compare(group.group)}
      </h3>
      <fieldset class="dup-survivor">
        <legend>{m.survivorLegend}</legend>
        {group.members.map((x) => (
          <div key={x.id} class="dup-member">
            <label>
              <input type="radio" name={`cb-dup-${group.group}-survivor`} checked={survivor === x.id} onChange={() => onSurvivor(x.id)} />{' '}
              <strong>{x.name}</strong> <span class="badge">{x.id}</span>
            </label>{' '}
            <button type="button" class="link" aria-label={m.openClient(x.name)} title={m.openClient(x.name)} onClick={() => openClient(x.id)}>
              ↗
            </button>
            <div class="muted">{whyIn(x.why, locale)}</div>
          </div>
        ))}
      </fieldset>
      <div class="dup-table-wrap">
        <table class="dup-table">
          <caption class="sr-only">{m.compare(group.group)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.field}</th>
              {group.members.map((x) => (
                <th key={x.id} scope="col">
                  {x.name}
                  {x.id === survivor ? ' ★' : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {differing.map((f) => (
              <tr key={f.name}>
                <th scope="row">{f.name}</th>
                {f.values.map((v, i) => (
                  <td key={group.members[i].id} class={choices[f.name] === i ? 'chosen' : ''}>
                    <label>
                      <input
                        type="radio"
                        name={radioName(f.name)}
                        checked={choices[f.name] === i}
                        aria-label={`${f.name}: ${dayText(v, locale) || '—'} (${group.members[i].name})`}
                        onChange={() => onChoice(f.name, i)}
                      />{' '}
                      <span class="dup-value">{dayText(v, locale) || '—'}</span>
                    </label>
                    {i === f.values.length - 1 && combined[f.name]?.pick === -1 && (
                      <div class={choices[f.name] === -1 ? 'chosen' : ''}>
                        <label>
                          <input
                            type="radio"
                            name={radioName(f.name)}
                            checked={choices[f.name] === -1}
                            aria-label={`${f.name}: ${m.combined}`}
                            onChange={() => onChoice(f.name, -1)}
                          />{' '}
                          {m.combined}: <span class="dup-value">{combined[f.name]?.text}</span>
                        </label>
                      </div>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {same.length > 0 && (
        <details>
          <summary>{m.sameFields(same.length)}</summary>
          <dl class="dup-same">
            {same.map((f) => (
              <div key={f.name}>
                <dt>{f.name}</dt>
                <dd>{f.values[0]}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {children}
    </div>
  );
}
