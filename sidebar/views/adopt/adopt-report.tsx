/** What adoption did, shown above the Client view once the base is open (and in the Adopt view if it cannot reload). */
import type { AdoptionReport } from '../../../src/server';
import { useLocale } from '../../i18n/locale';
import { messages } from './messages';

export function AdoptReport({ report }: { report: AdoptionReport }) {
  const m = messages[useLocale()];
  return (
    <div class="adopt-report">
      <p>
        <strong>{m.adopted(report.clients)}</strong> {m.mapped(report.mapped)}
      </p>
      {report.extra.length > 0 && <p>{m.extraKept(report.extra)}</p>}
      {report.added.length > 0 && <p>{m.columnsAdded(report.added)}</p>}
      {!!report.purchasesImported && <p>{m.purchasesImported(report.purchasesImported)}</p>}
      {!!report.companiesCreated && <p>{m.companiesMade(report.companiesCreated, report.peopleLinked ?? 0)}</p>}
      <p>{m.snapshotTaken(report.snapshotId)}</p>
      <p>
        <strong>{m.checkNext}</strong>
      </p>
    </div>
  );
}
