/**
 * Issue 17 over the emulator: "decision makers of VIP companies in St.
 * Petersburg" as a segment on people, read through each person's Company ID.
 * The add-on's count, the live tab's formula and a mailing to the segment pick
 * the same people; a change on the company moves the live tab with no add-on
 * run; rules without company fields read no Companies cell; errors name the
 * closest company field.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { callsDuring, rowsOf, unwrap, useEmulator } from '../../support/emulated';
import { liveTabIds, setUpBase, writeClients } from './fixtures';

const PEOPLE = [
  {
    'First name': 'Ivan',
    'Last name': 'Petrov',
    Company: 'ООО «Ромашка»',
    'Tax ID': '7707083893',
    'Contact role': 'Decision maker',
    Email: 'ivan@romashka.ru',
  },
  { 'First name': 'Olga', 'Last name': 'Sidorova', Company: 'Romashka LLC', 'Contact role': 'Influencer', Email: 'olga@romashka.ru' },
  { 'First name': 'Ana', 'Last name': 'Rusu', Company: 'Vasilek S.R.L.', 'Contact role': 'Decision maker', Email: 'ana@vasilek.md' },
  { 'First name': 'Ion', 'Last name': 'Popa', Company: 'ООО Василек', 'Contact role': 'Buyer / enquirer', Email: 'ion@vasilek.md' },
  { 'First name': 'Solo', 'Last name': 'Private', Company: '', 'Contact role': 'Decision maker', Email: 'solo@example.com' },
];
const RULE = 'Role = "Decision maker" and Company.Stage = "VIP" and Company.City = "St. Petersburg"';

describe('segments over company fields', () => {
  const emu = useEmulator();

  /** Romashka is VIP in СПб, Vasilek VIP in Chișinău; returns the people's IDs and the companies' IDs. */
  function seed(): { ids: string[]; romashka: string; vasilek: string } {
    setUpBase(emu());
    const ids = writeClients(emu(), PEOPLE);
    unwrap(server.apiLinkCompanies([]));
    const [romashka, vasilek] = rowsOf(emu(), 'Companies').map((c) => String(c.ID));
    for (const [id, city] of [
      [romashka, 'СПб'],
      [vasilek, 'Chișinău'],
    ]) {
      const open = unwrap(server.apiOpenCompany(id));
      unwrap(server.apiSaveCompany({ id, values: { Stage: 'VIP', City: city, Rating: '5' }, expectedUpdated: open.company.updated }));
    }
    return { ids, romashka, vasilek };
  }

  it('counts, previews and keeps a live tab of the decision makers of VIP companies in St. Petersburg', () => {
    const { ids, romashka } = seed();
    const preview = unwrap(server.apiPreviewSegment(RULE));
    expect(preview.clients.map((c) => c.id)).toEqual([ids[0]]);
    // Russian field words and the company's rating; a private client has no company and is never a VIP company's person.
    expect(unwrap(server.apiPreviewSegment('Роль = "Decision maker" и Компания.Рейтинг >= 4')).count).toBe(2);
    expect(unwrap(server.apiPreviewSegment('Company.Name is empty')).clients.map((c) => c.id)).toEqual([ids[4]]);

    const list = unwrap(server.apiSaveSegment({ name: 'VIP deciders SPb', rule: RULE }));
    expect(list.find((s) => s.name === 'VIP deciders SPb')).toMatchObject({ count: 1, error: null });
    expect(liveTabIds(emu(), 'Seg · VIP deciders SPb')).toEqual([ids[0]]);
    const countCell = rowsOf(emu(), 'Segments').find((s) => s.Name === 'VIP deciders SPb')?.Count;
    expect(countCell).toBe(1);

    // The company moves to Moscow: the live tab follows by itself (no add-on call), and so does the add-on's count.
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Companies')!;
    const header = emu().readSheet('Companies')[0] as string[];
    const row = (emu().readSheet('Companies') as unknown[][]).findIndex((r) => r[0] === romashka) + 1;
    sheet.getRange(row, header.indexOf('City') + 1).setValue('Москва');
    expect(liveTabIds(emu(), 'Seg · VIP deciders SPb')).toEqual([]);
    expect(unwrap(server.apiPreviewSegment(RULE)).count).toBe(0);

    // A rule without company fields reads no Companies cell; one with them reads the tab once.
    const plain = callsDuring(emu(), () => unwrap(server.apiPreviewSegment('Role = "Decision maker"')));
    const company = callsDuring(emu(), () => unwrap(server.apiPreviewSegment(`${RULE} or Company.Rating >= 5`)));
    expect((company['Sheet.getDataRange'] ?? 0) - (plain['Sheet.getDataRange'] ?? 0)).toBe(1);
    expect((company['Range.getValues'] ?? 0) - (plain['Range.getValues'] ?? 0)).toBe(1);
  });

  it('a mailing to the segment reaches one decision maker per VIP company; errors name the closest company field', () => {
    const { ids } = seed();
    unwrap(server.apiSaveTemplate({ name: 'Offer', subject: 'Offer for {{Company}}', body: 'Hello {{First name}}' }));
    unwrap(server.apiSaveSegment({ name: 'VIP companies', rule: 'Company.Stage = "VIP"' }));
    const report = unwrap(
      server.apiMailPreflight({ campaign: 'VIP offer', template: 'Offer', recipients: { kind: 'segment', name: 'VIP companies' }, onePerCompany: true }),
    );
    expect(report.sendable).toBe(2);
    unwrap(server.apiStartMailing({ campaign: 'VIP offer', template: 'Offer', recipients: { kind: 'segment', name: 'VIP companies' }, onePerCompany: true }));
    expect(
      emu()
        .outbox.map((m) => m.to)
        .sort(),
    ).toEqual(['ana@vasilek.md', 'ivan@romashka.ru']);
    expect(ids).toHaveLength(5);

    // An unknown company field is named with the closest one; a base without Companies says how to get one.
    const typo = server.apiPreviewSegment('Company.Stge = "VIP"');
    expect(typo.ok ? '' : typo.error.message).toMatch(/^Unknown company field "Company.Stge" at 1 — did you mean "Company.Stage"\?/);
    const hostile = server.apiSaveSegment({ name: 'x', rule: 'Company."=IMPORTXML(1)" = "<img src=x onerror=alert(1)>"' });
    expect(hostile.ok).toBe(false);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName('Companies')!);
    const none = server.apiPreviewSegment('Company.Stage = "VIP"');
    expect(none.ok ? '' : none.error.message).toMatch(/^There is no Companies tab for "Company.Stage"/);
  });
});
