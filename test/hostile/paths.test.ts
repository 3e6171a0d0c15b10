/**
 * The shared hostile corpus through every input path that exists. Each path
 * either refuses a value with a message or keeps it as exactly that text;
 * none creates a formula, breaks a tab or throws past the API edge.
 */
import { describe, expect, it } from 'vitest';
import { run as validateCsv } from '../../cli/commands/validate';
import { run as dedupeCsv } from '../../cli/commands/dedupe';
import { run as segmentCsv } from '../../cli/commands/segment';
import { memoryIo } from '../support/cli-io';
import { formatCsv } from '../../src/core/csv/parse';
import { parseTemplate } from '../../src/core/mail/template';
import { renderMessage } from '../../src/core/mail/render';
import { parseRule } from '../../src/core/rules/parser';
import * as server from '../../src/server';
import { rowsOf, unwrap, useEmulator } from '../support/emulated';
import { HOSTILE, STORABLE } from '../support/hostile';

function noFormulas(emu: ReturnType<ReturnType<typeof useEmulator>>, tab: string): string[] {
  return emu.inspectSheet(tab).formulas.flat().filter(Boolean);
}

describe('hostile values through the sidebar form', () => {
  const emu = useEmulator();

  it.each(HOSTILE)('%s: saved as that exact text in a text field, or refused with a message', (_label, value) => {
    server.menuSetUp();
    const result = server.apiSaveClient({ values: { Company: 'Acme', Notes: value, Position: value }, acknowledgeDuplicates: true });
    if (!result.ok) {
      expect(result.error.message.length).toBeGreaterThan(0);
      expect(rowsOf(emu(), 'Clients')).toHaveLength(0);
      return;
    }
    const [row] = rowsOf(emu(), 'Clients');
    expect(row.Notes).toBe(value.trim() === '' ? row.Notes : value);
    expect(noFormulas(emu(), 'Clients')).toEqual([]);
    expect(noFormulas(emu(), 'Audit')).toEqual([]);
  });

  it.each(HOSTILE)('%s: in a typed field (email, phone, date, number) is refused or normalised, never stored raw as a formula', (_label, value) => {
    server.menuSetUp();
    for (const field of ['Email', 'Phone', 'Birthday', 'Stage', 'Opt-out']) {
      const result = server.apiSaveClient({ values: { Company: 'Acme', [field]: value }, acknowledgeDuplicates: true });
      if (!result.ok) expect(result.error.fields?.[field] ?? result.error.message).toBeTruthy();
    }
    expect(noFormulas(emu(), 'Clients')).toEqual([]);
  });
});

describe('hostile values through a hand edit, adoption and an interaction', () => {
  const emu = useEmulator();

  it('a hand edit of any corpus value is audited as text and never breaks the trigger', () => {
    server.menuSetUp();
    const created = unwrap(server.apiSaveClient({ values: { Company: 'Acme' } }));
    if (created.status !== 'saved') throw new Error('not saved');
    const header = emu().readSheet('Clients')[0] as string[];
    const cell = SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Clients')!
      .getRange(2, header.indexOf('Notes') + 1);
    for (const [, value] of STORABLE) {
      cell.setValue(value);
      server.onEditInstalled({ range: cell, oldValue: 'x', value, user: { getEmail: () => 'ion@example.com' } } as never);
    }
    const audit = rowsOf(emu(), 'Audit').filter((r) => r.Action === 'cell edit');
    expect(audit.map((r) => r['New value'])).toEqual(STORABLE.map(([, v]) => v));
    expect(noFormulas(emu(), 'Audit')).toEqual([]);
  });

  it('adoption keeps every corpus value as it was typed', () => {
    const header = ['Name', 'Email', 'Phone', 'Notes'];
    const rows = STORABLE.map(([label, value]) => [label, 'x@example.com', '+40 721 234 567', value]);
    emu().writeSheet('Sheet1', [header, ...rows]);
    // writeSheet turns "=…" into formulas; type them back as text, the way a person would have with an apostrophe.
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    sheet.getRange(2, 4, rows.length, 1).setValues(rows.map((r) => [/^[=+\-@]/.test(r[3]) ? `'${r[3]}` : r[3]]));
    const before = emu()
      .readSheet('Sheet1')
      .slice(1)
      .map((r) => r[3]);
    unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
    const adopted = rowsOf(emu(), 'Clients');
    expect(adopted.map((r) => r.Notes)).toEqual(before);
    expect(noFormulas(emu(), 'Clients')).toEqual([]);
  });

  it('an interaction result keeps any corpus value as text or is refused', () => {
    server.menuSetUp();
    const created = unwrap(server.apiSaveClient({ values: { Company: 'Acme' } }));
    if (created.status !== 'saved') throw new Error('not saved');
    for (const [, value] of HOSTILE) {
      const result = server.apiLogInteraction({ clientId: created.client.id, type: 'Call', result: value, nextStep: value });
      if (result.ok) expect(result.value.result).toBe(value.trim());
      else expect(result.error.message).toMatch(/too long/);
    }
    expect(noFormulas(emu(), 'Interactions')).toEqual([]);
  });
});

describe('hostile values through the command line', () => {
  const csv = formatCsv([
    ['id', 'First name', 'Last name', 'Email', 'Phone', 'Notes'],
    ...HOSTILE.map(([label, value], i) => [`r${i}`, value, label, value, value, value]),
  ]);

  it.each([
    ['validate', validateCsv, ['in.csv', '--json']],
    ['dedupe', dedupeCsv, ['in.csv']],
    ['segment', segmentCsv, ['in.csv', '--rule', 'Notes contains "a"']],
  ] as const)('%s reads the corpus without a stack trace', async (_name, run, args) => {
    const t = memoryIo({ 'in.csv': csv });
    const code = await run([...args], t.io);
    expect([0, 1]).toContain(code);
    expect(t.stderr()).not.toMatch(/\n\s+at /);
  });
});

describe('hostile values as rules and templates', () => {
  const fields = ['First name', 'Notes', 'Stage'];

  it.each(HOSTILE)('%s as a rule: a clear error with a position, or a rule that treats it as a value', (_label, value) => {
    const asRule = parseRule(value, fields);
    if (!asRule.ok) expect(asRule.error.message.length).toBeGreaterThan(0);
    const asValue = parseRule(`Notes = "${value.replace(/"/g, '""')}"`, fields);
    if (value.length <= 10_000) expect(asValue.ok).toBe(true);
    else expect(asValue.ok).toBe(false);
  });

  it.each(HOSTILE)('%s in a template and as a value: escaped in HTML, no markup leaks', (_label, value) => {
    const parsed = parseTemplate(value);
    if (!parsed.ok) expect(parsed.error.message.length).toBeGreaterThan(0);
    const message = renderMessage(
      { subject: 'Hi {{Notes}}', body: 'Dear {{First name}}, {{Notes}}' },
      { 'First name': value, Notes: value },
      { fieldNames: fields, timeZone: 'Europe/Moscow' },
    );
    expect(message.htmlBody).not.toMatch(/<img|<script/i);
    expect(message.subject).not.toMatch(/[\r\n]/);
  });
});
