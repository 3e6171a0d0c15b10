/** Yearly campaigns and personal greetings: the list with Delete, and a small form to add one. Every value renders as text. */
import { useEffect, useState } from 'preact/hooks';
import type { OccasionDto, SegmentDto, TemplateDto } from '../../../src/server';
import { rpc } from '../../rpc';
import { canEdit, useSession } from '../../session';
import { usePlanMessages } from './messages';

export function OccasionsPanel({ active, onChanged }: { active: boolean; onChanged: () => void }) {
  const p = usePlanMessages();
  const session = useSession();
  const dateFields = session.fields.filter((f) => f.type === 'date').map((f) => f.name);
  const [list, setList] = useState<OccasionDto[]>([]);
  const [templates, setTemplates] = useState<TemplateDto[]>([]);
  const [segments, setSegments] = useState<SegmentDto[]>([]);
  const [kind, setKind] = useState<'yearly' | 'personal'>('personal');
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('');
  const [segment, setSegment] = useState('');
  const [date, setDate] = useState('12-31');
  const [field, setField] = useState(dateFields.find((f) => /birth|рожд|народж|naștere/i.test(f)) ?? dateFields[0] ?? '');
  const [hour, setHour] = useState(9);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const [o, t, s] = await Promise.all([rpc.apiListOccasions(), rpc.apiListTemplates(), rpc.apiListSegments()]);
    if (o.ok) setList(o.value);
    if (t.ok) {
      setTemplates(t.value);
      if (!template && t.value.length) setTemplate(t.value[0].name);
    }
    if (s.ok) setSegments(s.value);
  };
  useEffect(() => {
    if (active) load();
  }, [active]);

  const save = async () => {
    setBusy(true);
    setError('');
    const result = await rpc.apiSaveOccasion({ kind, name, template, segment, date, field, hour });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setName('');
    await load();
    onChanged();
  };

  const remove = async (o: OccasionDto) => {
    const result = await rpc.apiDeleteOccasion(o.id);
    if (!result.ok) setError(result.error.message);
    await load();
    onChanged();
  };

  return (
    <div class="plan-occasions">
      <h3>{p.occasionsTitle}</h3>
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
      {list.length === 0 && <p class="muted">{p.noOccasions}</p>}
      <ul class="plan-list">
        {list.map((o) => (
          <li key={o.id} class="plan-item occasion">
            <strong>{o.name}</strong> <span class="muted">{o.template}</span>
            <div class="muted">
              {o.kind === 'yearly'
                ? p.yearlyLine(`${String(o.month).padStart(2, '0')}-${String(o.day).padStart(2, '0')}`, o.segment, o.next)
                : p.personalLine(o.field)}{' '}
              · {String(o.hour).padStart(2, '0')}:00
            </div>
            {canEdit(session) && (
              <button type="button" class="secondary" aria-label={p.deleteNamed(o.name)} onClick={() => remove(o)}>
                {p.remove}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit(session) && (
        <details>
          <summary>{p.addOccasion}</summary>
          <label for="cb-occ-kind">{p.occasionsTitle}</label>
          <select id="cb-occ-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value === 'yearly' ? 'yearly' : 'personal')}>
            <option value="personal">{p.kindPersonal}</option>
            <option value="yearly">{p.kindYearly}</option>
          </select>
          <label for="cb-occ-name">{p.occasionName}</label>
          <input id="cb-occ-name" value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} />
          <label for="cb-occ-template">{p.template}</label>
          <select id="cb-occ-template" value={template} onChange={(e) => setTemplate(e.currentTarget.value)}>
            {templates.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
          <label for="cb-occ-segment">{p.segment}</label>
          <select id="cb-occ-segment" value={segment} onChange={(e) => setSegment(e.currentTarget.value)}>
            {kind === 'personal' && <option value="">{p.anySegment}</option>}
            {segments.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
          {kind === 'yearly' ? (
            <>
              <label for="cb-occ-date">{p.dateMd}</label>
              <input id="cb-occ-date" value={date} maxLength={5} onInput={(e) => setDate(e.currentTarget.value)} />
            </>
          ) : (
            <>
              <label for="cb-occ-field">{p.field}</label>
              <select id="cb-occ-field" value={field} onChange={(e) => setField(e.currentTarget.value)}>
                {dateFields.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </>
          )}
          <label for="cb-occ-hour">{p.hour}</label>
          <input id="cb-occ-hour" type="number" min={0} max={23} value={hour} onInput={(e) => setHour(Number(e.currentTarget.value))} />
          <button type="button" disabled={busy || !name.trim() || !template} onClick={save}>
            {p.addOccasion}
          </button>
        </details>
      )}
    </div>
  );
}
