/**
 * Builds what clasp pushes: dist/Code.js, dist/Sidebar.html, dist/appsscript.json.
 *
 * Code.js is one esbuild IIFE assigned to a single global, followed by one plain
 * top-level function per export of src/server.ts. Apps Script only lets menus,
 * triggers and google.script.run reach top-level functions, so this list is
 * exactly the public surface and nothing inside the bundle leaks out.
 */
import { build, transform, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
export const BUNDLE_GLOBAL = '__ClientBase';

/** Names of the functions the bundle exports, read by evaluating it in an empty context. */
export function exportedFunctionNames(bundle: string): string[] {
  const context = vm.createContext({});
  vm.runInContext(`${bundle}\n;this.__names = Object.keys(${BUNDLE_GLOBAL});`, context);
  const names = context.__names as string[];
  const api = vm.runInContext(BUNDLE_GLOBAL, context) as Record<string, unknown>;
  const notFunctions = names.filter((n) => typeof api[n] !== 'function');
  if (notFunctions.length) {
    throw new Error(`src/server.ts may export only functions; found: ${notFunctions.join(', ')}`);
  }
  return names.sort();
}

export function topLevelWrappers(names: string[]): string {
  return names.map((n) => `function ${n}(...args) {\n  return ${BUNDLE_GLOBAL}.${n}(...args);\n}\n`).join('\n');
}

async function buildServer(): Promise<void> {
  const result = await build({
    entryPoints: [join(root, 'src/server.ts')],
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    minify: false,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text;
  const names = exportedFunctionNames(bundle);
  const header = '// ClientBase: built by scripts/build.ts from src/. Do not edit.\n';
  writeFileSync(join(dist, 'Code.js'), `${header}${bundle}\n${topLevelWrappers(names)}`);
}

/** Escapes what must not appear verbatim inside an inline <script> served by HtmlService. */
export function escapeInlineScript(js: string): string {
  return js
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--')
    .replace(/:\/\//g, ':\\/\\/');
}

/** The sidebar checks phones by shape only; the full parser stays on the server (sidebar/phone-in-browser.ts). */
const phoneInBrowser: Plugin = {
  name: 'phone-in-browser',
  setup(b) {
    b.onResolve({ filter: /normalize\/phone$/ }, (args) =>
      args.importer.endsWith('phone-in-browser.ts') ? undefined : { path: join(root, 'sidebar/phone-in-browser.ts') },
    );
  },
};

async function buildSidebar(): Promise<void> {
  const result = await build({
    plugins: [phoneInBrowser],
    entryPoints: [join(root, 'sidebar/main.tsx')],
    bundle: true,
    format: 'iife',
    // The sidebar runs in the user's browser, not on Apps Script's V8: ?. and ?? stay native (2.5 KB of the size budget).
    target: 'es2020',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    charset: 'utf8',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const js = escapeInlineScript(result.outputFiles[0].text);
  // Minified like the script: the whole file counts against the sidebar's size budget.
  const css = (await transform(readFileSync(join(root, 'sidebar/styles.css'), 'utf8'), { loader: 'css', minify: true, charset: 'utf8' })).code;
  const template = readFileSync(join(root, 'sidebar/index.html'), 'utf8');
  const html = template.replace('/*STYLES*/', () => css).replace('/*SCRIPT*/', () => js);
  writeFileSync(join(dist, 'Sidebar.html'), html);
}

/** The command line compiled to ES modules, dist/cli/main.mjs (bin/clientbase.mjs runs it): no TypeScript compiler at start-up. */
async function buildCli(): Promise<void> {
  // Chunk names carry hashes: old ones must not pile up.
  rmSync(join(dist, 'cli'), { recursive: true, force: true });
  await build({
    entryPoints: [join(root, 'cli/main.ts')],
    outdir: join(dist, 'cli'),
    outExtension: { '.js': '.mjs' },
    // Each command in its own chunk: `clientbase --help` loads none of them.
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    charset: 'utf8',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

export async function buildAll(): Promise<void> {
  mkdirSync(dist, { recursive: true });
  await Promise.all([buildServer(), buildSidebar(), buildCli()]);
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildAll().then(
    () => console.log('built dist/Code.js, dist/Sidebar.html, dist/appsscript.json, dist/cli/'),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
