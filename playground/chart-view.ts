/**
 * The embedded charts of a sheet as the page draws them: labels from the
 * first column of the chart's ranges (as Sheets displays them), one series
 * per other column (header row = series name), blank-label rows dropped,
 * non-numbers drawn as 0. Chart specs come from the emulator (emu.charts).
 */
import type { Emulator } from '../emulator/index.ts';

export interface ChartView {
  id: number;
  type: string;
  title: string;
  anchor: { row: number; col: number };
  stacked: boolean;
  percent: boolean;
  labels: string[];
  series: { name: string; values: number[] }[];
}

const MAX_POINTS = 200;

function rectOf(a1: string): { row: number; col: number; rows: number; cols: number } | null {
  const m = /!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(a1);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

export function chartViews(emu: Emulator, sheetName: string): ChartView[] {
  const specs = emu.charts(sheetName);
  if (specs.length === 0) return [];
  const display = emu.readSheetDisplay(sheetName);
  return specs.map((spec) => {
    // Columns of every range side by side: values from the spec, texts as displayed.
    const columns: { values: unknown[]; texts: string[] }[] = [];
    spec.ranges.forEach((a1, k) => {
      const rect = rectOf(a1);
      const data = spec.data[k] ?? [];
      const cols = data[0]?.length ?? 0;
      for (let j = 0; j < cols; j++) {
        columns.push({
          values: data.map((row) => row[j]),
          texts: data.map((_, i) => (rect ? (display[rect.row - 1 + i]?.[rect.col - 1 + j] ?? '') : String(data[i][j] ?? ''))),
        });
      }
    });
    const [labelColumn, ...valueColumns] = columns;
    const rows: number[] = [];
    for (let i = 1; i < (labelColumn?.texts.length ?? 0) && rows.length < MAX_POINTS; i++) if (String(labelColumn.texts[i]).trim() !== '') rows.push(i);
    const options = spec.options as Record<string, unknown>;
    const vAxis = (options.vAxis ?? {}) as Record<string, unknown>;
    return {
      id: spec.id,
      type: spec.type,
      title: String(options.title ?? ''),
      anchor: { row: spec.position.row, col: spec.position.col },
      stacked: options.isStacked === true,
      percent: vAxis.format === 'percent',
      labels: rows.map((i) => labelColumn.texts[i]),
      series: valueColumns.map((column) => ({
        name: column.texts[0] ?? '',
        values: rows.map((i) => (typeof column.values[i] === 'number' && Number.isFinite(column.values[i]) ? (column.values[i] as number) : 0)),
      })),
    };
  });
}
