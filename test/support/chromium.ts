/**
 * Which Chromium the browser tests drive, and how: Debian's (never a downloaded one), headless.
 * Kept apart from browser.ts so that the run's global set-up (chromium-server.ts) can start it
 * without loading the playground or vitest's test API.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
/** Per test: the machine running the suite may be loaded (two cores, other suites in parallel). */
export const BROWSER_TIMEOUT = 60_000;
