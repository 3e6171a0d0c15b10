import { resolveField } from './field-match';
import { parseTemplate, type ParsedTemplate, type TemplateError, type TemplatePart } from './template';
import { valueText } from './value-text';
import { escapeHtml, renderRich, type RichPart } from './rich-text';
import { BARE_LINK, namesHost, trimLink } from './bare-links';

export interface MailTemplate {
  subject: string;
  body: string;
}

/** The opt-out footer in both forms; `html` is trusted markup (footerFor escapes what it embeds). */
export interface MessageFooter {
  text: string;
  html: string;
}

export interface RenderOptions {
  fieldNames: readonly string[];
  timeZone: string;
  locale?: string;
  /** Plain text (links in it become links) or a ready text/HTML pair from footerFor. */
  footer?: string | MessageFooter;
  /** Person fields (Manager) and the team's names by lower-cased email: {{Manager}} prints the name. */
  personFields?: readonly string[];
  people?: Readonly<Record<string, string>>;
}

export interface RenderedMessage {
  subject: string;
  htmlBody: string;
  textBody: string;
  /** Placeholders (as written) that rendered empty and had no fallback. */
  missing: string[];
  /** Parse errors; the affected part is rendered literally so a preview still shows something. */
  errors?: ({ part: 'subject' | 'body' } & TemplateError)[];
}

/** A template parsed once and its placeholders resolved to fields once, for rendering many recipients. */
export interface CompiledTemplate {
  subject: ParsedTemplate;
  body: ParsedTemplate;
  subjectSource: string;
  bodySource: string;
  /** Placeholder name as written → the field it names, or undefined when no field matches. */
  fieldOf: Map<string, string | undefined>;
}

export function compileTemplate(template: MailTemplate, fieldNames: readonly string[]): CompiledTemplate {
  const subjectSource = typeof template?.subject === 'string' ? template.subject : '';
  const bodySource = typeof template?.body === 'string' ? template.body : '';
  const subject = parseTemplate(subjectSource);
  const body = parseTemplate(bodySource);
  const fieldOf = new Map<string, string | undefined>();
  for (const parsed of [subject, body]) {
    if (!parsed.ok) continue;
    for (const p of parsed.placeholders) if (!fieldOf.has(p.name)) fieldOf.set(p.name, resolveField(p.name, fieldNames));
  }
  return { subject, body, subjectSource, bodySource, fieldOf };
}

export function renderMessage(template: MailTemplate, values: Record<string, unknown>, options: RenderOptions): RenderedMessage {
  return renderCompiled(compileTemplate(template, options.fieldNames), values, options);
}

export function renderCompiled(compiled: CompiledTemplate, values: Record<string, unknown>, options: RenderOptions): RenderedMessage {
  const missing: string[] = [];
  const fill = (part: TemplatePart): string => {
    if (part.kind === 'text') return part.text;
    const text = placeholderValue(compiled, part.name, values, options);
    if (text.trim() !== '') return text;
    if (part.fallback !== undefined) return part.fallback;
    if (!missing.includes(part.name)) missing.push(part.name);
    return '';
  };
  const subjectText = compiled.subject.ok ? compiled.subject.parts.map(fill).join('') : compiled.subjectSource;
  // Who wrote each piece of the body: only the template's author may write markup or make a link; a fallback is theirs.
  const rich = compiled.body.ok
    ? renderRich(
        compiled.body.parts.map((part): RichPart => {
          const text = fill(part);
          const fromClient = part.kind !== 'text' && text !== part.fallback;
          return { kind: fromClient ? 'value' : 'text', text };
        }),
      )
    : { html: plainTextToHtml(compiled.bodySource), text: compiled.bodySource };
  const footer = typeof options.footer === 'string' ? { text: options.footer, html: plainTextToHtml(options.footer) } : options.footer;
  const hasFooter = footer !== undefined && footer.text.trim() !== '';
  const message: RenderedMessage = {
    subject: cleanSubject(subjectText),
    htmlBody: rich.html + (hasFooter ? `<br>\n<br>\n${footer.html}` : ''),
    textBody: rich.text + (hasFooter ? `\n\n${footer.text}` : ''),
    missing,
  };
  const errors: NonNullable<RenderedMessage['errors']> = [];
  if (!compiled.subject.ok) errors.push({ part: 'subject', ...compiled.subject.error });
  if (!compiled.body.ok) errors.push({ part: 'body', ...compiled.body.error });
  if (errors.length > 0) message.errors = errors;
  return message;
}

/** The text a placeholder stands for; only the record's own keys count ({{constructor}} is not Object). */
export function placeholderValue(
  compiled: CompiledTemplate,
  name: string,
  values: Record<string, unknown>,
  options: Pick<RenderOptions, 'timeZone' | 'locale' | 'personFields' | 'people'>,
): string {
  if (values === null || typeof values !== 'object') return '';
  let field = compiled.fieldOf.get(name);
  if (field === undefined || !hasOwn(values, field)) field = resolveField(name, Object.keys(values));
  if (field === undefined || !hasOwn(values, field)) return '';
  const text = valueText(values[field], options);
  if (options.personFields?.includes(field)) return personName(text, options.people ?? {});
  return text;
}

/** A person as a reader knows them: the name Settings gives, else one read from an address like anna.smirnova@…; else as written. */
export function personName(text: string, people: Readonly<Record<string, string>>): string {
  const email = text.trim().toLowerCase();
  if (!email.includes('@')) return text;
  const named = Object.hasOwn(people, email) ? people[email] : undefined;
  if (named) return named;
  const parts = email.slice(0, email.indexOf('@')).split(/[._]/);
  if (parts.length >= 2 && parts.every((p) => /^\p{L}{2,}$/u.test(p))) return parts.map((p) => p[0].toUpperCase() + p.slice(1)).join(' ');
  return text;
}

/**
 * A subject is one header line: any line break (or other control character)
 * in a value would let it inject headers such as "Bcc:", so runs of them
 * become a single space.
 */
export function cleanSubject(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ');
}

export { escapeHtml };

export interface TextSegment {
  text: string;
  /** Written by the template's author (not a client's value). */
  author: boolean;
}

/**
 * The HTML twin of a plain-text body: everything escaped, line breaks as
 * <br>, bare http(s) links as <a>. Nothing in the text can become markup.
 */
export function plainTextToHtml(text: string): string {
  return segmentsToHtml([{ text, author: true }]);
}

/**
 * As plainTextToHtml, but a link is made only from a URL the template's
 * author wrote whole: a client's Website value, or an author's URL that a
 * value extends ("https://shop.example/{{Path}}"), stays escaped text, so no
 * client-supplied address ever becomes a clickable link.
 */
export function segmentsToHtml(segments: readonly TextSegment[]): string {
  const text = segments.map((s) => s.text).join('');
  const authored: [number, number][] = [];
  let offset = 0;
  for (const s of segments) {
    if (s.author && s.text !== '') authored.push([offset, offset + s.text.length]);
    offset += s.text.length;
  }
  const byAuthor = (start: number, end: number) => authored.some(([a, b]) => a <= start && end <= b);
  let html = '';
  let cursor = 0;
  for (const match of text.matchAll(BARE_LINK)) {
    const start = match.index ?? 0;
    const url = trimLink(match[0]);
    if (!byAuthor(start, start + match[0].length)) continue;
    if (!namesHost(url)) continue;
    html += linesToHtml(text.slice(cursor, start));
    const escaped = escapeHtml(url);
    html += `<a href="${escaped}">${escaped}</a>`;
    cursor = start + url.length;
  }
  return html + linesToHtml(text.slice(cursor));
}

function linesToHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>\n');
}

function hasOwn(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}
