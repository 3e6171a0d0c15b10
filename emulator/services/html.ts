/** HtmlService: outputs from strings and project files, and scriptlet templates. */
import { SERVICE } from '../calls';
import { asEnum, SandboxMode, XFrameOptionsMode } from '../enums';

type GOutput = GoogleAppsScript.HTML.HtmlOutput;
type GTemplate = GoogleAppsScript.HTML.HtmlTemplate;

export type HtmlOutputMethod =
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getTitle'
  | 'setTitle'
  | 'getWidth'
  | 'setWidth'
  | 'getHeight'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'setFaviconUrl'
  | 'getFaviconUrl'
  | 'asTemplate';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export class HtmlOutput implements Pick<GOutput, HtmlOutputMethod> {
  readonly [SERVICE] = 'HtmlOutput';
  #content: string;
  #title = '';
  #width = 0;
  #height = 0;
  #favicon = '';
  readonly meta: { name: string; content: string }[] = [];
  sandboxMode = 'IFRAME';
  xFrameOptionsMode = 'DEFAULT';

  constructor(content = '') {
    this.#content = content;
  }

  private self(): GOutput {
    return this as unknown as GOutput;
  }

  getContent(): string {
    return this.#content;
  }

  setContent(content: string): GOutput {
    this.#content = String(content);
    return this.self();
  }

  append(addedContent: string): GOutput {
    this.#content += String(addedContent);
    return this.self();
  }

  appendUntrusted(addedContent: string): GOutput {
    this.#content += escapeHtml(String(addedContent));
    return this.self();
  }

  clear(): GOutput {
    this.#content = '';
    return this.self();
  }

  getTitle(): string {
    return this.#title;
  }

  setTitle(title: string): GOutput {
    this.#title = String(title);
    return this.self();
  }

  getWidth(): number {
    return this.#width;
  }

  setWidth(width: number): GOutput {
    this.#width = width;
    return this.self();
  }

  getHeight(): number {
    return this.#height;
  }

  setHeight(height: number): GOutput {
    this.#height = height;
    return this.self();
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GOutput {
    this.sandboxMode = String(mode);
    return this.self();
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): GOutput {
    this.xFrameOptionsMode = String(mode);
    return this.self();
  }

  addMetaTag(name: string, content: string): GOutput {
    this.meta.push({ name: String(name), content: String(content) });
    return this.self();
  }

  setFaviconUrl(iconUrl: string): GOutput {
    this.#favicon = String(iconUrl);
    return this.self();
  }

  getFaviconUrl(): string {
    return this.#favicon;
  }

  asTemplate(): GTemplate {
    return new HtmlTemplate(this.#content, {}) as unknown as GTemplate;
  }
}

/** Compiles scriptlets (`<? code ?>`, `<?= escaped ?>`, `<?!= raw ?>`) into JS that appends to an output. */
export function compileTemplate(source: string): string {
  const parts: string[] = [];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > last) parts.push(`__out.push(${JSON.stringify(source.slice(last, m.index))});`);
    const code = m[2].trim().replace(/;+$/, '');
    if (m[1] === '=') parts.push(`__out.push(__esc(${code}));`);
    else if (m[1] === '!=') parts.push(`__out.push(__raw(${code}));`);
    else parts.push(m[2]);
    last = re.lastIndex;
  }
  if (last < source.length) parts.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  return parts.join('\n');
}

const toText = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export class HtmlTemplate implements Pick<GTemplate, 'evaluate' | 'getCode' | 'getRawContent'> {
  readonly [SERVICE] = 'HtmlTemplate';
  // Private fields keep emulator state out of the template's variables (its own properties).
  #source: string;
  #globals: Record<string, unknown>;

  constructor(source: string, globals: Record<string, unknown>) {
    this.#source = source;
    this.#globals = globals;
  }

  evaluate(): GOutput {
    const variables: Record<string, unknown> = { ...this.#globals };
    for (const key of Object.keys(this)) variables[key] = (this as unknown as Record<string, unknown>)[key];
    const out: string[] = [];
    // Non-strict body on purpose: `with` exposes the template's variables like Apps Script does.
    const run = new Function('__scope', '__out', '__esc', '__raw', `with (__scope) {\n${compileTemplate(this.#source)}\n}`);
    run(variables, out, (v: unknown) => escapeHtml(toText(v)), toText);
    return new HtmlOutput(out.join('')) as unknown as GOutput;
  }

  getCode(): string {
    return compileTemplate(this.#source);
  }

  getRawContent(): string {
    return this.#source;
  }
}

export class HtmlService
  implements
    Pick<
      GoogleAppsScript.HTML.HtmlService,
      'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile' | 'SandboxMode' | 'XFrameOptionsMode'
    >
{
  readonly [SERVICE] = 'HtmlService';
  readonly SandboxMode = asEnum<typeof GoogleAppsScript.HTML.SandboxMode>(SandboxMode);
  readonly XFrameOptionsMode = asEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(XFrameOptionsMode);

  /** `templateGlobals` are visible inside templates (e.g. HtmlService itself for includes). */
  constructor(
    private files: Record<string, string>,
    private templateGlobals: () => Record<string, unknown>,
  ) {}

  private file(filename: string): string {
    const name = String(filename);
    const content = this.files[name] ?? this.files[name.replace(/\.html$/, '')];
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return content;
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource | GTemplate): GOutput {
    if (html !== undefined && typeof html !== 'string') throw new Error('Emulator: HtmlService.createHtmlOutput accepts only a string here');
    return new HtmlOutput(html ?? '') as unknown as GOutput;
  }

  createHtmlOutputFromFile(filename: string): GOutput {
    return new HtmlOutput(this.file(filename)) as unknown as GOutput;
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): GTemplate {
    if (typeof html !== 'string') throw new Error('Emulator: HtmlService.createTemplate accepts only a string here');
    return new HtmlTemplate(html, this.templateGlobals()) as unknown as GTemplate;
  }

  createTemplateFromFile(filename: string): GTemplate {
    return new HtmlTemplate(this.file(filename), this.templateGlobals()) as unknown as GTemplate;
  }
}
