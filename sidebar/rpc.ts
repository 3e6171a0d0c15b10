/**
 * Typed promises over google.script.run. The types come from src/server.ts
 * itself, so a renamed or re-typed server function breaks the sidebar build
 * instead of failing at run time in someone's spreadsheet.
 */
import type * as Server from '../src/server';
import type { Result } from '../src/core/result';

type Api = typeof Server;
type ApiName = { [K in keyof Api]: ReturnType<Api[K]> extends Result<unknown> ? K : never }[keyof Api];

export type Rpc = { [K in ApiName]: (...args: Parameters<Api[K]>) => Promise<ReturnType<Api[K]>> };

interface ScriptRunner {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: Error) => void): ScriptRunner;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRunner; host: { close(): void } } };

export function callServer<T>(name: string, args: unknown[]): Promise<T> {
  return new Promise((resolve) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) =>
        // Transport failures (time-out, authorisation, quota) become typed results too, so views handle one shape.
        resolve({ ok: false, error: { code: 'internal', message: error?.message || String(error) } } as T),
      );
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export const rpc: Rpc = new Proxy({} as Rpc, {
  get:
    (_target, name: string) =>
    (...args: unknown[]) =>
      callServer(name, args),
});

export function closeSidebar(): void {
  google.script.host.close();
}
