/**
 * What "consistent" means for ClientBase's tabs after an interrupted
 * operation, read straight from the emulator (uncounted).
 */
import type { Emulator } from '../../emulator';
import { decodeEntry } from '../../src/core/merge/archive';

const STAMPS = new Set(['Updated', 'Updated by']);

function rowsOf(emu: Emulator, tab: string): Record<string, unknown>[] {
  if (!emu.sheetNames().includes(tab)) return [];
  const [header = [], ...rows] = emu.readSheet(tab);
  return rows.filter((r) => r.some((v) => v !== '')).map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** A tab as an order-free multiset of rows (sorting the sheet changes nothing), without the Updated stamps. */
export function tabState(emu: Emulator, tabs: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(
    tabs.map((tab) => [
      tab,
      rowsOf(emu, tab)
        .map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !STAMPS.has(k))))
        .sort(),
    ]),
  );
}

/** 'done' when the tabs match the finished run, 'rolled back' when they match the start, else what differs. */
export function outcome(emu: Emulator, before: Record<string, string[]>, done: Record<string, string[]>): string {
  const now = tabState(emu, Object.keys(before));
  const same = (a: Record<string, string[]>) => Object.keys(a).every((t) => JSON.stringify(a[t]) === JSON.stringify(now[t]));
  if (same(done)) return 'done';
  if (same(before)) return 'rolled back';
  const differs = Object.keys(before).filter((t) => JSON.stringify(before[t]) !== JSON.stringify(now[t]) && JSON.stringify(done[t]) !== JSON.stringify(now[t]));
  return `neither done nor rolled back: ${differs.join(', ')} half changed`;
}

/**
 * No client both in Clients and merged away (unless the merge was undone), no
 * client lost, no duplicate ID, every archived merge or deletion audited, no
 * intent left pending.
 */
export function baseProblems(emu: Emulator, originalIds: readonly string[]): string[] {
  const problems: string[] = [];
  const clients = rowsOf(emu, 'Clients').map((r) => String(r.ID));
  const present = new Set(clients);
  if (present.size !== clients.length) problems.push('a client ID appears twice in Clients');
  const byOp = new Map<string, { removed: string[]; undone: boolean }>();
  for (const r of rowsOf(emu, 'Archive')) {
    const entry = decodeEntry(String(r.Row ?? ''));
    const op = String(r['Merge ID']);
    const info = byOp.get(op) ?? { removed: [], undone: false };
    if (entry?.role === 'merged') info.removed.push(String(r['Client ID']));
    if (entry?.role === 'undone') info.undone = true;
    byOp.set(op, info);
  }
  const audit = rowsOf(emu, 'Audit');
  const archived = new Set<string>();
  for (const [op, info] of byOp) {
    if (!info.undone) for (const id of info.removed) archived.add(id);
    if (!info.undone && !audit.some((a) => String(a.Source) === op)) problems.push(`${op} is in Archive without an audit row`);
    if (info.undone && !audit.some((a) => a.Action === 'undo merge' && String(a.Source) === op)) problems.push(`undo of ${op} is not audited`);
    for (const id of info.removed) if (present.has(id) && !info.undone) problems.push(`${id} is both in Clients and archived by ${op}`);
  }
  for (const id of originalIds) if (!present.has(id) && !archived.has(id)) problems.push(`client ${id} is lost (neither in Clients nor in Archive)`);
  if (emu.serialize().properties.document['clientbase.intent']) problems.push('an unfinished intent is still recorded');
  return problems;
}

/** Every stage/manager change in Clients relative to `before` has an audit row for that client and field. */
export function unauditedChanges(emu: Emulator, before: Record<string, unknown>[], fields: readonly string[]): string[] {
  const old = new Map(before.map((r) => [String(r.ID), r]));
  const audit = rowsOf(emu, 'Audit');
  const problems: string[] = [];
  for (const r of rowsOf(emu, 'Clients')) {
    const o = old.get(String(r.ID));
    if (!o) continue;
    for (const f of fields) {
      if (String(o[f] ?? '') === String(r[f] ?? '')) continue;
      if (!audit.some((a) => String(a['Client ID']) === String(r.ID) && String(a.Field) === f && String(a['New value']) === String(r[f]))) {
        problems.push(`${r.ID} ${f} changed to ${String(r[f])} without an audit row`);
      }
    }
  }
  return problems;
}

export { rowsOf as plainRows };
