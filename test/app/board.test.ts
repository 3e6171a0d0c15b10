/**
 * The pipeline board over the emulator: a column per stage with counts and
 * money, filtered by manager or segment, today's and overdue next steps
 * flagged; the menu opens a wide dialog; a move is apiSetStage (audited,
 * refused on a stale card); calls stay the same for 3 and for 40 clients.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator';
import * as server from '../../src/server';
import { formatDay } from '../../src/gas/dates';
import { ADMIN, callsDuring, rowsOf, unwrap, useEmulator } from '../support/emulated';
import { setUpBase, writeClients, writePurchases } from './segments/fixtures';

const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

describe('the pipeline board', () => {
  const emu = useEmulator({ files: { Sidebar: '<html><body><div id="app"></div></body></html>' } });

  function seed() {
    setUpBase(emu());
    const ids = writeClients(emu(), [
      { 'First name': 'Anna', Stage: 'Cold', Manager: 'olga@example.com' },
      { 'First name': 'Boris', Stage: 'Hot', Manager: 'olga@example.com' },
      { 'First name': '<b>Chen</b>', Stage: 'Hot', Manager: 'ion@example.com' },
      { 'First name': 'Dana', Stage: '', Manager: '' },
    ]);
    writePurchases(emu(), [
      [ids[1], new Date('2026-01-02T09:00:00Z'), 500, 'Tea'],
      [ids[1], new Date('2026-01-03T09:00:00Z'), '1 200,50', 'Coffee'],
      [ids[2], new Date('2026-01-03T09:00:00Z'), 90, 'Tea'],
    ]);
    return ids;
  }

  it('the menu opens a wide dialog running the board', () => {
    seed();
    server.menuPipelineBoard();
    const dialog = emu().ui.dialogs.at(-1)!;
    expect(dialog.modal).toBe(true);
    expect(dialog.html).toContain('data-mode="board"');
  });

  it('shows a column per stage with counts and money, stageless clients apart, next steps of today flagged', () => {
    const ids = seed();
    const today = formatDay(new Date(), 'Europe/Moscow');
    unwrap(server.apiLogInteraction({ clientId: ids[1], type: 'Call', nextStep: 'Send the offer', nextDate: today }));
    unwrap(server.apiLogInteraction({ clientId: ids[2], type: 'Call', nextStep: 'Old promise', nextDate: '2026-01-01' }));
    const board = unwrap(server.apiBoard());
    expect(board.columns.map((c) => [c.stage, c.count])).toEqual([
      ['', 1],
      ['Cold', 1],
      ['Warm', 0],
      ['Hot', 2],
      ['VIP', 0],
      ['Lost', 0],
    ]);
    const hot = board.columns.find((c) => c.stage === 'Hot')!;
    expect(hot.money).toBeCloseTo(1790.5);
    expect(board.moneyLabel).toBe('');
    const boris = hot.cards.find((c) => c.id === ids[1])!;
    expect(boris).toMatchObject({ due: 'today', nextStep: 'Send the offer', money: 1700.5 });
    expect(hot.cards.find((c) => c.id === ids[2])).toMatchObject({ due: 'overdue', name: '<b>Chen</b>' });
    expect(hot.cards[0].due).toBe('overdue');

    expect(unwrap(server.apiBoard({ manager: 'OLGA@example.com' })).columns.map((c) => [c.stage, c.count])).toEqual([
      ['Cold', 1],
      ['Warm', 0],
      ['Hot', 1],
      ['VIP', 0],
      ['Lost', 0],
    ]);
    server.menuRefreshSegments();
    expect(unwrap(server.apiBoard({ segment: 'Hot' })).columns.find((c) => c.stage === 'Hot')!.count).toBe(2);
    expect(unwrap(server.apiBoard({ segment: 'Hot' })).columns.find((c) => c.stage === 'Cold')!.count).toBe(0);
  });

  it('moves a card through apiSetStage, audited, and refuses a card loaded before someone changed the client', () => {
    const ids = seed();
    const card = unwrap(server.apiBoard()).columns.find((c) => c.stage === 'Cold')!.cards[0];
    unwrap(server.apiSetStage(card.id, 'Warm', card.updated));
    expect(rowsOf(emu(), 'Clients')[0].Stage).toBe('Warm');
    expect(rowsOf(emu(), 'Audit').some((a) => a['Client ID'] === ids[0] && a.Field === 'Stage' && a['New value'] === 'Warm')).toBe(true);
    const stale = server.apiSetStage(card.id, 'Hot', card.updated);
    expect(stale.ok ? '' : stale.error.code).toBe('conflict');
    expect(rowsOf(emu(), 'Clients')[0].Stage).toBe('Warm');
  });

  it('loads and moves in the same number of calls for 3 and for 40 clients', () => {
    const measure = (n: number) => {
      const own = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' } });
      const uninstall = own.install(globalThis);
      try {
        setUpBase(own);
        writeClients(
          own,
          Array.from({ length: n }, (_, i) => ({ 'First name': `P${i}`, Stage: i % 2 ? 'Hot' : 'Cold', Manager: 'olga@example.com' })),
        );
        let card = { id: '', updated: '' };
        const load = total(
          callsDuring(own, () => {
            card = unwrap(server.apiBoard()).columns.find((c) => c.stage === 'Cold')!.cards[0];
          }),
        );
        const move = total(callsDuring(own, () => unwrap(server.apiSetStage(card.id, 'Warm', card.updated))));
        return { load, move };
      } finally {
        uninstall();
      }
    };
    expect(measure(40)).toEqual(measure(3));
  });
});
