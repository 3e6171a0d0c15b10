/**
 * The client card: a form generated from Fields to add or edit one client,
 * its stage, live duplicate warnings, interactions and history. An edit sends
 * only the changed fields with the Updated stamp it loaded; a refused
 * (conflicting) edit keeps everything the user typed.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AppError } from '../../src/core/result';
import type { CountryCode } from '../../src/core/normalize/phone';
import { STAGES } from '../../src/core/schema/field';
import type { ClientDto, DealDto, DuplicateMatchDto, HistoryDto, LastContactDto, SaveClientOutcome } from '../../src/server';
import { DealsPanel } from '../views/deals/deals-panel';
import { CompanyLink } from '../views/company/company-link';
import { checkField, checkFields, localDay, type CheckContext } from '../form/check-field';
import {
  blankValues,
  changedFields,
  displayName,
  fieldByKey,
  fromClient,
  hasIdentity,
  nonBlankNames,
  pick,
  rebase,
  type FormValues,
} from '../form/form-values';
import { shortTime } from '../format/time';
import { useLocale, useT } from '../i18n/locale';
import { cardMessages } from '../views/card/messages';
import { ConflictChooser, clashes, conflictInputName, type Choice } from './conflict-chooser';
import { clientSaved, duplicateCandidates } from '../client-index';
import { rpc } from '../rpc';
import { canEdit, useSession, type Session } from '../session';
import { timing } from '../timing';
import { DuplicateList } from './duplicate-list';
import { FieldInput } from './field-input';
import { HistoryList } from './history-list';
import { InteractionForm } from './interaction-form';
import { StageBar } from './stage-bar';
import { fieldLabel, optionLabel } from '../../src/core/schema/field-words';
import { DeleteClient } from './delete-client';
import type { ProblemKind } from '../../src/core/validate/problem';

export interface ClientCardProps {
  /** null: a new, empty client. */
  clientId: string | null;
  /** Open another client; `discard` skips the unsaved-changes question (the user chose to leave this draft). */
  onOpen: (id: string, discard?: boolean) => void;
  /** The client now shown (a new one gets its ID on first save). */
  onShown: (id: string | null) => void;
  onDirty: (dirty: boolean) => void;
  /** The client was deleted: the view closes the card and says so. */
  onDeleted?: (message: string) => void;
  /** Open the card of the client's company (its Company ID); the company card's people lead back. */
  onOpenCompany?: (id: string) => void;
}

export const fieldId = (index: number) => `cb-f-${index}`;

/** Non-blank values of a new client other than the defaults it started with. */
const typedNames = (fields: Parameters<typeof blankValues>[0], values: FormValues) => {
  const start = blankValues(fields);
  return nonBlankNames(fields, values).filter((name) => values[name] !== start[name]);
};

/** The base's default country, once the server sends it; national phones are otherwise left to the server. */
function checkContext(session: Session): CheckContext {
  const { defaultCountry } = session as Session & { defaultCountry?: CountryCode };
  return { defaultCountry, today: localDay(session.today) };
}

type Banner = { kind: 'error'; message: string; fields: { name: string; index: number; message: string }[] };

export function ClientCard({ clientId, onOpen, onShown, onDirty, onDeleted, onOpenCompany }: ClientCardProps) {
  const t = useT();
  const locale = useLocale();
  const m = cardMessages(locale);
  const session = useSession();
  const { fields } = session;
  const editable = canEdit(session);
  const ctx = useMemo(() => checkContext(session), [session]);

  const [loaded, setLoaded] = useState<ClientDto | null>(null);
  const [loadError, setLoadError] = useState('');
  const [values, setValues] = useState<FormValues>(() => blankValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<Banner | null>(null);
  /** A refused save: who saved meanwhile, their version once fetched, and the user's choice per field both changed. */
  const [conflict, setConflict] = useState<{ who: string; fresh: ClientDto | null; choices: Record<string, Choice>; missing: string } | null>(null);
  const refusal = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState('');
  const [liveMatches, setLiveMatches] = useState<DuplicateMatchDto[]>([]);
  const [blockingMatches, setBlockingMatches] = useState<DuplicateMatchDto[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [openedHistory, setOpenedHistory] = useState<HistoryDto | null>(null);
  const [openedContact, setOpenedContact] = useState<LastContactDto | null | undefined>(undefined);
  const [openedDeals, setOpenedDeals] = useState<DealDto[] | undefined>(undefined);

  // Async answers must merge into what the user has typed by then, not what they had typed when the call started.
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;

  const isNew = clientId === null && loaded === null;
  const loadedValues = useMemo(() => (loaded ? fromClient(fields, loaded.values) : blankValues(fields)), [loaded, fields]);
  // A new client sends what was typed; Fields' defaults (Stage: Cold) the server fills in itself, and a card holding only them has nothing to lose.
  const changed = useMemo(() => (isNew ? typedNames(fields, values) : changedFields(fields, loadedValues, values)), [isNew, fields, values, loadedValues]);
  const dirty = changed.length > 0;

  useEffect(() => onDirty(dirty), [dirty]);

  useEffect(() => {
    if (clientId === null) return undefined;
    let current = true;
    // The client, its history and last contact in one google.script.run call: each round trip costs about a second on Google.
    rpc.apiOpenClient(clientId).then((result) => {
      if (!current) return;
      if (result.ok) {
        setOpenedHistory(result.value.history);
        setOpenedContact(result.value.lastContact);
        setOpenedDeals(result.value.deals ?? []);
        setLoaded(result.value.client);
        setValues(fromClient(fields, result.value.client.values));
      } else setLoadError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [clientId]);

  // Live duplicate warning while a new client is typed.
  const dupTicket = useRef(0);
  useEffect(() => {
    const ticket = ++dupTicket.current;
    if (!isNew || !hasIdentity(fields, values)) {
      setLiveMatches([]);
      return undefined;
    }
    const timer = setTimeout(async () => {
      const draft = pick(values, typedNames(fields, values));
      // Scored on the server over rows of the sidebar's own index: no read of the whole Clients tab per check.
      const candidates = await duplicateCandidates(fields, draft);
      if (ticket !== dupTicket.current) return;
      const result = await rpc.apiCheckDuplicates(draft, undefined, candidates ?? undefined);
      if (ticket === dupTicket.current && result.ok) setLiveMatches(result.value);
    }, timing.duplicateDebounceMs);
    return () => clearTimeout(timer);
  }, [isNew, values]);

  // The field as the user reads it: "Эл. почта" in a Russian sidebar of a base whose column is Email.
  const message = (name: string, problem: NonNullable<ReturnType<typeof checkField>>) => {
    const field = fields.find((f) => f.name === name);
    return t.fieldProblem(field ? fieldLabel(field, locale) : name, problem.kind, problem.message, problem.suggestion);
  };

  const showErrors = (byField: Record<string, string>, summary: string) => {
    const listed = fields
      .map((f, index) => ({ name: f.name, index, message: byField[f.name] }))
      .filter((e): e is { name: string; index: number; message: string } => Boolean(e.message));
    // Messages about names that are not fields (a column deleted meanwhile) must not vanish.
    const strays = Object.entries(byField).filter(([name]) => !fields.some((f) => f.name === name));
    setErrors(byField);
    setBanner({ kind: 'error', message: [summary, ...strays.map(([, m]) => m)].join(' '), fields: listed });
    if (listed.length) document.getElementById(fieldId(listed[0].index))?.focus();
  };

  const failed = (error: AppError) => {
    if (error.code === 'conflict') {
      setConflict({ who: '', fresh: null, choices: {}, missing: '' });
      const id = loadedRef.current?.id;
      // Their version, for the per-field choice; the form keeps the user's values until they choose.
      if (id) rpc.apiGetClient(id).then((r) => r.ok && setConflict((c) => (c ? { ...c, who: r.value.updatedBy, fresh: r.value } : c)));
    } else if (error.code === 'validation' && error.fields) {
      // The server's checks, worded by the sidebar's language where it knows the kind of problem.
      const kinds = error.kinds ?? {};
      const worded = Object.fromEntries(
        Object.entries(error.fields).map(([name, text]) => [name, kinds[name] ? t.fieldProblem(name, kinds[name] as ProblemKind, text, '') : text]),
      );
      showErrors(worded, t.fixFields(Object.keys(worded).length));
    } else {
      setBanner({ kind: 'error', message: error.message, fields: [] });
    }
  };

  /** Their version underneath, the user's unsaved edits on top. */
  const applyFresh = (fresh: ClientDto): string[] => {
    const before = loadedRef.current ? fromClient(fields, loadedRef.current.values) : blankValues(fields);
    const merged = rebase(fields, before, fromClient(fields, fresh.values), valuesRef.current);
    setLoaded(fresh);
    setValues(merged.values);
    return merged.theirChanges;
  };

  const afterSave = (outcome: SaveClientOutcome, sent: FormValues) => {
    if (outcome.status === 'possible_duplicates') {
      setBlockingMatches(outcome.matches);
      return;
    }
    const { client } = outcome;
    clientSaved(client, outcome.clientsVersion);
    // What the user typed while the save was under way stays; what was sent shows as the server stored it.
    const merged = rebase(fields, { ...loadedValues, ...sent }, fromClient(fields, client.values), valuesRef.current);
    setLoaded(client);
    setValues(merged.values);
    setErrors({});
    setBlockingMatches(null);
    setLiveMatches([]);
    setNotice(outcome.created ? t.savedNew(client.id) : t.savedEdit(outcome.changedFields));
    setHistoryVersion((v) => v + 1);
    if (outcome.created) onShown(client.id);
  };

  const save = async (acknowledgeDuplicates = false) => {
    if (saving || !editable) return;
    setNotice('');
    setBanner(null);
    if (!isNew && !dirty) {
      setNotice(t.noChanges);
      return;
    }
    // A new client is checked whole (required fields); an edit only where it changed.
    const checkNames = isNew ? fields.map((f) => f.name) : changed;
    const problems = checkFields(fields, values, checkNames, ctx);
    const names = Object.keys(problems);
    if (names.length) {
      showErrors(Object.fromEntries(names.map((n) => [n, message(n, problems[n])])), t.fixFields(names.length));
      return;
    }
    setErrors({});
    const sent = pick(values, changed);
    setSaving(true);
    const candidates = isNew && !acknowledgeDuplicates ? await duplicateCandidates(fields, sent) : null;
    const result = await rpc.apiSaveClient({
      id: loaded?.id,
      values: sent,
      expectedUpdated: loaded?.updated,
      acknowledgeDuplicates: acknowledgeDuplicates || undefined,
      candidates: candidates ?? undefined,
    });
    setSaving(false);
    if (result.ok) afterSave(result.value, sent);
    else failed(result.error);
  };

  const reload = async () => {
    if (!loaded) return;
    const result = await rpc.apiGetClient(loaded.id);
    if (!result.ok) {
      setBanner({ kind: 'error', message: result.error.message, fields: [] });
      return;
    }
    // A field both changed is never settled silently: the user picks theirs or theirs is kept.
    const before = fromClient(fields, loaded.values);
    const fresh = fromClient(fields, result.value.values);
    const both = clashes(fields, before, fresh, valuesRef.current);
    const choices = conflict?.choices ?? {};
    const undecided = both.find((name) => !choices[name]);
    if (conflict && undecided) {
      // Their version may have moved on since the chooser was drawn: show the current one.
      setConflict({ ...conflict, fresh: result.value, missing: undecided });
      document.querySelector<HTMLInputElement>(`input[name="${conflictInputName(undecided)}"]`)?.focus();
      return;
    }
    const theirs = applyFresh(result.value);
    const kept = both.filter((name) => choices[name] === 'theirs');
    if (kept.length) setValues((v) => ({ ...v, ...pick(fresh, kept) }));
    setConflict(null);
    setNotice(t.reloaded(theirs));
    setHistoryVersion((v) => v + 1);
  };

  const setStage = async (stage: string) => {
    if (!loaded || saving) return;
    setSaving(true);
    setBanner(null);
    const result = await rpc.apiSetStage(loaded.id, stage, loaded.updated);
    setSaving(false);
    if (!result.ok) return failed(result.error);
    if (result.value.status === 'saved') {
      applyFresh(result.value.client);
      // The notice names the stage as the button did, not the code word saved.
      setNotice(t.stageChanged(stageField ? optionLabel(stageField, stage, locale) : stage));
      setHistoryVersion((v) => v + 1);
    }
  };

  const afterInteraction = async () => {
    setHistoryVersion((v) => v + 1);
    // Logging updates Last contact / Next action date, and with them the Updated stamp the next save must send.
    const id = loadedRef.current?.id;
    if (!id) return;
    const result = await rpc.apiGetClient(id);
    if (result.ok) applyFresh(result.value);
  };

  const setValue = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    // Once a field shows an error, let it clear as soon as the value is right.
    if (errors[name]) {
      const field = fields.find((f) => f.name === name)!;
      const problem = checkField(field, value, ctx);
      setErrors((e) => {
        const next = { ...e };
        if (problem) next[name] = message(name, problem);
        else delete next[name];
        return next;
      });
    }
  };

  const blur = (index: number) => {
    const field = fields[index];
    const value = valuesRef.current[field.name] ?? '';
    if (value === (loadedValues[field.name] ?? '') && !errors[field.name]) return;
    const problem = checkField(field, value, ctx);
    setErrors((e) => {
      const next = { ...e };
      if (problem) next[field.name] = message(field.name, problem);
      else delete next[field.name];
      return next;
    });
  };

  // A refusal appears at the top of a long form while the user is at Save: bring it into view and give it focus,
  // so it is seen and read out. Field errors focus their field instead (showErrors).
  const refusalKey = `${conflict ? 'c' : ''}${banner && banner.fields.length === 0 ? `b${banner.message}` : ''}${blockingMatches ? `d${blockingMatches.length}` : ''}`;
  useEffect(() => {
    const el = refusal.current;
    if (!refusalKey || !el) return;
    el.scrollIntoView({ block: 'start' });
    (el.querySelector<HTMLElement>('[data-refusal]') ?? el).focus({ preventScroll: true });
  }, [refusalKey]);

  if (loadError)
    return (
      <p class="banner error" role="alert">
        {t.errorPrefix} {loadError}
      </p>
    );
  if (clientId !== null && !loaded)
    return (
      <p class="muted" role="status">
        {t.loading}
      </p>
    );

  const stageField = fieldByKey(fields, 'stage');
  const name = displayName(fields, loadedValues);
  return (
    <article class="card" aria-labelledby="cb-card-title">
      <header class="card-head">
        <h2 id="cb-card-title">{isNew ? t.newClientTitle : name || t.clientTitle(loaded!.id)}</h2>
        {loaded && (
          <p class="muted">
            {loaded.id} · {t.updatedBy(shortTime(loaded.updated, session.timeZone, locale), loaded.updatedBy)}
          </p>
        )}
      </header>

      {!editable && <p class="banner info">{t.readOnly}</p>}

      <div class="refusals" ref={refusal} tabIndex={-1}>
        {conflict && (
          <div class="banner conflict" role="alert" tabIndex={-1} data-refusal>
            <strong>{t.conflictTitle(conflict.who)}</strong>
            {conflict.fresh && loaded && clashes(fields, loadedValues, fromClient(fields, conflict.fresh.values), values).length === 0 && (
              <p>{t.conflictDetail}</p>
            )}
            {conflict.fresh && loaded && (
              <ConflictChooser
                m={m}
                who={conflict.who}
                fields={fields}
                before={loadedValues}
                fresh={fromClient(fields, conflict.fresh.values)}
                current={values}
                choices={conflict.choices}
                missing={conflict.missing}
                onChoose={(name, choice) =>
                  setConflict((c) => (c ? { ...c, choices: { ...c.choices, [name]: choice }, missing: c.missing === name ? '' : c.missing } : c))
                }
              />
            )}
            <button type="button" onClick={reload}>
              {t.reload}
            </button>
          </div>
        )}

        {banner && (
          <div class="banner error" role="alert" tabIndex={-1} data-refusal={banner.fields.length === 0 ? '' : undefined}>
            <p>{banner.message}</p>
            {banner.fields.length > 0 && (
              <ul>
                {banner.fields.map((e) => (
                  <li key={e.name}>
                    <a
                      href={`#${fieldId(e.index)}`}
                      onClick={(ev) => {
                        ev.preventDefault();
                        document.getElementById(fieldId(e.index))?.focus();
                      }}
                    >
                      {e.message}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        {blockingMatches && (
          <div tabIndex={-1} data-refusal aria-live="assertive">
            <DuplicateList matches={blockingMatches} title={t.dupSaveTitle} busy={saving} onOpen={(id) => onOpen(id, true)} onSaveAnyway={() => save(true)} />
          </div>
        )}
      </div>

      <p class="notice" role="status" aria-live="polite">
        {notice}
      </p>

      {loaded && stageField && editable && (
        <StageBar
          stages={stageField.options.length ? stageField.options : STAGES}
          current={loadedValues[stageField.name] ?? ''}
          disabled={saving}
          onStage={setStage}
          label={(stage) => optionLabel(stageField, stage, locale)}
        />
      )}

      <div class="live-dups" role="status" aria-live="polite">
        {!blockingMatches && liveMatches.length > 0 && (
          <DuplicateList matches={liveMatches} title={t.dupLiveTitle(liveMatches.length)} onOpen={(id) => onOpen(id, true)} />
        )}
      </div>

      {loaded && <HistoryList clientId={loaded.id} version={historyVersion} timeZone={session.timeZone} today={session.today} initial={openedHistory} />}
      {loaded && editable && <InteractionForm clientId={loaded.id} onLogged={afterInteraction} lastContact={openedContact} />}
      {loaded && onOpenCompany && <CompanyLink values={loaded.values} onOpen={onOpenCompany} />}
      {loaded && openedDeals && <DealsPanel clientId={loaded.id} companyId={loaded.values['Company ID'] || undefined} initial={openedDeals} />}

      <form
        class="client-form"
        aria-labelledby="cb-card-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {fields.map((field, index) => (
          <FieldInput
            key={field.name}
            field={field}
            id={fieldId(index)}
            value={values[field.name] ?? ''}
            error={errors[field.name]}
            readOnly={!editable}
            user={session.user}
            onValue={(v) => setValue(field.name, v)}
            onBlur={() => blur(index)}
          />
        ))}
        {editable && (
          <div class="actions">
            <button type="submit" disabled={saving}>
              {saving ? t.saving : t.save}
            </button>
          </div>
        )}
      </form>

      {loaded && session.role === 'admin' && (
        <DeleteClient
          client={loaded}
          name={[values['First name'], values['Last name']].filter(Boolean).join(' ') || values.Company || ''}
          onDeleted={(message) => onDeleted?.(message)}
        />
      )}
    </article>
  );
}
