/**
 * A FormulaContext over plain 2-D arrays (row 1 = index 0), for tests: the
 * same arrays feed compileRule and evaluateFormula, so their answers can be
 * compared. Open ranges (A2:A) reach the sheet's last row.
 */
import type { FormulaContext } from '../../../emulator/formula/context';

export function arrayContext(
  sheets: Record<string, unknown[][]>,
  today: Date,
  timeZone = 'UTC',
  home = Object.keys(sheets)[0],
): FormulaContext & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    timeZone,
    today: () => today,
    values(rangeA1: string): unknown[][] {
      reads.push(rangeA1);
      const m = /^(?:(?:'((?:[^']|'')+)'|([^!']+))!)?\$?([A-Z]{1,3})\$?([0-9]*)(?::\$?([A-Z]{1,3})\$?([0-9]*))?$/i.exec(rangeA1);
      if (!m) throw new Error(`bad range ${rangeA1}`);
      const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? home);
      const sheet = sheets[name];
      if (!sheet) throw new Error(`no sheet ${name}`);
      const c1 = column(m[3]);
      const r1 = m[4] ? Number(m[4]) : 1;
      const c2 = m[5] ? column(m[5]) : c1;
      const r2 = m[5] === undefined ? r1 : m[6] ? Number(m[6]) : Math.max(sheet.length, r1);
      const out: unknown[][] = [];
      for (let r = r1; r <= r2; r++) {
        const row: unknown[] = [];
        for (let c = c1; c <= c2; c++) {
          const v = sheet[r - 1]?.[c - 1];
          row.push(v === undefined || v === null ? '' : v);
        }
        out.push(row);
      }
      return out;
    },
  };
}

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
