/**
 * A stand-in for google.script.run: each call is answered asynchronously by
 * a handler named like the server function, its arguments and result pass
 * through JSON as they do in Apps Script, and every call is recorded.
 */
import type * as Server from '../../src/server';

type Api = typeof Server;
type Answer<K extends keyof Api> = ReturnType<Api[K]> | Promise<ReturnType<Api[K]>>;
export type Handlers = { [K in keyof Api]?: (...args: Parameters<Api[K]>) => Answer<K> };

export interface FakeCall {
  name: string;
  args: unknown[];
}

export interface FakeScriptRun {
  calls: FakeCall[];
  handlers: Handlers;
  /** Arguments of every call to `name`, oldest first. */
  callsTo(name: keyof Api): unknown[][];
  uninstall(): void;
}

const wire = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/**
 * Tests describe a client, its history and its last contact separately; the card asks for all in one
 * apiOpenClient call, answered here from those handlers (recorded as one call).
 */
function withOpenClient(handlers: Handlers): Handlers {
  if (handlers.apiOpenClient || !handlers.apiGetClient) return handlers;
  const { apiGetClient, apiHistory, apiLastContact } = handlers;
  handlers.apiOpenClient = async (id) => {
    const client = await apiGetClient(id);
    if (!client.ok) return client;
    const history = apiHistory ? await apiHistory(id) : { ok: true as const, value: { interactions: [], changes: [] } };
    if (!history.ok) return history;
    const contact = apiLastContact ? await apiLastContact(id) : { ok: true as const, value: null };
    return contact.ok ? { ok: true, value: { client: client.value, history: history.value, lastContact: contact.value } } : contact;
  };
  return handlers;
}

export function installFakeScriptRun(given: Handlers): FakeScriptRun {
  const handlers = withOpenClient(given);
  const calls: FakeCall[] = [];
  const runner = () => {
    let onSuccess: (value: unknown) => void = () => {};
    let onFailure: (error: Error) => void = () => {};
    const self: Record<string, unknown> = new Proxy(
      {},
      {
        get(_target, prop: string) {
          if (prop === 'withSuccessHandler') return (fn: typeof onSuccess) => ((onSuccess = fn), self);
          if (prop === 'withFailureHandler') return (fn: typeof onFailure) => ((onFailure = fn), self);
          return (...args: unknown[]) => {
            const sent = wire(args);
            calls.push({ name: prop, args: sent });
            const handler = (handlers as Record<string, ((...a: unknown[]) => unknown) | undefined>)[prop];
            Promise.resolve()
              .then(() => {
                if (!handler) throw new Error(`Script function not found: ${prop}`);
                return handler(...sent);
              })
              .then(
                (value) => onSuccess(wire(value)),
                (error: Error) => onFailure(error),
              );
          };
        },
      },
    );
    return self;
  };
  const g = globalThis as { google?: unknown };
  const previous = g.google;
  g.google = {
    script: {
      get run() {
        return runner();
      },
      host: { close() {} },
    },
  };
  return {
    calls,
    handlers,
    callsTo: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
    uninstall: () => {
      g.google = previous;
    },
  };
}
