/**
 * The web app behind unsubscribe links: a token this add-on signed sets
 * Opt-out for its client, audited. Anything else changes nothing.
 */
import { auditRows } from '../../core/audit/entry';
import { Columns, findRowIndexById } from '../../core/clients/columns';
import { verifyToken } from '../../core/mail/unsubscribe';
import { TAB } from '../../core/schema/tabs';
import { withDocumentLock } from '../../gas/lock';
import { appendRows, readTable, writeBlock } from '../../gas/sheets';
import { now } from '../../gas/session';
import { unsubscribeHmac } from '../../gas/signing';
import { isOptedOut } from '../../core/mail/preflight';
import { parseFieldsTab } from '../../core/schema/fields-tab';

export type UnsubscribeResult = 'unsubscribed' | 'already' | 'invalid' | 'unknown_client';

export function unsubscribe(token: unknown): UnsubscribeResult {
  if (typeof token !== 'string' || token === '') return 'invalid';
  const verified = verifyToken(token, unsubscribeHmac());
  if (!verified) return 'invalid';
  const fieldsTable = readTable(TAB.fields);
  const fields = parseFieldsTab(fieldsTable ? [fieldsTable.header, ...fieldsTable.rows] : []).fields;
  const optOutName = fields.find((f) => f.key === 'optOut')?.name ?? 'Opt-out';
  return withDocumentLock(() => {
    const table = readTable(TAB.clients);
    if (!table) return 'unknown_client';
    const cols = new Columns(table.header);
    const index = findRowIndexById(table.rows, cols.indexOf('ID'), verified.clientId);
    const column = cols.indexOf(optOutName);
    if (index < 0 || column < 0) return 'unknown_client';
    const before = table.rows[index][column];
    if (isOptedOut(before)) return 'already';
    writeBlock(TAB.clients, index + 2, column + 1, [[true]]);
    appendRows(
      TAB.audit,
      auditRows([
        {
          time: now(),
          user: 'unsubscribe link',
          action: 'opt-out',
          clientId: verified.clientId,
          field: optOutName,
          oldValue: before,
          newValue: true,
          source: `unsubscribe link, mailing ${verified.campaign}`,
        },
      ]),
    );
    return 'unsubscribed';
  });
}
