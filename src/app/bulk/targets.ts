/**
 * Which clients a bulk action is about, counted before anything is done:
 * the rows selected in Clients or a segment tab (through gas/selection.ts,
 * so rows a filter hides are left out, in Sheets and in the playground),
 * the members of a segment, or the clients of one manager. And the choices
 * the panel offers (stages, people, tags, segments), so nothing is typed.
 */
import type { FieldDef } from '../../core/schema/field';
import { Columns } from '../../core/clients/columns';
import { summaryLabel, summaryReader } from '../../core/clients/summary';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { cellText } from '../../core/values';
import { readTable } from '../../gas/sheets';
import { loadBase } from '../base';
import { readSegmentsTab } from '../segments/definitions';
import { segmentClientIds } from '../segments/members';
import { selectedClientIds, stageField } from '../segments/stage';
import { managerField, splitTags, tagsField } from './update';

export type BulkSource = { kind: 'selection' } | { kind: 'segment'; name: string } | { kind: 'manager'; manager: string };

export interface BulkTargetsDto {
  ids: string[];
  /** Where they come from, in words: the tab of the selection, the segment, the manager. */
  from: string;
  /** The first few, by name, so the count is recognisable. */
  sample: string[];
}

export interface BulkOptionsDto {
  stages: string[];
  /** The stage field, for its options in the user's language; the stages above stay the values written. */
  stageField?: FieldDef;
  /** Admins and managers from Settings, and everyone already in the Manager column. */
  people: string[];
  tags: string[];
  segments: string[];
}

const SAMPLE = 5;
const MAX_CHOICES = 300;

function distinct(values: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    const t = v.trim();
    if (t && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b)).slice(0, MAX_CHOICES);
}

export function bulkTargets(source: BulkSource): BulkTargetsDto {
  const base = loadBase();
  let ids: string[];
  let from: string;
  const clients = readTable(TAB.clients);
  if (!clients) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
  const cols = new Columns(clients.header);
  if (source?.kind === 'selection') {
    const selected = selectedClientIds();
    ids = selected.ids;
    from = selected.tab;
  } else if (source?.kind === 'segment') {
    ids = segmentClientIds(String(source.name ?? ''));
    from = String(source.name);
  } else if (source?.kind === 'manager') {
    const who = String(source.manager ?? '')
      .trim()
      .toLowerCase();
    if (!who) throw new AppFailure('validation', 'Choose a manager.');
    const field = managerField(base);
    ids = clients.rows.filter((r) => cellText(cols.get(r, field.name)).trim().toLowerCase() === who).map((r) => cellText(cols.get(r, 'ID')).trim());
    from = String(source.manager).trim();
  } else {
    throw new AppFailure('bad_input', 'Choose which clients: the selected rows, a segment or a manager.');
  }
  const wanted = new Set(ids);
  const summary = summaryReader(base.fields, clients.header);
  const sample = clients.rows
    .filter((r) => wanted.has(cellText(cols.get(r, 'ID')).trim()))
    .slice(0, SAMPLE)
    .map((r) => summaryLabel(summary(r), cellText(cols.get(r, 'ID'))));
  return { ids, from, sample };
}

export function bulkOptions(): BulkOptionsDto {
  const base = loadBase();
  const clients = readTable(TAB.clients);
  const cols = new Columns(clients?.header ?? []);
  const stage = base.fields.find((f) => f.key === 'stage') ? stageField(base) : null;
  const manager = base.fields.find((f) => f.key === 'manager') ? managerField(base) : null;
  const tags = base.fields.some((f) => f.key === 'tags' || f.type === 'tags') ? tagsField(base) : null;
  const rows = clients?.rows ?? [];
  return {
    stages: stage?.options ?? [],
    stageField: stage ?? undefined,
    people: distinct([...base.settings.admins, ...base.settings.managers, ...(manager ? rows.map((r) => cellText(cols.get(r, manager.name))) : [])]),
    tags: distinct([...(tags?.options ?? []), ...(tags ? rows.flatMap((r) => splitTags(cols.get(r, tags.name))) : [])]),
    segments: readSegmentsTab()
      .rows.map((s) => s.name)
      .filter(Boolean),
  };
}
