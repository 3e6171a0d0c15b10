/**
 * The Check view: what the last Check data found, the suggested fixes
 * grouped the way they are accepted (a whole group or one by one), Apply,
 * and the stale clients per manager. Every value from the sheet is rendered
 * as text.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApplyFixesDto, CheckDto, CheckProblemDto } from '../../../src/server';
import { shortTime } from '../../format/time';
import { rpc } from '../../rpc';
import { canEdit, useSession } from '../../session';
import type { ViewProps } from '../registry';
import { groupLabel, useCheckMessages, type CheckMessages } from './messages';
import { useLocale } from '../../i18n/locale';
import { fieldLabel } from '../../../src/core/schema/field-words';
import { reviewMessages } from './review-messages';
import { acceptedCount, acceptOne, excludedToSend, idsToSend, isAccepted, NOTHING_ACCEPTED, toggle, type Accepted } from './selection';
import { StaleList } from './stale-list';

type Busy = '' | 'loading' | 'checking' | 'applying';

function ProblemItem({
  problem,
  accepted,
  editable,
  onAccept,
}: {
  problem: CheckProblemDto;
  accepted: Accepted;
  editable: boolean;
  onAccept: (id: string, on: boolean) => void;
}) {
  const m = useCheckMessages();
  const session = useSession();
  const locale = useLocale();
  // The column as the user reads it (the team's label in this language); the sheet keeps its header.
  const field = session.fields.find((f) => f.name === problem.column);
  const column = field ? fieldLabel(field, locale) : problem.column;
  const inputId = `cb-fix-${problem.id.replace(/[^A-Za-z0-9_-]/g, '_')}-${problem.row}`;
  return (
    <li>
      <div class="muted">{m.rowColumn(problem.row, column)}</div>
      <div>{problem.problem}</div>
      {problem.fix !== undefined && (
        <div class="fix">
          {editable ? (
            <label for={inputId}>
              <input
                id={inputId}
                type="checkbox"
                checked={isAccepted(accepted, problem)}
                aria-label={m.acceptOne(problem.row, column)}
                onChange={(e) => onAccept(problem.id, e.currentTarget.checked)}
              />{' '}
              {m.suggested(problem.fix || m.emptyValue)}
            </label>
          ) : (
            <span>{m.suggested(problem.fix || m.emptyValue)}</span>
          )}
        </div>
      )}
    </li>
  );
}

function ProblemsByKind({
  check,
  accepted,
  editable,
  onAccept,
}: {
  check: CheckDto;
  accepted: Accepted;
  editable: boolean;
  onAccept: (id: string, on: boolean) => void;
}) {
  const m = useCheckMessages();
  const byKind = new Map<string, CheckProblemDto[]>();
  for (const p of check.problems) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  return (
    <section aria-labelledby="cb-problems-title">
      <h3 id="cb-problems-title">{m.problemsTitle}</h3>
      {check.problems.length < check.total && <p class="muted">{m.shownOf(check.problems.length, check.total)}</p>}
      {[...byKind.entries()].map(([kind, list]) => (
        <details key={kind} class="problem-kind">
          <summary>{`${m.kinds[kind as keyof CheckMessages['kinds']] ?? list[0].kindLabel}: ${list.length}`}</summary>
          <ul class="problem-list">
            {list.map((p) => (
              <ProblemItem key={`${p.id}|${p.kind}|${p.row}`} problem={p} accepted={accepted} editable={editable} onAccept={onAccept} />
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}

function FixGroups({
  check,
  accepted,
  editable,
  onAccept,
  onAcceptOne,
}: {
  check: CheckDto;
  accepted: Accepted;
  editable: boolean;
  onAccept: (key: string, on: boolean) => void;
  onAcceptOne: (problem: CheckProblemDto, on: boolean) => void;
}) {
  const m = useCheckMessages();
  const r = reviewMessages(useLocale());
  return (
    <section aria-labelledby="cb-fixes-title">
      <h3 id="cb-fixes-title">{m.fixesTitle}</h3>
      {check.groups.length === 0 ? (
        <p class="muted">{m.noFixes}</p>
      ) : (
        <>
          <p class="muted">{editable ? m.fixesHint : m.readerCannotFix}</p>
          <ul class="fix-groups">
            {check.groups.map((g, i) => {
              const label = m.acceptGroup(groupLabel(m, g), g.count);
              return (
                <li key={g.key}>
                  {editable ? (
                    <label for={`cb-fix-group-${i}`}>
                      <input
                        id={`cb-fix-group-${i}`}
                        type="checkbox"
                        checked={accepted.groups.has(g.key)}
                        onChange={(e) => onAccept(g.key, e.currentTarget.checked)}
                      />{' '}
                      {label}
                    </label>
                  ) : (
                    <span>{label}</span>
                  )}
                  <ul class="muted examples">
                    {g.examples.map((x, j) => (
                      <li key={j}>{m.example(x.value || m.emptyValue, x.fix || m.emptyValue)}</li>
                    ))}
                  </ul>
                  <GroupReview group={g.key} count={g.count} check={check} accepted={accepted} editable={editable} r={r} m={m} onAcceptOne={onAcceptOne} />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** Every fix of a group, to read before accepting it and to leave single ones out. */
function GroupReview({
  group,
  count,
  check,
  accepted,
  editable,
  r,
  m,
  onAcceptOne,
}: {
  group: string;
  count: number;
  check: CheckDto;
  accepted: Accepted;
  editable: boolean;
  r: ReturnType<typeof reviewMessages>;
  m: CheckMessages;
  onAcceptOne: (problem: CheckProblemDto, on: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const list = open ? check.problems.filter((p) => p.group === group && p.fix !== undefined) : [];
  const left = accepted.groups.has(group) ? check.problems.filter((p) => p.group === group && accepted.excluded.has(p.id)).length : 0;
  return (
    <details class="group-review" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        {r.review(count)}
        {left > 0 && ` · ${r.leftOut(left)}`}
      </summary>
      {open && list.length < count && <p class="muted">{r.partial(list.length, count)}</p>}
      {open && (
        <ul class="review-list">
          {list.map((p) => {
            const line = r.fixLine(p.row, p.column, p.value || m.emptyValue, p.fix || m.emptyValue);
            return (
              <li key={p.id}>
                {editable ? (
                  <label>
                    <input type="checkbox" checked={isAccepted(accepted, p)} onChange={(e) => onAcceptOne(p, e.currentTarget.checked)} /> {line}
                  </label>
                ) : (
                  line
                )}
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}

function AppliedNotice({ outcome }: { outcome: ApplyFixesDto }) {
  const m = useCheckMessages();
  return (
    <div class="banner info" role="status">
      <div>{m.applied(outcome.applied, outcome.snapshotId)}</div>
      {outcome.skippedCount > 0 && (
        <>
          <div>{m.skipped(outcome.skippedCount)}</div>
          <ul>
            {outcome.skipped.map((s) => (
              <li key={s.id}>{s.reason}</li>
            ))}
          </ul>
        </>
      )}
      {!outcome.reportUpdated && <div>{m.reportNotUpdated}</div>}
    </div>
  );
}

export function CheckPanel({ active, openClient }: { active: boolean; openClient: (id: string) => void }) {
  const m = useCheckMessages();
  const locale = useLocale();
  const session = useSession();
  const editable = canEdit(session);
  const [check, setCheck] = useState<CheckDto | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState<Busy>('');
  const [error, setError] = useState('');
  const [accepted, setAccepted] = useState<Accepted>(NOTHING_ACCEPTED);
  const [outcome, setOutcome] = useState<ApplyFixesDto | null>(null);

  const show = (next: CheckDto | null) => {
    setCheck(next);
    setLoaded(true);
    setAccepted(NOTHING_ACCEPTED);
  };

  useEffect(() => {
    if (!active) return;
    setBusy('loading');
    rpc.apiCheckReport().then((result) => {
      setBusy('');
      if (result.ok) show(result.value);
      else setError(result.error.message);
    });
  }, [active]);

  const runCheck = async () => {
    setBusy('checking');
    setError('');
    setOutcome(null);
    const result = await rpc.apiCheckData();
    setBusy('');
    if (result.ok) show(result.value);
    else setError(result.error.message);
  };

  const apply = async () => {
    if (!check) return;
    setBusy('applying');
    setError('');
    const result = await rpc.apiApplyFixes(idsToSend(check, accepted), [...accepted.groups], excludedToSend(check, accepted));
    setBusy('');
    if (result.ok) {
      setOutcome(result.value);
      show(result.value.check);
    } else setError(result.error.message);
  };

  const chosen = check ? acceptedCount(check, accepted) : 0;
  return (
    <section class="check" aria-labelledby="cb-check-title" aria-busy={busy !== ''}>
      <div class="section-head">
        <h2 id="cb-check-title">{m.title}</h2>
        {editable && (
          <button type="button" class="secondary" disabled={busy !== ''} onClick={runCheck}>
            {check ? m.checkAgain : m.checkNow}
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" class="notice">
        {busy === 'checking' ? m.checking : busy === 'applying' ? m.applying : ''}
      </p>
      {error && (
        <p class="banner error" role="alert">
          {m.errorPrefix} {error}
        </p>
      )}
      {outcome && <AppliedNotice outcome={outcome} />}
      {!loaded && !error && <p class="muted">{m.loading}</p>}
      {loaded && !check && (
        <p class="muted">
          {m.noCheckYet} {!editable && m.readerNoCheck}
        </p>
      )}
      {check && (
        <>
          <p>{m.checkedSummary(check.checkedRows, check.total, shortTime(check.checkedAt, session.timeZone, locale))}</p>
          {check.total > 0 && <p class="muted">{m.reportTabHint(check.reportTab)}</p>}
          {check.changedSinceCheck > 0 && <p class="banner warning">{m.changedSinceCheck(check.changedSinceCheck)}</p>}
          {check.kinds.length > 0 && (
            <section aria-labelledby="cb-kinds-title">
              <h3 id="cb-kinds-title">{m.byKind}</h3>
              <ul class="kind-counts">
                {check.kinds.map((k) => (
                  <li key={k.kind}>{`${m.kinds[k.kind as keyof CheckMessages['kinds']] ?? k.label}: ${k.count}`}</li>
                ))}
              </ul>
            </section>
          )}
          {check.total > 0 && (
            <FixGroups
              check={check}
              accepted={accepted}
              editable={editable}
              onAccept={(key, on) => setAccepted((a) => ({ ...a, groups: toggle(a.groups, key, on) }))}
              onAcceptOne={(p, on) => setAccepted((a) => acceptOne(a, p, on))}
            />
          )}
          {editable && check.groups.length > 0 && (
            <button type="button" disabled={chosen === 0 || busy !== ''} onClick={apply}>
              {m.apply(chosen)}
            </button>
          )}
          {check.total > 0 && (
            <ProblemsByKind
              check={check}
              accepted={accepted}
              editable={editable}
              onAccept={(id, on) => {
                const problem = check.problems.find((p) => p.id === id);
                if (problem) setAccepted((a) => acceptOne(a, problem, on));
              }}
            />
          )}
        </>
      )}
      <StaleList active={active} openClient={openClient} />
    </section>
  );
}

export const CheckView: ComponentType<ViewProps> = ({ active, openClient }) => <CheckPanel active={active} openClient={openClient} />;
