/**
 * The playground page: a Sheets-like grid of the emulator's spreadsheet, the
 * ClientBase menu, the real sidebar in an iframe, the outbox and the service
 * calls of the last action. Everything from the spreadsheet is rendered with
 * textContent: cell values may be hostile HTML.
 */
import { renderCharts } from './charts.ts';
import { drawnBackground } from '../cell-colour.ts';
import type { GridView, PlaygroundView } from '../state-view.ts';

type CallReply = { ok: true; value: unknown } | { ok: false; error: string };

const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
};

let currentSheet: string | undefined;
let seenSidebars = -1;
let seenDialogs = -1;
let seenSeq = 0;
let selectedA1: string | undefined;
let renderedGrid = '';
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

function renderGrid(sheet: GridView | undefined): void {
  // The sidebar's polling refreshes the page every few seconds: leave an unchanged grid alone.
  const signature = JSON.stringify(sheet ?? null);
  if (signature === renderedGrid) return;
  renderedGrid = signature;
  const table = $('grid');
  table.replaceChildren();
  renderCharts($('charts'), sheet?.charts ?? []);
  const note = $('grid-note');
  if (!sheet) {
    note.textContent = 'The spreadsheet has no sheets.';
    return;
  }
  const width = Math.max(1, ...sheet.display.map((row) => row.length));
  const invalid = new Map(sheet.invalid.map((c) => [`${c.row}:${c.column}`, c.reason]));
  const notes = new Map(sheet.notes.map((c) => [`${c.row}:${c.column}`, c.note]));
  const backgrounds = new Map((sheet.backgrounds ?? []).map((c) => [`${c.row}:${c.column}`, c.color]));
  const hidden = new Set(sheet.hiddenRows);

  const head = el('thead');
  const letters = el('tr');
  letters.append(el('th', '', 'rownum'));
  for (let c = 0; c < width; c++) letters.append(el('th', columnLetter(c)));
  head.append(letters);

  const body = el('tbody');
  sheet.display.forEach((row, r) => {
    const rowNumber = r + 1;
    const tr = el('tr');
    if (rowNumber <= sheet.frozenRows) tr.classList.add('frozen');
    if (hidden.has(rowNumber)) {
      tr.classList.add('hidden-row');
      tr.title = 'Hidden row';
    }
    tr.append(el('th', String(rowNumber), 'rownum'));
    for (let c = 0; c < width; c++) {
      const td = el('td', row[c] ?? '');
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
      if (td.dataset.a1 === selectedA1) td.classList.add('selected');
      tr.append(td);
    }
    body.append(tr);
  });
  table.append(head, body);
  const shown = sheet.display.length;
  note.textContent =
    shown < sheet.totalRows ? `${sheet.name}: showing the first ${shown} of ${sheet.totalRows} rows.` : `${sheet.name}: ${sheet.totalRows} rows.`;
}

function renderTabs(view: PlaygroundView): void {
  const tabs = $('tabs');
  tabs.replaceChildren(
    ...view.sheets.map((name) => {
      const button = el('button', name, name === view.sheet?.name ? 'active' : undefined);
      button.type = 'button';
      button.addEventListener('click', () => {
        tabClicks++;
        currentSheet = name;
        selectedA1 = undefined;
        void refresh();
      });
      return button;
    }),
  );
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

function renderUsers(view: PlaygroundView): void {
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

// ---- outbox, service calls, effects --------------------------------------------------------

function renderOutbox(view: PlaygroundView): void {
  $('outbox-count').textContent = view.outboxTotal ? `(${view.outboxTotal})` : '';
  const body = $('mail-body');
  $('outbox').replaceChildren(
    ...view.outbox.map((mail) => {
      const li = el('li');
      const button = el('button');
      button.type = 'button';
      button.append(el('span', mail.to), el('span', mail.subject), el('span', mail.atText));
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

const alertQueue: { title?: string; prompt: string }[] = [];

function showNextAlert(): void {
  const modal = $('modal');
  const next = alertQueue.shift();
  if (!next) {
    modal.hidden = true;
    return;
  }
  $('modal-title').textContent = next.title ?? 'ClientBase';
  $('modal-text').textContent = next.prompt;
  modal.hidden = false;
  $('modal-ok').focus();
}

/** Alerts, toasts, sidebars and dialogs of the calls made since the last look, each shown once. */
function showEffects(view: PlaygroundView, initial: boolean): void {
  const newest = view.calls[0]?.seq ?? 0;
  if (initial) {
    seenSidebars = view.sidebars;
    seenDialogs = view.dialogs;
    seenSeq = newest;
    return;
  }
  const fresh = view.calls.filter((call) => call.seq > seenSeq).reverse();
  seenSeq = Math.max(seenSeq, newest);
  const alerts: { title?: string; prompt: string }[] = [];
  for (const call of fresh) {
    for (const toast of call.toasts) showToast(String(toast.message), toast.title ? String(toast.title) : undefined);
    if (!call.ok) showToast(call.error ?? 'failed', `${call.fn} failed`);
    alerts.push(...call.alerts.map((a) => ({ title: a.title, prompt: String(a.prompt) })));
  }
  if (alerts.length) {
    const wasEmpty = alertQueue.length === 0;
    alertQueue.push(...alerts);
    if (wasEmpty) showNextAlert();
  }
  if (view.sidebars > seenSidebars) {
    seenSidebars = view.sidebars;
    const titled = fresh.flatMap((call) => call.sidebars);
    openSidebar(titled[titled.length - 1]);
  }
  if (view.dialogs > seenDialogs) {
    seenDialogs = view.dialogs;
    $<HTMLIFrameElement>('dialog-frame').src = `/dialog?n=${view.dialogs}`;
    $('dialog-modal').hidden = false;
  }
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

const fetchView = (): Promise<PlaygroundView> => api<PlaygroundView>(`/api/state${currentSheet ? `?sheet=${encodeURIComponent(currentSheet)}` : ''}`);

/**
 * The sheet the add-on brought to the front in calls the page has not seen yet (the newest
 * such call wins), as Sheets shows it. A tab the user clicked meanwhile wins over it.
 */
function activatedSince(view: PlaygroundView, seq: number): string | undefined {
  const call = view.calls.find((c) => c.seq > seq && typeof c.activated === 'string' && view.sheets.includes(c.activated));
  return call?.activated;
}

async function refresh(): Promise<void> {
  try {
    const clicks = tabClicks;
    let view = await fetchView();
    const userPicked = clicks > tabClicksSeen;
    tabClicksSeen = Math.max(tabClicksSeen, clicks);
    const activated = first || userPicked ? undefined : activatedSince(view, seenSeq);
    if (activated !== undefined && activated !== view.sheet?.name && clicks === tabClicks) {
      currentSheet = activated;
      selectedA1 = undefined;
      view = await fetchView();
      // A click during the second look is the user's last word.
      if (clicks !== tabClicks) return;
    }
    currentSheet = view.sheet?.name;
    renderMenus(view);
    renderUsers(view);
    renderTabs(view);
    renderGrid(view.sheet);
    renderOutbox(view);
    renderCalls(view);
    showEffects(view, first);
    first = false;
  } catch (error) {
    showToast(error instanceof Error ? error.message : String(error), 'The playground server did not answer');
  }
}

async function runFunction(fn: string): Promise<void> {
  try {
    await api<CallReply>('/api/run', { fn, args: [] });
  } catch (error) {
    showToast(error instanceof Error ? error.message : String(error), `${fn} failed`);
  }
  await refresh();
}

function wire(): void {
  document.addEventListener('click', closeMenus);
  $('grid').addEventListener('click', (event) => {
    const td = (event.target as HTMLElement).closest('td');
    if (!td?.dataset.a1 || !currentSheet) return;
    for (const old of document.querySelectorAll('#grid td.selected')) old.classList.remove('selected');
    selectedA1 = td.dataset.a1;
    td.classList.add('selected');
    api('/api/select', { sheet: currentSheet, a1: td.dataset.a1 }).catch((error: unknown) =>
      showToast(error instanceof Error ? error.message : String(error), 'Could not select the cell'),
    );
  });
  // A double click types into a cell, as in Sheets: Enter keeps it, Escape leaves it (the add-on's onEdit audit does not run here).
  $('grid').addEventListener('dblclick', (event) => {
    const td = (event.target as HTMLElement).closest('td');
    if (!td?.dataset.a1 || !currentSheet || td.querySelector('input')) return;
    const sheet = currentSheet;
    const a1 = td.dataset.a1;
    const input = el('input');
    input.className = 'cell-editor';
    input.setAttribute('aria-label', `${sheet}!${a1}`);
    input.value = td.textContent ?? '';
    td.replaceChildren(input);
    input.focus();
    input.select();
    let done = false;
    const finish = (keep: boolean): void => {
      if (done) return;
      done = true;
      renderedGrid = '';
      if (!keep) return void refresh();
      api('/api/edit', { sheet, a1, value: input.value }).then(
        () => refresh(),
        (error: unknown) => {
          showToast(error instanceof Error ? error.message : String(error), 'Could not change the cell');
          void refresh();
        },
      );
    };
    input.addEventListener('keydown', (key) => {
      if (key.key === 'Enter') finish(true);
      else if (key.key === 'Escape') finish(false);
    });
    input.addEventListener('blur', () => finish(false));
  });
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
        selectedA1 = undefined;
        first = true;
        return refresh();
      },
      (error: unknown) => showToast(error instanceof Error ? error.message : String(error), 'Reset failed'),
    );
  });
  const moveClock = (ms: number) =>
    api<{ now: string }>('/api/clock', { advanceMs: ms }).then(
      (clock) => {
        $('clock').textContent = clock.now.slice(0, 16).replace('T', ' ') + ' UTC';
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
  $('modal-ok').addEventListener('click', showNextAlert);
  $('dialog-close').addEventListener('click', () => {
    $('dialog-modal').hidden = true;
    $<HTMLIFrameElement>('dialog-frame').src = 'about:blank';
  });
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== window.location.origin) return;
    const data = event.data as { type?: unknown } | null;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'clientbase:ran') void refresh();
    else if (data.type === 'clientbase:close') {
      if (event.source === $<HTMLIFrameElement>('sidebar-frame').contentWindow) closeSidebar();
      else $('dialog-close').click();
    }
  });
}

wire();
void refresh();
