/**
 * The built add-on under the shipped manifest's scopes: every menu item,
 * trigger and sidebar function runs through the emulator's scope check in the
 * context Google runs it in, and none asks for a scope appsscript.json lacks.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContextSpec } from '../../emulator';
import { projectManifest } from '../../emulator/scopes';
import { type LoadedBundle, loadBundle } from '../support/bundle';

const OWNER = 'owner@example.com';
type Res<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Everything a user could see of a failure: results, dialogs, logged errors, throws. */
function collectProblems(b: LoadedBundle, log: string[], run: () => unknown): string[] {
  const alertsBefore = b.emu.ui.alerts.length;
  const out: string[] = [];
  try {
    const result = run() as Res | undefined;
    if (result && typeof result === 'object' && 'ok' in result && !result.ok) out.push(result.error.message);
  } catch (err) {
    out.push(String(err));
  }
  out.push(...b.emu.ui.alerts.slice(alertsBefore).map((a) => a.prompt), ...log.splice(0));
  return out;
}

const PERMISSION = /permission|Required permissions|Cannot call SpreadsheetApp\.getUi/i;

describe('the shipped manifest grants every scope the add-on uses', () => {
  const log: string[] = [];
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void log.push(a.join(' ')));
    vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void log.push(a.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    log.length = 0;
  });

  function setUpBase(b: LoadedBundle): string {
    b.emu.runAs({ kind: 'menu' }, () => b.call('menuSetUp'));
    const saved = b.call<Res<{ kind: string; client?: { id: string } }>>('apiSaveClient', {
      values: { 'First name': 'Ann', 'Last name': 'Lee', Email: 'ann@example.com', Phone: '+44 20 7946 0958' },
    });
    if (!saved.ok || !saved.value.client) throw new Error(`setup failed: ${JSON.stringify(saved)}`);
    return saved.value.client.id;
  }

  it('the project manifest is what the emulator grants by default', () => {
    const b = loadBundle();
    expect(projectManifest().oauthScopes).toContain('https://www.googleapis.com/auth/userinfo.email');
    // Reading the user works only because the manifest lists userinfo.email.
    expect(b.emu.globals.Session.getActiveUser().getEmail()).toBe(OWNER);
  });

  it('onOpen builds the menu in AuthMode.NONE and LIMITED (simple trigger), before any authorisation', () => {
    for (const kind of ['authNone', 'simpleTrigger'] as const) {
      const b = loadBundle();
      // Google passes the event with its AuthMode; the add-on reads it to leave properties alone in NONE.
      const event = { authMode: kind === 'authNone' ? 'NONE' : 'LIMITED' };
      const problems = b.emu.runAs({ kind }, () => collectProblems(b, log, () => b.call('onOpen', event)));
      expect(problems, kind).toEqual([]);
      expect(b.emu.ui.menus.map((m) => m.name)).toEqual(['ClientBase']);
    }
  });

  it('every menu item runs as the user at the keyboard without a permission error', () => {
    const b = loadBundle();
    setUpBase(b);
    b.call('onOpen');
    const items = b.emu.ui.menus[0].items.flatMap((i) => ('functionName' in i ? [i.functionName] : []));
    expect(items.length).toBeGreaterThan(10);
    for (const fn of items) {
      b.emu.ui.respondWith('nobody@example.com', 'ann@example.com', 'YES');
      b.emu.setActiveSelection('Clients', 'A2');
      const problems = b.emu.runAs({ kind: 'menu' }, () => collectProblems(b, log, () => b.call(fn)));
      expect(
        problems.filter((p) => PERMISSION.test(p)),
        fn,
      ).toEqual([]);
    }
  });

  it('every sidebar function answers without a permission error', () => {
    const b = loadBundle();
    const id = setUpBase(b);
    const template = { name: 'Hello', subject: 'Hi {{First name}}', body: 'Dear {{First name|there}}' };
    const start = { campaign: 'C1', template: 'Hello', recipients: { kind: 'ids', ids: [id] } };
    const args: Record<string, unknown[]> = {
      apiSearch: ['Ann'],
      apiGetClient: [id],
      apiSaveClient: [{ id, values: { City: 'Riga' } }],
      apiCheckDuplicates: [{ 'First name': 'Ann', 'Last name': 'Lee' }],
      apiSetStage: [id, 'Warm'],
      apiHistory: [id],
      apiLogInteraction: [{ clientId: id, type: 'Call', result: 'ok', nextStep: 'call again', nextDate: '2030-01-01' }],
      apiMarkDone: ['I-none'],
      apiApplyFixes: [[], []],
      apiUndoMerge: ['M-none'],
      apiSaveTemplate: [template],
      apiPreviewMessage: [{ subject: template.subject, body: template.body, clientId: id }],
      apiTestSend: [{ subject: template.subject, body: template.body, clientId: id }],
      apiMailPreflight: [start],
      apiStartMailing: [start],
      apiContinueMailing: ['C1'],
      apiMailingStatus: ['C1'],
      apiRetryMailing: ['C1'],
      apiPreviewSegment: ['Stage = "Warm"'],
      apiSaveSegment: [{ name: 'Warm ones', rule: 'Stage = "Warm"' }],
      apiDeleteSegment: ['Warm ones'],
      apiSetStageForClients: [[id], 'Hot'],
      apiRestoreSnapshot: ['S-none'],
      apiDeleteClient: [id],
    };
    // apiSaveTemplate before previews and mailings, apiDeleteClient last.
    const names = b
      .topLevelFunctions()
      .filter((n) => n.startsWith('api'))
      .sort((x, y) => Number(x === 'apiDeleteClient') - Number(y === 'apiDeleteClient') || Number(y === 'apiSaveTemplate') - Number(x === 'apiSaveTemplate'));
    expect(names.length).toBeGreaterThan(30);
    for (const fn of names) {
      const problems = b.emu.runAs({ kind: 'sidebar' }, () => collectProblems(b, log, () => b.call(fn, ...(args[fn] ?? []))));
      expect(
        problems.filter((p) => PERMISSION.test(p)),
        fn,
      ).toEqual([]);
    }
  });

  it('the installable edit trigger, the hourly mailing trigger and the web app run in their own contexts', () => {
    const b = loadBundle();
    const id = setUpBase(b);
    const contexts: [string, ContextSpec, () => unknown][] = [
      [
        'onEditInstalled',
        { kind: 'installableTrigger', owner: OWNER, user: 'ion@other.example' },
        () => {
          const range = b.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!.getRange('F2');
          return (b.context.onEditInstalled as (e: unknown) => void)({ range, oldValue: 'x', value: range.getValue() });
        },
      ],
      ['mailingTick', { kind: 'timeDriven', owner: OWNER }, () => b.call('mailingTick')],
      ['doGet', { kind: 'webApp', owner: OWNER }, () => b.call('doGet', { parameter: { c: id, t: 'forged' } })],
    ];
    for (const [name, spec, run] of contexts) {
      const problems = b.emu.runAs(spec, () => collectProblems(b, log, run));
      expect(
        problems.filter((p) => PERMISSION.test(p)),
        name,
      ).toEqual([]);
    }
  });

  it('without userinfo.email (the manifest as it was) every audited write fails on Google', () => {
    const oldScopes = (projectManifest().oauthScopes ?? []).filter((s) => !s.endsWith('userinfo.email'));
    const b = loadBundle({ scopes: oldScopes });
    const problems = b.emu.runAs({ kind: 'menu' }, () => collectProblems(b, log, () => b.call('menuSetUp')));
    expect(problems.join('\n')).toContain(
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
  });
});
