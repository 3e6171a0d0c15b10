/**
 * Loads dist/Code.js the way Apps Script does: one global scope holding only
 * ECMAScript built-ins and the services, no Node (process, require, Buffer,
 * timers, TextEncoder, URL, fetch). The suite builds dist/ before tests run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../emulator';

export const DIST = join(__dirname, '..', '..', 'dist');

export function readDist(name: string): string {
  return readFileSync(join(DIST, name), 'utf8');
}

export interface LoadedBundle {
  emu: Emulator;
  context: vm.Context;
  /** Calls a top-level function of the bundle as Apps Script would. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  topLevelFunctions(): string[];
}

export function loadBundle(options: EmulatorOptions = {}): LoadedBundle {
  const emu = createEmulator({ files: { Sidebar: readDist('Sidebar.html') }, ...options });
  const context = vm.createContext({ ...emu.globals, console });
  // Service errors must be Errors of the script's own realm, as they are on Apps Script.
  emu.useErrorClass(vm.runInContext('Error', context) as ErrorConstructor);
  vm.runInContext(readDist('Code.js'), context, { filename: 'Code.js' });
  return {
    emu,
    context,
    call<T>(name: string, ...args: unknown[]): T {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`${name} is not a top-level function of the bundle`);
      // Arguments cross as JSON, as google.script.run sends them.
      return (fn as (...a: unknown[]) => T)(...JSON.parse(JSON.stringify(args)));
    },
    topLevelFunctions() {
      return Object.keys(context).filter((k) => typeof context[k] === 'function' && !(k in emu.globals));
    },
  };
}
