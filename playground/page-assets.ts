/** The playground page: playground/page/index.html and app.ts bundled by esbuild, once at start. */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PageAssets {
  html: string;
  script: string;
}

const pageDir = join(dirname(fileURLToPath(import.meta.url)), 'page');

export async function bundlePage(): Promise<PageAssets> {
  const result = await build({
    entryPoints: [join(pageDir, 'app.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  return { html: readFileSync(join(pageDir, 'index.html'), 'utf8'), script: result.outputFiles[0].text };
}
