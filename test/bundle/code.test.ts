import { describe, expect, it } from 'vitest';
import { loadBundle, readDist } from '../support/bundle';

describe('dist/Code.js in a bare VM', () => {
  it('touches no service while loading', () => {
    const { emu } = loadBundle();
    expect(emu.calls.total()).toBe(0);
  });

  it('has no Node globals to lean on', () => {
    const { context } = loadBundle();
    for (const name of ['process', 'require', 'Buffer', 'setTimeout', 'TextEncoder', 'URL', 'fetch', 'module']) {
      expect(typeof context[name], name).toBe('undefined');
    }
  });

  it('exposes exactly the exports of src/server.ts as top-level functions', () => {
    const bundle = loadBundle();
    const api = Object.keys(bundle.context.__ClientBase as object).sort();
    expect(bundle.topLevelFunctions().sort()).toEqual(api);
    expect(api).toContain('onOpen');
    expect(api).toContain('onEditInstalled');
  });

  it('builds the ClientBase menu on open, every item a top-level function', () => {
    const bundle = loadBundle();
    bundle.call('onOpen');
    const menu = bundle.emu.ui.menus.find((m) => m.name === 'ClientBase');
    expect(menu).toBeDefined();
    const items = menu!.items.filter((i): i is { caption: string; functionName: string } => 'functionName' in i);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) expect(typeof bundle.context[item.functionName], item.functionName).toBe('function');
  });

  it('defines every server function the sidebar calls', () => {
    const sidebar = readDist('Sidebar.html');
    const called = [...new Set(sidebar.match(/\bapi[A-Z]\w+/g) ?? [])];
    expect(called.length).toBeGreaterThan(3);
    const { context } = loadBundle();
    for (const name of called) expect(typeof context[name], name).toBe('function');
  });

  it('answers the sidebar on a blank spreadsheet with a typed result, not a throw', () => {
    const bundle = loadBundle();
    const result = bundle.call<{ ok: boolean; value?: { view: string } }>('apiBootstrap');
    expect(result).toMatchObject({ ok: true, value: { view: 'setup' } });
    // A Date would make google.script.run fail: the result must survive JSON unchanged.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('keeps class fields and private names out of the output', () => {
    const code = readDist('Code.js');
    expect(code).not.toMatch(/^\s*#\w+\s*[=;]/m);
    expect(code).not.toMatch(/\bstatic\s+\{/);
  });
});
