import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { MARK_COLOR } from '../../../src/app/check/marks';
import { REPORT_HEADER } from '../../../src/app/check/report';
import { callsDuring, rowsOf, unwrap, useEmulator } from '../../support/emulated';
import { addManager, cleanClient, messyClient, positionOf, setUpBase, typeInto } from './messy-base';

const HOSTILE = {
  formula: '=HYPERLINK("http://evil.example","click")',
  plus: '+1',
  minus: '-1',
  at: '@x',
  html: '<img src=x onerror=alert(1)>',
  mixed: 'Hоt', // a Cyrillic о among Latin letters
  emoji: '📞 8 916 123',
  huge: 'x'.repeat(50_000),
};

describe('Check data', () => {
  const emu = useEmulator();

  function hostileBase() {
    setUpBase(emu(), [cleanClient(1), messyClient(2), { 'Last name': 'Hostile' }, { 'Last name': 'Types' }]);
    typeInto('C-0003', 'Phone', HOSTILE.formula, emu());
    typeInto('C-0003', 'Email', HOSTILE.html, emu());
    typeInto('C-0003', 'Stage', HOSTILE.mixed, emu());
    typeInto('C-0003', 'Notes', HOSTILE.huge, emu());
    typeInto('C-0003', 'Gender', HOSTILE.at, emu());
    typeInto('C-0003', 'Company', HOSTILE.plus, emu());
    typeInto('C-0003', 'Birthday', HOSTILE.minus, emu());
    typeInto('C-0004', 'Email', 42, emu());
    typeInto('C-0004', 'Phone', HOSTILE.emoji, emu());
    typeInto('C-0004', 'Birthday', 'послезавтра', emu());
    typeInto('C-0004', 'Opt-out', 'maybe', emu());
  }

  it('lists hostile cells in the report tab as text, never as formulas', () => {
    hostileBase();
    server.menuCheckData();
    const report = rowsOf(emu(), 'Check data');
    const problem = (column: string, id: string) => report.find((r) => r.Column === column && r['Client ID'] === id);
    expect(problem('Phone', 'C-0003')?.Value).toBe(HOSTILE.formula);
    expect(problem('Email', 'C-0003')?.Value).toBe(HOSTILE.html);
    expect(problem('Stage', 'C-0003')?.Value).toBe(HOSTILE.mixed);
    expect(problem('Company', 'C-0003')).toBeUndefined(); // "+1" typed into a text column is a fine company name
    expect(problem('Gender', 'C-0003')?.Value).toBe(HOSTILE.at);
    expect(problem('Birthday', 'C-0003')?.Value).toBe(HOSTILE.minus);
    expect(problem('Email', 'C-0004')?.Problem).toMatch(/Email/);
    expect(problem('Phone', 'C-0004')?.Value).toBe(HOSTILE.emoji);
    expect(problem('Birthday', 'C-0004')).toBeDefined();
    expect(problem('Opt-out', 'C-0004')).toBeDefined();
    const tab = emu().inspectSheet('Check data');
    expect(tab.formulas.flat().filter(Boolean)).toEqual([]);
    for (const r of report) expect(String(r.Value).length).toBeLessThanOrEqual(1000);
    // The 50,000-character note is not a problem, and nothing of the base was changed by checking.
    expect(emu().readSheet('Clients')[3][positionOf(emu(), 'C-0003', 'Notes').column - 1]).toBe(HOSTILE.huge);
  });

  it('shows the counts in a dialog and opens the sidebar on the Check view', () => {
    setUpBase(emu(), [cleanClient(1), messyClient(2), messyClient(3)]);
    server.menuCheckData();
    const text = emu().ui.alerts.at(-1)?.prompt ?? '';
    expect(text).toMatch(/Checked 3 clients: 4 problems/);
    expect(text).toMatch(/fixable formatting: 4/);
    expect(emu().ui.sidebars).toHaveLength(1);
    expect(unwrap(server.apiBootstrap()).view).toBe('check');
    const summary = rowsOf(emu(), 'Check data').map((r) => [r.Summary, r.Count]);
    expect(summary).toContainEqual(['Problems', 4]);
    expect(summary).toContainEqual(['Phone: not in international format', 2]);
  });

  it('marks the offending cells with a note and a light red background, and nothing else', () => {
    setUpBase(emu(), [cleanClient(1), messyClient(2)]);
    server.menuCheckData();
    const grid = emu().inspectSheet('Clients');
    const phone = positionOf(emu(), 'C-0002', 'Phone');
    const cleanEmail = positionOf(emu(), 'C-0001', 'Email');
    expect(grid.notes[phone.row - 1][phone.column - 1]).toBe('ClientBase: Phone: not in international format');
    expect(grid.backgrounds[phone.row - 1][phone.column - 1]).toBe(MARK_COLOR);
    expect(grid.notes[cleanEmail.row - 1][cleanEmail.column - 1]).toBe('');
    expect(grid.notes.flat().filter(Boolean)).toHaveLength(2);
  });

  it('clears its earlier marks when the cell is fine now, keeping the team’s notes and colours', () => {
    setUpBase(emu(), [cleanClient(1), messyClient(2)]);
    const phone = positionOf(emu(), 'C-0002', 'Phone');
    const name = positionOf(emu(), 'C-0002', 'First name');
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    sheet.getRange(phone.row, phone.column).setNote('Ask for the mobile number').setBackground('#d9ead3');
    server.menuCheckData();
    let grid = emu().inspectSheet('Clients');
    expect(grid.notes[phone.row - 1][phone.column - 1]).toBe('Ask for the mobile number\n\nClientBase: Phone: not in international format');
    expect(grid.backgrounds[phone.row - 1][phone.column - 1]).toBe('#d9ead3');
    expect(grid.backgrounds[name.row - 1][name.column - 1]).toBe(MARK_COLOR);

    typeInto('C-0002', 'Phone', '+7 916 123-45-67', emu());
    typeInto('C-0002', 'First name', 'Иван', emu());
    server.menuCheckData();
    grid = emu().inspectSheet('Clients');
    expect(grid.notes[phone.row - 1][phone.column - 1]).toBe('Ask for the mobile number');
    expect(grid.backgrounds[phone.row - 1][phone.column - 1]).toBe('#d9ead3');
    expect(grid.notes[name.row - 1][name.column - 1]).toBe('');
    expect(grid.backgrounds[name.row - 1][name.column - 1]).toBe('#ffffff');
  });

  it('replaces the previous report entirely', () => {
    setUpBase(emu(), [messyClient(1), messyClient(2), messyClient(3)]);
    server.menuCheckData();
    expect(rowsOf(emu(), 'Check data').filter((r) => r.Row !== '')).toHaveLength(6);
    for (const id of ['C-0001', 'C-0002']) {
      typeInto(id, 'Phone', '+7 916 123-45-67', emu());
      typeInto(id, 'First name', 'Иван', emu());
    }
    server.menuCheckData();
    const rows = rowsOf(emu(), 'Check data').filter((r) => r.Row !== '');
    expect(rows.map((r) => r['Client ID'])).toEqual(['C-0003', 'C-0003']);
  });

  it('uses the default country from Settings for phones written without a code', () => {
    setUpBase(emu(), [{ 'First name': 'Olena', Phone: '067 123 45 67' }]);
    emu().writeSheet(
      'Settings',
      emu()
        .readSheet('Settings')
        .map((r) => (r[0] === 'defaultCountry' ? [r[0], 'UA', r[2]] : r)),
    );
    server.menuCheckData();
    expect(rowsOf(emu(), 'Check data')[0]['Suggested fix']).toMatch(/^\+380 67 123/);
  });

  it('uses the same service calls for 20 clients as for 2,000', () => {
    const base = (n: number) => Array.from({ length: n }, (_, i) => (i % 10 === 0 ? messyClient(i) : cleanClient(i)));
    setUpBase(emu(), base(20));
    emu().writeSheet('Check data', [[...REPORT_HEADER]]); // as a previous check leaves it: the tab exists, cells get marked
    const small = callsDuring(emu(), () => server.menuCheckData());
    setUpBase(emu(), base(2000));
    const large = callsDuring(emu(), () => server.menuCheckData());
    expect(rowsOf(emu(), 'Check data').filter((r) => r.Row !== '')).toHaveLength(400);
    expect(large).toEqual(small);
    expect(large['Range.getValues']).toBeLessThanOrEqual(4);
    expect(large['Range.setValues']).toBe(1);
  });

  it('is refused to a reader, who can still read the last report', () => {
    setUpBase(emu(), [messyClient(1)]);
    server.menuCheckData();
    emu().setUser('rita@example.com');
    server.menuCheckData();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Only a manager may run Check data/);
    const seen = unwrap(server.apiCheckReport());
    expect(seen?.total).toBe(2);
    expect(server.apiCheckData()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('says what to do on a spreadsheet that is not set up, creating nothing', () => {
    server.menuCheckData();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/not set up yet\. Run ClientBase ▸ Set up/);
    expect(emu().sheetNames()).not.toContain('Check data');
  });

  it('lets a manager run it', () => {
    setUpBase(emu(), [messyClient(1)]);
    addManager(emu(), 'boris@example.com');
    emu().setUser('boris@example.com');
    expect(unwrap(server.apiCheckData()).total).toBe(2);
  });
});

describe('the last check in the sidebar', () => {
  const emu = useEmulator();

  it('is null before the first check', () => {
    setUpBase(emu(), [messyClient(1)]);
    expect(unwrap(server.apiCheckReport())).toBeNull();
  });

  it('counts problems whose cell changed since the check apart', () => {
    setUpBase(emu(), [messyClient(1), messyClient(2)]);
    server.menuCheckData();
    typeInto('C-0002', 'Phone', '8 (916) 000-00-00', emu());
    const check = unwrap(server.apiCheckReport())!;
    expect(check.changedSinceCheck).toBe(1);
    expect(check.total).toBe(3);
    expect(check.groups.find((g) => g.label === 'Phone: not in international format')?.count).toBe(1);
  });

  it('sends fix groups with examples and a bounded problem list', () => {
    setUpBase(
      emu(),
      Array.from({ length: 400 }, (_, i) => messyClient(i)),
    );
    const check = unwrap(server.apiCheckData());
    expect(check.total).toBe(800);
    expect(check.problems.length).toBeLessThanOrEqual(300);
    const phones = check.groups.find((g) => g.label === 'Phone: not in international format')!;
    expect(phones.count).toBe(400);
    expect(phones.examples[0]).toEqual({ value: '8 916 123-45-67', fix: '+7 916 123 45 67' });
    expect(JSON.parse(JSON.stringify(check))).toEqual(check);
  });
});
