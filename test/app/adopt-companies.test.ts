/**
 * Issue 17: adopting a flat B2B list proposes its companies inside the mapping
 * step (tax ID, else the name in any of its forms), each one untickable; the
 * ones kept become Companies rows with their people linked by Company ID, the
 * Company text staying as typed; undo removes them; calls do not grow with rows.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { callsDuring, rowsOf, unwrap, useEmulator } from '../support/emulated';

const LIST = [
  ['ФИО', 'Компания', 'ИНН', 'Роль', 'Телефон'],
  ['Петров Иван', 'ООО «Ромашка»', '7707083893', 'ЛПР', '+7 916 123-45-67'],
  ['Сидорова Ольга', 'Romashka LLC', '', 'Influencer', ''],
  ['Ким Пётр', 'ТОВ "Ромашка"', '77 07 083893', 'Buyer', ''],
  ['Rusu Ana', 'Vasilek S.R.L.', '', 'Decision maker', ''],
  ['Popa Ion', 'ООО Василек', '', '', ''],
  ['Hostile One', '=HYPERLINK("http://x";"y") <script>alert(1)</script> 😀', '', '', ''],
  ['Private Person', '', '123456789012', '', ''],
];

function seed(emu: ReturnType<ReturnType<typeof useEmulator>>, rows = LIST) {
  emu.writeSheet('Sheet1', rows);
  // writeSheet makes "=…" a formula: typed with an apostrophe, it is text that merely looks like one.
  const at = rows.findIndex((r) => String(r[1]).startsWith('='));
  if (at > 0)
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Sheet1')!
      .getRange(at + 1, 2)
      .setValue(`'${rows[at][1]}`);
}

describe('adoption proposes the companies of a flat list', () => {
  const emu = useEmulator();

  it('lists them in the mapping step with their people counted, private clients apart', () => {
    seed(emu());
    const proposal = unwrap(server.apiProposeAdoption());
    const offer = proposal.companies!;
    expect(offer.total).toBe(3);
    expect(offer.private).toBe(1);
    expect(offer.linked).toBe(6);
    const byName = Object.fromEntries(offer.companies.map((c) => [c.name, c]));
    // Tax ID groups ООО «Ромашка» and ТОВ "Ромашка"; the name alone brings Romashka LLC in, as there is one such company.
    expect(byName['ООО «Ромашка»']).toMatchObject({ people: 3, by: 'tax id', taxId: '7707083893' });
    expect(byName['ООО «Ромашка»'].spellings).toEqual(['ООО «Ромашка»', 'ТОВ "Ромашка"', 'Romashka LLC']);
    expect(offer.companies.find((c) => c.spellings.includes('ООО Василек'))).toMatchObject({ people: 2, by: 'name' });
  });

  it('makes the companies kept, links their people and keeps every Company text as typed', () => {
    seed(emu());
    const proposal = unwrap(server.apiProposeAdoption());
    const hostile = proposal.companies!.companies.find((c) => c.name.startsWith('=HYPERLINK'))!;
    const report = unwrap(server.apiAdopt({ ...proposal, linkCompanies: true, skipCompanies: [hostile.key] }));
    expect(report).toMatchObject({ clients: 7, companiesCreated: 2, peopleLinked: 5 });
    const companies = rowsOf(emu(), 'Companies');
    expect(companies.map((c) => [c.Name, c['Tax ID']])).toEqual([
      ['ООО «Ромашка»', '7707083893'],
      [expect.stringMatching(/Vasilek S\.R\.L\.|ООО Василек/), ''],
    ]);
    const people = rowsOf(emu(), 'Clients');
    const idOf = (name: string) => people.find((p) => p.ФИО === name)!['Company ID'];
    expect(new Set(['Петров Иван', 'Сидорова Ольга', 'Ким Пётр'].map(idOf))).toEqual(new Set([companies[0].ID]));
    expect(idOf('Rusu Ana')).toBe(companies[1].ID);
    expect(idOf('Popa Ion')).toBe(companies[1].ID);
    expect(idOf('Hostile One')).toBe('');
    expect(idOf('Private Person')).toBe('');
    expect(people.map((p) => p.Компания)).toEqual(LIST.slice(1).map((r) => r[1]));
    expect(emu().inspectSheet('Clients').formulas.flat().filter(Boolean)).toEqual([]);
    const audit = rowsOf(emu(), 'Audit').filter((a) => a.Action === 'add company');
    expect(audit.map((a) => a['New value'])).toEqual(['ООО «Ромашка»', companies[1].Name]);
    // The company card opens on what adoption made: its three people.
    const card = unwrap(server.apiOpenCompany(String(companies[0].ID)));
    expect(card.people.map((p) => p.id).sort()).toEqual(
      people
        .filter((p) => p['Company ID'] === companies[0].ID)
        .map((p) => p.ID)
        .sort(),
    );
  });

  it('without the user’s yes makes no company, as before', () => {
    seed(emu());
    const report = unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
    expect(report.companiesCreated).toBeUndefined();
    expect(emu().sheetNames()).not.toContain('Companies');
  });

  it('is undone by restoring its snapshot: the companies go with the list’s adoption, and adopting again makes them again', () => {
    seed(emu());
    const before = emu().readSheet('Sheet1');
    const report = unwrap(server.apiAdopt({ ...unwrap(server.apiProposeAdoption()), linkCompanies: true }));
    expect(rowsOf(emu(), 'Companies')).toHaveLength(3);
    const restored = unwrap(server.apiRestoreSnapshot(report.snapshotId));
    expect(restored.restored).toEqual(['Sheet1', 'Companies']);
    expect(emu().readSheet('Sheet1')).toEqual(before);
    expect(rowsOf(emu(), 'Companies')).toEqual([]);
    const again = unwrap(server.apiAdopt({ ...unwrap(server.apiProposeAdoption()), linkCompanies: true }));
    expect(again.companiesCreated).toBe(3);
    expect(rowsOf(emu(), 'Companies').map((c) => c.Name)).toContain('ООО «Ромашка»');
  });

  it('proposes again for a changed mapping: no Company column, none; no Tax ID column, by name only', () => {
    seed(emu());
    const proposal = unwrap(server.apiProposeAdoption());
    const remap = (header: string, field: string | undefined) => ({
      ...proposal,
      columns: proposal.columns.map((c) => (c.header === header ? { ...c, field } : c)),
    });
    expect(unwrap(server.apiAdoptionCompanies(remap('Компания', undefined)))).toBeNull();
    const byName = unwrap(server.apiAdoptionCompanies(remap('ИНН', undefined)))!;
    expect(byName.companies.every((c) => c.by === 'name')).toBe(true);
    expect(byName.companies.find((c) => c.spellings.includes('Romashka LLC'))?.people).toBe(3);
    expect(server.apiAdoptionCompanies({ ...proposal, columns: [{ index: 0, header: 'x', field: 'Nonsense', confidence: 'exact' }] }).ok).toBe(false);
  });

  it('costs the same service calls for 12 people as for 120', () => {
    const rows = (n: number) => [LIST[0], ...Array.from({ length: n }, (_, i) => [`Name${i} Surname${i}`, `Company ${i % (n / 4)} LLC`, '', '', ''])];
    seed(emu(), rows(12));
    const small = callsDuring(emu(), () => unwrap(server.apiAdopt({ ...unwrap(server.apiProposeAdoption()), linkCompanies: true })));
    expect(rowsOf(emu(), 'Companies')).toHaveLength(3);
    for (const name of emu().sheetNames())
      if (name !== 'Clients') SpreadsheetApp.getActiveSpreadsheet().deleteSheet(SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!);
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!.setName('Sheet1');
    seed(emu(), rows(120));
    ScriptApp.getProjectTriggers().forEach((t) => ScriptApp.deleteTrigger(t));
    const large = callsDuring(emu(), () => unwrap(server.apiAdopt({ ...unwrap(server.apiProposeAdoption()), linkCompanies: true })));
    expect(rowsOf(emu(), 'Companies')).toHaveLength(30);
    for (const call of ['Range.getValues', 'Range.setValues', 'Sheet.insertSheet', 'Spreadsheet.insertSheet']) expect(large[call], call).toBe(small[call]);
  });

  it("the companies take their people's City and Stage (and a Sector column by its name), where they differ shown in the offer; formulas stay in their rows", () => {
    const list = [
      ['Компания', 'ИНН', 'Имя', 'Город', 'Stage', 'Sector'],
      ['ООО «Ромашка»', '7707083893', 'Иван', 'Санкт-Петербург', 'VIP', '=UPPER("retail")'],
      ['Romashka LLC', '', 'Olga', 'St. Petersburg', 'VIP', 'Retail'],
      ['ТОВ "Ромашка"', '77 07 083893', 'Пётр', 'Санкт-Петербург', 'Hot', ''],
      ['', '', 'Мария', 'Москва', 'Cold', ''],
    ];
    emu().writeSheet('Sheet1', list);
    const proposal = unwrap(server.apiProposeAdoption());
    const [romashka] = proposal.companies!.companies;
    expect(romashka.carried).toEqual(['City', 'Sector', 'Stage']);
    expect(romashka.conflicts).toEqual([
      { field: 'City', values: ['Санкт-Петербург', 'St. Petersburg'] },
      { field: 'Stage', values: ['VIP', 'Hot'] },
    ]);
    unwrap(server.apiAdopt({ ...proposal, linkCompanies: true }));
    // The formula's result is not copied, in the offer or the company: the company gets the typed Retail.
    const companies = rowsOf(emu(), 'Companies');
    expect(companies.map((c) => [c.Name, c.City, c.Stage, c.Sector])).toEqual([['ООО «Ромашка»', 'Санкт-Петербург', 'VIP', 'Retail']]);
    expect(rowsOf(emu(), 'Clients').map((c) => [c.Город, c.Stage])).toEqual([
      ['Санкт-Петербург', 'VIP'],
      ['St. Petersburg', 'VIP'],
      ['Санкт-Петербург', 'Hot'],
      ['Москва', 'Cold'],
    ]);
  });
});
