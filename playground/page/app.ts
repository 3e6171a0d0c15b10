/**
 * The playground page: a Sheets-like grid of the emulator's spreadsheet, the
 * ClientBase menu, the real sidebar in an iframe, the outbox and the service
 * calls of the last action. Everything from the spreadsheet is rendered with
 * textContent: cell values may be hostile HTML.
 */
import { renderCharts } from './charts.ts';
import { clockText } from './clock-text.ts';
import { drawnBackground } from '../cell-colour.ts';
import type { Answer, Question } from '../runtime.ts';
import type { EditOutcome, MenuOutcome } from '../session.ts';
import type { GridView, PlaygroundView } from '../state-view.ts';
import { a1Of, type Cell, moved, type Rect, rangesA1, rectOf, within } from './selection.ts';

const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
};

let currentSheet: string | undefined;
let seenSidebars = -1;
let seenDialogs = -1;
let seenSeq = 0;
let renderedGrid = '';
const EMPTY_ROWS = 20;
const EMPTY_COLUMNS = 2;
/** The current cell (where typing goes), the far corner of the range being extended, and the other ranges Ctrl+click added. */
let cursor: Cell = { row: 1, col: 1 };
let extent: Cell = cursor;
let earlier: Rect[] = [];
let gridSize = { rows: 0, cols: 0 };
/**
 * Every row of the drawn grid (index: sheet row - 1) and the range of rows below the frozen ones
 * that is displayed: those scrolled far out of view are display:none, with spacer rows keeping the
 * scroll height. Their cells stay in the document (text, notes, marks), but the browser neither
 * lays out, paints nor hit-tests ten thousand cells on every change of the page.
 */
let gridRowElements: HTMLTableRowElement[] = [];
let shownRows = { first: 0, last: -1 };
let rowPitch = 21;
let spacers: { above: HTMLTableRowElement; below: HTMLTableRowElement } | undefined;
/** Rows drawn beyond each edge of the visible part: a short scroll shows rows that are already laid out. */
const ROW_MARGIN = 20;
/** The open cell editor; the grid is not redrawn under it. */
let editing: { input: HTMLInputElement; finish: (how: 'commit' | 'cancel', move?: Cell) => void } | undefined;
/** Tab clicks by the user, and how many of them the page had taken in when it last looked for add-on activations. */
let tabClicks = 0;
let tabClicksSeen = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        },
  );
  const reply = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(reply.error ?? `HTTP ${response.status}`);
  return reply;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

// ---- grid ----------------------------------------------------------------------------------

const ROW_NUMBER_WIDTH = 46;
const COLUMN_WIDTH = 120;

function colOf(width: number): HTMLTableColElement {
  const col = el('col');
  col.style.width = `${width}px`;
  return col;
}

function renderGrid(sheet: GridView | undefined): void {
  // The sidebar's polling refreshes the page every few seconds: leave an unchanged grid alone.
  const signature = JSON.stringify(sheet ?? null);
  if (signature === renderedGrid || editing) return;
  renderedGrid = signature;
  const table = $('grid');
  // Read before the old rows go: laying out the half-built grid would clamp the scroll position.
  const wrap = $('grid-wrap');
  const kept = { scrollTop: wrap.scrollTop, height: wrap.clientHeight };
  table.replaceChildren();
  gridRowElements = [];
  spacers = undefined;
  renderCharts($('charts'), sheet?.charts ?? []);
  const note = $('grid-note');
  if (!sheet) {
    note.textContent = 'The spreadsheet has no sheets.';
    return;
  }
  const dataWidth = Math.max(1, ...sheet.display.map((row) => row.length));
  // Empty rows and columns past the data, as the sheet has them, so a new row (a new field in Fields) can be typed in.
  const width = Math.min(Math.max(dataWidth, sheet.maxColumns || dataWidth), dataWidth + EMPTY_COLUMNS);
  const emptyRows = sheet.totalRows > sheet.display.length ? 0 : Math.max(0, Math.min(EMPTY_ROWS, (sheet.maxRows || 0) - sheet.display.length));
  const invalid = new Map(sheet.invalid.map((c) => [`${c.row}:${c.column}`, c.reason]));
  const notes = new Map(sheet.notes.map((c) => [`${c.row}:${c.column}`, c.note]));
  const backgrounds = new Map((sheet.backgrounds ?? []).map((c) => [`${c.row}:${c.column}`, c.color]));
  const hidden = new Set(sheet.hiddenRows);

  // Fixed column widths, as a sheet has: the browser then lays out ten thousand cells without measuring each one's text.
  const columns = el('colgroup');
  columns.append(colOf(ROW_NUMBER_WIDTH));
  for (let c = 0; c < width; c++) columns.append(colOf(COLUMN_WIDTH));
  table.style.width = `${ROW_NUMBER_WIDTH + width * COLUMN_WIDTH}px`;
  const head = el('thead');
  const letters = el('tr');
  letters.append(el('th', '', 'rownum'));
  for (let c = 0; c < width; c++) letters.append(el('th', columnLetter(c), c >= dataWidth ? 'pad' : undefined));
  head.append(letters);

  const body = el('tbody');
  const rows: string[][] = [...sheet.display, ...Array.from({ length: emptyRows }, () => [])];
  rows.forEach((row, r) => {
    const rowNumber = r + 1;
    const tr = el('tr', undefined, r >= sheet.display.length ? 'pad' : undefined);
    tr.dataset.row = String(rowNumber);
    if (rowNumber <= sheet.frozenRows) tr.classList.add('frozen');
    if (rowNumber === sheet.frozenRows) tr.classList.add('frozen-last');
    if (hidden.has(rowNumber)) {
      tr.classList.add('hidden-row');
      tr.title = 'Hidden row';
    }
    tr.append(el('th', String(rowNumber), 'rownum'));
    for (let c = 0; c < width; c++) {
      const td = el('td', row[c] ?? '', c >= dataWidth ? 'pad' : undefined);
      const key = `${rowNumber}:${c + 1}`;
      const tips: string[] = [];
      const reason = invalid.get(key);
      if (reason !== undefined) {
        td.classList.add('invalid');
        tips.push(reason);
      }
      const cellNote = notes.get(key);
      if (cellNote !== undefined) {
        td.classList.add('has-note');
        tips.push(cellNote);
      }
      // Checked again here: only a colour, never other CSS, goes into the style (and through the CSSOM, not text).
      const background = drawnBackground(backgrounds.get(key));
      if (background) td.style.backgroundColor = background;
      if (typeof sheet.values[r]?.[c] === 'number') td.classList.add('number');
      if (tips.length) td.title = tips.join('\n');
      td.dataset.a1 = `${columnLetter(c)}${rowNumber}`;
      if (c < sheet.frozenColumns) td.classList.add('frozen-col');
      tr.append(td);
    }
    if (rowNumber > sheet.frozenRows) tr.classList.add('off');
    gridRowElements.push(tr);
    body.append(tr);
  });
  const spacer = (): HTMLTableRowElement => {
    const tr = el('tr', undefined, 'pad spacer');
    const td = el('td', undefined, 'pad');
    td.colSpan = width + 1;
    tr.append(td);
    return tr;
  };
  spacers = { above: spacer(), below: spacer() };
  const firstScrolled = gridRowElements[Math.min(sheet.frozenRows, gridRowElements.length)];
  body.insertBefore(spacers.above, firstScrolled ?? null);
  body.append(spacers.below);
  table.append(columns, head, body);
  gridSize = { rows: rows.length, cols: width };
  frozenCount = Math.min(sheet.frozenRows, rows.length);
  shownRows = { first: frozenCount, last: frozenCount - 1 };
  showRowsInView(kept);
  if (wrap.scrollTop !== kept.scrollTop) wrap.scrollTop = kept.scrollTop;
  showRowsInView();
  measureRowPitch();
  pinFrozenRows(table);
  paintSelection();
  const shown = sheet.display.length;
  note.textContent =
    shown < sheet.totalRows ? `${sheet.name}: showing the first ${shown} of ${sheet.totalRows} rows.` : `${sheet.name}: ${sheet.totalRows} rows.`;
}

let frozenCount = 0;

/** Where the rows below the frozen ones start, in the scrolled content of #grid-wrap (as last laid out). */
let rowsTop = 0;
function scrolledRowsTop(): number {
  const table = $('grid');
  const above = spacers?.above;
  rowsTop = above ? table.offsetTop + above.offsetTop : table.offsetTop;
  return rowsTop;
}

/**
 * Displays the rows in (or near) view and hides the rest behind the spacers. `at`: the scroll
 * position and height to use without laying the page out (a grid being rebuilt).
 */
function showRowsInView(at?: { scrollTop: number; height: number }): void {
  const total = gridRowElements.length;
  if (!spacers || total === 0) return;
  const wrap = $('grid-wrap');
  const start = at ? rowsTop : scrolledRowsTop();
  const scrollTop = at ? at.scrollTop : wrap.scrollTop;
  const height = at ? at.height : wrap.clientHeight;
  const first = Math.min(total, Math.max(frozenCount, frozenCount + Math.floor((scrollTop - start) / rowPitch) - ROW_MARGIN));
  const last = Math.min(total - 1, frozenCount + Math.ceil((scrollTop + height - start) / rowPitch) + ROW_MARGIN);
  displayRows(first, Math.max(first - 1, last));
}

/** The pitch of the drawn rows (borders collapse, so it is not a cell's height, and may be fractional): the spacers then match. */
function measureRowPitch(): void {
  const { first, last } = shownRows;
  const a = gridRowElements[first];
  const b = gridRowElements[last];
  const pitch = a && b && last > first ? (b.getBoundingClientRect().top - a.getBoundingClientRect().top) / (last - first) : 0;
  if (pitch > 0 && Math.abs(pitch - rowPitch) > 0.001) {
    rowPitch = pitch;
    showRowsInView();
  }
}

function displayRows(first: number, last: number): void {
  const { first: was, last: wasLast } = shownRows;
  for (let i = was; i <= wasLast; i++) if (i < first || i > last) gridRowElements[i]?.classList.add('off');
  for (let i = first; i <= last; i++) if (i < was || i > wasLast) gridRowElements[i]?.classList.remove('off');
  shownRows = { first, last };
  const setHeight = (tr: HTMLTableRowElement, rows: number): void => {
    tr.hidden = rows <= 0;
    (tr.firstElementChild as HTMLElement).style.height = `${rows * rowPitch}px`;
  };
  if (!spacers) return;
  setHeight(spacers.above, first - frozenCount);
  setHeight(spacers.below, gridRowElements.length - 1 - last);
}

/** Scrolls the grid so a row hidden behind a spacer is drawn (moving to it with the keyboard). */
function bringRowIntoWindow(row: number): void {
  const index = row - 1;
  if (index < frozenCount || (index >= shownRows.first && index <= shownRows.last)) return;
  const wrap = $('grid-wrap');
  wrap.scrollTop = scrolledRowsTop() + (index - frozenCount) * rowPitch - wrap.clientHeight / 2;
  showRowsInView();
}

let scrollPending = false;
function onGridScroll(): void {
  if (scrollPending) return;
  scrollPending = true;
  requestAnimationFrame(() => {
    scrollPending = false;
    showRowsInView();
  });
}

/** For tests and the console: brings a sheet row (1-based) into the drawn part of the grid. */
(window as unknown as { playgroundShowRow: (row: number) => void }).playgroundShowRow = (row) => {
  bringRowIntoWindow(row);
  gridRowElements[row - 1]?.scrollIntoView({ block: 'center' });
  showRowsInView();
};

function renderTabs(view: PlaygroundView): void {
  const tabs = $('tabs');
  tabs.replaceChildren(
    ...view.sheets.map((name) => {
      const button = el('button', name, name === (view.sheet?.name ?? view.viewing) ? 'active' : undefined);
      button.type = 'button';
      button.addEventListener('click', () => {
        tabClicks++;
        const switched = name !== currentSheet;
        currentSheet = name;
        if (switched) {
          // Another tab is another sheet's selection; Sheets makes the sheet active at once.
          resetSelection();
          sendSelection(true);
        }
        void refresh();
      });
      return button;
    }),
  );
}

/** Each frozen row sticks below the column letters and the frozen rows above it. */
function pinFrozenRows(table: HTMLElement): void {
  let top = table.querySelector('thead')?.getBoundingClientRect().height ?? 21;
  for (const tr of table.querySelectorAll<HTMLTableRowElement>('tbody tr.frozen')) {
    tr.style.setProperty('--frozen-top', `${top}px`);
    top += tr.getBoundingClientRect().height;
  }
  const rowHead = table.querySelector('thead th.rownum')?.getBoundingClientRect().width ?? 40;
  let left = rowHead;
  const first = table.querySelector('tbody tr');
  for (const td of first?.querySelectorAll<HTMLTableCellElement>('td.frozen-col') ?? []) {
    const column = [...td.parentElement!.children].indexOf(td);
    for (const cell of table.querySelectorAll<HTMLElement>(`tbody tr > :nth-child(${column + 1})`)) cell.style.setProperty('--frozen-left', `${left}px`);
    left += td.getBoundingClientRect().width;
  }
}

// ---- selection and typing ------------------------------------------------------------------

const selectionRanges = (): Rect[] => [...earlier, rectOf(cursor, extent)];

function resetSelection(): void {
  cursor = { row: 1, col: 1 };
  extent = cursor;
  earlier = [];
}

function cellAt(cell: Cell): HTMLTableCellElement | null {
  return document.querySelector<HTMLTableCellElement>(`#grid td[data-a1="${a1Of(cell)}"]`);
}

/** Marks the current cell, the selected ranges and their row and column headings. */
function paintSelection(): void {
  for (const old of document.querySelectorAll('#grid .selected, #grid .in-range, #grid .range-head'))
    old.classList.remove('selected', 'in-range', 'range-head');
  const ranges = selectionRanges();
  const body = document.querySelector('#grid tbody');
  const head = document.querySelector('#grid thead tr');
  if (!body) return;
  const multiple = ranges.length > 1 || ranges[0].bottom > ranges[0].top || ranges[0].right > ranges[0].left;
  for (const r of ranges) {
    for (let row = r.top; row <= Math.min(r.bottom, gridSize.rows); row++) {
      const tr = gridRowElements[row - 1];
      if (!tr) continue;
      tr.children[0]?.classList.add('range-head');
      if (multiple) for (let col = r.left; col <= Math.min(r.right, gridSize.cols); col++) tr.children[col]?.classList.add('in-range');
    }
    for (let col = r.left; col <= Math.min(r.right, gridSize.cols); col++) head?.children[col]?.classList.add('range-head');
  }
  const current = cellAt(cursor);
  current?.classList.add('selected');
  for (const old of document.querySelectorAll('#grid td[aria-selected]')) old.removeAttribute('aria-selected');
  current?.setAttribute('aria-selected', 'true');
  if (current) $('grid').setAttribute('aria-activedescendant', (current.id ||= `cell-${a1Of(cursor)}`));
}

let pendingSelection: ReturnType<typeof setTimeout> | undefined;
let selectionSent: Promise<unknown> = Promise.resolve();

/** Tells the emulator the selection (active range list and current cell), shortly after the last key or click. */
function sendSelection(now = false): void {
  if (!currentSheet) return;
  const sheet = currentSheet;
  const a1 = rangesA1(selectionRanges());
  const current = a1Of(cursor);
  clearTimeout(pendingSelection);
  pendingSelection = undefined;
  const post = (): void => {
    pendingSelection = undefined;
    selectionSent = api('/api/select', { sheet, a1, current }).catch((error: unknown) =>
      showToast(error instanceof Error ? error.message : String(error), 'Could not select the cells'),
    );
  };
  if (now) post();
  else pendingSelection = setTimeout(post, 150);
}

/** A menu item acts on the selection: the last one chosen must have reached the server first. */
async function flushSelection(): Promise<void> {
  if (pendingSelection !== undefined) {
    clearTimeout(pendingSelection);
    pendingSelection = undefined;
    sendSelection(true);
  }
  await selectionSent;
}

function select(next: Cell, how: 'replace' | 'extend' | 'add', reveal = true): void {
  const cell = { row: Math.min(Math.max(1, next.row), Math.max(1, gridSize.rows)), col: Math.min(Math.max(1, next.col), Math.max(1, gridSize.cols)) };
  if (how === 'extend') extent = cell;
  else {
    if (how === 'add') earlier = selectionRanges();
    else earlier = [];
    cursor = cell;
    extent = cell;
  }
  paintSelection();
  if (reveal) {
    const target = how === 'extend' ? extent : cursor;
    bringRowIntoWindow(target.row);
    revealCell(cellAt(target));
  }
  sendSelection();
}

/** Scrolls the grid so the cell shows beside the sticky headings and frozen rows, not under them. */
function revealCell(td: HTMLTableCellElement | null): void {
  if (!td) return;
  const wrap = $('grid-wrap');
  const box = wrap.getBoundingClientRect();
  const cell = td.getBoundingClientRect();
  const stuck = [...document.querySelectorAll<HTMLElement>('#grid thead tr, #grid tbody tr.frozen')].reduce(
    (h, tr) => h + tr.getBoundingClientRect().height,
    0,
  );
  const rowHead = document.querySelector('#grid thead th.rownum')?.getBoundingClientRect().width ?? 40;
  if (!td.parentElement?.classList.contains('frozen')) {
    if (cell.top < box.top + stuck) wrap.scrollTop -= box.top + stuck - cell.top;
    else if (cell.bottom > box.top + wrap.clientHeight) wrap.scrollTop += cell.bottom - (box.top + wrap.clientHeight);
  }
  if (cell.left < box.left + rowHead) wrap.scrollLeft -= box.left + rowHead - cell.left;
  else if (cell.right > box.left + wrap.clientWidth) wrap.scrollLeft += cell.right - (box.left + wrap.clientWidth);
}

/** A whole row or column, as a click on its heading selects it. */
function selectLine(kind: 'row' | 'col', index: number, how: 'replace' | 'extend' | 'add'): void {
  const start: Cell = kind === 'row' ? { row: index, col: 1 } : { row: 1, col: index };
  const end: Cell = kind === 'row' ? { row: index, col: gridSize.cols } : { row: gridSize.rows, col: index };
  if (how === 'extend') {
    extent = end;
    cursor = kind === 'row' ? { row: cursor.row, col: 1 } : { row: 1, col: cursor.col };
  } else {
    earlier = how === 'add' ? selectionRanges() : [];
    cursor = start;
    extent = end;
  }
  paintSelection();
  sendSelection();
}

/**
 * Opens the editor on the current cell. `replace` (typing a character) starts from that character
 * and arrows commit; otherwise (Enter, F2, double-click) the cell's text is kept and arrows move the caret.
 */
function startEditing(replace?: string): void {
  if (!currentSheet || editing) return;
  const td = cellAt(cursor);
  if (!td) return;
  const sheet = currentSheet;
  const a1 = a1Of(cursor);
  const at = { ...cursor };
  const previous = td.textContent ?? '';
  const input = el('input');
  input.className = 'cell-editor';
  input.setAttribute('aria-label', `${sheet}!${a1}`);
  input.value = replace ?? rawText(at) ?? previous;
  td.replaceChildren(input);
  input.focus();
  if (replace === undefined) input.setSelectionRange(input.value.length, input.value.length);
  const finish = (how: 'commit' | 'cancel', move?: Cell): void => {
    if (editing?.input !== input) return;
    editing = undefined;
    renderedGrid = '';
    if (move) select(move, 'replace');
    $('grid').focus({ preventScroll: true });
    if (how === 'cancel') {
      td.textContent = previous;
      return void refresh();
    }
    td.textContent = input.value;
    void commitEdit(sheet, a1, input.value);
  };
  editing = { input, finish };
  input.addEventListener('keydown', (key) => {
    key.stopPropagation();
    const down = { row: at.row + 1, col: at.col };
    if (key.key === 'Enter') {
      key.preventDefault();
      finish('commit', key.shiftKey ? { row: at.row - 1, col: at.col } : down);
    } else if (key.key === 'Tab') {
      key.preventDefault();
      finish('commit', { row: at.row, col: at.col + (key.shiftKey ? -1 : 1) });
    } else if (key.key === 'Escape') {
      key.preventDefault();
      finish('cancel');
    } else if (replace !== undefined && key.key.startsWith('Arrow')) {
      key.preventDefault();
      finish('commit', moved(at, key.key));
    }
  });
  input.addEventListener('blur', () => finish('commit'));
}

/** What the editor starts from: the value as typed (a number without its display format), else the shown text. */
function rawText(cell: Cell): string | undefined {
  const value = lastSheet?.values[cell.row - 1]?.[cell.col - 1];
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return undefined;
}

let lastSheet: GridView | undefined;

async function commitEdit(sheet: string, a1: string, value: string): Promise<void> {
  try {
    const outcome = await api<{ ok: true } & EditOutcome>('/api/edit', { sheet, a1, value });
    // Sheets refuses an entry a reject-input rule forbids, in a dialog, and keeps the cell as it was.
    if (outcome.status === 'refused') void showDialog({ kind: 'alert', title: 'There was a problem', prompt: outcome.message });
  } catch (error) {
    showToast(error instanceof Error ? error.message : String(error), 'Could not change the cell');
  }
  await refresh();
}

function wireGrid(): void {
  const wrap = $('grid-wrap');
  wrap.addEventListener('scroll', onGridScroll, { passive: true });
  // The panels below fold and unfold: a taller grid shows more rows.
  new ResizeObserver(onGridScroll).observe(wrap);
  wrap.addEventListener('mousedown', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest('input.cell-editor')) return;
    const how = event.shiftKey ? 'extend' : event.ctrlKey || event.metaKey ? 'add' : 'replace';
    const td = target.closest('td');
    const th = target.closest('th');
    if (td?.dataset.a1) {
      event.preventDefault();
      const tr = td.parentElement as HTMLTableRowElement;
      select({ row: Number(tr.dataset.row), col: td.cellIndex }, how, false);
    } else if (th && th.closest('tbody')) {
      event.preventDefault();
      selectLine('row', Number((th.parentElement as HTMLTableRowElement).dataset.row), how);
    } else if (th && th.closest('thead') && th.cellIndex > 0) {
      event.preventDefault();
      selectLine('col', th.cellIndex, how);
    } else return;
    editing?.finish('commit');
    $('grid').focus({ preventScroll: true });
  });
  wrap.addEventListener('dblclick', (event) => {
    const td = (event.target as HTMLElement).closest('td');
    if (!td?.dataset.a1 || td.querySelector('input')) return;
    startEditing();
  });
  wrap.addEventListener('keydown', (event) => {
    if (editing || event.target !== $('grid') || event.altKey) return;
    const key = event.key;
    if (key.startsWith('Arrow')) {
      event.preventDefault();
      select(moved(event.shiftKey ? extent : cursor, key), event.shiftKey ? 'extend' : 'replace');
    } else if (key === 'Tab') {
      event.preventDefault();
      select({ row: cursor.row, col: cursor.col + (event.shiftKey ? -1 : 1) }, 'replace');
    } else if (key === 'Enter' || key === 'F2') {
      event.preventDefault();
      startEditing();
    } else if ((key === 'Delete' || key === 'Backspace') && within(selectionRanges(), cursor) && currentSheet) {
      event.preventDefault();
      // Clears the current cell (a range's other cells are left alone: see playground/README.md).
      void commitEdit(currentSheet, a1Of(cursor), '');
    } else if (key === 'Escape') {
      // Tab moves within the grid, as in Sheets: Escape (or F6) is the way out, to the menu bar.
      document.querySelector<HTMLElement>('#menus button')?.focus();
    } else if (key.length === 1 && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      startEditing(key);
    }
  });
}

// ---- menu, users ---------------------------------------------------------------------------

let renderedMenus = '';

function renderMenus(view: PlaygroundView): void {
  const nav = $('menus');
  // Rebuilding an unchanged menu bar would close a menu the user just opened (the sidebar refreshes often).
  const signature = JSON.stringify(view.menus);
  if (signature === renderedMenus) return;
  renderedMenus = signature;
  nav.replaceChildren(
    ...view.menus.map((menu) => {
      const wrap = el('div', undefined, 'menu');
      const open = el('button', menu.name);
      open.type = 'button';
      open.addEventListener('click', (event) => {
        event.stopPropagation();
        const wasOpen = wrap.classList.contains('open');
        closeMenus();
        if (!wasOpen) wrap.classList.add('open');
      });
      const list = el('ul');
      for (const item of menu.items) {
        if ('separator' in item) {
          list.append(el('li', undefined, 'separator'));
          continue;
        }
        const li = el('li');
        const button = el('button', item.caption);
        button.type = 'button';
        button.addEventListener('click', () => {
          closeMenus();
          void runFunction(item.functionName);
        });
        li.append(button);
        list.append(li);
      }
      wrap.append(open, list);
      return wrap;
    }),
  );
}

function closeMenus(): void {
  for (const menu of document.querySelectorAll('.menu.open')) menu.classList.remove('open');
}

/** Whether a panel's content changed since it was last drawn (the page refreshes after every call). */
const drawn = new Map<string, string>();
function changedSince(panel: string, content: unknown): boolean {
  const signature = JSON.stringify(content);
  if (drawn.get(panel) === signature) return false;
  drawn.set(panel, signature);
  return true;
}

function renderUsers(view: PlaygroundView): void {
  if (!changedSince('users', [view.users, view.user])) return;
  const select = $<HTMLSelectElement>('user');
  const options = view.users.map((u) => {
    const option = el('option', `${u.email} (${u.role})`);
    option.value = u.email;
    return option;
  });
  if (!view.users.some((u) => u.email === view.user)) {
    const option = el('option', view.user);
    option.value = view.user;
    options.unshift(option);
  }
  select.replaceChildren(...options);
  select.value = view.user;
}

function renderNotices(view: PlaygroundView): void {
  if (!changedSince('notices', view.notices)) return;
  const box = $('notices');
  box.hidden = view.notices.length === 0;
  box.replaceChildren(...view.notices.map((line) => el('p', line)));
}

// ---- outbox, service calls, effects --------------------------------------------------------

function renderOutbox(view: PlaygroundView): void {
  if (!changedSince('outbox', [view.outbox, view.outboxTotal])) return;
  $('outbox-count').textContent = view.outboxTotal ? `(${view.outboxTotal})` : '';
  const body = $('mail-body');
  $('outbox').replaceChildren(
    ...view.outbox.map((mail) => {
      const li = el('li');
      const button = el('button');
      button.type = 'button';
      // In the spreadsheet's time zone, as Sheets would show the time, whatever the browser's zone.
      const time = el('span', mail.time);
      time.title = `${mail.time} (${view.timeZone})`;
      button.append(el('span', mail.to), el('span', mail.subject), time);
      button.addEventListener('click', () => {
        body.hidden = false;
        body.textContent = `To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.body}${mail.htmlBody ? `\n\n--- HTML body (shown as text) ---\n${mail.htmlBody}` : ''}`;
      });
      li.append(button);
      return li;
    }),
  );
  if (view.outbox.length === 0) body.hidden = true;
}

type CallView = PlaygroundView['calls'][number];

function callDetails(call: CallView, open: boolean): HTMLDetailsElement {
  const details = el('details');
  details.open = open;
  const summary = el('summary');
  summary.append(el('strong', call.fn), el('span', `: ${call.totalServiceCalls} service calls, ${call.ms} ms${call.mail ? `, ${call.mail} mail sent` : ''}`));
  if (!call.ok) summary.append(el('span', ' (failed)', 'error'));
  details.append(summary);
  if (!call.ok) details.append(el('div', call.error ?? 'failed', 'error'));
  const table = el('table');
  const rows = Object.entries(call.serviceCalls).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [key, count] of rows) {
    const tr = el('tr');
    tr.append(el('td', key), el('td', String(count), 'count'));
    table.append(tr);
  }
  details.append(table);
  if (call.logs.length) details.append(el('pre', call.logs.join('\n')));
  return details;
}

function renderCalls(view: PlaygroundView): void {
  const list = $('calls');
  if (view.calls.length === 0) {
    list.replaceChildren(el('div', 'No action yet.'));
    return;
  }
  const openBefore = new Set([...list.querySelectorAll('details')].filter((d) => (d as HTMLDetailsElement).open).map((d) => d.dataset.seq));
  // The newest action that may have changed something stays open; the sidebar's read-only polls stay folded.
  const action = view.calls.find((call) => !call.readOnly) ?? view.calls[0];
  list.replaceChildren(
    ...view.calls.map((call) => {
      const details = callDetails(call, call === action || openBefore.has(String(call.seq)));
      if (call.readOnly) details.classList.add('read-only');
      details.dataset.seq = String(call.seq);
      return details;
    }),
  );
}

function showToast(message: string, title?: string): void {
  const toast = el('div', undefined, 'toast');
  if (title) toast.append(el('strong', title));
  toast.append(el('span', message));
  $('toasts').append(toast);
  setTimeout(() => toast.remove(), 6000);
}

// ---- dialogs: Ui.alert and Ui.prompt, one at a time -----------------------------------------

/** Buttons of each ButtonSet, as Sheets labels them; the first is the default (Enter). */
const BUTTON_SETS: Record<string, [string, string][]> = {
  OK: [['OK', 'OK']],
  OK_CANCEL: [
    ['OK', 'OK'],
    ['CANCEL', 'Cancel'],
  ],
  YES_NO: [
    ['YES', 'Yes'],
    ['NO', 'No'],
  ],
  YES_NO_CANCEL: [
    ['YES', 'Yes'],
    ['NO', 'No'],
    ['CANCEL', 'Cancel'],
  ],
};

let dialogChain: Promise<unknown> = Promise.resolve();

/** Shows a dialog after those already waiting; resolves with the button pressed (CLOSE for × or Escape) and the text typed. */
function showDialog(question: Question): Promise<Answer> {
  const shown = dialogChain.then(() => openDialog(question));
  dialogChain = shown.catch(() => undefined);
  return shown;
}

function openDialog(question: Question): Promise<Answer> {
  return new Promise((resolve) => {
    const modal = $('modal');
    const input = $<HTMLInputElement>('modal-input');
    const buttons = $('modal-buttons');
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    $('modal-title').textContent = question.title ?? 'ClientBase';
    $('modal-text').textContent = question.prompt;
    const isPrompt = question.kind === 'prompt';
    input.hidden = !isPrompt;
    input.value = '';
    const set = BUTTON_SETS[question.buttons ?? 'OK'] ?? BUTTON_SETS.OK;
    const done = (button: string): void => {
      modal.hidden = true;
      modal.removeEventListener('keydown', onKey, true);
      $('modal-close').onclick = null;
      before?.focus({ preventScroll: true });
      resolve(isPrompt ? { button, text: input.value } : { button });
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        done('CLOSE');
      } else if (event.key === 'Enter' && event.target === input) {
        event.preventDefault();
        done(set[0][0]);
      }
    };
    buttons.replaceChildren(
      ...set.map(([button, label], i) => {
        const b = el('button', label, i === 0 ? 'primary' : undefined);
        b.type = 'button';
        // The OK button keeps its id: tests and people alike look for "OK".
        if (button === 'OK') b.id = 'modal-ok';
        b.dataset.button = button;
        b.addEventListener('click', () => done(button));
        return b;
      }),
    );
    $('modal-close').onclick = () => done('CLOSE');
    modal.addEventListener('keydown', onKey, true);
    modal.hidden = false;
    (isPrompt ? input : (buttons.firstElementChild as HTMLElement)).focus();
  });
}

/** Alerts, toasts, sidebars and dialogs of the calls made since the last look, each shown once. */
function showEffects(view: PlaygroundView, initial: boolean): void {
  const newest = view.calls[0]?.seq ?? 0;
  if (initial) {
    seenSidebars = view.sidebars;
    seenDialogs = view.dialogs;
    seenSeq = newest;
    // An import stops at Set up's proposed mapping, in the sidebar Set up opened: it is still open, as in Sheets.
    if (view.awaitingSetUp && view.sidebars > 0) openSidebar(view.calls.flatMap((call) => call.sidebars).at(-1));
    return;
  }
  const fresh = view.calls.filter((call) => call.seq > seenSeq).reverse();
  seenSeq = Math.max(seenSeq, newest);
  for (const call of fresh) {
    for (const toast of call.toasts) showToast(String(toast.message), toast.title ? String(toast.title) : undefined);
    if (!call.ok) showToast(call.error ?? 'failed', `${call.fn} failed`);
    // Those a menu item's questions already showed are not shown twice.
    for (const a of call.alerts.slice(call.alertsShown ?? 0)) void showDialog({ kind: 'alert', title: a.title, prompt: String(a.prompt) });
  }
  if (view.sidebars > seenSidebars) {
    seenSidebars = view.sidebars;
    const titled = fresh.flatMap((call) => call.sidebars);
    openSidebar(titled[titled.length - 1]);
  }
  if (view.dialogs > seenDialogs) {
    seenDialogs = view.dialogs;
    openHtmlDialog(`/dialog?n=${view.dialogs}`);
  }
}

// ---- HtmlService modal dialogs (the pipeline board) -------------------------------------------

let dialogOpener: HTMLElement | undefined;

/**
 * A modal dialog as Sheets shows one: the keyboard goes into it when it opens (its first control
 * once the page has loaded, the Close button until then), Tab stays inside it, Escape closes it,
 * and the focus goes back where it was.
 */
function openHtmlDialog(src: string): void {
  const modal = $('dialog-modal');
  const frame = $<HTMLIFrameElement>('dialog-frame');
  if (modal.hidden)
    dialogOpener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : undefined;
  frame.onload = () => {
    const doc = frame.contentDocument;
    if (!doc || modal.hidden) return;
    // Escape in the dialog's own page closes it, unless the page used the key itself (a card being moved).
    doc.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) closeHtmlDialog();
    });
    const first = doc.querySelector<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])');
    frame.focus();
    (first ?? doc.body)?.focus();
  };
  frame.src = src;
  modal.hidden = false;
  $('dialog-close').focus();
}

function closeHtmlDialog(): void {
  const modal = $('dialog-modal');
  if (modal.hidden) return;
  modal.hidden = true;
  $<HTMLIFrameElement>('dialog-frame').src = 'about:blank';
  const back = dialogOpener?.isConnected ? dialogOpener : document.querySelector<HTMLElement>('#menus button');
  dialogOpener = undefined;
  back?.focus({ preventScroll: true });
}

function openSidebar(title?: string): void {
  $('sidebar-title').textContent = title || 'ClientBase';
  $<HTMLIFrameElement>('sidebar-frame').src = `/sidebar?n=${seenSidebars}`;
  $('sidebar-panel').hidden = false;
}

function closeSidebar(): void {
  $('sidebar-panel').hidden = true;
  $<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
}

// ---- actions -------------------------------------------------------------------------------

let first = true;
/** The base's revision the grid on screen was drawn from. */
let shownRevision: number | undefined;

const fetchView = (grid = true): Promise<PlaygroundView> => {
  const query = [currentSheet ? `sheet=${encodeURIComponent(currentSheet)}` : '', grid ? '' : 'grid=0'].filter(Boolean).join('&');
  return api<PlaygroundView>(`/api/state${query ? `?${query}` : ''}`);
};

/**
 * The sheet the add-on brought to the front in calls the page has not seen yet (the newest
 * such call wins), as Sheets shows it. A tab the user clicked meanwhile wins over it.
 */
function activatedSince(view: PlaygroundView, seq: number): string | undefined {
  const call = view.calls.find((c) => c.seq > seq && typeof c.activated === 'string' && view.sheets.includes(c.activated));
  return call?.activated;
}

/** The clock as last read from the server, shown in the spreadsheet's zone once a view brings it. */
let lastClock = '';
let clockZone: string | undefined;

/** `grid` false after a call that changed nothing: the grid on screen is still the sheet's. */
async function refresh({ grid = true }: { grid?: boolean } = {}): Promise<void> {
  try {
    const clicks = tabClicks;
    let view = await fetchView(grid || first);
    if (!view.sheet && view.viewing !== undefined && (view.viewing !== currentSheet || first)) view = await fetchView();
    const userPicked = clicks > tabClicksSeen;
    tabClicksSeen = Math.max(tabClicksSeen, clicks);
    const activated = first || userPicked ? undefined : activatedSince(view, seenSeq);
    if (activated !== undefined && activated !== view.sheet?.name && clicks === tabClicks) {
      currentSheet = activated;
      resetSelection();
      view = await fetchView();
      // A click during the second look is the user's last word.
      if (clicks !== tabClicks) return;
    }
    currentSheet = view.sheet?.name ?? view.viewing;
    clockZone = view.timeZone;
    if (lastClock) $('clock').textContent = clockText(lastClock, clockZone);
    renderMenus(view);
    renderNotices(view);
    renderUsers(view);
    renderTabs(view);
    if (view.sheet || view.viewing === undefined) {
      shownRevision = view.revision;
      lastSheet = view.sheet;
      renderGrid(view.sheet);
    }
    renderOutbox(view);
    renderCalls(view);
    showEffects(view, first);
    first = false;
  } catch (error) {
    showToast(error instanceof Error ? error.message : String(error), 'The playground server did not answer');
  }
}

/**
 * A menu item: its prompts and choice alerts are asked here, one at a time, and the item runs
 * again with the answers so far (the server stops it at the next unanswered dialog).
 */
async function runFunction(fn: string): Promise<void> {
  try {
    await flushSelection();
    const answers: Answer[] = [];
    let shown = 0;
    for (;;) {
      const outcome = await api<MenuOutcome>('/api/menu', { fn, answers });
      if (outcome.status === 'done') break;
      for (const before of outcome.shownBefore.slice(shown)) await showDialog(before);
      answers.push(await showDialog(outcome.question));
      shown = outcome.shownBefore.length + 1;
    }
  } catch (error) {
    showToast(error instanceof Error ? error.message : String(error), `${fn} failed`);
  }
  await refresh();
}

/** F6 moves between the page's regions (menu bar, grid, sidebar), as it does between a browser's panes: Tab stays inside the grid. */
function cycleRegions(event: KeyboardEvent): void {
  if (event.key !== 'F6' || !$('modal').hidden) return;
  event.preventDefault();
  moveRegion(event.shiftKey);
}

function moveRegion(back: boolean): void {
  const regions = [
    document.querySelector<HTMLElement>('#menus button'),
    $('grid'),
    $('sidebar-panel').hidden ? null : $<HTMLIFrameElement>('sidebar-frame'),
  ].filter((r): r is HTMLElement => r !== null);
  const at = regions.findIndex((r) => r === document.activeElement || r.contains(document.activeElement));
  const next = regions[(at + (back ? regions.length - 1 : 1)) % regions.length];
  if (next instanceof HTMLIFrameElement) next.contentWindow?.focus();
  else next.focus();
}

function wire(): void {
  document.addEventListener('click', closeMenus);
  document.addEventListener('keydown', cycleRegions);
  wireGrid();
  $<HTMLSelectElement>('user').addEventListener('change', (event) => {
    const email = (event.target as HTMLSelectElement).value;
    api('/api/user', { email }).then(
      () => refresh(),
      (error: unknown) => showToast(error instanceof Error ? error.message : String(error), 'Could not switch user'),
    );
  });
  $('reset').addEventListener('click', () => {
    if (!window.confirm('Throw this base away and start again from the demo (or your import)?')) return;
    closeSidebar();
    // A new base starts over like a freshly opened page: the seeding's own effects are not shown.
    api('/api/reset', {}).then(
      () => {
        currentSheet = undefined;
        resetSelection();
        first = true;
        return refresh();
      },
      (error: unknown) => showToast(error instanceof Error ? error.message : String(error), 'Reset failed'),
    );
  });
  const moveClock = (ms: number) =>
    api<{ now: string }>('/api/clock', { advanceMs: ms }).then(
      (clock) => {
        lastClock = clock.now;
        $('clock').textContent = clockText(clock.now, clockZone);
      },
      (error: unknown) => showToast(error instanceof Error ? error.message : String(error), 'Could not move the clock'),
    );
  void moveClock(0);
  $('clock-hour').addEventListener('click', () => void moveClock(3_600_000));
  $('clock-day').addEventListener('click', () => void moveClock(86_400_000));
  $('run-triggers').addEventListener('click', () => {
    api<{ ran: { handler: string; owner: string; ok: boolean; error?: string }[] }>('/api/triggers', {}).then(
      (reply) => {
        const text = reply.ran.length ? reply.ran.map((r) => `${r.handler} (${r.owner})${r.ok ? '' : `: ${r.error}`}`).join(', ') : 'No time-driven trigger.';
        showToast(text, 'Hourly trigger');
        return refresh();
      },
      (error: unknown) => showToast(error instanceof Error ? error.message : String(error), 'Trigger run failed'),
    );
  });
  $('sidebar-close').addEventListener('click', closeSidebar);
  $('dialog-close').addEventListener('click', closeHtmlDialog);
  $('dialog-modal').addEventListener('keydown', (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      closeHtmlDialog();
    }
  });
  // Tab from the dialog's last control, or a click on the dimmed page behind, never leaves the keyboard outside it.
  document.addEventListener('focusin', (event) => {
    const modal = $('dialog-modal');
    if (modal.hidden || !$('modal').hidden || !(event.target instanceof Node) || modal.contains(event.target)) return;
    $('dialog-close').focus();
  });
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== window.location.origin) return;
    const data = event.data as { type?: unknown } | null;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'clientbase:ran') {
      const revision = (data as { revision?: unknown }).revision;
      void refresh({ grid: typeof revision !== 'number' || revision !== shownRevision });
    } else if (data.type === 'clientbase:region' && event.source === $<HTMLIFrameElement>('sidebar-frame').contentWindow)
      moveRegion((data as { back?: unknown }).back === true);
    else if (data.type === 'clientbase:close') {
      if (event.source === $<HTMLIFrameElement>('sidebar-frame').contentWindow) closeSidebar();
      else closeHtmlDialog();
    }
  });
}

wire();
void refresh();
