import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

describe('HtmlService', () => {
  it('createHtmlOutput with title, size, modes and meta tags', () => {
    const { globals } = createEmulator();
    const { HtmlService } = globals;
    const out = HtmlService.createHtmlOutput('<p>a</p>')
      .append('<p>b</p>')
      .setTitle('ClientBase')
      .setWidth(300)
      .setHeight(600)
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getContent()).toBe('<p>a</p><p>b</p>');
    expect([out.getTitle(), out.getWidth(), out.getHeight()]).toEqual(['ClientBase', 300, 600]);
    expect(HtmlService.createHtmlOutput().getContent()).toBe('');
  });

  it('createHtmlOutputFromFile reads the given files; an unknown name throws the real message', () => {
    const { globals } = createEmulator({ files: { Sidebar: '<div id="app"></div>' } });
    expect(globals.HtmlService.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<div id="app"></div>');
    expect(globals.HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<div id="app"></div>');
    expect(() => globals.HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
  });

  it('templates: <?= ?> escapes, <?!= ?> does not, <? ?> runs code, variables come from the template', () => {
    const { globals } = createEmulator({
      files: { Page: '<h1><?= title ?></h1><?!= raw ?><ul><? for (var i = 0; i < names.length; i++) { ?><li><?= names[i] ?></li><? } ?></ul>' },
    });
    const template = globals.HtmlService.createTemplateFromFile('Page') as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    template.title = '<img src=x onerror=alert(1)>';
    template.raw = '<script>var ok = 1;</script>';
    template.names = ['Олег', 'Ana & Ion'];
    expect(template.evaluate().getContent()).toBe(
      '<h1>&lt;img src=x onerror=alert(1)&gt;</h1><script>var ok = 1;</script><ul><li>Олег</li><li>Ana &amp; Ion</li></ul>',
    );
  });

  it('templates can include other files through HtmlService', () => {
    const { globals } = createEmulator({ files: { Page: '<?!= HtmlService.createHtmlOutputFromFile("Css").getContent() ?>', Css: '<style>b{}</style>' } });
    expect(globals.HtmlService.createTemplateFromFile('Page').evaluate().getContent()).toBe('<style>b{}</style>');
  });

  it('appendUntrusted escapes', () => {
    const { globals } = createEmulator();
    expect(globals.HtmlService.createHtmlOutput().appendUntrusted('<b>').getContent()).toBe('&lt;b&gt;');
  });
});
