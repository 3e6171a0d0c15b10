/**
 * Segments as the sidebar sees them: the list with counts evaluated now in
 * src/core, and adding, editing and removing a row of `Segments`. Every
 * change re-checks the rule on the server, is audited, and rebuilds the live
 * tabs at once.
 */
import { auditRows } from '../../core/audit/entry';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { withDocumentLock } from '../../gas/lock';
import { appendRows, findSheet, writeBlock } from '../../gas/sheets';
import { now } from '../../gas/session';
import { loadBase, requireRole } from '../base';
import { checkSegments, findSegment, parseOrFail, readSegmentsTab, shownName } from './definitions';
import { loadSegmentData, matchingRows } from './members';
import { companyRuleOptions } from './company-data';
import { rebuildAndList, rebuildSegmentTabs } from './refresh';

export interface SegmentDto {
  name: string;
  rule: string;
  description: string;
  /** Matching clients now, or null when the rule has an error. */
  count: number | null;
  /** What is wrong with the rule (with a caret line), or null. */
  error: string | null;
  /** When its tab was last rebuilt (ISO), or ''. */
  refreshed: string;
}

export interface SegmentInput {
  /** The segment being edited, by its current name; absent for a new one. */
  originalName?: string;
  name: string;
  rule: string;
  description?: string;
}

export const MAX_SEGMENT_NAME = 100;
export const MAX_DESCRIPTION = 2_000;

export function listSegments(): SegmentDto[] {
  const base = loadBase();
  const tab = readSegmentsTab();
  const data = loadSegmentData(base);
  return checkSegments(tab.rows, data.header, { ...companyRuleOptions(data.companies), fields: base.fields }).map((s) => ({
    name: s.name,
    rule: s.rule,
    description: s.description,
    count: s.ok ? matchingRows(s.ast, data).length : null,
    error: s.ok ? null : s.error,
    refreshed: s.refreshed,
  }));
}

function checkInput(input: SegmentInput): { name: string; rule: string; description: string } {
  if (!input || typeof input !== 'object') throw new AppFailure('bad_input', 'Nothing to save: the form sent no segment.');
  const errors: Record<string, string> = {};
  const name = typeof input.name === 'string' ? input.name.replace(/\s+/g, ' ').trim() : '';
  if (typeof input.name !== 'string') errors.name = 'The name must be text';
  else if (name === '') errors.name = 'Give the segment a name';
  else if (name.length > MAX_SEGMENT_NAME) errors.name = `At most ${MAX_SEGMENT_NAME} characters (this one has ${name.length})`;
  if (typeof input.rule !== 'string') errors.rule = 'The rule must be text';
  const description = input.description === undefined ? '' : typeof input.description === 'string' ? input.description.trim() : null;
  if (description === null) errors.description = 'The description must be text';
  else if (description.length > MAX_DESCRIPTION) errors.description = `At most ${MAX_DESCRIPTION} characters`;
  if (Object.keys(errors).length) throw new AppFailure('validation', 'Some fields need attention; nothing was saved.', errors);
  return { name, rule: input.rule, description: description ?? '' };
}

/** Adds or edits a row of Segments and rebuilds the live tabs. Manager role. */
export function saveSegment(input: SegmentInput): SegmentDto[] {
  const checked = checkInput(input);
  const base = loadBase();
  requireRole(base, 'manager', 'add or change segments');
  return withDocumentLock(() => {
    const tab = readSegmentsTab();
    if (
      tab.header
        .slice(0, 3)
        .map((h) => h.trim().toLowerCase())
        .join('|') !== 'name|rule|description'
    ) {
      throw new AppFailure('bad_input', 'The Segments tab must start with the columns Name, Rule, Description; put them back in that order.');
    }
    // Read once: the rule is checked against its header, and the same rows give every segment's count.
    const data = loadSegmentData(base);
    parseOrFail(checked.rule, data.header, { ...companyRuleOptions(data.companies), fields: base.fields });
    const original = input.originalName === undefined ? undefined : findSegment(tab.rows, input.originalName);
    if (input.originalName !== undefined && !original) {
      throw new AppFailure(
        'not_found',
        `No segment named "${shownName(String(input.originalName))}": someone may have renamed or removed it. Reload the list.`,
      );
    }
    const clash = findSegment(tab.rows, checked.name);
    if (clash && clash !== original)
      throw new AppFailure('validation', `A segment named "${shownName(clash.name)}" already exists.`, { name: 'This name is taken' });
    // A rename leaves a tab behind: only a full rebuild removes it, after the row is written as before.
    const renamed = !!original && original.name.toLowerCase() !== checked.name.toLowerCase();
    const index = original ? original.index : tab.rowCount;
    const kept = original ? { refreshed: original.refreshed, columns: original.columns } : { refreshed: '', columns: '' };
    if (renamed) writeBlock(TAB.segments, index + 2, 1, [[checked.name, checked.rule, checked.description]]);
    // The tab as it is now (or is about to be), without reading it again.
    const row = { index, name: checked.name, rule: checked.rule, description: checked.description, ...kept };
    const rows = [...tab.rows.filter((r) => r.index !== index), row].sort((a, b) => a.index - b.index);
    const written = { ...tab, rows, rowCount: Math.max(tab.rowCount, index + 1) };
    // One segment's save: its tab first, then its whole row in one write (name, rule, live count, stamp), then Audit.
    const saved = { index, isNew: !original, name: checked.name, rule: checked.rule, description: checked.description, columns: kept.columns };
    const listed = rebuildAndList(base, renamed ? { tab: written, data } : { only: checked.name, tab: written, data, saved }).listed;
    appendRows(
      TAB.audit,
      auditRows([
        {
          time: now(),
          user: base.user,
          action: original ? 'edit segment' : 'add segment',
          clientId: '',
          field: checked.name,
          oldValue: original ? `${original.name}: ${original.rule}` : '',
          newValue: `${checked.name}: ${checked.rule}`,
          source: 'sidebar',
        },
      ]),
      { oneCall: true },
    );
    return listed;
  });
}

/** Removes a row of Segments; the refresh then deletes its tab. Manager role. */
export function deleteSegment(name: string): SegmentDto[] {
  const base = loadBase();
  requireRole(base, 'manager', 'remove segments');
  withDocumentLock(() => {
    const segment = findSegment(readSegmentsTab().rows, name);
    if (!segment) throw new AppFailure('not_found', `No segment named "${shownName(String(name ?? ''))}".`);
    findSheet(TAB.segments)!.deleteRow(segment.index + 2);
    appendRows(
      TAB.audit,
      auditRows([
        { time: now(), user: base.user, action: 'remove segment', clientId: '', field: segment.name, oldValue: segment.rule, newValue: '', source: 'sidebar' },
      ]),
    );
    rebuildSegmentTabs(base);
  });
  return listSegments();
}
