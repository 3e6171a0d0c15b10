/**
 * ClientBase ▸ Diagnostics: where this account, this spreadsheet and this
 * Apps Script disagree with what the add-on assumes. Each check runs on its
 * own: one that throws is reported as a problem and the others still run.
 * Nothing is changed except a hidden scratch tab, removed at the end.
 */
import { type CheckResult, type CheckStatus, reportHtml, reportText } from '../core/diagnostics/report';
import { SAMPLE_HEADER, SAMPLE_RULES, sampleClients, samplePurchases } from '../core/diagnostics/formula-samples';
import { compileRule } from '../core/rules/evaluate';
import { parseRule } from '../core/rules/parser';
import { ruleToFormula } from '../core/rules/to-formula';
import { PURCHASE_COLUMNS, indexPurchases } from '../core/segments/measures';
import { TAB } from '../core/schema/tabs';
import { parseSettings } from '../core/settings/settings';
import {
  authorizationInfo,
  cellsUsed,
  computeInScratchTab,
  documentLockProbe,
  identities,
  localeAndZones,
  MANIFEST_SCOPES,
  projectTriggers,
  remainingMailQuota,
  SCOPE_PROBES,
  showReportDialog,
  webAppUrl,
} from '../gas/diagnostics-probes';
import { tryWithDocumentLock } from '../gas/lock';
import { readTable } from '../gas/sheets';
import { now } from '../gas/session';
import { EDIT_TRIGGER_HANDLER } from './setup';

export const SCRATCH_TAB = 'ClientBase diagnostics (temporary)';
export const CELL_LIMIT = 10_000_000;
const DIALOG_TITLE = 'ClientBase diagnostics';
const SCRATCH_LOCK_WAIT_MS = 5_000;

export interface DiagnosticsInput {
  /** The in-code evaluator, replaceable by tests to prove a disagreement is reported. */
  evaluate?: typeof compileRule;
}

const result = (name: string, status: CheckStatus, detail: string): CheckResult => ({ name, status, detail });

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function isPermissionError(err: unknown): boolean {
  return /permission|not have access|authori[sz]|required scope|scope/i.test(message(err));
}

function scopeName(scope: string): string {
  return scope.replace('https://www.googleapis.com/auth/', '');
}

function checkScopes(): CheckResult {
  const missing: string[] = [];
  const errors: string[] = [];
  for (const p of SCOPE_PROBES) {
    try {
      p.probe();
    } catch (err) {
      if (isPermissionError(err)) missing.push(`${scopeName(p.scope)} (to ${p.what}): ${message(err)}`);
      else errors.push(`${scopeName(p.scope)}: ${message(err)}`);
    }
  }
  const lines: string[] = [];
  let info: ReturnType<typeof authorizationInfo> | null = null;
  try {
    info = authorizationInfo();
  } catch (err) {
    lines.push(`Apps Script did not say whether authorisation is complete: ${message(err)}`);
  }
  if (info?.granted) {
    const notGranted = MANIFEST_SCOPES.filter((s) => !info.granted?.includes(s)).map(scopeName);
    if (notGranted.length) missing.push(`not granted: ${notGranted.join(', ')}`);
  }
  if (info?.status === 'REQUIRED') missing.push('Apps Script says authorisation is required: run any ClientBase menu item and accept the permissions.');
  if (missing.length) return result('Permissions', 'problem', ['Missing:', ...missing, ...errors, ...lines].join('\n'));
  if (errors.length) return result('Permissions', 'warning', ['A service answered with an error (not a permission error):', ...errors, ...lines].join('\n'));
  const granted = info?.granted ? 'reported granted by Apps Script and' : '';
  return result(
    'Permissions',
    'ok',
    [`All ${MANIFEST_SCOPES.length} scopes ${granted} used successfully: ${MANIFEST_SCOPES.map(scopeName).join(', ')}.`, ...lines].join('\n'),
  );
}

function checkIdentity(): CheckResult {
  const { active, effective } = identities();
  if (!active) {
    return result(
      'Who you are',
      'warning',
      `Your email is hidden from the script (active user is blank; the script runs as ${effective || 'an unknown account'}). ` +
        'Audit and "Updated by" then show the script owner or "unknown user", and roles in Settings cannot recognise you. ' +
        'This happens with a consumer account on a file owned by someone else, or across Workspace domains.',
    );
  }
  if (effective && effective !== active) return result('Who you are', 'ok', `You are ${active}; the script runs as ${effective}.`);
  return result('Who you are', 'ok', `You are ${active}.`);
}

function checkLock(): CheckResult {
  const state = documentLockProbe();
  if (state === 'missing') return result('Document lock', 'problem', 'LockService.getDocumentLock() returned nothing here: writes cannot be serialised.');
  if (state === 'busy')
    return result('Document lock', 'warning', 'Another ClientBase action holds the document lock right now; run Diagnostics again in a moment.');
  return result('Document lock', 'ok', 'Available; taken and released (after a flush).');
}

function checkTriggers(user: string): CheckResult {
  const triggers = projectTriggers();
  const listed = triggers.map((t) => `${t.handler} (${t.type})`).join(', ') || 'none';
  const edit = triggers.some((t) => t.handler === EDIT_TRIGGER_HANDLER);
  const owner = user || 'you';
  const detail = [
    `Triggers of ${owner} in this project: ${listed}.`,
    'Triggers other people installed are not visible to you; each runs as the person who installed it.',
  ];
  if (!edit) {
    detail.push(
      `No ${EDIT_TRIGGER_HANDLER} trigger of yours: hand edits are audited only if someone else's is installed. Run ClientBase ▸ Set up (or Apply fields) to install one.`,
    );
    return result('Triggers', 'warning', detail.join('\n'));
  }
  return result('Triggers', 'ok', detail.join('\n'));
}

function checkWebApp(): CheckResult {
  const table = readTable(TAB.settings);
  const configured = table ? parseSettings(table.rows).unsubscribeUrl : '';
  let deployed: string | null = null;
  let serviceNote = '';
  try {
    deployed = webAppUrl();
  } catch (err) {
    serviceNote = ` (ScriptApp.getService() failed: ${message(err)})`;
  }
  const seen = deployed ? `Apps Script reports this deployment: ${deployed}.` : `Apps Script reports no web app URL${serviceNote}.`;
  if (!configured) {
    return result(
      'Unsubscribe web app',
      'warning',
      `Settings ▸ unsubscribeUrl is empty: every email's opt-out line asks the reader to reply. ${seen}\nTo offer a link, deploy the web app (README, Deploy) and put its /exec URL into Settings.`,
    );
  }
  const lines = [
    `Settings ▸ unsubscribeUrl: ${configured}`,
    seen,
    'Open the URL in a browser to check that it answers (Diagnostics cannot fetch it without a new permission).',
  ];
  if (!/\/exec(\?|$)/.test(configured))
    return result('Unsubscribe web app', 'warning', [...lines, 'The URL does not end in /exec: a /dev URL works only for editors of the script.'].join('\n'));
  return result('Unsubscribe web app', 'ok', lines.join('\n'));
}

function checkMailQuota(): CheckResult {
  const left = remainingMailQuota();
  if (left <= 0) return result('Mail quota', 'warning', 'No emails left today; mailings wait until the quota renews (about 24 hours after the first send).');
  return result('Mail quota', 'ok', `${left} recipients left today (about 100 a day on a consumer account, 1,500 on Google Workspace).`);
}

function checkLocale(): CheckResult {
  const { locale, spreadsheetZone, scriptZone } = localeAndZones();
  const lines = [`Spreadsheet locale ${locale}, spreadsheet time zone ${spreadsheetZone}, script time zone ${scriptZone}.`];
  let status: CheckStatus = 'ok';
  if (spreadsheetZone !== scriptZone) {
    lines.push('The two time zones differ: ClientBase uses the spreadsheet\'s for "today" and dates, so this is only a note.');
  }
  if (!/^en/i.test(locale)) {
    status = 'warning';
    lines.push(
      'In this locale Sheets may read typed "1,5" as a number and separate formula arguments with ";". ClientBase writes its formulas through the API, which always takes ","; check the formula comparison below.',
    );
  }
  return result('Locale and time zone', status, lines.join('\n'));
}

function checkCells(): CheckResult {
  const { cells, tabs } = cellsUsed();
  const share = cells / CELL_LIMIT;
  const detail = `${cells.toLocaleString('en-US')} cells in ${tabs} tabs, ${(share * 100).toFixed(1)}% of Sheets' limit of 10,000,000 (empty rows and columns count too).`;
  if (share >= 0.8) return result('Spreadsheet size', 'problem', `${detail} Delete empty rows and columns or archive old data soon.`);
  if (share >= 0.5) return result('Spreadsheet size', 'warning', detail);
  return result('Spreadsheet size', 'ok', detail);
}

const yesNo = (b: boolean) => (b ? 'in' : 'out');

function checkFormulas(timeZone: string, evaluate: typeof compileRule): CheckResult {
  const today = now();
  const clients = sampleClients(today);
  const purchases = samplePurchases(today);
  const header = [...SAMPLE_HEADER];
  const purchaseColumn = header.length + 2; // one blank column between the two blocks
  const letter = (n: number) => String.fromCharCode(64 + n);
  const firstFormulaColumn = purchaseColumn + PURCHASE_COLUMNS.length + 1;
  const width = firstFormulaColumn - 1;
  const rows: unknown[][] = [];
  const height = Math.max(clients.length, purchases.length) + 1;
  for (let r = 0; r < height; r++) {
    const row: unknown[] = Array(width).fill('');
    const client = r === 0 ? header : clients[r - 1];
    const purchase = r === 0 ? [...PURCHASE_COLUMNS] : purchases[r - 1];
    client?.forEach((v, i) => (row[i] = v));
    purchase?.forEach((v, i) => (row[purchaseColumn - 1 + i] = v));
    rows.push(row);
  }
  const layout = {
    sheet: SCRATCH_TAB,
    columns: Object.fromEntries(header.map((h, i) => [h, letter(i + 1)])),
    firstDataRow: 2,
    lastRow: clients.length + 1,
    idColumn: 'A',
    output: { first: 'A', last: 'A' },
    purchases: {
      sheet: SCRATCH_TAB,
      clientId: letter(purchaseColumn),
      date: letter(purchaseColumn + 1),
      amount: letter(purchaseColumn + 2),
      firstDataRow: 2,
      lastRow: purchases.length + 1,
    },
  };
  const parsed = SAMPLE_RULES.map((rule) => ({ rule, parsed: parseRule(rule, header) }));
  const unreadable = parsed.filter((p) => !p.parsed.ok).map((p) => p.rule);
  const rules = parsed.flatMap((p) => (p.parsed.ok ? [{ rule: p.rule, ast: p.parsed.rule }] : []));
  const formulas = rules.map((r) => ruleToFormula(r.ast, layout));
  // Under the document lock: two people running Diagnostics at once must not remove each other's scratch tab.
  const ran = tryWithDocumentLock(SCRATCH_LOCK_WAIT_MS, () => computeInScratchTab(SCRATCH_TAB, rows, firstFormulaColumn, formulas, clients.length + 1));
  if (!ran.locked)
    return result('Segment formulas', 'warning', 'Another ClientBase action is running; run Diagnostics again in a moment to compare the formulas.');
  const { stored, computed } = ran.value;
  // Judged on what Sheets stored, as the add-on reads a real Clients tab.
  const storedClients = stored.slice(1, clients.length + 1).map((r) => r.slice(0, header.length));
  const storedPurchases = stored.slice(1, purchases.length + 1).map((r) => r.slice(purchaseColumn - 1, purchaseColumn - 1 + PURCHASE_COLUMNS.length));
  const measures = indexPurchases(storedPurchases, { header: [...PURCHASE_COLUMNS], timeZone });
  const mismatches: string[] = [];
  rules.forEach((r, k) => {
    const inGoogle = new Set(computed.map((row) => String(row[k] ?? '')).filter((v) => v !== ''));
    const predicate = evaluate(r.ast, header, { today, timeZone, measures });
    for (const row of storedClients) {
      const id = String(row[0]);
      if (id === '') continue;
      const inCode = predicate(row);
      if (inCode !== inGoogle.has(id))
        mismatches.push(`${r.rule}: client ${id} is ${yesNo(inGoogle.has(id))} by Google's formula, ${yesNo(inCode)} by ClientBase's count`);
    }
  });
  const checked = `${rules.length} rules × ${clients.filter((c) => c[0] !== '').length} sample clients`;
  if (unreadable.length) mismatches.push(`Sample rules ClientBase could not read: ${unreadable.join('; ')}`);
  if (mismatches.length) {
    return result(
      'Segment formulas',
      'problem',
      [
        `Google and ClientBase disagree ${mismatches.length} times over ${checked}: segment tabs and counts or mailing targets may differ here.`,
        ...mismatches,
      ].join('\n'),
    );
  }
  return result('Segment formulas', 'ok', `Google computed the same as ClientBase for ${checked} (text, numbers as text, dates, periods, purchase measures).`);
}

/** Runs every check; a check that throws becomes a problem line and the next one runs. */
export function runDiagnostics(input: DiagnosticsInput = {}): CheckResult[] {
  const evaluate = input.evaluate ?? compileRule;
  let user = '';
  let timeZone = 'UTC';
  const checks: Array<[string, () => CheckResult]> = [
    ['Permissions', checkScopes],
    [
      'Who you are',
      () => {
        const r = checkIdentity();
        user = identities().active;
        return r;
      },
    ],
    ['Document lock', checkLock],
    ['Triggers', () => checkTriggers(user)],
    ['Unsubscribe web app', checkWebApp],
    ['Mail quota', checkMailQuota],
    [
      'Locale and time zone',
      () => {
        const r = checkLocale();
        timeZone = localeAndZones().spreadsheetZone || timeZone;
        return r;
      },
    ],
    ['Spreadsheet size', checkCells],
    ['Segment formulas', () => checkFormulas(timeZone, evaluate)],
  ];
  return checks.map(([name, run]) => {
    try {
      return run();
    } catch (err) {
      const hint = isPermissionError(err) ? ' (a permission is missing)' : '';
      return result(name, 'problem', `Could not be checked${hint}: ${message(err)}`);
    }
  });
}

export function diagnosticsHeading(): string {
  let stamp = '';
  try {
    stamp = now().toISOString();
  } catch {
    // the heading is decoration
  }
  return `ClientBase diagnostics ${stamp}`.trim();
}

/** The menu item: the report in a dialog, with the same text to copy. Returns the text. */
export function showDiagnostics(input: DiagnosticsInput = {}): string {
  const checks = runDiagnostics(input);
  const heading = diagnosticsHeading();
  showReportDialog(reportHtml(checks, heading), DIALOG_TITLE);
  return reportText(checks, heading);
}
