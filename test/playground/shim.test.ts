import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { injectShim, SHIM_MARKER } from '../../playground/shim.ts';

type Reply = { ok: boolean; value?: unknown; error?: string; revision?: number };

/** Runs the shim as the sidebar page would, with fetch answered by `reply`. */
function loadShim(reply: (body: { fn: string; args: unknown[] }) => Reply) {
  const html = injectShim('<html><head><title>t</title></head><body></body></html>');
  const source = /<script[^>]*>([\s\S]*?)<\/script>/.exec(html)![1];
  const posted: { url: string; body: { fn: string; args: unknown[] } }[] = [];
  const messages: unknown[] = [];
  const sandbox: Record<string, unknown> = {
    console: { error: () => {} },
    fetch: (url: string, init: { body: string }) => {
      const body = JSON.parse(init.body) as { fn: string; args: unknown[] };
      posted.push({ url, body });
      return Promise.resolve({ status: 200, json: () => Promise.resolve(reply(body)) });
    },
  };
  sandbox.window = sandbox;
  sandbox.location = { origin: 'http://localhost:8080' };
  sandbox.parent = { postMessage: (message: unknown, origin: string) => messages.push({ message, origin }) };
  vm.createContext(sandbox);
  vm.runInContext(source, sandbox);
  const google = sandbox.google as { script: { run: Record<string, any>; host: { close(): void; editor: { focus(): void } } } };
  return { google, posted, messages };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the google.script.run shim', () => {
  it("goes first in <head>, before the page's own scripts", () => {
    const html = injectShim('<!DOCTYPE html><html><head lang="en"><script>app()</script></head></html>');
    expect(html.indexOf(SHIM_MARKER)).toBeGreaterThan(html.indexOf('<head lang="en">'));
    expect(html.indexOf(SHIM_MARKER)).toBeLessThan(html.indexOf('app()'));
    expect(injectShim('<p>no head</p>').startsWith(`<script ${SHIM_MARKER}>`)).toBe(true);
  });

  it('posts {fn, args} to /api/run and hands the result and user object to the success handler, asynchronously', async () => {
    const { google, posted, messages } = loadShim((body) => ({ ok: true, value: { echoed: body.args } }));
    const seen: unknown[] = [];
    google.script.run
      .withSuccessHandler((value: unknown, user: unknown) => seen.push([value, user]))
      .withUserObject('row 7')
      .apiFind('Саша <img src=x onerror=alert(1)>', { limit: 5 });
    expect(seen).toEqual([]); // never synchronous
    await settle();
    expect(posted).toEqual([{ url: '/api/run', body: { fn: 'apiFind', args: ['Саша <img src=x onerror=alert(1)>', { limit: 5 }] } }]);
    expect(seen).toEqual([[{ echoed: ['Саша <img src=x onerror=alert(1)>', { limit: 5 }] }, 'row 7']]);
    // No revision from the server: the page cannot tell whether the base changed, and fetches the grid.
    expect(messages).toContainEqual({ message: { type: 'clientbase:ran', fn: 'apiFind', revision: undefined }, origin: 'http://localhost:8080' });
  });

  it("passes the base's revision after the call to the page, which fetches the grid again only when it moved", async () => {
    const { google, messages } = loadShim(() => ({ ok: true, value: 1, revision: 42 }));
    google.script.run.apiPoll();
    await settle();
    expect(messages).toContainEqual({ message: { type: 'clientbase:ran', fn: 'apiPoll', revision: 42 }, origin: 'http://localhost:8080' });
  });

  it("gives the failure handler an Error with the server's message", async () => {
    const { google } = loadShim(() => ({ ok: false, error: 'Script function not found: nope' }));
    const errors: unknown[] = [];
    let succeeded = false;
    google.script.run
      .withSuccessHandler(() => {
        succeeded = true;
      })
      .withFailureHandler((e: Error) => errors.push(e))
      .nope();
    await settle();
    expect(succeeded).toBe(false);
    expect(errors).toHaveLength(1);
    expect(Object.prototype.toString.call(errors[0])).toBe('[object Error]');
    expect((errors[0] as Error).message).toBe('Script function not found: nope');
  });

  it('fails a call with a Date argument without reaching the server, like the real one', async () => {
    const { google, posted } = loadShim(() => ({ ok: true, value: 1 }));
    const errors: Error[] = [];
    google.script.run.withFailureHandler((e: Error) => errors.push(e)).apiSave({ birthday: new Date() });
    await settle();
    expect(posted).toEqual([]);
    expect(errors[0].message).toMatch(/Date \(args\[0\]\.birthday\)/);
  });

  it('keeps handlers per chain: a configured runner does not leak into the next call', async () => {
    const { google } = loadShim(() => ({ ok: true, value: 'v' }));
    const first: unknown[] = [];
    const base = google.script.run;
    base.withSuccessHandler((v: unknown) => first.push(v)).a();
    base.b();
    await settle();
    expect(first).toEqual(['v']);
  });

  it('closes the sidebar and focuses the editor through the parent page', () => {
    const { google, messages } = loadShim(() => ({ ok: true }));
    google.script.host.close();
    google.script.host.editor.focus();
    expect(messages).toEqual([
      { message: { type: 'clientbase:close' }, origin: 'http://localhost:8080' },
      { message: { type: 'clientbase:focus' }, origin: 'http://localhost:8080' },
    ]);
  });
});
