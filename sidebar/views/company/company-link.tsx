/** On a client's card: the way to its company's card (one round trip there; the company card's people lead back). */
import { useLocale } from '../../i18n/locale';
import { useSession } from '../../session';
import { companyMessages } from './messages';

export function CompanyLink({ values, onOpen }: { values: Record<string, string>; onOpen: (id: string) => void }) {
  const m = companyMessages(useLocale() as string);
  const { fields } = useSession();
  // By key, not by name: the team may have renamed or translated the columns.
  const cell = (key: string, fallback: string) => (values[fields.find((f) => f.key === key)?.name ?? fallback] ?? '').trim();
  const id = cell('companyId', 'Company ID');
  if (!id) return null;
  return (
    <p class="cb-company-link">
      <button type="button" class="link" onClick={() => onOpen(id)}>
        {m.openCompany(cell('company', 'Company') || id)}
      </button>
    </p>
  );
}
