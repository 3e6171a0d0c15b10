import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderMessage, type RenderOptions } from '../../../src/core/mail/render';
import { safeHref } from '../../../src/core/mail/rich-text';

const OPTIONS: RenderOptions = { fieldNames: ['First name', 'Company', 'Website', 'Path'], timeZone: 'Europe/Moscow' };
const render = (body: string, values: Record<string, unknown> = {}) => renderMessage({ subject: 's', body }, values, OPTIONS);

describe('rich-text templates', () => {
  it('renders bold, italic, links and both kinds of list, with a plain-text twin', () => {
    const body = [
      'Hello **{{First name}}**, our *spring* offer:',
      '- 10% off [the catalogue](https://shop.example/spring)',
      '- free delivery',
      '',
      '1. Reply',
      '2. Write to [us](mailto:sales@shop.example)',
    ].join('\n');
    const message = render(body, { 'First name': 'Анна' });
    expect(message.htmlBody).toBe(
      'Hello <strong>Анна</strong>, our <em>spring</em> offer:\n' +
        '<ul>\n<li>10% off <a href="https://shop.example/spring">the catalogue</a></li>\n<li>free delivery</li>\n</ul>\n' +
        '\n' +
        '<ol>\n<li>Reply</li>\n<li>Write to <a href="mailto:sales@shop.example">us</a></li>\n</ol>',
    );
    expect(message.textBody).toBe(
      'Hello Анна, our spring offer:\n• 10% off the catalogue (https://shop.example/spring)\n• free delivery\n\n1. Reply\n2. Write to us (sales@shop.example)',
    );
  });

  it('reads the tags people type by habit, without attributes, and nothing else', () => {
    expect(render('<b>a</b> <strong>b</strong> <i>c</i> <em>d</em> <u>e</u>x<br>y').htmlBody).toBe(
      '<strong>a</strong> <strong>b</strong> <em>c</em> <em>d</em> <u>e</u>x<br>\ny',
    );
    for (const hostile of ['<a href="https://x.io">x</a>', '<img src=x onerror=alert(1)>', '<b style="x">b</b>', '<script>alert(1)</script>', '<B>b</b >']) {
      // Only the allow-list is markup; a bare address the author wrote inside a tag is still their link.
      expect(render(hostile).htmlBody).not.toMatch(/<(?!\/?(strong|em|u)>|a href="https:\/\/x\.io">|\/a>)/);
    }
  });

  it('never lets a value open markup, start a list or become a link', () => {
    const values = {
      'First name': '**bold** <b>x</b>\n- item\n1. one',
      Company: '[click](https://evil.example)',
      Website: 'https://evil.example',
      Path: 'x)',
    };
    const message = render(
      '{{First name}} {{Company}} [site]({{Website}}) [shop](https://shop.example/{{Path}}) https://shop.example/{{Path}} *{{Company}}*',
      values,
    );
    expect(message.htmlBody).not.toContain('<a ');
    expect(message.htmlBody).not.toContain('<ul>');
    expect(message.htmlBody).not.toContain('<ol>');
    expect(message.htmlBody).toContain('**bold** &lt;b&gt;x&lt;/b&gt;<br>\n- item<br>\n1. one');
    expect(message.htmlBody).toContain('site (https://evil.example)');
    // The author's own emphasis around a value still applies; the value inside stays text.
    expect(message.htmlBody).toContain('<em>[click](https://evil.example)</em>');
  });

  it('links only http(s) addresses with a host and mailto', () => {
    expect(safeHref('https://shop.example/a?b=1')).toBe('https://shop.example/a?b=1');
    expect(safeHref('mailto:a@b.co')).toBe('mailto:a@b.co');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)//https://x.io',
      'data:text/html,x',
      'https://nodot',
      'vbscript:x',
      'mailto:nobody',
      '//x.io',
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
    expect(render('[x](javascript:alert(1))').htmlBody).not.toContain('<a ');
    expect(render('[x](https://a.example/"onmouseover="x)').htmlBody).toBe('<a href="https://a.example/&quot;onmouseover=&quot;x">x</a>');
  });

  it('leaves stray markers as text: 2*3*4, a lone **, an unclosed [', () => {
    expect(render('2*3*4 and ** alone and [not a link').htmlBody).toBe('2*3*4 and ** alone and [not a link');
    expect(render('2*3*4 and ** alone and [not a link').textBody).toBe('2*3*4 and ** alone and [not a link');
  });

  it('keeps emoji, mixed scripts and formula-looking text inside markup', () => {
    const message = render('**=SUM(A1)** *Привет 👩‍💻* [Ionuț](https://ro.example)', {});
    expect(message.htmlBody).toBe('<strong>=SUM(A1)</strong> <em>Привет 👩‍💻</em> <a href="https://ro.example">Ionuț</a>');
    expect(message.textBody).toBe('=SUM(A1) Привет 👩‍💻 Ionuț (https://ro.example)');
  });

  it('puts no tag outside the allow-list into the HTML whatever the template and values (property)', () => {
    const unit = fc.constantFrom(
      '*',
      '**',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '/',
      'b',
      'a',
      'href=',
      '"',
      '- ',
      '1. ',
      '\n',
      ' ',
      'https://x.io',
      'mailto:',
      '{{Company}}',
      'ж',
      '😀',
      '<b>',
      '</b>',
      '<a href="',
    );
    const value = fc.string({ unit: fc.constantFrom('<', '>', '"', '*', '[', '](', 'https://e.vil', '\n', '- ', 'x') });
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), value, (body, company) => {
        const html = render(body, { Company: company }).htmlBody;
        const tags = html.match(/<[^>]*>/g) ?? [];
        for (const tag of tags) expect(tag).toMatch(/^<(\/?(strong|em|u|ul|ol|li)|br|a href="(https?:\/\/[^"]+|mailto:[^"]+)"|\/a|ol start="\d+")>$/);
        // A value's address is never an href.
        expect(html).not.toContain('href="https://e.vil');
      }),
      { numRuns: 300 },
    );
  });
});
