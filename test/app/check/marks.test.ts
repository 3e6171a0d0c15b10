import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKey, hasMark, MARK_COLOR, markNote, NOTE_PREFIX, planMarks, teamPartOf } from '../../../src/app/check/marks';

const W = '#ffffff';

describe('planMarks', () => {
  it('colours and notes exactly the offending cells', () => {
    const plan = planMarks(
      [
        [W, W],
        [W, W],
      ],
      [
        ['', ''],
        ['', ''],
      ],
      new Map([[cellKey(1, 0), ['Email: not valid']]]),
    );
    expect(plan.backgrounds).toEqual([
      [null, null],
      [MARK_COLOR, null],
    ]);
    expect(plan.notes).toEqual([
      ['', ''],
      ['ClientBase: Email: not valid', ''],
    ]);
    expect(plan.marked).toBe(1);
    expect(plan.changed).toBe(true);
  });

  it('keeps the team’s note above its own and the team’s colour under it', () => {
    const plan = planMarks([['#00ff00']], [['Call after 5pm']], new Map([[cellKey(0, 0), ['Phone: not in international format']]]));
    expect(plan.backgrounds).toEqual([['#00ff00']]);
    expect(plan.notes[0][0]).toBe('Call after 5pm\n\nClientBase: Phone: not in international format');
  });

  it('clears only its own marks, leaving team notes and colours', () => {
    const backgrounds = [[MARK_COLOR, '#00ff00', MARK_COLOR, W]];
    const notes = [['ClientBase: old', 'VIP\n\nClientBase: old', 'the team chose this red', 'team note']];
    const plan = planMarks(backgrounds, notes, new Map());
    expect(plan.notes).toEqual([['', 'VIP', 'the team chose this red', 'team note']]);
    expect(plan.backgrounds).toEqual([[null, '#00ff00', MARK_COLOR, null]]);
    expect(plan.cleared).toBe(2);
  });

  it('replaces an old mark instead of stacking a second one', () => {
    const plan = planMarks([[MARK_COLOR]], [['Team\n\nClientBase: old problem']], new Map([[cellKey(0, 0), ['new problem', 'second problem']]]));
    expect(plan.notes[0][0]).toBe('Team\n\nClientBase: new problem\nClientBase: second problem');
    expect(plan.backgrounds[0][0]).toBe(MARK_COLOR);
  });

  it('reports no change when the grid already shows the marks', () => {
    const first = planMarks([[W, W]], [['', '']], new Map([[cellKey(0, 1), ['x']]]));
    const again = planMarks(
      first.backgrounds.map((r) => r.map((b) => b ?? W)),
      first.notes,
      new Map([[cellKey(0, 1), ['x']]]),
    );
    expect(again.changed).toBe(false);
  });

  it('puts a problem text with line breaks, HTML or a formula on one line of the note, as text', () => {
    const note = markNote('', ['Name: "<img src=x onerror=alert(1)>\n=HYPERLINK(1)"']);
    expect(note).toBe('ClientBase: Name: "<img src=x onerror=alert(1)> =HYPERLINK(1)"');
  });

  it('never loses a team note, whatever it says (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.boolean(), (team, marked) => {
        fc.pre(!team.startsWith(NOTE_PREFIX) && !team.includes('\n\n' + NOTE_PREFIX));
        const note = marked ? markNote(team, ['p']) : team;
        expect(teamPartOf(note)).toBe(team);
        expect(hasMark(note)).toBe(marked);
        const cleared = planMarks([[MARK_COLOR]], [[note]], new Map());
        expect(cleared.notes[0][0]).toBe(team);
      }),
    );
  });
});
