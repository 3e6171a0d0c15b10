/**
 * Column formats of the tabs the add-on manages. Text columns are plain text
 * ('@') so Sheets stores what was written: "+7 916…" stays a phone, "=x" stays text.
 */
import { TAB, TAB_HEADERS } from './tabs';

export const STAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const DAY_FORMAT = 'yyyy-mm-dd';

export interface TabLayoutSpec {
  header: readonly string[];
  formats: readonly string[];
  protect?: string;
  hidden?: boolean;
}

function layout(header: readonly string[], special: Record<string, string>, extra: Omit<TabLayoutSpec, 'header' | 'formats'> = {}): TabLayoutSpec {
  return { header, formats: header.map((h) => special[h] ?? '@'), ...extra };
}

export const TAB_LAYOUTS: Record<string, TabLayoutSpec> = {
  [TAB.interactions]: layout(TAB_HEADERS.Interactions, { Date: DAY_FORMAT, 'Next date': DAY_FORMAT, Done: 'General' }),
  [TAB.purchases]: layout(TAB_HEADERS.Purchases, { Date: DAY_FORMAT, Amount: '#,##0.00' }),
  [TAB.segments]: layout(TAB_HEADERS.Segments, { Count: '0', Refreshed: STAMP_FORMAT }),
  [TAB.templates]: layout(TAB_HEADERS.Templates, {}),
  [TAB.mailings]: layout(TAB_HEADERS.Mailings, { Time: STAMP_FORMAT }),
  [TAB.duplicates]: layout(TAB_HEADERS.Duplicates, { Group: '0', Score: '0.00', Survivor: 'General' }),
  [TAB.archive]: layout(TAB_HEADERS.Archive, { Time: STAMP_FORMAT }, { protect: 'ClientBase archive of merged clients: used by Undo merge' }),
  [TAB.audit]: layout(TAB_HEADERS.Audit, { Time: STAMP_FORMAT }, { protect: 'ClientBase audit log: every change the add-on made' }),
  [TAB.settings]: layout(TAB_HEADERS.Settings, {}),
  [TAB.notDuplicates]: layout(
    TAB_HEADERS['Not duplicates'],
    { Time: STAMP_FORMAT },
    { hidden: true, protect: 'ClientBase memory of "not duplicates" decisions' },
  ),
  [TAB.fields]: layout(TAB_HEADERS.Fields, { Required: 'General', Unique: 'General' }),
  [TAB.deals]: layout(TAB_HEADERS.Deals, { Date: DAY_FORMAT, Amount: '#,##0.00', Created: STAMP_FORMAT, Updated: STAMP_FORMAT }),
};

/** System columns of Clients and their formats. */
export const SYSTEM_FORMATS: Record<string, string> = { ID: '@', Created: STAMP_FORMAT, Updated: STAMP_FORMAT, 'Updated by': '@' };
