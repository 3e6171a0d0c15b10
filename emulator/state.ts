/** EmulatorState: everything the emulator holds, as JSON-safe data (Dates as {"$date": iso}). */
import type { GridRect } from './spreadsheet/a1';
import { Layer } from './spreadsheet/layer';
import { type ProtectionData, type Selection, SheetModel, type SpreadsheetModel, type StyleName, type FilterData } from './spreadsheet/model';
import type { CacheStores } from './services/cache';
import type { SentMail } from './services/mail';
import type { PropertyStores } from './services/properties';
import type { TriggerData } from './services/script-app';
import type { RuleData } from './spreadsheet/rules';

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
  // Cells are mostly strings, numbers and booleans: answered before any object test (a snapshot encodes every cell).
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'undefined':
      return null;
    case 'object':
      break;
    default:
      return value as Json;
  }
  if (value === null) return null;
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const time = (value as Date).getTime();
    return { $date: Number.isNaN(time) ? null : (value as Date).toISOString() };
  }
  if (Array.isArray(value)) {
    const out: Json[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = encode(value[i]);
    return out;
  }
  const out: Record<string, Json> = {};
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = encode(v);
  }
  return out;
}

export function decode(value: unknown): any {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === '$date') return new Date(record.$date === null ? NaN : String(record.$date));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decode(record[k]);
  return out;
}

function layerToJson(layer: Layer<unknown>): Json {
  const rows = layer.rows;
  const out: Json[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      out[r] = null;
      continue;
    }
    const cells: Json[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) cells[c] = encode(row[c]);
    out[r] = cells;
  }
  return out;
}

function layerFromJson<T>(json: unknown): Layer<T> {
  const layer = new Layer<T>();
  if (!Array.isArray(json)) return layer;
  json.forEach((row: unknown, r: number) => {
    if (!Array.isArray(row)) return;
    row.forEach((v: unknown, c: number) => {
      if (v !== null) layer.set(r, c, (typeof v === 'object' ? decode(v) : v) as T);
    });
  });
  return layer;
}

/** Validation rules repeat down whole columns: stored once in a table, cells hold indexes. */
function validationsToJson(layer: Layer<RuleData>): Json {
  const table: Json[] = [];
  const index = new Map<string, number>();
  // Stored rules are never mutated and a column shares one object: each object is encoded once.
  const byObject = new Map<RuleData, number>();
  const cells = Array.from(layer.rows, (row) =>
    row
      ? Array.from(row, (rule) => {
          if (rule === undefined) return null;
          let i = byObject.get(rule);
          if (i !== undefined) return i;
          const json = encode(rule);
          const key = JSON.stringify(json);
          i = index.get(key);
          if (i === undefined) index.set(key, (i = table.push(json) - 1));
          byObject.set(rule, i);
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

/** A cell as encode then decode would give it back; undefined where the round trip leaves the cell empty. */
function cloneCell(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'undefined':
      return undefined;
    case 'object':
      return value === null ? undefined : decode(encode(value));
    default:
      return value;
  }
}

/**
 * How a copy is shaped: 'snapshot' keeps every row and its length (sheetToState
 * of it is byte for byte sheetToState of the original); 'restored' builds rows
 * as layerFromJson does (only rows and cells that hold something). The cells
 * are the same in both.
 */
type CloneShape = 'snapshot' | 'restored';

function cloneLayer<T>(layer: Layer<T>, shape: CloneShape): Layer<T> {
  const out = new Layer<T>();
  const rows = layer.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    // A row of plain values (no Dates or other objects, no NaN or Infinity; for 'restored', ending in a cell that holds
    // something, as layerFromJson builds it) reads the same shared: the layers copy it on write.
    if (isPlainRow(row) && (shape === 'snapshot' || (row.length > 0 && row[row.length - 1] !== undefined))) {
      out.rows[r] = layer.shareRow(r);
      continue;
    }
    if (shape === 'snapshot') {
      const copy = row.slice();
      for (let c = 0; c < copy.length; c++) {
        const v = copy[c];
        if (typeof v === 'object' || (typeof v === 'number' && !Number.isFinite(v))) copy[c] = cloneCell(v) as T;
      }
      out.rows[r] = copy;
      continue;
    }
    let copy: (T | undefined)[] | undefined;
    for (let c = 0; c < row.length; c++) {
      const v = cloneCell(row[c]);
      if (v === undefined) continue;
      if (!copy) copy = out.rows[r] = [];
      copy[c] = v as T;
    }
  }
  return out;
}

function isPlainRow(row: unknown[]): boolean {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'object' || (typeof v === 'number' && !Number.isFinite(v))) return false;
  }
  return true;
}

/**
 * Validations as validationsFromJson(validationsToJson(layer)) gives them: equal rules become one object.
 * With `share`, the stored objects themselves (rules are never mutated once stored; see Range.setDataValidation).
 */
function cloneValidations(layer: Layer<RuleData>, shape: CloneShape, share: boolean): Layer<RuleData> {
  const out = new Layer<RuleData>();
  const byObject = new Map<RuleData, RuleData>();
  const byKey = new Map<string, RuleData>();
  const rows = layer.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let copy: (RuleData | undefined)[] | undefined = shape === 'snapshot' ? (out.rows[r] = new Array(row.length)) : undefined;
    for (let c = 0; c < row.length; c++) {
      const rule = row[c];
      if (rule === undefined) continue;
      let stored = byObject.get(rule);
      if (!stored) {
        const json = encode(rule);
        const key = JSON.stringify(json);
        stored = byKey.get(key);
        if (!stored) byKey.set(key, (stored = share ? rule : (decode(json) as RuleData)));
        byObject.set(rule, stored);
      }
      if (!copy) copy = out.rows[r] = [];
      copy[c] = stored;
    }
  }
  return out;
}

/**
 * A copy of a sheet with the cells sheetFromState(sheetToState(sheet)) would
 * have, without building the JSON in between (states are taken at every kill
 * point and every interleaving switch). `shareRules` keeps the stored
 * validation objects instead of copies.
 */
export function cloneSheet(sheet: SheetModel, shape: CloneShape = 'restored', shareRules = false): SheetModel {
  const out = new SheetModel(sheet.id, sheet.name, sheet.maxRows, sheet.maxCols);
  out.frozenRows = sheet.frozenRows ?? 0;
  out.frozenCols = sheet.frozenCols ?? 0;
  out.hidden = Boolean(sheet.hidden);
  out.tabColor = sheet.tabColor ?? null;
  sheet.hiddenRows.forEach((h, i) => {
    if (h) out.hiddenRows[i] = true;
  });
  sheet.columnWidths.forEach((w, i) => {
    if (w !== undefined) out.columnWidths[i] = w;
  });
  out.filter = sheet.filter ? (decode(encode(sheet.filter)) as FilterData) : null;
  out.conditionalRules = decode(encode(sheet.conditionalRules));
  out.charts = decode(encode(sheet.charts));
  for (const name of FIXED_LAYERS) {
    if (sheet[name].isEmpty()) continue;
    if (name === 'validations') out.validations = cloneValidations(sheet.validations, shape, shareRules);
    else (out as unknown as Record<string, Layer<unknown>>)[name] = cloneLayer(sheet[name] as Layer<unknown>, shape);
  }
  for (const [name, layer] of sheet.styles) if (!layer.isEmpty()) out.styles.set(name, cloneLayer(layer, shape));
  return out;
}

/** Sheets copied when a state is taken, encoded only if someone reads `sheets` (see spreadsheetToState). */
const SHEETS = Symbol('emulator.sheets');

interface SheetsSnapshot {
  sheets: SheetModel[];
  /** `sheets` was read or replaced: what it holds may have been edited, so restoring must decode it. */
  exposed: boolean;
}

/**
 * The spreadsheet as JSON-safe data. The sheets are copied at once but encoded
 * only when `sheets` is first read (JSON.stringify, a test looking inside):
 * a state that only goes back into createEmulator (kill sweeps restore one
 * base per kill point) is restored from the copy, skipping JSON both ways.
 */
export function spreadsheetToState(model: SpreadsheetModel): EmulatorState['spreadsheet'] {
  const snapshot: SheetsSnapshot = { sheets: model.sheets.map((sheet) => cloneSheet(sheet, 'snapshot')), exposed: false };
  const state: EmulatorState['spreadsheet'] = {
    id: model.id,
    name: model.name,
    timeZone: model.timeZone,
    locale: model.locale,
    nextSheetId: model.nextSheetId,
    nextProtectionId: model.nextProtectionId,
    sheets: [],
    protections: encode(model.protections) as unknown as ProtectionData[],
    selection: model.selection ? (encode(model.selection) as unknown as Selection) : null,
  };
  let encoded: SheetState[] | undefined;
  Object.defineProperty(state, 'sheets', {
    enumerable: true,
    configurable: true,
    get() {
      snapshot.exposed = true;
      encoded ??= snapshot.sheets.map(sheetToState);
      return encoded;
    },
    set(value: SheetState[]) {
      snapshot.exposed = true;
      encoded = value;
    },
  });
  Object.defineProperty(state, SHEETS, { value: snapshot, enumerable: false });
  return state;
}

function restoredSheets(state: EmulatorState['spreadsheet']): SheetModel[] {
  const snapshot = (state as { [SHEETS]?: SheetsSnapshot })[SHEETS];
  if (snapshot && !snapshot.exposed) return snapshot.sheets.map((sheet) => cloneSheet(sheet));
  return state.sheets.map(sheetFromState);
}

export function restoreSpreadsheet(model: SpreadsheetModel, state: EmulatorState['spreadsheet']): void {
  model.id = state.id;
  model.name = state.name;
  model.timeZone = state.timeZone;
  model.locale = state.locale;
  model.nextSheetId = state.nextSheetId;
  model.nextProtectionId = state.nextProtectionId;
  model.sheets = restoredSheets(state);
  model.protections = (decode(state.protections) as ProtectionData[]).map((p) => ({ ...p, rect: p.rect ? ({ ...p.rect } as GridRect) : undefined }));
  model.selection = state.selection ? (decode(state.selection) as Selection) : null;
  model.touch();
}
