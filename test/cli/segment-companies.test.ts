/**
 * Issue 17: `clientbase segment` reads the Companies export as the sheet reads
 * the Companies tab. A base is built over the emulator (people linked to
 * companies, companies made VIP and placed), its Clients, Companies and Deals
 * tabs are exported as CSV files, and the command line must pick exactly the
 * people the live segment tab of the same rule lists.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/commands/segment';
import { formatCsv } from '../../src/core/csv/parse';
import * as server from '../../src/server';
import { memoryIo } from '../support/cli-io';
import { rowsOf, unwrap, useEmulator } from '../support/emulated';
import { liveTabIds, setUpBase, writeClients } from '../app/segments/fixtures';

const PEOPLE = [
  { 'First name': 'Ivan', Company: 'ООО «Ромашка»', 'Tax ID': '7707083893', 'Contact role': 'Decision maker', Email: 'ivan@romashka.ru' },
  { 'First name': 'Olga', Company: 'Romashka LLC', 'Contact role': 'Influencer', Email: 'olga@romashka.ru' },
  { 'First name': 'Ana', Company: 'Vasilek S.R.L.', 'Contact role': 'Decision maker', Email: 'ana@vasilek.md' },
  { 'First name': 'Ion', Company: 'ООО Василек', 'Contact role': 'Buyer / enquirer', Email: 'ion@vasilek.md' },
  { 'First name': 'Solo', Company: '', 'Contact role': 'Decision maker', Email: 'solo@example.com' },
];
const RULES = [
  'Role = "Decision maker" and Company.Stage = "VIP" and Company.City = "St. Petersburg"',
  'Роль = "Decision maker" и Компания.Рейтинг >= 4',
  'Company.Name is empty',
  'Company.Stage != "VIP"',
  'Company.Sector contains "<b>"',
  '"Deals signed total" > 1000',
  'Last deal date after 2025-12-31',
  '"Дата последней сделки" is empty',
];

describe('clientbase segment with --companies', () => {
  const emu = useEmulator();

  function exported(tab: string): string {
    const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));
    return formatCsv(
      emu()
        .readSheet(tab)
        .map((row) => row.map(text)),
    );
  }

  function seed(): string[] {
    setUpBase(emu());
    const ids = writeClients(emu(), PEOPLE);
    unwrap(server.apiLinkCompanies([]));
    const [romashka, vasilek] = rowsOf(emu(), 'Companies').map((c) => String(c.ID));
    for (const [id, values] of [
      [romashka, { Stage: 'VIP', City: 'СПб', Rating: '5', Sector: '<b>retail</b>' }],
      [vasilek, { Stage: 'VIP', City: 'Chișinău', Rating: '3' }],
    ] as const) {
      const open = unwrap(server.apiOpenCompany(id));
      unwrap(server.apiSaveCompany({ id, values, expectedUpdated: open.company.updated }));
    }
    unwrap(server.apiSaveDeal({ companyId: romashka, company: 'ООО «Ромашка»', number: 'K-1', date: '2026-01-10', amount: '5000', status: 'signed' }));
    return ids;
  }

  it('selects the same people as the live segment tab of each rule', async () => {
    seed();
    const files = { 'clients.csv': exported('Clients'), 'companies.csv': exported('Companies'), 'deals.csv': exported('Deals') };
    for (const [i, rule] of RULES.entries()) {
      unwrap(server.apiSaveSegment({ name: `S${i}`, rule }));
      const t = memoryIo(files);
      const code = await run(['clients.csv', '--rule', rule, '--companies', 'companies.csv', '--deals', 'deals.csv'], t.io);
      expect({ rule, code, err: t.stderr() }).toEqual({ rule, code: 0, err: '' });
      const live = liveTabIds(emu(), `Seg · S${i}`);
      expect(t.stdout().split('\n').filter(Boolean), rule).toEqual(live);
    }
    // Not vacuous: the first rule is exactly Ivan; Romashka's contract dates both its people.
    expect(liveTabIds(emu(), 'Seg · S0')).toHaveLength(1);
    expect(liveTabIds(emu(), 'Seg · S6')).toHaveLength(2);
  });

  it('without --companies a company rule says which file to give, exit 2; an unknown company field names the closest', async () => {
    seed();
    const files = { 'clients.csv': exported('Clients'), 'companies.csv': exported('Companies') };
    const bare = memoryIo(files);
    expect(await run(['clients.csv', '--rule', 'Company.Stage = "VIP"'], bare.io)).toBe(2);
    expect(bare.stderr()).toMatch(/--companies COMPANIES\.csv/);
    const typo = memoryIo(files);
    expect(await run(['clients.csv', '--rule', 'Company.Sektor = "x"', '--companies', 'companies.csv'], typo.io)).toBe(2);
    expect(typo.stderr()).toMatch(/Sector/);
    const noDeals = memoryIo(files);
    expect(await run(['clients.csv', '--rule', '"Deals total" > 0'], noDeals.io)).toBe(0);
    expect(noDeals.stderr()).toMatch(/no --deals file/);
  });
});
