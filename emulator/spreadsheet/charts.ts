/**
 * Embedded charts: Sheet.newChart() → EmbeddedChartBuilder → build() →
 * Sheet.insertChart(); getCharts, updateChart, removeChart; and the Charts
 * service's ChartType enum. Charts are kept as specs (type, source ranges,
 * anchor, options) on their sheet; nothing is drawn.
 *
 * Reference: developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder,
 * …/spreadsheet/embedded-chart, …/spreadsheet/container-info, …/charts/chart-type.
 * Stricter than unconfirmed Google behaviour: build() refuses a chart with no
 * type or no range, setPosition refuses anchors below 1, and a chart's ranges
 * must be on a sheet of this spreadsheet.
 */
import { SERVICE } from '../calls';
import { asEnum, enumOf } from '../enums';
import { type GridRect, quoteSheetName, rectA1 } from './a1';
import { ServiceError, type SheetModel, type SpreadsheetModel } from './model';

export const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const;
export type ChartTypeName = (typeof CHART_TYPES)[number];

export type ChartOptionValue = null | boolean | number | string | ChartOptionValue[] | { [key: string]: ChartOptionValue };

/** A chart as the sheet keeps it (JSON-safe, serialised with the sheet). */
export interface ChartData {
  /** Stable across the spreadsheet; assigned by insertChart. */
  id: number;
  chartType: ChartTypeName;
  ranges: { sheetId: number; rect: GridRect }[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, ChartOptionValue>;
  numHeaders: number;
}

/** What the builder holds before insertChart gives it an id. */
type Draft = Omit<ChartData, 'id'> & { id: number | null };

export interface ChartHost {
  readonly model: SpreadsheetModel;
  rangeTarget(range: unknown): { sheet: SheetModel; rect: GridRect };
  range(sheet: SheetModel, rect: GridRect): GoogleAppsScript.Spreadsheet.Range;
}

const copyDraft = (d: Draft): Draft => ({
  ...d,
  ranges: d.ranges.map((r) => ({ sheetId: r.sheetId, rect: { ...r.rect } })),
  position: { ...d.position },
  options: JSON.parse(JSON.stringify(d.options)) as Record<string, ChartOptionValue>,
});

function optionValue(value: unknown): ChartOptionValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ServiceError('Invalid argument: value');
    return value;
  }
  if (Array.isArray(value)) return value.map(optionValue);
  // Plain objects from any realm (the bundle runs in a node:vm context with its own Object).
  if (Object.prototype.toString.call(value) === '[object Object]' && typeof (value as { then?: unknown }).then !== 'function') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, optionValue(v)]));
  }
  throw new ServiceError('Invalid argument: value');
}

function integerAt(value: unknown, name: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw new ServiceError(`Invalid argument: ${name}`);
  return value;
}

export class EmbeddedChartBuilder
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
      | 'addRange'
      | 'build'
      | 'clearRanges'
      | 'getChartType'
      | 'getContainer'
      | 'getRanges'
      | 'removeRange'
      | 'setChartType'
      | 'setNumHeaders'
      | 'setOption'
      | 'setPosition'
    >
{
  readonly [SERVICE] = 'EmbeddedChartBuilder';
  private draft: Draft;

  constructor(
    private host: ChartHost,
    private sheet: SheetModel,
    from?: ChartData,
  ) {
    this.draft = from
      ? copyDraft(from)
      : {
          id: null,
          chartType: undefined as unknown as ChartTypeName,
          ranges: [],
          position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
          options: {},
          numHeaders: -1,
        };
  }

  private self(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return this as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    const { sheet, rect } = this.host.rangeTarget(range);
    if (!this.host.model.sheets.includes(sheet)) throw new ServiceError('Invalid argument: range');
    this.draft.ranges.push({ sheetId: sheet.id, rect: { ...rect } });
    return this.self();
  }

  removeRange(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    const { sheet, rect } = this.host.rangeTarget(range);
    const at = this.draft.ranges.findIndex((r) => r.sheetId === sheet.id && rectA1(r.rect) === rectA1(rect));
    if (at >= 0) this.draft.ranges.splice(at, 1);
    return this.self();
  }

  clearRanges(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.draft.ranges = [];
    return this.self();
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOf(this.host, this.draft.ranges);
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    const name = String(type);
    if (!(CHART_TYPES as readonly string[]).includes(name)) throw new ServiceError('Invalid argument: type');
    this.draft.chartType = name as ChartTypeName;
    return this.self();
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    return (this.draft.chartType ?? null) as unknown as GoogleAppsScript.Charts.ChartType;
  }

  setOption(option: string, value: unknown): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    if (typeof option !== 'string' || option === '') throw new ServiceError('Invalid argument: option');
    this.draft.options[option] = optionValue(value);
    return this.self();
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.draft.position = {
      row: integerAt(anchorRowPos, 'anchorRowPos', 1),
      col: integerAt(anchorColPos, 'anchorColPos', 1),
      offsetX: integerAt(offsetX, 'offsetX', 0),
      offsetY: integerAt(offsetY, 'offsetY', 0),
    };
    return this.self();
  }

  setNumHeaders(headers: number): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.draft.numHeaders = integerAt(headers, 'headers', -1);
    return this.self();
  }

  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return new ContainerInfo(this.draft.position) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }

  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    if (!this.draft.chartType) throw new ServiceError('Chart type must be set before building the chart.');
    if (this.draft.ranges.length === 0) throw new ServiceError('A chart needs at least one range: call addRange before build.');
    return new EmbeddedChart(this.host, this.sheet, copyDraft(this.draft)) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart;
  }
}

function rangesOf(host: ChartHost, ranges: Draft['ranges']): GoogleAppsScript.Spreadsheet.Range[] {
  return ranges.flatMap((r) => {
    const sheet = host.model.sheets.find((s) => s.id === r.sheetId);
    return sheet ? [host.range(sheet, r.rect)] : [];
  });
}

export class EmbeddedChart
  implements Pick<GoogleAppsScript.Spreadsheet.EmbeddedChart, 'getChartId' | 'getRanges' | 'getOptions' | 'getContainerInfo' | 'modify'>
{
  readonly [SERVICE] = 'EmbeddedChart';

  constructor(
    private host: ChartHost,
    readonly sheet: SheetModel,
    readonly draft: Draft,
  ) {}

  /** Null until the chart is inserted into a sheet. */
  getChartId(): number | null {
    return this.draft.id;
  }

  getId(): string {
    return this.draft.id === null ? '' : `u${this.draft.id}`;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOf(this.host, this.draft.ranges);
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return new ChartOptions(this.draft.options) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return new ContainerInfo(this.draft.position) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }

  modify(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    const builder = new EmbeddedChartBuilder(this.host, this.sheet);
    (builder as unknown as { draft: Draft }).draft = copyDraft(this.draft);
    return builder as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
}

export class ContainerInfo implements Pick<GoogleAppsScript.Spreadsheet.ContainerInfo, 'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY'> {
  readonly [SERVICE] = 'ContainerInfo';
  constructor(private position: Draft['position']) {}
  getAnchorColumn(): number {
    return this.position.col;
  }
  getAnchorRow(): number {
    return this.position.row;
  }
  getOffsetX(): number {
    return this.position.offsetX;
  }
  getOffsetY(): number {
    return this.position.offsetY;
  }
}

export class ChartOptions implements Pick<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  readonly [SERVICE] = 'ChartOptions';
  constructor(private options: Record<string, ChartOptionValue>) {}
  get(option: string): unknown {
    return option in this.options ? JSON.parse(JSON.stringify(this.options[option])) : null;
  }
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}

/** The part of Sheet that deals with charts: insertChart, getCharts, updateChart, removeChart. */
export class SheetCharts {
  constructor(
    private host: ChartHost,
    private sheet: SheetModel,
  ) {}

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.host, this.sheet) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }

  insert(chart: unknown): void {
    const built = builtChart(chart);
    if (built.draft.id !== null) throw new ServiceError('This chart is already in the spreadsheet; use updateChart to change it.');
    const id = 1 + Math.max(0, ...this.host.model.sheets.flatMap((s) => s.charts.map((c) => c.id)));
    built.draft.id = id;
    this.sheet.charts.push(copyDraft(built.draft) as ChartData);
    this.host.model.touchLooks();
  }

  list(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.sheet.charts.map((c) => new EmbeddedChart(this.host, this.sheet, copyDraft(c)) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart);
  }

  update(chart: unknown): void {
    const built = builtChart(chart);
    const at = this.sheet.charts.findIndex((c) => c.id === built.draft.id);
    if (built.draft.id === null || at < 0) throw new ServiceError('The chart is not on this sheet.');
    this.sheet.charts[at] = copyDraft(built.draft) as ChartData;
    this.host.model.touchLooks();
  }

  remove(chart: unknown): void {
    const built = builtChart(chart);
    const at = this.sheet.charts.findIndex((c) => c.id === built.draft.id);
    if (built.draft.id === null || at < 0) throw new ServiceError('The chart is not on this sheet.');
    this.sheet.charts.splice(at, 1);
    this.host.model.touchLooks();
  }
}

function builtChart(chart: unknown): EmbeddedChart {
  if (!(chart instanceof EmbeddedChart)) throw new ServiceError('Invalid argument: chart');
  return chart;
}

/** The Charts service: only its enums are emulated (the add-on builds charts through Sheet.newChart). */
export class ChartsService {
  readonly [SERVICE] = 'Charts';
  readonly ChartType = asEnum<typeof GoogleAppsScript.Charts.ChartType>(enumOf(...CHART_TYPES));
}

/** A chart as emu.charts(sheet) reports it: ranges in A1 with their sheet, and what each range holds now. */
export interface ChartSpec {
  id: number;
  type: ChartTypeName;
  ranges: string[];
  position: ChartData['position'];
  options: Record<string, ChartOptionValue>;
  numHeaders: number;
  /** Evaluated values of each range, as getValues returns them. */
  data: unknown[][][];
}

export function chartSpecs(model: SpreadsheetModel, sheet: SheetModel): ChartSpec[] {
  return sheet.charts.map((c) => ({
    id: c.id,
    type: c.chartType,
    ranges: c.ranges.map((r) => {
      const source = model.sheets.find((s) => s.id === r.sheetId);
      return `${quoteSheetName(source?.name ?? '#REF')}!${rectA1(r.rect)}`;
    }),
    position: { ...c.position },
    options: JSON.parse(JSON.stringify(c.options)) as Record<string, ChartOptionValue>,
    numHeaders: c.numHeaders,
    data: c.ranges.map((r) => {
      const source = model.sheets.find((s) => s.id === r.sheetId);
      return source ? model.readValues(source, r.rect) : [];
    }),
  }));
}
