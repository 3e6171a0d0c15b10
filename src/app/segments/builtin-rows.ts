/**
 * The segments a new base starts with (Cold, Warm, Hot, VIP by stage; Active
 * and Passive by purchase recency, with the Settings window), written into
 * `Segments` when Set up or adoption creates that tab, and their live tabs.
 */
import { builtinSegments } from '../../core/segments/builtin';
import { DEFAULT_FIELDS } from '../../core/schema/defaults';
import { SYSTEM_COLUMNS, type FieldDef } from '../../core/schema/field';
import { parseFieldsTab } from '../../core/schema/fields-tab';
import { TAB } from '../../core/schema/tabs';
import { readTable, writeBlock } from '../../gas/sheets';
import { spreadsheetTimeZone } from '../../gas/session';
import { sheetLanguage } from '../../gas/tab-keys';
import { loadSettings } from '../base';
import { rebuildSegmentTabs } from './refresh';

/** The stage field's name as the Fields tab has it (an adopted "Статус" column keeps its header). */
function stageFieldOf(fields: readonly FieldDef[]): string {
  return (fields.find((f) => f.key === 'stage') ?? DEFAULT_FIELDS.find((f) => f.key === 'stage')!).name;
}

/**
 * Writes the built-in rows into an empty Segments tab and builds their tabs.
 * Call under the document lock, once the Purchases and Settings tabs exist.
 * A failure to build the tabs does not undo Set up: the rows are there and
 * Refresh segments builds the tabs; the failure is logged.
 */
export function installBuiltinSegments(): void {
  const fieldsTable = readTable(TAB.fields);
  const parsed = fieldsTable && fieldsTable.rows.length ? parseFieldsTab([fieldsTable.header, ...fieldsTable.rows]).fields : [];
  const fields = parsed.length ? parsed : DEFAULT_FIELDS;
  // Names and descriptions in the base's language; the rules compare the canonical stage options.
  const segments = builtinSegments({ activeDays: loadSettings().activeDays, stageField: stageFieldOf(fields) }, sheetLanguage());
  writeBlock(
    TAB.segments,
    2,
    1,
    segments.map((s) => [s.name, s.rule, s.description]),
  );
  try {
    rebuildSegmentTabs({ timeZone: spreadsheetTimeZone(), fields }, { fallbackHeader: [...SYSTEM_COLUMNS, ...fields.map((f) => f.name)], fields });
  } catch (err) {
    console.warn(`ClientBase: segment tabs not built during set up (run ClientBase ▸ Refresh segments): ${err instanceof Error ? err.message : String(err)}`);
  }
}
