/**
 * Vitest global set-up: one Chromium for the whole run. Each browser test file connects to it and
 * works in a browser context of its own (a fresh profile: no cookies, storage or cache shared with
 * another file), instead of starting a Chromium per file; starting one costs seconds of CPU.
 * A run that names only files outside test/browser starts none; without it (or without
 * /usr/bin/chromium) each browser file launches its own, as before.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { BROWSER_TIMEOUT, CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket endpoint; empty: none was started. */
    chromiumEndpoint: string;
  }
}

/** Whether the run may include a browser file: no file filter, or one that names test/browser. */
export function runWantsBrowser(argv: readonly string[]): boolean {
  const filters = argv.slice(2).filter((arg) => !arg.startsWith('-') && /[/\\]|\.test\./.test(arg));
  return filters.length === 0 || filters.some((arg) => arg.includes('browser'));
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!existsSync(CHROMIUM_PATH) || !runWantsBrowser(process.argv)) {
    project.provide('chromiumEndpoint', '');
    return undefined;
  }
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: BROWSER_TIMEOUT });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
