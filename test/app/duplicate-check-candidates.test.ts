/**
 * The live duplicate check with the rows the sidebar picked from its index:
 * the same warnings as a check over the whole Clients tab, without reading it.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { candidateIndex } from '../../src/core/search/duplicate-candidates';
import { unwrap, useEmulator } from '../support/emulated';

const CLIENTS = [
  { 'First name': 'Александр', 'Last name': 'Петров', Email: 'a.petrov@example.com', Phone: '+7 916 123-45-67', City: 'Москва' },
  { 'First name': 'Maria', 'Last name': 'Ionescu', Email: 'maria.ionescu@gmail.com', Phone: '+40 721 000 111', City: 'Cluj-Napoca' },
  { 'First name': 'Robert', 'Last name': 'Smith', Email: 'rob@smith.test', Phone: '+44 20 7946 0018', City: 'London' },
  { 'First name': 'Ольга', 'Last name': 'Кузнецова', Email: 'olga@example.com', Phone: '+7 903 555 12 12', City: 'Москва' },
  { 'First name': '<img src=x onerror=alert(1)>', 'Last name': '=1+1', Email: 'evil@example.com', Phone: '', City: '' },
];

const DRAFTS: Record<string, string>[] = [
  { 'First name': 'Саша', 'Last name': 'Петров', Phone: '8 916 1234567' },
  { 'First name': 'Maria', 'Last name': 'Ionescu', Email: 'Maria.Ionescu@gmail.com' },
  { 'First name': 'Rob', 'Last name': 'Smith' },
  { 'First name': 'Olga', 'Last name': 'Kuznetsova' },
  { 'First name': '=HYPERLINK("x")', 'Last name': '<script>alert(1)</script>' },
  { 'First name': '😀' },
];

function sidebarCandidates(draft: Record<string, string>) {
  const index = unwrap(server.apiClientIndex());
  const fields = unwrap(server.apiBootstrap()).fields;
  const rows = candidateIndex(fields, ['ID', ...index.fields], index.rows).candidates(draft);
  return { fields: index.fields, rows, total: index.rows.length };
}

describe('live duplicate check over the sidebar candidates', () => {
  const emu = useEmulator();
  const seed = () => {
    server.menuSetUp();
    for (const values of CLIENTS) unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  };

  it('warns about the same clients as a check of the whole tab, and reads no more cells as the base grows', () => {
    seed();
    const cellsRead = (work: () => void) => {
      emu().calls.reset();
      work();
      return emu().cost.snapshot().cellsRead;
    };
    const before: number[] = [];
    for (const draft of DRAFTS) {
      const whole = unwrap(server.apiCheckDuplicates(draft)).map((m) => m.id);
      const candidates = sidebarCandidates(draft);
      let sent: string[] = [];
      before.push(cellsRead(() => (sent = unwrap(server.apiCheckDuplicates(draft, undefined, candidates)).map((m) => m.id))));
      expect(sent, JSON.stringify(draft)).toEqual(whole);
    }
    const wholeBefore = cellsRead(() => server.apiCheckDuplicates(DRAFTS[0]));
    for (let i = 0; i < 20; i++)
      unwrap(server.apiSaveClient({ values: { 'First name': `Extra${i}`, Email: `extra${i}@example.com` }, acknowledgeDuplicates: true }));
    const after = DRAFTS.map((draft) => {
      const candidates = sidebarCandidates(draft);
      return cellsRead(() => server.apiCheckDuplicates(draft, undefined, candidates));
    });
    expect(after).toEqual(before);
    expect(cellsRead(() => server.apiCheckDuplicates(DRAFTS[0]))).toBeGreaterThan(wholeBefore);
    const sasha = unwrap(server.apiCheckDuplicates(DRAFTS[0], undefined, sidebarCandidates(DRAFTS[0])));
    expect(sasha[0].name).toBe('Александр Петров');
    expect(sasha[0].reasons.join('; ')).toMatch(/phone/);
  });

  it('a new client saved with candidates is held back by a likely duplicate, and saved once acknowledged', () => {
    seed();
    const draft = { 'First name': 'Rob', 'Last name': 'Smith', Phone: '+44 20 7946 0018' };
    const held = unwrap(server.apiSaveClient({ values: draft, candidates: sidebarCandidates(draft) }));
    expect(held.status).toBe('possible_duplicates');
    const before = emu().readSheet('Clients').length;
    expect(unwrap(server.apiSaveClient({ values: draft, acknowledgeDuplicates: true })).status).toBe('saved');
    expect(emu().readSheet('Clients')).toHaveLength(before + 1);
  });

  it('takes malformed candidate rows without failing or echoing more than it was sent', () => {
    seed();
    const bad = [
      { fields: 'x', rows: 'y', total: 1 },
      { fields: ['First name'], rows: [null, 7, ['C9', '=2+2'], ['C10', 'Maria', { x: 1 }]], total: Number.NaN },
      { fields: ['First name', 'Last name'], rows: Array.from({ length: 5000 }, (_, i) => [`X${i}`, 'Maria', 'Ionescu']), total: 1e12 },
    ];
    for (const candidates of bad) {
      const result = server.apiCheckDuplicates({ 'First name': 'Maria', 'Last name': 'Ionescu' }, undefined, candidates as never);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.length).toBeLessThanOrEqual(5);
    }
  });
});
