// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdoptionProposal, AdoptionReport } from '../../../../src/server';
import { button, byLabel, choose, click, fastTiming, ok, queryLabel, session, unmount, waitFor } from '../../dom';
import type { FakeScriptRun } from '../../fake-script-run';
import { notSetUp, proposalFor, selectedTab, startApp, tabLabels } from '../support';

const HOSTILE_HEADER = '<img src=x onerror=alert(1)>';
const LONG_HEADER = `Примечание ${'x'.repeat(189)}`;

const ROWS = [
  ['ФИО', 'Эл. почта', 'Телефон', 'Компния', 'Комментарий', HOSTILE_HEADER, LONG_HEADER, '😀 Статус'],
  ['Анна Петрова', 'anna@example.com', '+7 916 123-45-67', 'Ромашка', '=1+1', '<script>alert(2)</script>', '', '🔥 hot'],
  ['Boris Ivanov', 'boris@example', '8 (916) 000-00-00', 'Acme', '@x', '', '', 'Warm'],
  ['', '', '', '', '', '', '', ''],
  ['Саша', '', '', 'ООО «Лес»', '', '', 'note', ''],
];

const REPORT: AdoptionReport = { clients: 3, mapped: 6, extra: [HOSTILE_HEADER, LONG_HEADER], added: ['Position', 'Contact role'], snapshotId: 'S-ABCD2345' };

let fake: FakeScriptRun;
let root: HTMLElement;

function start(proposal: AdoptionProposal = proposalFor(ROWS), locale: 'en' | 'ru' = 'en', adopt = () => ok(REPORT)) {
  ({ fake, root } = startApp({ apiProposeAdoption: () => ok(proposal), apiAdopt: adopt }, notSetUp('adopt', { locale })));
}

const adoptButton = () => root.querySelector<HTMLButtonElement>('.adopt .actions button')!;
const sentColumns = () => (fake.callsTo('apiAdopt')[0][0] as AdoptionProposal).columns;

beforeEach(() => {
  fastTiming();
  localStorage.clear();
});
afterEach(() => {
  unmount();
  fake?.uninstall();
});

describe('the proposed mapping', () => {
  it('opens on the Adopt view only, before anything else, and asks for the proposal once', async () => {
    start();
    await waitFor(() => queryLabel(root, 'Эл. почта'));
    expect(tabLabels(root)).toEqual(['Adopt list']);
    expect(selectedTab(root)).toBe('cb-tab-adopt');
    expect(fake.callsTo('apiProposeAdoption')).toHaveLength(1);
    expect(fake.callsTo('apiAdopt')).toHaveLength(0);
  });

  it('shows each column with its proposed field, how sure the match is, and sample values', async () => {
    start();
    const email = await waitFor(() => queryLabel(root, 'Эл. почта') as HTMLSelectElement | null);
    expect(email.value).toBe('Email');
    expect(byLabel<HTMLSelectElement>(root, 'Компния').value).toBe('Company');
    expect(byLabel<HTMLSelectElement>(root, HOSTILE_HEADER).value).toBe('');
    const row = (header: string) => byLabel(root, header).closest('tr')!;
    expect(row('Эл. почта').querySelector('.badge')!.textContent).toBe('synonym');
    expect(row('Компния').querySelector('.badge')!.textContent).toBe('guess: check it');
    expect(row(HOSTILE_HEADER).querySelector('.badge')!.textContent).toBe('no match');
    expect(Array.from(row('Эл. почта').querySelectorAll('li')).map((li) => li.textContent)).toEqual(['anna@example.com', 'boris@example']);
    expect(row(LONG_HEADER).textContent).toContain('note');
    expect(root.textContent).toContain('The tab "Sheet1" holds 3 rows under the header in row 1.');
    expect(adoptButton().textContent).toBe('Adopt 3 clients');
  });

  it('offers every field plus "Keep as an extra column"', async () => {
    start();
    const select = await waitFor(() => queryLabel(root, 'Телефон') as HTMLSelectElement | null);
    const options = Array.from(select.options).map((o) => o.textContent);
    expect(options[0]).toBe('Keep as an extra column');
    expect(options).toContain('Next action date');
    expect(options).toHaveLength(1 + proposalFor(ROWS).fieldNames.length);
  });

  it('proposes splitting a full-name column, and says what that does', async () => {
    start();
    const split = await waitFor(() => queryLabel(root, 'Split full names into First name and Last name') as HTMLInputElement | null);
    expect(split.checked).toBe(true);
    expect(queryLabel(root, 'ФИО')).toBeNull(); // no field select while the names are split
    expect(root.textContent).toContain('First name and Last name are filled from "ФИО".');
    await click(split);
    expect(byLabel<HTMLSelectElement>(root, 'ФИО').value).toBe('First name');
    expect(root.textContent).not.toContain('are filled from "ФИО"');
  });

  it('says in plain words what adoption will do, following the edits', async () => {
    start();
    await waitFor(() => queryLabel(root, 'Комментарий'));
    const plan = () => root.querySelector('.adopt h3 + ul')!.textContent!;
    expect(plan()).toContain('Every value is kept as it is');
    expect(plan()).toContain('Each of the 3 rows gets an ID');
    expect(plan()).toContain('A snapshot of "Sheet1" is taken first, so the adoption can be undone from ClientBase ▸ Snapshots.');
    // A 200-character header is shortened in sentences; the table shows it whole.
    expect(plan()).toContain(`Kept as extra columns: "${HOSTILE_HEADER}", "${LONG_HEADER.slice(0, 59)}…".`);
    expect(plan()).toMatch(/added as empty columns: Company ID, Position, Contact role, Rating, Rating comment, .*Next action date\./);
    expect(plan()).not.toMatch(/empty columns:.*\bNotes\b/);
    await choose(byLabel(root, 'Комментарий'), '');
    expect(plan()).toMatch(/empty columns:.*\bNotes\b/);
    expect(plan()).toContain('"Комментарий"');
  });
});

describe('editing and sending the mapping', () => {
  it('sends the user’s choices with the proposal’s sheet, header row and fingerprint', async () => {
    start();
    await waitFor(() => queryLabel(root, 'Комментарий'));
    await choose(byLabel(root, 'Комментарий'), '');
    await choose(byLabel(root, HOSTILE_HEADER), 'Tags');
    await click(byLabel(root, 'Split full names into First name and Last name'));
    expect(byLabel(root, 'Комментарий').closest('tr')!.querySelector('.badge')!.textContent).toBe('your choice');
    await click(adoptButton());
    const sent = fake.callsTo('apiAdopt')[0][0] as AdoptionProposal;
    expect(sent).toMatchObject({ sheet: 'Sheet1', headerRow: 0, rowCount: 3, fingerprint: 'fp-1' });
    expect(sent.columns.map((c) => [c.header, c.field ?? null, c.splitFullName ?? false])).toEqual([
      ['ФИО', 'First name', false],
      ['Эл. почта', 'Email', false],
      ['Телефон', 'Phone', false],
      ['Компния', 'Company', false],
      ['Комментарий', null, false],
      [HOSTILE_HEADER, 'Tags', false],
      [LONG_HEADER, null, false],
      ['😀 Статус', 'Stage', false],
    ]);
  });

  it('keeps the split when it is left on', async () => {
    start();
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('.adopt .actions button')));
    expect(sentColumns()[0]).toMatchObject({ header: 'ФИО', field: 'First name', splitFullName: true });
  });

  it('blocks Adopt with a message when a field is chosen twice, and unblocks once fixed', async () => {
    start();
    await waitFor(() => queryLabel(root, 'Телефон'));
    await choose(byLabel(root, 'Телефон'), 'Email');
    const alert = root.querySelector('.adopt [role=alert]')!;
    expect(alert.textContent).toBe(
      'Email is chosen for more than one column: "Эл. почта", "Телефон". Keep it for one and set the others to another field or "Keep as an extra column".',
    );
    expect(adoptButton().disabled).toBe(true);
    expect(adoptButton().getAttribute('aria-describedby')).toBe(alert.id);
    expect(byLabel(root, 'Телефон').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel(root, 'Компния').getAttribute('aria-invalid')).toBeNull();
    await click(adoptButton());
    expect(fake.callsTo('apiAdopt')).toHaveLength(0);
    await choose(byLabel(root, 'Телефон'), 'Phone');
    expect(root.querySelector('.adopt [role=alert]')).toBeNull();
    expect(adoptButton().disabled).toBe(false);
  });

  it('counts a split full name as filling Last name too', async () => {
    start();
    await waitFor(() => queryLabel(root, 'Комментарий'));
    await choose(byLabel(root, 'Комментарий'), 'Last name');
    expect(root.querySelector('.adopt [role=alert]')!.textContent).toContain('Last name is chosen for more than one column: "ФИО", "Комментарий".');
    expect(adoptButton().disabled).toBe(true);
    await click(byLabel(root, 'Split full names into First name and Last name'));
    expect(adoptButton().disabled).toBe(false);
  });

  it('shows the server’s refusal and reads the list again after a header change', async () => {
    let proposals = 0;
    ({ fake, root } = startApp(
      {
        apiProposeAdoption: () => ok({ ...proposalFor(ROWS), fingerprint: `fp-${++proposals}` }),
        apiAdopt: () => ({
          ok: false,
          error: { code: 'conflict', message: 'The header row changed since the mapping was proposed. Review the mapping again.' },
        }),
      },
      notSetUp('adopt'),
    ));
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('.adopt .actions button')));
    await waitFor(() => root.querySelector('.adopt .banner.error')?.textContent?.includes('The header row changed'));
    expect(adoptButton().disabled).toBe(false);
    await click(button(root, 'Read the list again'));
    await waitFor(() => proposals === 2 && queryLabel(root, 'ФИО') === null && root.querySelector('.adopt .banner.error') === null);
    await click(adoptButton());
    expect((fake.callsTo('apiAdopt')[1][0] as AdoptionProposal).fingerprint).toBe('fp-2');
  });

  it('shows why there is nothing to adopt', async () => {
    ({ fake, root } = startApp(
      { apiProposeAdoption: () => ({ ok: false, error: { code: 'not_found', message: 'There is no list to adopt: this spreadsheet is blank.' } }) },
      notSetUp('adopt'),
    ));
    await waitFor(() => root.querySelector('[role=alert]')?.textContent?.includes('There is no list to adopt'));
    expect(adoptButton()).toBeNull();
  });
});

describe('hostile headers and values', () => {
  it('renders them as text and sends them back unchanged', async () => {
    start();
    await waitFor(() => queryLabel(root, HOSTILE_HEADER));
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.textContent).toContain(HOSTILE_HEADER);
    expect(root.textContent).toContain('<script>alert(2)</script>');
    expect(root.textContent).toContain('=1+1');
    expect(root.textContent).toContain('🔥 hot');
    expect(byLabel<HTMLSelectElement>(root, '😀 Статус').value).toBe('Stage');
    expect(byLabel(root, LONG_HEADER).tagName).toBe('SELECT');
    await click(adoptButton());
    expect(sentColumns().map((c) => c.header)).toEqual(ROWS[0]);
  });

  it('names a column without a header by its letter', async () => {
    start(
      proposalFor([
        ['Email', '', 'Phone'],
        ['a@example.com', 'x', '+1 202 555 0100'],
      ]),
    );
    const unnamed = await waitFor(() => queryLabel(root, '(column B, no header)') as HTMLSelectElement | null);
    expect(unnamed.value).toBe('');
  });

  it('shortens a huge sample value for display but keeps it whole in its title', async () => {
    const huge = 'z'.repeat(200);
    start(
      proposalFor([
        ['Email', 'Notes'],
        ['a@example.com', huge],
      ]),
    );
    const item = await waitFor(() => queryLabel(root, 'Notes')?.closest('tr')?.querySelector('li'));
    expect(item.textContent!.length).toBeLessThan(100);
    expect(item.getAttribute('title')).toBe(huge);
  });
});

describe('after adoption', () => {
  it('opens the Client view with the report and the advice to run Check data', async () => {
    start();
    await waitFor(() => queryLabel(root, 'ФИО') === null && adoptButton());
    fake.handlers.apiBootstrap = () => ok(session({ role: 'admin' }));
    await click(adoptButton());
    await waitFor(() => selectedTab(root) === 'cb-tab-client');
    // Client and Due lead the tab bar; views under More (Snapshots, Check) take no tab until opened.
    expect(tabLabels(root).slice(0, 2)).toEqual(['Client', 'Due']);
    expect(tabLabels(root)).not.toContain('Snapshots');
    const report = root.querySelector('.adopt-report')!;
    expect(report.textContent).toContain('Adopted 3 clients. 6 columns mapped to fields.');
    expect(report.textContent).toContain(`Kept as extra columns: "${HOSTILE_HEADER}", "${LONG_HEADER}".`);
    expect(report.textContent).toContain('Columns added: Position, Contact role.');
    expect(report.textContent).toContain('snapshot S-ABCD2345');
    expect(report.textContent).toContain('Next: run ClientBase ▸ Check data');
    expect(root.querySelector('img')).toBeNull();
    expect(queryLabel(root, 'Find a client')).not.toBeNull();
    await click(button(root, 'Dismiss'));
    expect(root.querySelector('.adopt-report')).toBeNull();
  });

  it('keeps the report in view if the session cannot be reloaded', async () => {
    start();
    await waitFor(() => queryLabel(root, 'ФИО') === null && adoptButton());
    fake.handlers.apiBootstrap = () => ({ ok: false, error: { code: 'internal', message: 'Service Spreadsheets timed out' } });
    await click(adoptButton());
    await waitFor(() => root.textContent?.includes('Service Spreadsheets timed out'));
    expect(root.querySelector('#cb-panel-adopt .adopt-report')!.textContent).toContain('Adopted 3 clients.');
    expect(adoptButton()).toBeNull();
  });
});

describe('in Russian', () => {
  it('labels the mapping, the plan and the button', async () => {
    start(proposalFor(ROWS), 'ru');
    const select = await waitFor(() => queryLabel(root, 'Телефон') as HTMLSelectElement | null);
    expect(tabLabels(root)).toEqual(['Принять список']);
    expect(select.options[0].textContent).toBe('Оставить как дополнительный столбец');
    expect(byLabel(root, 'Разделить ФИО на имя и фамилию')).toBeTruthy();
    expect(root.textContent).toContain('На вкладке «Sheet1» 3 строки под заголовком в строке 1.');
    expect(root.textContent).toContain('Сначала сохраняется снимок «Sheet1»');
    expect(adoptButton().textContent).toBe('Принять 3 клиентов');
    await choose(select, 'Email');
    expect(root.querySelector('.adopt [role=alert]')!.textContent).toContain('Поле Email выбрано для нескольких столбцов');
  });
});

describe('purchase history in the list', () => {
  const withHistory = (): AdoptionProposal => ({
    ...proposalFor(ROWS),
    purchaseHistory: { headers: ['Дата последней покупки', 'Сумма, руб.'], clients: 2 },
  });
  const offer = (text: string) => Array.from(root.querySelectorAll('label')).find((l) => l.textContent?.startsWith(text));

  it('is offered ticked in Russian, sent as accepted, and the report says how many rows were imported', async () => {
    start(withHistory(), 'ru', () => ok({ ...REPORT, purchasesImported: 2 }));
    const label = await waitFor(() => offer('Перенести ') ?? null);
    expect(label.textContent).toContain('"Дата последней покупки", "Сумма, руб."');
    expect(label.textContent).toContain('с датой: 2 клиента');
    expect(byLabel<HTMLInputElement>(root, label.textContent!).checked).toBe(true);
    fake.handlers.apiBootstrap = () => ok(session({ role: 'admin', locale: 'ru' }));
    await click(adoptButton());
    expect((fake.callsTo('apiAdopt')[0][0] as AdoptionProposal).importPurchases).toBe(true);
    await waitFor(() => root.querySelector('.adopt-report')?.textContent?.includes('Из списка перенесено покупок: 2.'));
  });

  it('unticked, is sent as declined; a list without history offers nothing and sends no', async () => {
    start(withHistory());
    const label = await waitFor(() => offer('Turn ') ?? null);
    await click(byLabel<HTMLInputElement>(root, label.textContent!));
    await click(adoptButton());
    expect((fake.callsTo('apiAdopt')[0][0] as AdoptionProposal).importPurchases).toBe(false);
    unmount();
    fake.uninstall();
    start();
    await waitFor(() => adoptButton());
    expect(offer('Turn ')).toBeUndefined();
    await click(adoptButton());
    expect((fake.callsTo('apiAdopt')[0][0] as AdoptionProposal).importPurchases).toBe(false);
  });
});

describe('the companies of a flat list (issue 17)', () => {
  const COMPANIES = {
    companies: [
      { key: 'tax:7707083893', name: 'ООО «Ромашка»', taxId: '7707083893', spellings: ['ООО «Ромашка»', 'Romashka LLC'], people: 3, by: 'tax id' as const },
      { key: 'name:<script>', name: '<script>alert(1)</script>', taxId: '', spellings: ['<script>alert(1)</script>'], people: 1, by: 'name' as const },
    ],
    total: 2,
    linked: 4,
    private: 1,
  };

  it('lists them ticked with their people; an unticked one is left out of what adoption makes', async () => {
    start({ ...proposalFor(ROWS), companies: COMPANIES });
    const hostile = await waitFor(() => queryLabel(root, '<script>alert(1)</script> · 1 person same name') as HTMLInputElement | null);
    expect(root.querySelector('script')).toBeNull();
    expect(byLabel<HTMLInputElement>(root, 'ООО «Ромашка» · 7707083893 · 3 people same tax ID (ООО «Ромашка» / Romashka LLC)').checked).toBe(true);
    expect(root.textContent).toContain('Make 2 companies in a Companies tab and link their 4 people to them');
    expect(root.textContent).toContain('1 row with no company');
    await click(hostile);
    await waitFor(() => (root.textContent?.includes('Make 1 company') ? true : null));
    await click(adoptButton());
    await waitFor(() => (fake.callsTo('apiAdopt').length ? true : null));
    expect(fake.callsTo('apiAdopt')[0][0]).toMatchObject({ linkCompanies: true, skipCompanies: ['name:<script>'] });
  });

  it('asks for the groups again when another column becomes the Company, and sends no link once no column is the Company', async () => {
    ({ fake, root } = startApp(
      {
        apiProposeAdoption: () => ok({ ...proposalFor(ROWS), companies: COMPANIES }),
        apiAdoptionCompanies: () => ok(null),
        apiAdopt: () => ok(REPORT),
      },
      notSetUp('adopt', { locale: 'en' }),
    ));
    const company = await waitFor(() => queryLabel(root, 'Компния') as HTMLSelectElement | null);
    await choose(company, '');
    await waitFor(() => (fake.callsTo('apiAdoptionCompanies').length ? true : null));
    await waitFor(() => (root.querySelector('.cb-adopt-companies') ? null : true));
    await click(adoptButton());
    await waitFor(() => (fake.callsTo('apiAdopt').length ? true : null));
    expect(fake.callsTo('apiAdopt')[0][0]).toMatchObject({ linkCompanies: false });
  });
});
