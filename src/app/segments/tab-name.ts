/**
 * Names of the tabs that show a segment live. A prefix keeps them apart from
 * the tabs the add-on manages and from the team's own tabs; a note on A1
 * marks a tab as made by the add-on, so only such tabs are ever deleted.
 */
export const SEGMENT_TAB_PREFIX = 'Seg · ';
export const SEGMENT_TAB_MARKER = 'ClientBase segment tab';
/** Sheets refuses longer tab names. */
export const MAX_TAB_NAME = 100;

/** The note on A1 of a segment tab: the marker, the segment, and why the tab should not be edited. */
export function segmentTabNote(segmentName: string): string {
  return `${SEGMENT_TAB_MARKER} for the segment "${segmentName.slice(0, 200)}". Segment tabs are computed; edit the client in Clients or the sidebar.`;
}

export function isSegmentTabNote(note: unknown): boolean {
  return typeof note === 'string' && note.startsWith(SEGMENT_TAB_MARKER);
}

export function hasSegmentPrefix(tab: string): boolean {
  return tab.startsWith(SEGMENT_TAB_PREFIX);
}

/**
 * "Seg · Hot" for the segment "Hot": characters other spreadsheet programs
 * refuse in tab names ([ ] * ? : / \) and control characters become spaces,
 * spaces are squeezed, and the name is cut to the 100 characters Sheets allows
 * without splitting an emoji. `suffix` (" (2)") tells apart segments whose
 * names clean up to the same tab name.
 */
export function segmentTabName(segmentName: string, suffix = ''): string {
  const cleaned = String(segmentName ?? '')
    .replace(/[[\]*?:/\\]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  // Sheets counts UTF-16 units, so an emoji takes two of the 100; it is never split in half.
  const room = MAX_TAB_NAME - SEGMENT_TAB_PREFIX.length - suffix.length;
  let cut = '';
  for (const ch of cleaned || 'Segment') {
    if (cut.length + ch.length > room) break;
    cut += ch;
  }
  return `${SEGMENT_TAB_PREFIX}${cut.trimEnd()}${suffix}`;
}

/** Tab names for the segments in order, unique ignoring case (as Sheets requires); `taken` holds names that must be avoided. */
export function assignTabNames(segmentNames: readonly string[], taken: ReadonlySet<string> = new Set()): string[] {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  return segmentNames.map((name) => {
    let tab = segmentTabName(name);
    for (let n = 2; used.has(tab.toLowerCase()); n++) tab = segmentTabName(name, ` (${n})`);
    used.add(tab.toLowerCase());
    return tab;
  });
}
