/**
 * Issue 17, companies: a flat B2B list is proposed as companies (tax ID, else
 * the name in any of its forms), confirmed, made into Companies rows with
 * every person linked and nothing else changed; the company card opens in
 * bounded calls with its people and their merged history; its save is
 * version-checked and audited; ratings and roles work in rules; a kill at
 * any call of the linking leaves it done or rolled back.
 */
import { describe, expect, it, vi } from 'vitest';
import * as server from '../../src/server';
import { callsDuring, rowsOf, unwrap, useEmulator } from '../support/emulated';
import { seedBase, sweepKills } from '../support/kill-bases';
import { setUpBase, writeClients } from './segments/fixtures';

const B2B = [
  {
    'First name': 'Ivan',
    'Last name': 'Petrov',
    Company: 'ООО «Ромашка»',
    'Tax ID': '7707083893',
    'Contact role': 'Decision maker',
    Phone: '+7 916 123-45-67',
    Rating: 5,
  },
  { 'First name': 'Olga', 'Last name': 'Sidorova', Company: 'Romashka LLC', 'Contact role': 'Influencer', Email: 'olga@romashka.ru' },
  { 'First name': 'Пётр', 'Last name': 'Ким', Company: 'ТОВ "Ромашка"', 'Tax ID': '77 07 083893', 'Contact role': 'Buyer / enquirer' },
  { 'First name': 'Ana', 'Last name': 'Rusu', Company: 'Vasilek S.R.L.', 'Contact role': 'Decision maker', Rating: 3 },
  { 'First name': 'Ion', 'Last name': 'Popa', Company: 'ООО Василек', 'Contact role': 'Other' },
  { 'First name': '<img src=x onerror=alert(1)>', 'Last name': 'Hostile', Company: '<script>alert(1)</script>' },
  { 'First name': 'Private', 'Last name': 'Person', Company: '', 'Tax ID': '123456789012' },
];

describe('companies', () => {
  const emu = useEmulator();

  function seed(): string[] {
    setUpBase(emu());
    return writeClients(emu(), B2B);
  }

  it('Set up makes a Companies tab from the company rows of Fields', () => {
    seed();
    expect(emu().readSheet('Companies')[0]).toEqual([
      'ID',
      'Created',
      'Updated',
      'Updated by',
      'Name',
      'Tax ID',
      'Address',
      'City',
      'Sector',
      'Stage',
      'Rating',
      'Rating comment',
      'Manager',
    ]);
    const fields = rowsOf(emu(), 'Fields');
    expect(fields.filter((f) => f.Table === 'Companies').map((f) => f.Name)).toEqual([
      'Name',
      'Tax ID',
      'Address',
      'City',
      'Sector',
      'Stage',
      'Rating',
      'Rating comment',
      'Manager',
    ]);
    expect(fields.find((f) => f.Name === 'Contact role')?.Options).toBe('Decision maker, Influencer, Buyer / enquirer, Other');
  });

  it('proposes three companies from seven people, links them on confirmation, keeps every cell, and proposes nothing new after', () => {
    const ids = seed();
    const before = rowsOf(emu(), 'Clients');
    const proposals = unwrap(server.apiProposeCompanies());
    expect(proposals.map((p) => [p.name, p.people.map((x) => x.id)])).toEqual([
      ['ООО «Ромашка»', [ids[0], ids[2], ids[1]]],
      ['Vasilek S.R.L.', [ids[3], ids[4]]],
      ['<script>alert(1)</script>', [ids[5]]],
    ]);
    const report = unwrap(server.apiLinkCompanies([proposals[2].key]));
    expect(report).toMatchObject({ companiesCreated: 2, peopleLinked: 5, snapshotId: expect.any(String) });
    const companies = rowsOf(emu(), 'Companies');
    expect(companies.map((c) => [c.Name, c['Tax ID']])).toEqual([
      ['ООО «Ромашка»', '7707083893'],
      ['Vasilek S.R.L.', ''],
    ]);
    const after = rowsOf(emu(), 'Clients');
    expect(after.map((c) => c['Company ID'])).toEqual([companies[0].ID, companies[0].ID, companies[0].ID, companies[1].ID, companies[1].ID, '', '']);
    // Nothing but the link and the stamps moved: the Company spellings stay as typed.
    for (let i = 0; i < before.length; i++) {
      const { 'Company ID': _a, Updated: _b, 'Updated by': _c, ...rest } = after[i];
      const { 'Company ID': _d, Updated: _e, 'Updated by': _f, ...was } = before[i];
      expect(rest).toEqual(was);
    }
    const audit = rowsOf(emu(), 'Audit');
    expect(audit.filter((a) => a.Action === 'link company')).toHaveLength(5);
    expect(audit.filter((a) => a.Action === 'add company')).toHaveLength(2);
    expect(unwrap(server.apiProposeCompanies()).map((p) => p.name)).toEqual(['<script>alert(1)</script>']);
    expect(unwrap(server.apiLinkCompanies([unwrap(server.apiProposeCompanies())[0].key]))).toMatchObject({ companiesCreated: 0, peopleLinked: 0 });
  });

  it("a new company takes its people's City, Address, Stage and Manager (the most common value), with where they differ shown first; people keep theirs", () => {
    setUpBase(emu());
    const ids = writeClients(emu(), [
      { 'First name': 'Ivan', Company: 'ООО «Ромашка»', 'Tax ID': '7707083893', City: 'Санкт-Петербург', Address: 'Невский пр., 1', Stage: 'VIP', Rating: 5 },
      { 'First name': 'Olga', Company: 'Romashka LLC', City: 'St. Petersburg', Stage: 'VIP', Manager: 'max@example.com' },
      { 'First name': 'Пётр', Company: 'ТОВ "Ромашка"', 'Tax ID': '77 07 083893', City: 'Санкт-Петербург', Stage: 'Hot' },
      { 'First name': 'Ana', Company: 'Acme Ltd', City: '<img src=x onerror=alert(1)>' },
    ]);
    const before = rowsOf(emu(), 'Clients');
    const proposals = unwrap(server.apiProposeCompanies());
    const romashka = proposals.find((p) => p.name === 'ООО «Ромашка»')!;
    expect(romashka.carried).toEqual(['Address', 'City', 'Stage', 'Manager']);
    expect(romashka.conflicts).toEqual([
      { field: 'City', values: ['Санкт-Петербург', 'St. Petersburg'] },
      { field: 'Stage', values: ['VIP', 'Hot'] },
    ]);
    unwrap(server.apiLinkCompanies([]));
    const companies = rowsOf(emu(), 'Companies');
    expect(companies.map((c) => [c.Name, c.City, c.Address, c.Stage, c.Manager, c.Rating])).toEqual([
      ['ООО «Ромашка»', 'Санкт-Петербург', 'Невский пр., 1', 'VIP', 'max@example.com', ''],
      ['Acme Ltd', '<img src=x onerror=alert(1)>', '', '', '', ''],
    ]);
    // Each carried value is audited on the company; the people's own cells are as they were.
    const audit = rowsOf(emu(), 'Audit').filter((a) => a.Action === 'add company' && a['Client ID'] === companies[0].ID);
    expect(audit.map((a) => [a.Field, a['New value']])).toEqual([
      ['Name', 'ООО «Ромашка»'],
      ['Address', 'Невский пр., 1'],
      ['City', 'Санкт-Петербург'],
      ['Stage', 'VIP'],
      ['Manager', 'max@example.com'],
    ]);
    const after = rowsOf(emu(), 'Clients');
    for (let i = 0; i < ids.length; i++) {
      const { 'Company ID': _a, Updated: _b, 'Updated by': _c, ...rest } = after[i];
      const { 'Company ID': _d, Updated: _e, 'Updated by': _f, ...was } = before[i];
      expect(rest).toEqual(was);
    }
    // Company.City in a rule now sees the city the flat list gave its people.
    expect(unwrap(server.apiPreviewSegment('Company.City = "St. Petersburg"')).count).toBe(3);
  });

  it('opens a company with its people and their merged history in bounded calls, and saves it version-checked and audited', () => {
    const ids = seed();
    unwrap(server.apiLinkCompanies([]));
    unwrap(
      server.apiLogInteraction({
        clientId: ids[0],
        type: 'Call',
        date: '2026-02-01',
        result: 'Asked for an offer',
        nextStep: 'Send offer',
        nextDate: '2026-02-05',
      }),
    );
    unwrap(server.apiLogInteraction({ clientId: ids[1], type: 'Meeting', date: '2026-02-03', result: 'Demo' }));
    unwrap(server.apiLogInteraction({ clientId: ids[3], type: 'Call', date: '2026-02-04', result: 'Other company' }));
    const romashka = String(rowsOf(emu(), 'Companies')[0].ID);
    let card!: ReturnType<typeof server.apiOpenCompany>;
    const calls = callsDuring(emu(), () => {
      card = server.apiOpenCompany(romashka);
    });
    const open = unwrap(card);
    expect(open.people.map((p) => [p.name, p.role])).toEqual([
      ['Ivan Petrov', 'Decision maker'],
      ['Olga Sidorova', 'Influencer'],
      ['Пётр Ким', 'Buyer / enquirer'],
    ]);
    expect(open.interactions.map((i) => [i.clientName, i.type])).toEqual([
      ['Olga Sidorova', 'Meeting'],
      ['Ivan Petrov', 'Call'],
    ]);
    expect(open.nextSteps.map((i) => i.nextStep)).toEqual(['Send offer']);
    expect(calls['Range.getValues'] ?? 0).toBeLessThanOrEqual(14);
    // Fields and Settings (loadBase) and Fields once more for the company fields; never Clients or Interactions whole.
    expect(calls['Sheet.getDataRange'] ?? 0).toBeLessThanOrEqual(3);

    const saved = unwrap(server.apiSaveCompany({ id: romashka, values: { Sector: '=SUM(1)', Rating: '4' }, expectedUpdated: open.company.updated }));
    expect(saved.values).toMatchObject({ Sector: '=SUM(1)', Rating: '4' });
    expect(rowsOf(emu(), 'Companies')[0]).toMatchObject({ Sector: '=SUM(1)', Rating: 4 });
    expect(
      rowsOf(emu(), 'Audit')
        .filter((a) => a.Action === 'save company')
        .map((a) => a.Field),
    ).toEqual(['Sector', 'Rating']);
    const stale = server.apiSaveCompany({ id: romashka, values: { Sector: 'Retail' }, expectedUpdated: open.company.updated });
    expect(stale.ok ? '' : stale.error.code).toBe('conflict');
    const bad = server.apiSaveCompany({ id: romashka, values: { Rating: 'five' }, expectedUpdated: saved.updated });
    expect(bad.ok ? '' : bad.error.code).toBe('validation');
    // The client card's checks: a Stage that is none of its options is refused per field, with the good edit beside it not saved either.
    const before = rowsOf(emu(), 'Companies')[0];
    const wrong = server.apiSaveCompany({ id: romashka, values: { Stage: 'Super VIP', Sector: 'Retail', Rating: 'five' }, expectedUpdated: saved.updated });
    expect(wrong.ok ? {} : wrong.error.fields).toEqual({ Stage: expect.stringMatching(/Stage/), Rating: expect.stringMatching(/Rating/) });
    expect(rowsOf(emu(), 'Companies')[0]).toEqual(before);
    // An option typed in another case is stored as the option.
    unwrap(server.apiSaveCompany({ id: romashka, values: { Stage: 'vip' }, expectedUpdated: saved.updated }));
    expect(rowsOf(emu(), 'Companies')[0].Stage).toBe('VIP');
  });

  it('renaming a company rewrites its people’s Company text where they are now, audited with the old spelling, in constant calls', () => {
    const ids = seed();
    unwrap(server.apiLinkCompanies([]));
    const romashka = String(rowsOf(emu(), 'Companies')[0].ID);
    // A sort between opening the card and saving it: the people are found by ID, not by row.
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!.getRange('A2:Z8').sort({ column: 6, ascending: false });
    const open = unwrap(server.apiOpenCompany(romashka));
    const hostile = '=HYPERLINK("http://x";"Ромашка") <b>ГК</b> 😀';
    let saved!: ReturnType<typeof server.apiSaveCompany>;
    const calls = callsDuring(emu(), () => {
      saved = server.apiSaveCompany({ id: romashka, values: { Name: hostile }, expectedUpdated: open.company.updated });
    });
    unwrap(saved);
    const people = rowsOf(emu(), 'Clients');
    const byId = new Map(people.map((p) => [p.ID, p]));
    expect([ids[0], ids[1], ids[2]].map((id) => byId.get(id)!.Company)).toEqual([hostile, hostile, hostile]);
    expect(byId.get(ids[3])!.Company).toBe('Vasilek S.R.L.');
    expect(emu().inspectSheet('Clients').formulas.flat().filter(Boolean)).toEqual([]);
    const audit = rowsOf(emu(), 'Audit').filter((a) => a.Action === 'rename company');
    expect(audit.map((a) => [a['Client ID'], a['Old value'], a['New value']]).sort()).toEqual(
      [
        [ids[0], 'ООО «Ромашка»', hostile],
        [ids[1], 'Romashka LLC', hostile],
        [ids[2], 'ТОВ "Ромашка"', hostile],
      ].sort(),
    );
    // A fourth person in the company (linked by hand) costs no more calls than three.
    const grid = emu().readSheet('Clients');
    const row = grid.findIndex((r) => r[0] === ids[3]);
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Clients')!
      .getRange(row + 1, grid[0].indexOf('Company ID') + 1)
      .setValue(romashka);
    const again = unwrap(server.apiOpenCompany(romashka));
    expect(again.people).toHaveLength(4);
    let second!: ReturnType<typeof server.apiSaveCompany>;
    const calls4 = callsDuring(emu(), () => {
      second = server.apiSaveCompany({ id: romashka, values: { Name: 'Romashka Group' }, expectedUpdated: again.company.updated });
    });
    unwrap(second);
    expect(calls4['Range.getValues']).toBe(calls['Range.getValues']);
    expect(calls4['Range.setValues']).toBe(calls['Range.setValues']);
    expect(rowsOf(emu(), 'Clients').filter((p) => p.Company === 'Romashka Group')).toHaveLength(4);
  });

  it('ratings and roles are usable in rules, in English and through the Russian field name', () => {
    const ids = seed();
    const count = (rule: string) => unwrap(server.apiPreviewSegment(rule)).count;
    expect(count('Rating >= 4')).toBe(1);
    expect(count('Role = "Decision maker"')).toBe(2);
    expect(count('Роль = "Decision maker" и Рейтинг >= 3')).toBe(2);
    expect(ids).toHaveLength(7);
  });
});

describe('linking people to companies, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('makes every company and link, audited, or none', () => {
    const base = seedBase((emu) => {
      const header = emu.readSheet('Clients')[0] as string[];
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
      const col = header.indexOf('Company') + 1;
      sheet.getRange(2, col, 3, 1).setValues([['ООО «Ромашка»'], ['Romashka LLC'], ['Vasilek SRL']]);
    });
    const sweep = sweepKills(
      {
        base,
        run: () => void server.apiLinkCompanies([]),
        // Companies rows carry a Created time that differs between runs: judged in `afterwards` instead.
        tabs: ['Clients'],
        audited: ['Company ID'],
        afterwards: (emu, outcome) => {
          const companies = emu
            .readSheet('Companies')
            .slice(1)
            .filter((r) => r.some((v) => v !== ''));
          expect(companies.map((r) => r[4])).toEqual(outcome === 'done' ? ['ООО «Ромашка»', 'Vasilek SRL'] : []);
        },
        // Four points spread over the calls (the Clients write, the Companies append, Audit, the intent's end among them), kept small for the suite's budget.
        sample: (keys) => [...new Set([0.3, 0.7, 0.95, 1].map((f) => Math.max(1, Math.round(f * keys.length))))],
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(sweep.rolledBack).toBeGreaterThan(2);
    expect(sweep.done).toBeGreaterThan(0);
    console.info(`link companies kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
