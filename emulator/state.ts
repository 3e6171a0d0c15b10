/** EmulatorState: everything the emulator holds, as JSON-safe data (Dates as {"$date": iso}). */
import type { GridRect } from './spreadsheet/a1';
import { Layer } from './spreadsheet/layer';
import { type ProtectionData, type Selection, SheetModel, type SpreadsheetModel, type StyleName, type FilterData } from './spreadsheet/model';
import type { CacheStores } from './services/cache';
import type { SentMail } from './services/mail';
import type { PropertyStores } from './services/properties';
import type { TriggerData } from './services/script-app';
import type { RuleData } from './spreadsheet/rules';
import { isDateValue } from './time';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  hiddenRows: number[];
  columnWidths: Record<string, number>;
  filter: FilterData | null;
  conditionalRules?: Json;
  charts?: Json;
  layers: Record<string, Json>;
}

export interface EmulatorState {
  version: 1;
  user: string;
  locale: string;
  spreadsheet: {
    id: string;
    name: string;
    timeZone: string;
    locale: string;
    nextSheetId: number;
    nextProtectionId: number;
    sheets: SheetState[];
    protections: ProtectionData[];
    selection: Selection | null;
  };
  properties: PropertyStores;
  cache: CacheStores;
  triggers: { triggers: TriggerData[]; nextId: number };
  mail: { outbox: SentMail[]; remaining: number };
  log: string[];
}

/** Replaces Dates by {"$date": iso} and holes/undefined by null, recursively. */
export function encode(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (isDateValue(value)) return { $date: value.toISOString() };
  if (Object.prototype.toString.call(value) === '[object Date]') return { $date: null };
  if (Array.isArray(value)) {
    const out: Json[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = encode(value[i]);
    return out;
  }
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encode(v);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value as Json;
}

export function decode(value: unknown): any {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const record = value as Record<string, unknown>;
  if ('$date' in record && Object.keys(record).length === 1) return new Date(record.$date === null ? NaN : String(record.$date));
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
}

function layerToJson(layer: Layer<unknown>): Json {
  return encode(layer.rows.map((row) => (row ? Array.from(row, (v) => (v === undefined ? null : v)) : null)));
}

function layerFromJson<T>(json: unknown): Layer<T> {
  const layer = new Layer<T>();
  const rows = decode(json) as (T | null)[][] | null;
  if (!Array.isArray(rows)) return layer;
  rows.forEach((row, r) => {
    if (!Array.isArray(row)) return;
    row.forEach((v, c) => {
      if (v !== null) layer.set(r, c, v);
    });
  });
  return layer;
}

/** Validation rules repeat down whole columns: stored once in a table, cells hold indexes. */
function validationsToJson(layer: Layer<RuleData>): Json {
  const table: Json[] = [];
  const index = new Map<string, number>();
  const cells = Array.from(layer.rows, (row) =>
    row
      ? Array.from(row, (rule) => {
          if (rule === undefined) return null;
          const json = encode(rule);
          const key = JSON.stringify(json);
          let i = index.get(key);
          if (i === undefined) index.set(key, (i = table.push(json) - 1));
          return i;
        })
      : null,
  );
  return { rules: table, cells };
}

function validationsFromJson(json: unknown): Layer<RuleData> {
  const layer = new Layer<RuleData>();
  const { rules, cells } = json as { rules: unknown[]; cells: (number | null)[][] | null[] };
  const table = rules.map((r) => decode(r) as RuleData);
  cells.forEach((row, r) => {
    if (!Array.isArray(row)) return;
    row.forEach((i, c) => {
      if (i !== null) layer.set(r, c, table[i]);
    });
  });
  return layer;
}

const FIXED_LAYERS = ['values', 'formulas', 'formats', 'notes', 'validations'] as const;

export function sheetToState(sheet: SheetModel): SheetState {
  const layers: Record<string, Json> = {};
  for (const name of FIXED_LAYERS) {
    if (sheet[name].isEmpty()) continue;
    layers[name] = name === 'validations' ? validationsToJson(sheet.validations) : layerToJson(sheet[name] as Layer<unknown>);
  }
  for (const [name, layer] of sheet.styles) if (!layer.isEmpty()) layers[`style:${name}`] = layerToJson(layer as Layer<unknown>);
  const hiddenRows: number[] = [];
  sheet.hiddenRows.forEach((h, i) => h && hiddenRows.push(i + 1));
  const columnWidths: Record<string, number> = {};
  sheet.columnWidths.forEach((w, i) => w !== undefined && (columnWidths[i + 1] = w));
  return {
    id: sheet.id,
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxCols: sheet.maxCols,
    frozenRows: sheet.frozenRows,
    frozenCols: sheet.frozenCols,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    hiddenRows,
    columnWidths,
    filter: sheet.filter ? (encode(sheet.filter) as unknown as FilterData) : null,
    conditionalRules: encode(sheet.conditionalRules),
    charts: encode(sheet.charts),
    layers,
  };
}

export function sheetFromState(state: SheetState): SheetModel {
  const sheet = new SheetModel(state.id, state.name, state.maxRows, state.maxCols);
  sheet.frozenRows = state.frozenRows ?? 0;
  sheet.frozenCols = state.frozenCols ?? 0;
  sheet.hidden = Boolean(state.hidden);
  sheet.tabColor = state.tabColor ?? null;
  for (const r of state.hiddenRows ?? []) sheet.hiddenRows[r - 1] = true;
  for (const [c, w] of Object.entries(state.columnWidths ?? {})) sheet.columnWidths[Number(c) - 1] = w;
  sheet.filter = state.filter ? (decode(state.filter) as FilterData) : null;
  sheet.conditionalRules = Array.isArray(state.conditionalRules) ? decode(state.conditionalRules) : [];
  sheet.charts = Array.isArray(state.charts) ? decode(state.charts) : [];
  for (const [name, json] of Object.entries(state.layers ?? {})) {
    if (name.startsWith('style:')) sheet.styles.set(name.slice(6) as StyleName, layerFromJson<string>(json));
    else if (name === 'validations') sheet.validations = validationsFromJson(json);
    else if ((FIXED_LAYERS as readonly string[]).includes(name)) (sheet as unknown as Record<string, Layer<unknown>>)[name] = layerFromJson(json);
  }
  return sheet;
}

export function spreadsheetToState(model: SpreadsheetModel): EmulatorState['spreadsheet'] {
  return {
    id: model.id,
    name: model.name,
    timeZone: model.timeZone,
    locale: model.locale,
    nextSheetId: model.nextSheetId,
    nextProtectionId: model.nextProtectionId,
    sheets: model.sheets.map(sheetToState),
    protections: encode(model.protections) as unknown as ProtectionData[],
    selection: model.selection ? (encode(model.selection) as unknown as Selection) : null,
  };
}

export function restoreSpreadsheet(model: SpreadsheetModel, state: EmulatorState['spreadsheet']): void {
  model.id = state.id;
  model.name = state.name;
  model.timeZone = state.timeZone;
  model.locale = state.locale;
  model.nextSheetId = state.nextSheetId;
  model.nextProtectionId = state.nextProtectionId;
  model.sheets = state.sheets.map(sheetFromState);
  model.protections = (decode(state.protections) as ProtectionData[]).map((p) => ({ ...p, rect: p.rect ? ({ ...p.rect } as GridRect) : undefined }));
  model.selection = state.selection ? (decode(state.selection) as Selection) : null;
  model.touch();
}
