import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type RuntimeFiles } from '../../playground/runtime.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');
let files: RuntimeFiles;

beforeAll(() => {
  if (!existsSync(join(dist, 'Code.js')))
    throw new Error('dist/Code.js is missing: the suite builds before testing (npm test); alone, run "npx tsx scripts/build.ts"');
  files = { code: readFileSync(join(dist, 'Code.js'), 'utf8'), sidebarHtml: readFileSync(join(dist, 'Sidebar.html'), 'utf8') };
});

/** A hand-written bundle, to probe the runtime itself rather than the add-on. */
const probe = (code: string) => createRuntime({ files: { code, sidebarHtml: '<html><head></head><body>side</body></html>' }, callTimeoutMs: 2000 });

describe('createRuntime over the real bundle', () => {
  it('loads dist/Code.js without touching a single service', () => {
    const runtime = createRuntime({ files });
    expect(runtime.emulator.calls.total()).toBe(0);
  });

  it('exposes exactly the top-level functions of the bundle, onOpen among them', () => {
    const runtime = createRuntime({ files });
    const names = runtime.functionNames();
    expect(names).toContain('onOpen');
    const declared = [...files.code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]).sort();
    expect(names).toEqual(declared);
  });

  it('runs onOpen, which builds the ClientBase menu, and records its service calls', () => {
    const runtime = createRuntime({ files });
    expect(runtime.call('onOpen', [{}])).toMatchObject({ ok: true });
    const menu = runtime.emulator.ui.menus.find((m) => m.name === 'ClientBase');
    expect(menu?.items.length).toBeGreaterThan(0);
    for (const item of menu!.items) if ('functionName' in item) expect(runtime.has(item.functionName), item.functionName).toBe(true);
    const last = runtime.lastCall()!;
    expect(last.fn).toBe('onOpen');
    expect(last.totalServiceCalls).toBeGreaterThan(0);
    expect(last.totalServiceCalls).toBe(Object.values(last.serviceCalls).reduce((a, b) => a + b, 0));
  });

  it('refuses anything that is not a top-level function of the bundle', () => {
    const runtime = createRuntime({ files });
    for (const name of [
      '__ClientBase',
      'eval',
      'Function',
      'Object',
      'SpreadsheetApp',
      'constructor',
      'toString',
      '',
      'onOpen()',
      'onOpen;process',
      '<img src=x onerror=alert(1)>',
      'x'.repeat(50_001),
      'Саша',
    ]) {
      const result = runtime.call(name, []);
      expect(result, name.slice(0, 40)).toMatchObject({ ok: false });
      if (!result.ok) expect(result.error).toMatch(/Script function not found/);
      expect(result.ok ? '' : result.error.length).toBeLessThan(200);
    }
    expect(runtime.call(42 as unknown as string, [])).toMatchObject({ ok: false });
  });
});

describe('the VM the bundle runs in', () => {
  it('has the Apps Script services, console and Logger, and none of Node or the browser', () => {
    const runtime = probe(`function globals() {
      var names = ['process', 'require', 'module', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask',
        'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'fetch', 'structuredClone', 'global', 'window', 'document',
        'SpreadsheetApp', 'LockService', 'PropertiesService', 'CacheService', 'ScriptApp', 'MailApp', 'HtmlService', 'Session', 'Utilities', 'Logger', 'console'];
      var out = {};
      names.forEach(function (n) { out[n] = typeof globalThis[n]; });
      return out;
    }`);
    const result = runtime.call('globals', []);
    expect(result.ok).toBe(true);
    const types = (result as { value: Record<string, string> }).value;
    for (const absent of [
      'process',
      'require',
      'module',
      'Buffer',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'queueMicrotask',
      'TextEncoder',
      'TextDecoder',
      'URL',
      'URLSearchParams',
      'fetch',
      'structuredClone',
      'global',
      'window',
      'document',
    ]) {
      expect(types[absent], absent).toBe('undefined');
    }
    for (const present of [
      'SpreadsheetApp',
      'LockService',
      'PropertiesService',
      'CacheService',
      'ScriptApp',
      'MailApp',
      'HtmlService',
      'Session',
      'Utilities',
      'Logger',
      'console',
    ]) {
      expect(types[present], present).not.toBe('undefined');
    }
  });

  it('fails a call whose result holds a Date, as google.script.run does, and one whose arguments do', () => {
    const runtime = probe('function today() { return { at: new Date() }; } function echo(x) { return x; }');
    const result = runtime.call('today', []);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.error).toMatch(/Date \(result\.at/);
    expect(runtime.call('echo', [{ when: new Date() }])).toMatchObject({ ok: false });
    expect(runtime.lastCall()).toBeDefined();
  });

  it('passes arguments and results as JSON: functions dropped, hostile text untouched', () => {
    const runtime = probe('function echo(x) { return { x: x, f: function () {} }; }');
    const hostile = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil","x")', '+1', '-1', '@x', 'Саша 🚀 Sasha', 'x'.repeat(50_001)];
    expect(runtime.call('echo', [hostile])).toEqual({ ok: true, value: { x: hostile } });
  });

  it('turns a thrown error into a failed call with its message, and stops an endless loop', () => {
    const runtime = createRuntime({
      files: { code: 'function boom() { throw new Error("no such client: C-9"); } function spin() { for (;;) {} }', sidebarHtml: '' },
      callTimeoutMs: 200,
    });
    expect(runtime.call('boom', [])).toEqual({ ok: false, error: 'no such client: C-9' });
    const spun = runtime.call('spin', []);
    expect(spun).toMatchObject({ ok: false });
    expect(spun.ok ? '' : spun.error).toMatch(/timed out/);
  });

  it('records per call the mail sent, alerts, toasts, sidebars and logs', () => {
    const runtime = probe(`
      function act() {
        MailApp.sendEmail('olena.koval@example.com', 'Привіт', 'Body <b>text</b>');
        SpreadsheetApp.getUi().alert('Saved');
        SpreadsheetApp.getActiveSpreadsheet().toast('3 clients merged', 'ClientBase');
        SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('ClientBase'));
        console.log('done', 3);
        return 'ok';
      }
      function quiet() { return 1; }`);
    expect(runtime.call('act', [])).toEqual({ ok: true, value: 'ok' });
    const last = runtime.lastCall()!;
    expect(last.mail.map((m) => [m.to, m.subject])).toEqual([['olena.koval@example.com', 'Привіт']]);
    expect(last.alerts.map((a) => a.prompt)).toEqual(['Saved']);
    expect(last.toasts.map((t) => t.message)).toEqual(['3 clients merged']);
    expect(last.sidebars).toHaveLength(1);
    expect(last.sidebars[0].html).toContain('side');
    expect(last.logs).toEqual(['done 3']);
    expect(Object.keys(last.serviceCalls).some((k) => /sendEmail/.test(k))).toBe(true);

    runtime.call('quiet', []);
    const next = runtime.lastCall()!;
    expect([next.mail.length, next.alerts.length, next.toasts.length, next.sidebars.length, next.totalServiceCalls]).toEqual([0, 0, 0, 0, 0]);
    expect(runtime.emulator.outbox).toHaveLength(1);
  });

  it('says which sheet a call brought to the front, and only when it did', () => {
    const runtime = probe(`
      function ss() { return SpreadsheetApp.getActiveSpreadsheet(); }
      function addTabs() { ss().insertSheet('Duplicates'); ss().insertSheet('Audit'); ss().getSheetByName('Sheet1').activate(); }
      function showDuplicates() { ss().getSheetByName('Duplicates').activate(); return 'shown'; }
      function viaSetActive() { ss().setActiveSheet(ss().getSheetByName('Audit')); }
      function read() { return ss().getActiveSheet().getName() + ss().getSheetByName('Audit').getLastRow(); }
      function fail() { ss().getSheetByName('Audit').activate(); throw new Error('late failure'); }`);
    runtime.call('addTabs');
    expect(runtime.lastCall()!.activated).toBe('Sheet1');
    expect(runtime.call('showDuplicates')).toEqual({ ok: true, value: 'shown' });
    expect(runtime.lastCall()!.activated).toBe('Duplicates');
    // Activating the sheet that is already active still counts: the page may be showing another tab.
    runtime.call('showDuplicates');
    expect(runtime.lastCall()!.activated).toBe('Duplicates');
    runtime.call('read');
    expect(runtime.lastCall()!).not.toHaveProperty('activated');
    runtime.call('viaSetActive');
    expect(runtime.lastCall()!.activated).toBe('Audit');
    // A failed call that moved the cursor first moved it in Sheets too.
    runtime.call('showDuplicates');
    expect(runtime.call('fail')).toMatchObject({ ok: false });
    expect(runtime.lastCall()!.activated).toBe('Audit');
    // The user's own selection (the page's cell clicks) is no call at all.
    runtime.emulator.setActiveSelection('Sheet1', 'A1');
    runtime.call('read');
    expect(runtime.lastCall()!).not.toHaveProperty('activated');
  });

  it('looks at the active sheet without adding to the service calls or tripping an injected fault', () => {
    const runtime = probe(`function read() { return SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName(); }`);
    runtime.emulator.faults.failOn('Spreadsheet.getActiveSheet', 1, 'injected');
    expect(runtime.call('read')).toEqual({ ok: false, error: 'injected' });
    const last = runtime.lastCall()!;
    expect(last.serviceCalls).toEqual({ 'Spreadsheet.getActiveSheet': 1, 'SpreadsheetApp.getActiveSpreadsheet': 1 });
    expect(runtime.emulator.calls.total()).toBe(2);
  });

  it('restores a serialized state into a new runtime', () => {
    const first = probe('function f() {}');
    first.emulator.writeSheet('Clients', [['Name'], ['Саша <img src=x onerror=alert(1)>']]);
    const second = createRuntime({ files: { code: 'function f() {}', sidebarHtml: '' }, state: JSON.parse(JSON.stringify(first.serialize())) });
    expect(second.emulator.readSheet('Clients')).toEqual([['Name'], ['Саша <img src=x onerror=alert(1)>']]);
  });
});
