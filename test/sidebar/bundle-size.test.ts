import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const file = join(__dirname, '../../dist/Sidebar.html');
// 200,000 until the plan (issue 18) added its views with their strings written out in four languages
// (en, ru, uk, ro: about 25 KB minified); still well under what HtmlService serves without delay.
const BUDGET = 230_000;

describe('dist/Sidebar.html', () => {
  it('exists (run `npx tsx scripts/build.ts` first)', () => {
    expect(existsSync(file)).toBe(true);
  });

  it(`stays under ${BUDGET.toLocaleString('en')} bytes`, () => {
    expect(statSync(file).size).toBeLessThan(BUDGET);
  });

  it('is self-contained: no external script, stylesheet or unreplaced placeholder', () => {
    // Booleans, not the HTML itself: a failure must not print 190 KB of bundle.
    const html = readFileSync(file, 'utf8');
    expect(/<script[^>]+src=/i.test(html)).toBe(false);
    expect(/<link[^>]+stylesheet/i.test(html)).toBe(false);
    expect(html.includes('/*SCRIPT*/') || html.includes('/*STYLES*/')).toBe(false);
    const script = html.slice(html.indexOf('<script>') + 8, html.lastIndexOf('</script>'));
    expect(script.length).toBeGreaterThan(10_000);
    expect(/<\/script/i.test(script)).toBe(false);
    expect(script.includes('://')).toBe(false);
  });

  it('is built from sources that never render raw HTML', () => {
    const root = join(__dirname, '../../sidebar');
    const sources = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    expect(sources.length).toBeGreaterThan(5);
    const offenders = sources.filter((f) =>
      /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
