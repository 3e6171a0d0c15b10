import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { rowsOf, unwrap, useEmulator, callsDuring } from '../../support/emulated';
import { addSegmentRows, daysAgo, editSegments, liveTabIds, seedMany, setUpBase, writeClients, writePurchases } from './fixtures';

const BUILT_IN = ['Cold', 'Warm', 'Hot', 'VIP', 'Active', 'Passive'];
/** What a segment tab shows when its Columns cell is blank: who, how to reach them, stage and manager. */
const DEFAULT_TAB_HEADER = ['ID', 'First name', 'Last name', 'Company', 'Phone', 'Email', 'Stage', 'Manager'];

describe('Set up creates the built-in segments', () => {
  const emu = useEmulator();

  it('writes Cold/Warm/Hot/VIP by stage and Active/Passive by purchase recency, each with a protected live tab and a live count', () => {
    setUpBase(emu());
    const segments = rowsOf(emu(), 'Segments');
    expect(segments.map((s) => s.Name)).toEqual(BUILT_IN);
    expect(segments.find((s) => s.Name === 'Hot')?.Rule).toBe('"Stage" = "Hot"');
    expect(segments.find((s) => s.Name === 'Active')?.Rule).toBe('"Last purchase" within last 90 days');
    for (const name of BUILT_IN) {
      const tab = `Seg · ${name}`;
      expect(emu().sheetNames()).toContain(tab);
      const look = emu().inspectSheet(tab);
      expect(look.formulas[1][0]).toMatch(/^=ARRAYFORMULA\(IFERROR\(FILTER\(\{Clients!A2:A,/);
      expect(look.protections.some((p) => p.warningOnly && /Segment tabs are computed; edit the client in Clients or the sidebar/.test(p.description))).toBe(
        true,
      );
      expect(look.notes[0][0]).toMatch(/^ClientBase segment tab/);
      expect(emu().readSheet(tab)[0]).toEqual(DEFAULT_TAB_HEADER);
    }
    expect(segments.every((s) => s.Count === 0)).toBe(true);
    expect(
      emu()
        .inspectSheet('Segments')
        .formulas.slice(1, 7)
        .every((r) => r[3].startsWith('=ARRAYFORMULA(IFERROR(ROWS(FILTER(')),
    ).toBe(true);
  });

  it('uses the activeDays window of the Settings tab', () => {
    // A team that brought its own Settings tab (kept by Set up) with a 30-day window.
    emu().writeSheet('Settings', [
      ['Key', 'Value', 'Description'],
      ['activeDays', '30', ''],
      ['admins', 'anna@example.com', ''],
    ]);
    server.menuSetUp();
    const rules = Object.fromEntries(rowsOf(emu(), 'Segments').map((s) => [s.Name, s.Rule]));
    expect(rules.Active).toBe('"Last purchase" within last 30 days');
    expect(rules.Passive).toBe('"Last purchase" more than 30 days ago');
    const ids = writeClients(emu(), [{ 'First name': 'Recent' }, { 'First name': 'Older' }]);
    writePurchases(emu(), [
      [ids[0], daysAgo(30), 10, 'Tea'],
      [ids[1], daysAgo(31), 10, 'Tea'],
    ]);
    expect(liveTabIds(emu(), 'Seg · Active')).toEqual([ids[0]]);
    expect(liveTabIds(emu(), 'Seg · Passive')).toEqual([ids[1]]);
  });

  it('fills the stage and activity tabs from clients and purchases, live, with counts that follow', () => {
    setUpBase(emu());
    const ids = writeClients(emu(), [
      { 'First name': 'Анна', Stage: 'Hot' },
      { 'First name': 'Ion', Stage: 'hot ' },
      { 'First name': 'John', Stage: 'VIP' },
      { 'First name': 'Olga', Stage: '' },
    ]);
    writePurchases(emu(), [
      [ids[0], daysAgo(3), 100, 'Tea'],
      [ids[1], daysAgo(400), 50, 'Tea'],
      [ids[2], daysAgo(90), 70, 'Tea'],
      [ids[2], daysAgo(91), 70, 'Tea'],
    ]);
    expect(liveTabIds(emu(), 'Seg · Hot')).toEqual([ids[0], ids[1]]);
    expect(liveTabIds(emu(), 'Seg · VIP')).toEqual([ids[2]]);
    expect(liveTabIds(emu(), 'Seg · Active')).toEqual([ids[0], ids[2]]);
    expect(liveTabIds(emu(), 'Seg · Passive')).toEqual([ids[1]]);
    const counts = Object.fromEntries(rowsOf(emu(), 'Segments').map((s) => [s.Name, s.Count]));
    expect(counts).toMatchObject({ Hot: 2, VIP: 1, Active: 2, Passive: 1, Cold: 0 });
  });
});

describe('Refresh segments', () => {
  const emu = useEmulator();

  it('builds a tab per new row, sanitising the name, and removes tabs of rows that are gone, never a tab it did not make', () => {
    setUpBase(emu());
    addSegmentRows(emu(), [
      ['Piter: [events]/*?\\', 'City = "St. Petersburg"', ''],
      ['😀 '.repeat(80), 'Stage = "VIP"', 'emoji name'],
    ]);
    emu().writeSheet('Seg · Mine', [['a hand-made tab']]);
    server.menuRefreshSegments();
    const names = emu().sheetNames();
    expect(names).toContain('Seg · Piter events');
    const emojiTab = names.find((n) => n.startsWith('Seg · 😀'))!;
    expect(emojiTab.length).toBeLessThanOrEqual(100);
    expect(emojiTab).not.toMatch(/[\uD800-\uDBFF]$/);
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Piter: \[events\]\/\*\?\\: 0 clients/);

    editSegments(emu(), (rows) =>
      rows
        .filter((r) => r[0] !== 'Cold' && !r[0].startsWith('Piter'))
        .concat([
          ['', '', ''],
          ['', '', ''],
        ]),
    );
    server.menuRefreshSegments();
    expect(emu().sheetNames()).not.toContain('Seg · Cold');
    expect(emu().sheetNames()).not.toContain('Seg · Piter events');
    expect(emu().sheetNames()).toContain('Seg · Mine');
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Removed tabs .*Seg · Cold/);
  });

  it.each([
    ['formula syntax', '=HYPERLINK("http://evil.example","x")', /not a formula/],
    ['quotes breaking out', 'City = "a")&HYPERLINK("x', /Unexpected|quote|"/],
    // A cell holds at most 50,000 characters (the emulator refuses more, as Sheets does).
    ['50,000 characters', 'x'.repeat(50_000), /too long/],
    ['an emoji field', '😀 = "1"', /Unknown field "😀"/],
    ['an unknown field', 'Stge = "Hot"', /Unknown field "Stge" at 1 — did you mean "Stage"\?/],
    ['unquoted text', 'Stage = Hot', /double quotes/],
    ['an empty rule', '   ', /empty/],
  ])('reports %s in a note on the rule, with a caret, and keeps the other segments working', (_what, rule, message) => {
    setUpBase(emu());
    const ids = writeClients(emu(), [{ 'First name': 'Anna', Stage: 'Hot' }]);
    addSegmentRows(emu(), [
      ['Broken', rule, 'keep me'],
      ['Piter', 'City = "St. Petersburg"', ''],
    ]);
    server.menuRefreshSegments();
    const rows = rowsOf(emu(), 'Segments');
    const broken = rows.find((r) => r.Name === 'Broken')!;
    expect(broken.Count).toBe('Rule error');
    expect(broken.Description).toBe('keep me');
    const note = emu().inspectSheet('Segments').notes[rows.indexOf(broken) + 1][1];
    expect(note).toMatch(message);
    expect(note).toMatch(/\n *\^+$/);
    expect(emu().sheetNames()).not.toContain('Seg · Broken');
    expect(liveTabIds(emu(), 'Seg · Hot')).toEqual(ids);
    expect(rows.find((r) => r.Name === 'Hot')?.Count).toBe(1);
    expect(emu().sheetNames()).toContain('Seg · Piter');
    // No user text ever reaches a formula outside a string literal.
    for (const f of emu().inspectSheet('Segments').formulas.flat().filter(Boolean)) expect(f).not.toMatch(/HYPERLINK/);
  });

  it("keeps a broken segment's tab but replaces its stale rows with what to do, and rebuilds it once fixed", () => {
    setUpBase(emu());
    const ids = writeClients(emu(), [{ 'First name': 'Anna', Stage: 'Hot' }]);
    editSegments(emu(), (rows) => rows.map((r) => (r[0] === 'Hot' ? ['Hot', 'Stage = Hot', r[2]] : r)));
    server.menuRefreshSegments();
    expect(emu().readSheet('Seg · Hot')[1][0]).toMatch(/rule has an error/);
    editSegments(emu(), (rows) => rows.map((r) => (r[0] === 'Hot' ? ['Hot', 'Stage = "Hot"', r[2]] : r)));
    server.menuRefreshSegments();
    expect(liveTabIds(emu(), 'Seg · Hot')).toEqual(ids);
  });

  it('reports a repeated name and a missing name on their own rows', () => {
    setUpBase(emu());
    addSegmentRows(emu(), [
      ['hot', 'Stage = "Warm"', ''],
      ['', 'Stage = "Warm"', ''],
    ]);
    const report = unwrap(server.apiRefreshSegments());
    expect(report.segments.find((s) => s.name === 'hot')?.error).toMatch(/also named/);
    expect(report.segments.find((s) => s.name === '')?.error).toMatch(/no name/);
    expect(report.segments.find((s) => s.name === 'Hot')?.error).toBeNull();
  });

  it('is refused to a reader', () => {
    setUpBase(emu());
    emu().setUser('reader@example.com');
    const result = server.apiRefreshSegments();
    expect(result.ok || result.error.code).toBe('forbidden');
  });

  it('rebuilds the formulas when the Clients columns move', () => {
    setUpBase(emu());
    const ids = writeClients(emu(), [
      { 'First name': 'Anna', Stage: 'Hot' },
      { 'First name': 'Boris', Stage: 'Cold' },
    ]);
    const [header, ...rows] = emu().readSheet('Clients');
    const order = [
      0,
      ...header
        .map((_, i) => i)
        .filter((i) => i > 0)
        .reverse(),
    ];
    emu().writeSheet(
      'Clients',
      [header, ...rows].map((r) => order.map((i) => r[i])),
    );
    server.menuRefreshSegments();
    expect(liveTabIds(emu(), 'Seg · Hot')).toEqual([ids[0]]);
    const tab = emu().readSheet('Seg · Hot');
    expect(tab[0]).toEqual(DEFAULT_TAB_HEADER);
    // Each column still holds its own values after the move.
    expect(tab[1][DEFAULT_TAB_HEADER.indexOf('First name')]).toBe('Anna');
    expect(tab[1][DEFAULT_TAB_HEADER.indexOf('Stage')]).toBe('Hot');
  });
});

describe('the columns a segment tab shows (Segments ▸ Columns)', () => {
  const emu = useEmulator();
  /** A row typed into Segments with its Columns cell (typed with a leading ' so nothing in it runs as a formula). */
  const setColumns = (name: string, columns: string) => {
    const row = emu()
      .readSheet('Segments')
      .findIndex((r) => r[0] === name);
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Segments')!
      .getRange(row + 1, 6)
      .setValue(`'${columns}`);
  };
  const withColumns = (columns: string) => {
    editSegments(emu(), (rows) => [...rows, ['Hot ones', 'Stage = "Hot"', '']]);
    setColumns('Hot ones', columns);
  };

  it('shows only the listed Clients columns, ID first, with each column its own values; * shows them all', () => {
    setUpBase(emu());
    const ids = writeClients(emu(), [
      { 'First name': 'Anna', Stage: 'Hot', City: 'Москва', Email: 'anna@example.com' },
      { 'First name': 'Boris', Stage: 'Cold', City: 'Київ' },
    ]);
    withColumns('city ; EMAIL, First name');
    server.menuRefreshSegments();
    expect(emu().readSheet('Seg · Hot ones')).toEqual([
      ['ID', 'City', 'Email', 'First name'],
      [ids[0], 'Москва', 'anna@example.com', 'Anna'],
      ...emu()
        .readSheet('Seg · Hot ones')
        .slice(2)
        .map(() => ['', '', '', '']),
    ]);
    setColumns('Hot ones', '*');
    server.menuRefreshSegments();
    expect(emu().readSheet('Seg · Hot ones')[0]).toEqual(emu().readSheet('Clients')[0]);
  });

  it('with a blank Columns cell, shows the default columns and those the rule reads', () => {
    setUpBase(emu());
    const ids = writeClients(emu(), [{ 'First name': 'Anna', City: 'Москва', Notes: '<b>VIP</b> =1+1' }]);
    editSegments(emu(), (rows) => [...rows, ['Moscow notes', 'City = "Москва" and Notes contains "vip"', '']]);
    server.menuRefreshSegments();
    const [header, first] = emu().readSheet('Seg · Moscow notes');
    expect(header).toEqual([...DEFAULT_TAB_HEADER, 'City', 'Notes']);
    expect(first[0]).toBe(ids[0]);
    expect(first.slice(-2)).toEqual(['Москва', '<b>VIP</b> =1+1']);
  });

  it('names an unknown column in a note on the Rule and builds no tab for it; hostile names stay text', () => {
    setUpBase(emu());
    writeClients(emu(), [{ 'First name': 'Anna', Stage: 'Hot' }]);
    withColumns('City, =HYPERLINK("x"), <img src=x onerror=alert(1)>');
    server.menuRefreshSegments();
    const segments = emu().readSheet('Segments');
    const row = segments.findIndex((r) => r[0] === 'Hot ones');
    const note = emu().inspectSheet('Segments').notes[row][1];
    expect(note).toMatch(/no column "=HYPERLINK\("x"\)", "<img src=x onerror=alert\(1\)>"/);
    expect(emu().sheetNames()).not.toContain('Seg · Hot ones');
    expect(segments[row][3]).toBe('Rule error');
  });
});

describe('service calls of a refresh', () => {
  const emu = useEmulator();

  const refreshCalls = (n: number) => {
    setUpBase(emu());
    seedMany(emu(), n);
    server.menuRefreshSegments();
    return callsDuring(emu(), () => server.menuRefreshSegments());
  };

  it('are the same for 50 and 5,000 clients', () => {
    const small = refreshCalls(50);
    const large = refreshCalls(5_000);
    expect(large).toEqual(small);
  });

  it('grow by the same fixed number with each segment', () => {
    setUpBase(emu());
    seedMany(emu(), 50);
    const callsWith = (extra: number) => {
      addSegmentRows(
        emu(),
        Array.from({ length: extra }, (_, i) => [`Extra ${emu().readSheet('Segments').length + i}`, 'Stage = "Lost"', '']),
      );
      server.menuRefreshSegments();
      emu().calls.reset();
      server.menuRefreshSegments();
      return emu().calls.total();
    };
    const six = callsWith(0);
    const seven = callsWith(1);
    const eight = callsWith(1);
    expect(seven - six).toBeGreaterThan(0);
    expect(seven - six).toBeLessThanOrEqual(25);
    expect(eight - seven).toBe(seven - six);
  });
});
