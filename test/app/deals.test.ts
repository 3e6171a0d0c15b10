/**
 * Deals (issue 17) over the emulator: a contract added and edited from a
 * card lands in the Deals tab as typed (text stays text), is audited on its
 * contact, shows on the client's card and on its colleagues' (by company),
 * and opening a card or saving a deal costs the same service calls in a base
 * of 3 deals as of 30.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { callsDuring, rowsOf, unwrap, useEmulator } from '../support/emulated';

function addClient(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

describe('deals', () => {
  const emu = useEmulator({ timeZone: 'Europe/Moscow' });

  it('Set up creates the Deals tab; a contract added on a card is listed there, audited, and on the company’s other people', () => {
    server.menuSetUp();
    expect(emu().readSheet('Deals')[0]).toEqual([
      'ID',
      'Client ID',
      'Company',
      'Company ID',
      'Number',
      'Date',
      'Amount',
      'Currency',
      'Status',
      'Appendices',
      'Manager',
      'Created',
      'Updated',
    ]);
    const ivan = addClient({ 'First name': 'Ivan', Company: 'Romashka' });
    const olga = addClient({ 'First name': 'Olga', Company: 'Romashka' });
    const other = addClient({ 'First name': 'Petr', Company: 'Vasilek' });
    const deal = unwrap(
      server.apiSaveDeal({
        clientId: ivan,
        company: 'Romashka',
        number: 'K-17/2026',
        date: '2026-11-02',
        amount: '12 500,50',
        currency: 'rub',
        status: 'signed',
        appendices: ['Appendix 1', 'https://example.com/a2.pdf'],
      }),
    );
    expect(deal).toMatchObject({ number: 'K-17/2026', date: '2026-11-02', amount: 12500.5, currency: 'RUB', status: 'Signed', manager: 'anna@example.com' });
    expect(deal.appendices).toEqual(['Appendix 1', 'https://example.com/a2.pdf']);
    const [row] = rowsOf(emu(), 'Deals');
    expect(row).toMatchObject({ ID: deal.id, 'Client ID': ivan, Company: 'Romashka', Number: 'K-17/2026', Amount: 12500.5, Status: 'Signed' });
    const audit = rowsOf(emu(), 'Audit').filter((r) => r.Action === 'add deal');
    expect(audit.map((r) => [r['Client ID'], r.Field])).toContainEqual([ivan, 'Deal K-17/2026: Amount']);
    // On Ivan's card, on his colleague's (same company), not on another company's person; and in Ivan's history.
    expect(unwrap(server.apiOpenClient(ivan)).deals?.map((d) => d.id)).toEqual([deal.id]);
    expect(unwrap(server.apiOpenClient(olga)).deals?.map((d) => d.id)).toEqual([deal.id]);
    expect(unwrap(server.apiOpenClient(other)).deals).toEqual([]);
    expect(unwrap(server.apiHistory(ivan)).changes.some((c) => c.action === 'add deal')).toBe(true);
    expect(unwrap(server.apiDeals({ companyName: 'Romashka' })).map((d) => d.id)).toEqual([deal.id]);
  });

  it('edits a deal found by ID after a sort, audits old → new, and refuses an edit made on an older version', () => {
    server.menuSetUp();
    const ivan = addClient({ 'First name': 'Ivan' });
    const first = unwrap(server.apiSaveDeal({ clientId: ivan, number: 'B-2', amount: '100', status: 'draft' }));
    const deal = unwrap(server.apiSaveDeal({ clientId: ivan, number: 'A-1', amount: '100', status: 'negotiation' }));
    // Someone sorts Deals by Number between the card's load and its save.
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Deals')!.getRange('A2:M3').sort(5);
    const edited = unwrap(
      server.apiSaveDeal({ id: deal.id, amount: '250', status: 'Подписан', appendices: ['Доп. соглашение №1'], expectedUpdated: deal.updated }),
    );
    expect(edited).toMatchObject({ number: 'A-1', amount: 250, status: 'Signed', appendices: ['Доп. соглашение №1'] });
    const rows = rowsOf(emu(), 'Deals');
    expect(rows.find((r) => r.ID === first.id)).toMatchObject({ Amount: 100, Status: 'Draft' });
    expect(rows.find((r) => r.ID === deal.id)).toMatchObject({ Amount: 250, Status: 'Signed', Number: 'A-1' });
    const edits = rowsOf(emu(), 'Audit').filter((r) => r.Action === 'edit deal');
    expect(edits.map((r) => [r.Field, r['Old value'], r['New value']])).toEqual([
      ['Deal A-1: Amount', '100', '250'],
      ['Deal A-1: Status', 'Negotiation', 'Signed'],
      ['Deal A-1: Appendices', '', 'Доп. соглашение №1'],
    ]);
    const stale = server.apiSaveDeal({ id: deal.id, amount: '1', expectedUpdated: deal.updated });
    expect(stale.ok || stale.error.code).toBe('conflict');
  });

  it('refuses bad input without writing, and stores hostile text as text', () => {
    server.menuSetUp();
    const id = addClient({ 'First name': 'Eve' });
    for (const input of [
      {},
      { clientId: 'C-NOPE', number: '1' },
      { clientId: id, amount: 'lots' },
      { clientId: id, amount: '-5' },
      { clientId: id, date: '31.02.2024' },
      { clientId: id, number: 'x'.repeat(201) },
      { clientId: id, appendices: Array.from({ length: 21 }, (_, i) => `A${i}`) },
      { clientId: id, appendices: ['two\nlines'] },
    ]) {
      expect(server.apiSaveDeal(input).ok, JSON.stringify(input).slice(0, 60)).toBe(false);
    }
    expect(rowsOf(emu(), 'Deals')).toHaveLength(0);
    const hostile = unwrap(
      server.apiSaveDeal({
        clientId: id,
        number: '=IMPORTXML("x")',
        company: '<img src=x onerror=alert(1)>',
        appendices: ['+7 916', '@me', '😀 Ünïcode'],
        status: '-custom',
      }),
    );
    expect(hostile).toMatchObject({ number: '=IMPORTXML("x")', company: '<img src=x onerror=alert(1)>', status: '-custom' });
    expect(hostile.appendices).toEqual(['+7 916', '@me', '😀 Ünïcode']);
    expect(emu().inspectSheet('Deals').formulas.flat().filter(Boolean)).toEqual([]);
  });

  it('a base set up before deals existed gets the tab at its first deal', () => {
    server.menuSetUp();
    const id = addClient({ 'First name': 'Old', 'Last name': 'Base' });
    SpreadsheetApp.getActiveSpreadsheet().deleteSheet(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Deals')!);
    expect(unwrap(server.apiOpenClient(id)).deals).toEqual([]);
    unwrap(server.apiSaveDeal({ clientId: id, number: 'N-1' }));
    expect(rowsOf(emu(), 'Deals').map((r) => r.Number)).toEqual(['N-1']);
  });

  it('opening a card and saving a deal make as many service calls with 30 deals as with 3', () => {
    server.menuSetUp();
    const filler = addClient({ 'First name': 'Filler' });
    const seed = (n: number) => {
      for (let i = 0; i < n; i++) unwrap(server.apiSaveDeal({ clientId: filler, number: `F-${i}`, amount: '1' }));
    };
    // A new person of a new company each time: the same card, in a bigger base.
    const measure = (n: number) => {
      const id = addClient({ 'First name': `Person ${n}`, Company: `Company ${n}` });
      const add = total(callsDuring(emu(), () => unwrap(server.apiSaveDeal({ clientId: id, company: `Company ${n}`, number: 'X', amount: '5' }))));
      const open = total(callsDuring(emu(), () => unwrap(server.apiOpenClient(id))));
      const mine = unwrap(server.apiOpenClient(id)).deals![0];
      const edit = total(callsDuring(emu(), () => unwrap(server.apiSaveDeal({ id: mine.id, amount: '6', expectedUpdated: mine.updated }))));
      return { open, add, edit };
    };
    seed(3);
    const small = measure(1);
    seed(27);
    const big = measure(2);
    expect(big).toEqual(small);
  });
});
