/**
 * The Diagnostics report: one line per check of where Google may disagree
 * with what ClientBase assumes. Pure: the checks are run by
 * src/app/diagnostics.ts, this only words and renders them.
 */
export type CheckStatus = 'ok' | 'warning' | 'problem';

export interface CheckResult {
  name: string;
  status: CheckStatus;
  /** Plain text, one or more lines; never HTML. */
  detail: string;
}

const MARK: Record<CheckStatus, string> = { ok: 'OK', warning: 'WARNING', problem: 'PROBLEM' };

/** The report as plain text to copy into a message. */
export function reportText(checks: readonly CheckResult[], heading: string): string {
  const lines = [heading, ''];
  for (const c of checks) {
    const [first = '', ...rest] = c.detail.split('\n');
    lines.push(`[${MARK[c.status]}] ${c.name}: ${first}`);
    for (const line of rest) lines.push(`    ${line}`);
  }
  const problems = checks.filter((c) => c.status === 'problem').length;
  const warnings = checks.filter((c) => c.status === 'warning').length;
  lines.push('', `${checks.length} checks: ${checks.length - problems - warnings} OK, ${warnings} warnings, ${problems} problems.`);
  return lines.join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const COLOUR: Record<CheckStatus, string> = { ok: '#137333', warning: '#b06000', problem: '#c5221f' };

/** The dialog: a table of the checks and the same report as read-only text to copy. Everything shown is escaped. */
export function reportHtml(checks: readonly CheckResult[], heading: string): string {
  const rows = checks
    .map(
      (c) =>
        `<tr><td style="color:${COLOUR[c.status]};font-weight:bold;white-space:nowrap">${MARK[c.status]}</td>` +
        `<td style="white-space:nowrap">${escapeHtml(c.name)}</td><td style="white-space:pre-wrap">${escapeHtml(c.detail)}</td></tr>`,
    )
    .join('');
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>' +
    'body{font:13px Arial,sans-serif;margin:8px}table{border-collapse:collapse;width:100%}' +
    'td{border-bottom:1px solid #ddd;padding:4px;vertical-align:top}textarea{width:100%;height:140px;font:12px monospace}' +
    `</style></head><body><p>${escapeHtml(heading)}</p><table>${rows}</table>` +
    '<p><label for="report">The same report as text, to copy:</label></p>' +
    `<textarea id="report" readonly>${escapeHtml(reportText(checks, heading))}</textarea></body></html>`
  );
}
