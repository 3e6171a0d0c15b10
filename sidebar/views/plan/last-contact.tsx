/** Above the call form: when this client was last contacted and by whom, and whether the team's pause applies. */
import { useEffect, useState } from 'preact/hooks';
import type { LastContactDto } from '../../../src/server';
import { rpc } from '../../rpc';
import { usePlanMessages } from './messages';
import { dayText } from '../../format/time';
import type { InteractionType } from '../../i18n/en';
import { useLocale, useT } from '../../i18n/locale';

/** `initial`: what came with the card (apiOpenClient); fetched only when absent or after a logged call (`refreshKey` > 0). */
export function LastContact({ clientId, refreshKey = 0, initial }: { clientId: string; refreshKey?: number; initial?: LastContactDto | null }) {
  const p = usePlanMessages();
  const t = useT();
  const locale = useLocale();
  const [contact, setContact] = useState<LastContactDto | null | undefined>(initial);
  useEffect(() => {
    if (refreshKey === 0 && initial !== undefined) {
      setContact(initial);
      return undefined;
    }
    let live = true;
    setContact(undefined);
    rpc.apiLastContact(clientId).then((result) => {
      if (live) setContact(result.ok ? result.value : undefined);
    });
    return () => void (live = false);
  }, [clientId, refreshKey]);
  if (contact === undefined) return null;
  if (contact === null)
    return (
      <p class="muted last-contact" data-testid="last-contact">
        {p.neverContacted}
      </p>
    );
  // The type in the sidebar's language, as the history below it says it (a type the team added reads as typed).
  const typeWord = (type: string) => t.interactionTypes[type as InteractionType] ?? type;
  return (
    <div class="last-contact" data-testid="last-contact">
      <p class={contact.recent ? 'banner warning' : 'muted'}>
        {p.lastContact(dayText(contact.date, locale), contact.by, typeWord(contact.type), contact.daysAgo)}
      </p>
      {contact.recent && <p class="muted">{p.recentWarning(contact.pauseDays)}</p>}
    </div>
  );
}
