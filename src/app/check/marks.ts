/**
 * The marks Check data leaves on offending cells: a light red background and
 * a note "ClientBase: <problem>". Pure: given the backgrounds and notes read
 * from the grid, it returns what to write back. A mark is recognised by the
 * note prefix, so the team's own notes and colours are never removed:
 * a team note is kept above ours, a team colour is left as it is (the cell
 * then gets the note only), and clearing removes only our part.
 */

/** Distinct from the light reds of the Sheets palette (#f4cccc, #ea9999), so a team colour is not mistaken for a mark. */
export const MARK_COLOR = '#fce8e6';
export const NOTE_PREFIX = 'ClientBase: ';
const SEPARATOR = '\n\n';
const DEFAULT_BACKGROUNDS = new Set(['', '#ffffff', '#fff', 'white']);

/** The note without the add-on's part; the same text when there is none. */
export function teamPartOf(note: string): string {
  if (note.startsWith(NOTE_PREFIX)) return '';
  const at = note.indexOf(SEPARATOR + NOTE_PREFIX);
  return at >= 0 ? note.slice(0, at) : note;
}

export function hasMark(note: string): boolean {
  return teamPartOf(note) !== note;
}

export function markNote(teamNote: string, problems: readonly string[]): string {
  const ours = problems.map((p) => NOTE_PREFIX + p.replace(/\s*\n\s*/g, ' ')).join('\n');
  return teamNote ? teamNote + SEPARATOR + ours : ours;
}

export interface MarkPlan {
  /** null restores the default (no fill), so banding and alternating colours show through. */
  backgrounds: (string | null)[][];
  notes: string[][];
  /** Whether anything differs from what was read (nothing to write otherwise). */
  changed: boolean;
  marked: number;
  cleared: number;
}

/** Key of a cell in `problemsByCell`: 0-based data row and column. */
export const cellKey = (row: number, column: number): string => `${row}:${column}`;

/**
 * The grid after marking exactly the cells in `problemsByCell` (rows and
 * columns 0-based within the block read) and clearing the add-on's marks
 * everywhere else.
 */
export function planMarks(
  backgrounds: readonly (readonly string[])[],
  notes: readonly (readonly string[])[],
  problemsByCell: ReadonlyMap<string, readonly string[]>,
): MarkPlan {
  let changed = false;
  let marked = 0;
  let cleared = 0;
  const outBackgrounds: (string | null)[][] = [];
  const outNotes: string[][] = [];
  for (let r = 0; r < notes.length; r++) {
    const noteRow = notes[r];
    const bgRow = backgrounds[r] ?? [];
    const newBg: (string | null)[] = new Array(noteRow.length);
    const newNotes: string[] = new Array(noteRow.length);
    for (let c = 0; c < noteRow.length; c++) {
      const note = noteRow[c] ?? '';
      const bg = String(bgRow[c] ?? '').toLowerCase();
      const team = teamPartOf(note);
      const ours = team !== note;
      const oursColor = ours && bg === MARK_COLOR;
      const problems = problemsByCell.get(cellKey(r, c));
      let nextNote: string;
      let nextBg: string | null;
      if (problems && problems.length > 0) {
        nextNote = markNote(team, problems);
        nextBg = DEFAULT_BACKGROUNDS.has(bg) || oursColor ? MARK_COLOR : bgRow[c];
        marked++;
      } else {
        nextNote = team;
        nextBg = oursColor ? null : bgRow[c];
        if (ours) cleared++;
      }
      if (nextNote !== note || (nextBg ?? '#ffffff').toLowerCase() !== (bg || '#ffffff')) changed = true;
      newNotes[c] = nextNote;
      newBg[c] = nextBg === null || DEFAULT_BACKGROUNDS.has(String(nextBg).toLowerCase()) ? null : nextBg;
    }
    outBackgrounds.push(newBg);
    outNotes.push(newNotes);
  }
  return { backgrounds: outBackgrounds, notes: outNotes, changed, marked, cleared };
}
