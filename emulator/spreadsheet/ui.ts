/** SpreadsheetApp.getUi(): menus, sidebars, dialogs, alerts and prompts, recorded for tests. */
import { SERVICE } from '../calls';
import { asEnum, Button, ButtonSet } from '../enums';

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;
type GasButton = GoogleAppsScript.Base.Button;
type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export type MenuItem = { caption: string; functionName: string } | { separator: true } | { submenu: string; items: MenuItem[] };

export interface UiLog {
  /** `addon` marks menus built with createAddonMenu (shown under Extensions). */
  menus: { name: string; items: MenuItem[]; addon?: true }[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: { title?: string; prompt: string; buttons?: string; kind: 'alert' | 'prompt'; answer: string }[];
  toasts: { message: string; title?: string; timeoutSeconds?: number }[];
  /**
   * Answers still queued for alert()/prompt(): a button name or prompt text, or a prompt's
   * button and text together (a person may type "no" and press OK, or type and press Cancel).
   */
  responses: UiResponse[];
}

export type UiResponse = string | { button: string; text: string };

export function newUiLog(): UiLog {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [], responses: [] };
}

const BUTTON_NAMES = new Set(Object.keys(Button));

export class Menu implements GasMenu {
  readonly [SERVICE] = 'Menu';
  readonly items: MenuItem[] = [];

  constructor(
    private log: UiLog,
    readonly name: string,
    private addon = false,
  ) {}

  addItem(caption: string, functionName: string): GasMenu {
    if (typeof functionName !== 'string' || !functionName) throw new Error('Invalid argument: functionName');
    this.items.push({ caption: String(caption), functionName });
    return this;
  }

  addSeparator(): GasMenu {
    this.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: GasMenu): GasMenu {
    const sub = menu as unknown as Menu;
    this.items.push({ submenu: sub.name, items: sub.items });
    return this;
  }

  addToUi(): void {
    const existing = this.log.menus.findIndex((m) => m.name === this.name && Boolean(m.addon) === this.addon);
    const entry = this.addon ? { name: this.name, items: this.items.slice(), addon: true as const } : { name: this.name, items: this.items.slice() };
    if (existing >= 0) this.log.menus[existing] = entry;
    else this.log.menus.push(entry);
  }
}

export class PromptResponse implements GoogleAppsScript.Base.PromptResponse {
  readonly [SERVICE] = 'PromptResponse';
  constructor(
    private text: string,
    private button: string,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GasButton {
    return this.button as unknown as GasButton;
  }
}

function isButtonSet(value: unknown): boolean {
  return typeof value === 'string' && value in ButtonSet;
}

export class Ui
  implements
    Pick<GasUi, 'Button' | 'ButtonSet' | 'alert' | 'prompt' | 'createMenu' | 'createAddonMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'>
{
  readonly [SERVICE] = 'Ui';
  readonly Button = asEnum<typeof GoogleAppsScript.Base.Button>(Button);
  readonly ButtonSet = asEnum<typeof GoogleAppsScript.Base.ButtonSet>(ButtonSet);

  constructor(
    private log: UiLog,
    private addonName: string,
  ) {}

  createMenu(caption: string): GasMenu {
    return new Menu(this.log, String(caption));
  }

  createAddonMenu(): GasMenu {
    return new Menu(this.log, this.addonName, true);
  }

  alert(prompt: string): GasButton;
  alert(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GasButton;
  alert(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GasButton;
  alert(a: string, b?: unknown, c?: unknown): GasButton {
    const { title, prompt, buttons } = this.dialogArgs(a, b, c);
    const next = this.log.responses.shift();
    const queued = typeof next === 'object' ? next.button : next;
    const answer =
      queued !== undefined && BUTTON_NAMES.has(queued.toUpperCase())
        ? queued.toUpperCase()
        : buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL'
          ? 'YES'
          : 'OK';
    this.log.alerts.push({ title, prompt, buttons, kind: 'alert', answer });
    return answer as unknown as GasButton;
  }

  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = this.dialogArgs(a, b, c);
    const okButton = buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK';
    const next = this.log.responses.shift() ?? '';
    if (typeof next === 'object') {
      // getResponseText keeps what was typed even after Cancel or Close (developers.google.com/apps-script/reference/base/prompt-response).
      const button = BUTTON_NAMES.has(next.button.toUpperCase()) ? next.button.toUpperCase() : okButton;
      this.log.alerts.push({ title, prompt, buttons, kind: 'prompt', answer: button === okButton ? next.text : button });
      return new PromptResponse(String(next.text), button);
    }
    const queued = next;
    const isButton = BUTTON_NAMES.has(queued.toUpperCase());
    const button = isButton ? queued.toUpperCase() : okButton;
    const text = isButton ? '' : queued;
    this.log.alerts.push({ title, prompt, buttons, kind: 'prompt', answer: isButton ? button : text });
    return new PromptResponse(text, button);
  }

  showSidebar(userInterface: GasHtmlOutput): void {
    this.log.sidebars.push({ title: userInterface.getTitle(), html: userInterface.getContent() });
  }

  showModalDialog(userInterface: GasHtmlOutput, title: string): void {
    this.log.dialogs.push({ title: String(title), html: userInterface.getContent(), modal: true });
  }

  showModelessDialog(userInterface: GasHtmlOutput, title: string): void {
    this.log.dialogs.push({ title: String(title), html: userInterface.getContent(), modal: false });
  }

  private dialogArgs(a: string, b: unknown, c: unknown): { title?: string; prompt: string; buttons?: string } {
    if (c !== undefined) return { title: String(a), prompt: String(b), buttons: String(c) };
    if (b !== undefined && isButtonSet(b)) return { prompt: String(a), buttons: String(b) };
    return { prompt: String(a) };
  }
}
