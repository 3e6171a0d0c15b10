import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanSubject, plainTextToHtml, renderMessage, type RenderOptions } from '../../../src/core/mail/render';

const FIELDS = ['ID', 'First name', 'Last name', 'Email', 'Birthday', 'Spent', 'Website', 'Company'];
const OPTIONS: RenderOptions = { fieldNames: FIELDS, timeZone: 'Europe/Moscow' };
const XSS = '<img src=x onerror=alert(1)>';

/** The text a reader sees in the HTML body: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<br>\n/g, '\n')
    .replace(/<a href="[^"]*">/g, '')
    .replace(/<\/a>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('renderMessage', () => {
  it('fills placeholders in subject and body, HTML and text alike', () => {
    const message = renderMessage(
      { subject: 'Hello {{First name}}', body: 'Dear {{First name}} {{last name}},\nyour birthday is {{Birthday}}.' },
      // Midnight in Moscow, which kept summer time (UTC+4) in 1990.
      { 'First name': 'Анна', 'Last name': 'Smith', Birthday: new Date(Date.UTC(1990, 4, 31, 20)) },
      OPTIONS,
    );
    expect(message).toEqual({
      subject: 'Hello Анна',
      textBody: 'Dear Анна Smith,\nyour birthday is 01.06.1990.',
      htmlBody: 'Dear Анна Smith,<br>\nyour birthday is 01.06.1990.',
      missing: [],
    });
  });

  it('uses the fallback for empty values and reports placeholders left empty without one', () => {
    const message = renderMessage(
      { subject: '{{Company}} news', body: 'Hi {{First name|there}}, {{Company}} {{Spent}}' },
      { 'First name': '   ', Company: '', Spent: 0 },
      OPTIONS,
    );
    expect(message.textBody).toBe('Hi there,  0');
    expect(message.subject).toBe(' news');
    expect(message.missing).toEqual(['Company']);
  });

  it('counts an unknown placeholder as missing and still renders the rest', () => {
    const message = renderMessage({ subject: 's', body: 'Hi {{Frist name}} / {{Nick|friend}}' }, { 'First name': 'Ann' }, OPTIONS);
    expect(message.textBody).toBe('Hi  / friend');
    expect(message.missing).toEqual(['Frist name']);
  });

  it('escapes values in the HTML body: a name made of markup is shown as text', () => {
    const message = renderMessage({ subject: 'Hi {{First name}}', body: 'Hi {{First name}} & co' }, { 'First name': XSS }, OPTIONS);
    expect(message.htmlBody).toBe('Hi &lt;img src=x onerror=alert(1)&gt; &amp; co');
    expect(message.textBody).toBe(`Hi ${XSS} & co`);
    expect(message.subject).toBe(`Hi ${XSS}`);
  });

  it("keeps the author's <b> as bold but escapes every other tag written in the template", () => {
    const message = renderMessage({ subject: 's', body: '<b>Sale</b><script>alert(1)</script><b onclick="x">no</b>' }, {}, OPTIONS);
    expect(message.htmlBody).toBe('<strong>Sale</strong>&lt;script&gt;alert(1)&lt;/script&gt;&lt;b onclick=&quot;x&quot;&gt;no&lt;/b&gt;');
    expect(message.textBody).toBe('Sale<script>alert(1)</script><b onclick="x">no</b>');
  });

  it('strips line breaks from the subject so a value cannot add headers', () => {
    const message = renderMessage(
      { subject: 'Offer for {{First name}}\r\n', body: 'b' },
      { 'First name': 'Ann\r\nBcc: everyone@example.com\n\nbody' },
      OPTIONS,
    );
    expect(message.subject).toBe('Offer for Ann Bcc: everyone@example.com body ');
    expect(message.subject).not.toMatch(/[\r\n]/);
  });

  it("turns the author's bare links into anchors, escaping them, and keeps surrounding punctuation out", () => {
    const message = renderMessage(
      { subject: 's', body: 'See https://shop.example/a?x=1&y="2" (or https://en.wikipedia.org/wiki/Foo_(bar)).\nSite: {{Website}}' },
      { Website: 'https://client.example/<script>' },
      OPTIONS,
    );
    expect(message.htmlBody).toBe(
      'See <a href="https://shop.example/a?x=1&amp;y=">https://shop.example/a?x=1&amp;y=</a>&quot;2&quot; ' +
        '(or <a href="https://en.wikipedia.org/wiki/Foo_(bar)">https://en.wikipedia.org/wiki/Foo_(bar)</a>).<br>\n' +
        'Site: https://client.example/&lt;script&gt;',
    );
  });

  it("never makes a link of a client-supplied URL, even one that extends the author's", () => {
    const values = { Website: 'https://evil.example/login', Path: 'x/../../evil' };
    const html = renderMessage(
      { subject: 's', body: 'Yours: {{Website}}\nShop: https://shop.example/{{Path}}\nOurs: https://shop.example/a' },
      values,
      OPTIONS,
    ).htmlBody;
    expect(html).toBe(
      'Yours: https://evil.example/login<br>\nShop: https://shop.example/x/../../evil<br>\nOurs: <a href="https://shop.example/a">https://shop.example/a</a>',
    );
    expect(html.match(/<a /g)).toHaveLength(1);
    // A fallback is the author's text: its link stays a link.
    const fallback = renderMessage({ subject: 's', body: '{{Website|https://shop.example/}}' }, { Website: '' }, OPTIONS).htmlBody;
    expect(fallback).toBe('<a href="https://shop.example/">https://shop.example/</a>');
  });

  it('does not link javascript: or other schemes', () => {
    const html = renderMessage({ subject: 's', body: '{{Website}}' }, { Website: 'javascript:alert(1)//https' }, OPTIONS).htmlBody;
    expect(html).toBe('javascript:alert(1)//https');
  });

  it('keeps formula-looking values as text', () => {
    for (const value of ['=HYPERLINK("http://evil.example","click")', '+1', '-1', '@x']) {
      const message = renderMessage({ subject: '{{Company}}', body: '{{Company}}' }, { Company: value }, OPTIONS);
      expect(message.textBody).toBe(value);
      expect(message.subject).toBe(value);
      expect(visibleText(message.htmlBody)).toBe(value);
    }
  });

  it('keeps emoji and mixed scripts intact', () => {
    const name = 'Саша Smith 👩‍💻🇷🇴';
    const message = renderMessage({ subject: '{{First name}} 🎉', body: 'Привет, {{First name}}!' }, { 'First name': name }, OPTIONS);
    expect(message.subject).toBe(`${name} 🎉`);
    expect(message.textBody).toBe(`Привет, ${name}!`);
    expect(message.htmlBody).toBe(`Привет, ${name}!`);
  });

  it('reads only the record’s own values: {{constructor}} is not a JavaScript internal', () => {
    const message = renderMessage({ subject: 's', body: '[{{constructor}}][{{__proto__}}][{{toString}}]' }, { Email: 'a@b.co' }, OPTIONS);
    expect(message.textBody).toBe('[][][]');
  });

  it('matches value keys that are not in the field list, ignoring case and spaces', () => {
    const message = renderMessage({ subject: 's', body: '{{Discount code}}' }, { 'DISCOUNT  CODE': 'SPRING' }, OPTIONS);
    expect(message.textBody).toBe('SPRING');
  });

  it('appends a plain-text footer, linking its URL in HTML', () => {
    const message = renderMessage({ subject: 's', body: 'Body' }, {}, { ...OPTIONS, footer: 'Stop: https://x.example/u?t=a' });
    expect(message.textBody).toBe('Body\n\nStop: https://x.example/u?t=a');
    expect(message.htmlBody).toBe('Body<br>\n<br>\nStop: <a href="https://x.example/u?t=a">https://x.example/u?t=a</a>');
  });

  it('uses a text/HTML footer pair as given', () => {
    const message = renderMessage({ subject: 's', body: 'Body' }, {}, { ...OPTIONS, footer: { text: 'T', html: '<a href="h">H</a>' } });
    expect(message.textBody).toBe('Body\n\nT');
    expect(message.htmlBody).toBe('Body<br>\n<br>\n<a href="h">H</a>');
  });

  it('renders a broken template literally and says why, without throwing', () => {
    const message = renderMessage({ subject: 'Hi {{First name', body: 'x'.repeat(50_001) }, { 'First name': 'Ann' }, OPTIONS);
    expect(message.subject).toBe('Hi {{First name');
    expect(message.textBody).toHaveLength(50_001);
    expect(message.errors?.map((e) => [e.part, e.code])).toEqual([
      ['subject', 'unclosed'],
      ['body', 'too_long'],
    ]);
  });

  it('survives wrong types for the template and values', () => {
    const message = renderMessage({ subject: 42, body: null } as never, null as never, OPTIONS);
    expect(message).toMatchObject({ subject: '', textBody: '', htmlBody: '' });
  });

  it('renders a long value and a 50,000-character template', () => {
    const body = 'a'.repeat(49_980) + '{{Company}}';
    const message = renderMessage({ subject: 's', body }, { Company: 'é'.repeat(50_001) }, OPTIONS);
    expect(message.textBody).toHaveLength(49_980 + 50_001);
  });
});

describe('render properties', () => {
  // Without placeholders and without markup (**, *, [, <, list markers): rich-text bodies are test/core/mail/rich-text.test.ts.
  const plain = fc.string({ maxLength: 300 }).filter((t) => !t.includes('{{') && !t.includes('}}') && !/[*[<\-•]|\d[.)]/.test(t));

  it('returns a template without placeholders unchanged', () => {
    fc.assert(
      fc.property(plain, plain, (subject, body) => {
        const message = renderMessage({ subject, body }, {}, OPTIONS);
        expect(message.textBody).toBe(body);
        expect(message.subject).toBe(cleanSubject(subject));
        expect(message.missing).toEqual([]);
      }),
    );
  });

  it('leaves no "<" or line break from a value unescaped in HTML, and shows the same text as the plain body', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '\n', '\r', 'a', ' ', 'https://x.io/', '😀', 'ж') }),
      fc.constant(XSS),
    );
    fc.assert(
      fc.property(hostile, hostile, (name, company) => {
        const message = renderMessage(
          { subject: '{{First name}} {{Company}}', body: 'Hi {{First name}}, from {{Company}} https://shop.example' },
          { 'First name': name, Company: company },
          OPTIONS,
        );
        const withoutOwnTags = message.htmlBody.replace(/<br>|<a href="[^"<>]*">|<\/a>/g, '');
        expect(withoutOwnTags).not.toMatch(/[<>]/);
        expect(visibleText(message.htmlBody)).toBe(message.textBody.replace(/\r\n|\r/g, '\n'));
        expect(message.subject).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('plainTextToHtml', () => {
  it('turns every kind of line break into <br>', () => {
    expect(plainTextToHtml('a\r\nb\rc\nd')).toBe('a<br>\nb<br>\nc<br>\nd');
  });
  it('does not link a scheme without a host', () => {
    expect(plainTextToHtml('https://')).toBe('https://');
    expect(plainTextToHtml('http://nodot')).toBe('http://nodot');
  });
});
