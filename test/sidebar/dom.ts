/** Rendering and user actions for the sidebar's DOM tests (happy-dom). */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { DEFAULT_FIELDS } from '../../src/core/schema/defaults';
import { INTERACTION_TYPES, type FieldDef } from '../../src/core/schema/field';
import type { BootstrapDto, ClientDto } from '../../src/server';
import { timing } from '../../sidebar/timing';

export function fastTiming(): void {
  timing.searchDebounceMs = 0;
  timing.duplicateDebounceMs = 0;
  timing.activePollMs = 60_000;
}

export function session(overrides: Partial<BootstrapDto> = {}): BootstrapDto {
  return {
    user: 'anna@example.com',
    role: 'manager',
    locale: 'en',
    timeZone: 'Europe/Moscow',
    today: '2024-05-31',
    fields: DEFAULT_FIELDS.map((f) => ({ ...f, options: [...f.options] })),
    interactionTypes: [...INTERACTION_TYPES],
    view: 'client',
    ...overrides,
  };
}

export function client(id: string, values: Record<string, string>, fields: FieldDef[] = DEFAULT_FIELDS): ClientDto {
  return {
    id,
    values: Object.fromEntries(fields.map((f) => [f.name, values[f.name] ?? ''])),
    created: '2024-05-01T09:00:00.000Z',
    updated: '2024-05-02T10:00:00.000Z',
    updatedBy: 'boris@example.com',
  };
}

export const ok = <T>(value: T) => ({ ok: true as const, value });

let container: HTMLElement | null = null;

export function mount(node: ComponentChild): HTMLElement {
  unmount();
  container = document.createElement('div');
  document.body.appendChild(container);
  act(() => render(node, container!));
  return container;
}

export function unmount(): void {
  if (!container) return;
  act(() => render(null, container!));
  container.remove();
  container = null;
}

/** Lets pending fake calls, timers of 0 ms and re-renders run. */
export async function flush(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export async function waitFor<T>(probe: () => T | null | undefined | false, what = 'condition'): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = probe();
    if (found) return found;
    await flush(1);
  }
  throw new Error(`timed out waiting for ${what}; DOM: ${document.body.innerHTML.slice(0, 2000)}`);
}

/** The control a <label> names, as a screen reader or getByLabelText would find it. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T {
  const label = Array.from(root.querySelectorAll('label')).find((l) => (l.textContent ?? '').replace(/\*$/, '').trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  const forId = label.getAttribute('for');
  const control = forId ? document.getElementById(forId) : label.querySelector('input,select,textarea');
  if (!control) throw new Error(`label "${text}" names no control`);
  return control as T;
}

export function queryLabel(root: ParentNode, text: string): HTMLElement | null {
  try {
    return byLabel(root, text);
  } catch {
    return null;
  }
}

export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name);
  if (!found)
    throw new Error(
      `no button "${name}"; buttons: ${Array.from(root.querySelectorAll('button'))
        .map((b) => b.getAttribute('aria-label') ?? b.textContent)
        .join(' | ')}`,
    );
  return found;
}

export async function type(el: HTMLElement, value: string): Promise<void> {
  await act(() => {
    el.focus();
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(el: HTMLElement, value: string): Promise<void> {
  await act(() => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function blur(el: HTMLElement): Promise<void> {
  await act(() => {
    el.dispatchEvent(new Event('blur'));
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

export async function click(el: HTMLElement): Promise<void> {
  await act(() => el.click());
  await flush();
}

export async function key(el: HTMLElement, name: string): Promise<void> {
  await act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  });
}
