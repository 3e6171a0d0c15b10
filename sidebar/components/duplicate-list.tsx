/** Existing clients that look like the one being typed, each with why it looks the same. */
import type { DuplicateMatchDto } from '../../src/server';
import { useLocale, useT } from '../i18n/locale';
import { reasonText } from '../i18n/reasons';

export interface DuplicateListProps {
  matches: DuplicateMatchDto[];
  title: string;
  /** Set when a save was stopped by these matches: offers to save anyway. */
  onSaveAnyway?: () => void;
  onOpen: (id: string) => void;
  busy?: boolean;
}

export function DuplicateList({ matches, title, onSaveAnyway, onOpen, busy }: DuplicateListProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <section class={`duplicates${onSaveAnyway ? ' blocking' : ''}`} aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {matches.map((m) => {
          const name = m.name || m.company || t.unnamed;
          return (
            <li key={m.id}>
              <div class="dup-head">
                <strong>{name}</strong>
                <span class="dup-score">{t.dupScore(m.score)}</span>
              </div>
              <div class="dup-meta">{[m.name ? m.company : '', m.email, m.phone, m.id].filter(Boolean).join(' · ')}</div>
              {m.reasons.length > 0 && (
                <ul class="reasons">
                  {m.reasons.map((r, i) => (
                    <li key={i}>{reasonText(r, locale)}</li>
                  ))}
                </ul>
              )}
              <button type="button" class="link" aria-label={t.openExistingNamed(name)} onClick={() => onOpen(m.id)}>
                {t.openExisting}
              </button>
            </li>
          );
        })}
      </ul>
      {onSaveAnyway && (
        <button type="button" class="secondary" disabled={busy} onClick={onSaveAnyway}>
          {t.saveAnyway}
        </button>
      )}
    </section>
  );
}
