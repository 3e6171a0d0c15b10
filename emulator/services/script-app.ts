/** ScriptApp: installable triggers (stored per user, never fired by themselves) and its enums. */
import { SERVICE } from '../calls';
import { LIMITS } from '../limits';
import { asEnum, AuthMode, EventType, TriggerSource } from '../enums';
import { isDateValue } from '../time';

export type TriggerType = 'CLOCK' | 'ON_EDIT' | 'ON_OPEN' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface TriggerData {
  id: string;
  handler: string;
  type: TriggerType;
  owner: string;
  sourceId: string;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  atHour?: number;
  at?: Date;
}

export interface TriggerState {
  triggers: TriggerData[];
  nextId: number;
}

const MAX_TRIGGERS_PER_USER = LIMITS.triggersPerUser;
const MINUTE_STEPS = [1, 5, 10, 15, 30];
const HOUR_STEPS = [1, 2, 4, 6, 8, 12];

interface Env {
  state: TriggerState;
  user(): string;
  now(): Date;
  spreadsheetId(): string;
  scriptId: string;
}

export class Trigger
  implements Pick<GoogleAppsScript.Script.Trigger, 'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'>
{
  readonly [SERVICE] = 'Trigger';
  constructor(readonly data: TriggerData) {}

  getUniqueId(): string {
    return this.data.id;
  }

  getHandlerFunction(): string {
    return this.data.handler;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return this.data.type as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return (this.data.type === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS') as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  getTriggerSourceId(): string {
    return this.data.sourceId;
  }
}

function create(env: Env, data: Omit<TriggerData, 'id' | 'owner'>): GoogleAppsScript.Script.Trigger {
  const owner = env.user();
  if (env.state.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER) {
    throw new Error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  }
  const full: TriggerData = { ...data, id: String(env.state.nextId++), owner };
  env.state.triggers.push(full);
  return new Trigger(full) as unknown as GoogleAppsScript.Script.Trigger;
}

export class ClockTriggerBuilder
  implements
    Pick<
      GoogleAppsScript.Script.ClockTriggerBuilder,
      'everyMinutes' | 'everyHours' | 'everyDays' | 'atHour' | 'nearMinute' | 'after' | 'at' | 'inTimezone' | 'create'
    >
{
  readonly [SERVICE] = 'ClockTriggerBuilder';
  private schedule: Partial<TriggerData> = {};

  constructor(
    private env: Env,
    private handler: string,
  ) {}

  private self(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!MINUTE_STEPS.includes(n)) throw new Error('Invalid argument: minutes. Valid values are 1, 5, 10, 15 and 30.');
    this.schedule = { everyMinutes: n };
    return this.self();
  }

  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!HOUR_STEPS.includes(n)) throw new Error('Invalid argument: hours. Valid values are 1, 2, 4, 6, 8 and 12.');
    this.schedule = { everyHours: n };
    return this.self();
  }

  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: days');
    this.schedule = { ...this.schedule, everyDays: n, everyMinutes: undefined, everyHours: undefined };
    return this.self();
  }

  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
    this.schedule = { ...this.schedule, atHour: hour };
    return this.self();
  }

  nearMinute(_minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.self();
  }

  inTimezone(_timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.self();
  }

  after(durationMilliseconds: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (typeof durationMilliseconds !== 'number' || durationMilliseconds < 0) throw new Error('Invalid argument: durationMilliseconds');
    this.schedule = { at: new Date(this.env.now().getTime() + durationMilliseconds) };
    return this.self();
  }

  at(date: GoogleAppsScript.Base.Date): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!isDateValue(date)) throw new Error('Invalid argument: date');
    this.schedule = { at: new Date(date.getTime()) };
    return this.self();
  }

  create(): GoogleAppsScript.Script.Trigger {
    const s = this.schedule;
    if (s.everyMinutes === undefined && s.everyHours === undefined && s.everyDays === undefined && s.at === undefined) {
      throw new Error('The trigger has no schedule: call everyMinutes, everyHours, everyDays, after or at before create().');
    }
    const clean = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
    return create(this.env, { handler: this.handler, type: 'CLOCK', sourceId: this.env.scriptId, ...clean });
  }
}

export class SpreadsheetTriggerBuilder
  implements Pick<GoogleAppsScript.Script.SpreadsheetTriggerBuilder, 'onEdit' | 'onOpen' | 'onChange' | 'onFormSubmit' | 'create'>
{
  readonly [SERVICE] = 'SpreadsheetTriggerBuilder';
  private type: TriggerType | null = null;

  constructor(
    private env: Env,
    private handler: string,
    private sourceId: string,
  ) {}

  private on(type: TriggerType): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.type = type;
    return this as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }

  onEdit() {
    return this.on('ON_EDIT');
  }
  onOpen() {
    return this.on('ON_OPEN');
  }
  onChange() {
    return this.on('ON_CHANGE');
  }
  onFormSubmit() {
    return this.on('ON_FORM_SUBMIT');
  }

  create(): GoogleAppsScript.Script.Trigger {
    if (!this.type) throw new Error('The trigger has no event: call onEdit, onOpen, onChange or onFormSubmit before create().');
    return create(this.env, { handler: this.handler, type: this.type, sourceId: this.sourceId });
  }
}

export class TriggerBuilder implements Pick<GoogleAppsScript.Script.TriggerBuilder, 'timeBased' | 'forSpreadsheet'> {
  readonly [SERVICE] = 'TriggerBuilder';
  constructor(
    private env: Env,
    private handler: string,
  ) {}

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.env, this.handler) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    return new SpreadsheetTriggerBuilder(this.env, this.handler, id) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
}

/**
 * developers.google.com/apps-script/reference/script/authorization-info: the
 * emulator's user has granted every scope, so the status is NOT_REQUIRED, the
 * URL null and the authorised scopes are the ones asked about.
 */
export class AuthorizationInfo {
  readonly [SERVICE] = 'AuthorizationInfo';
  constructor(private scopes: string[] | null) {}

  getAuthorizationStatus(): string {
    return 'NOT_REQUIRED';
  }

  getAuthorizationUrl(): string | null {
    return null;
  }

  getAuthorizedScopes(): string[] | null {
    return this.scopes ? [...this.scopes] : null;
  }
}

/** developers.google.com/apps-script/reference/script/service: no web app is deployed in the emulator, so getUrl() is null. */
export class ScriptService {
  readonly [SERVICE] = 'Service';

  getUrl(): string | null {
    return null;
  }

  isEnabled(): boolean {
    return false;
  }
}

export class ScriptApp
  implements
    Pick<
      GoogleAppsScript.Script.ScriptApp,
      | 'newTrigger'
      | 'getProjectTriggers'
      | 'getUserTriggers'
      | 'deleteTrigger'
      | 'getScriptId'
      | 'getOAuthToken'
      | 'getAuthorizationInfo'
      | 'getService'
      | 'AuthMode'
      | 'EventType'
      | 'TriggerSource'
    >
{
  readonly [SERVICE] = 'ScriptApp';
  readonly AuthMode = asEnum<typeof GoogleAppsScript.Script.AuthMode>(AuthMode);
  readonly EventType = asEnum<typeof GoogleAppsScript.Script.EventType>(EventType);
  readonly TriggerSource = asEnum<typeof GoogleAppsScript.Script.TriggerSource>(TriggerSource);

  constructor(private env: Env) {}

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(functionName)) throw new Error(`Invalid argument: functionName`);
    return new TriggerBuilder(this.env, functionName) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }

  /** The current user's triggers in this project, as Apps Script scopes them. */
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    const user = this.env.user();
    return this.env.state.triggers.filter((t) => t.owner === user).map((t) => new Trigger(t) as unknown as GoogleAppsScript.Script.Trigger);
  }

  getUserTriggers(spreadsheet: any): GoogleAppsScript.Script.Trigger[] {
    const id = spreadsheet && typeof spreadsheet.getId === 'function' ? spreadsheet.getId() : String(spreadsheet);
    const user = this.env.user();
    return this.env.state.triggers
      .filter((t) => t.owner === user && t.sourceId === id)
      .map((t) => new Trigger(t) as unknown as GoogleAppsScript.Script.Trigger);
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    if (!(trigger instanceof Trigger)) throw new Error('Invalid argument: trigger');
    this.env.state.triggers = this.env.state.triggers.filter((t) => t.id !== trigger.data.id);
  }

  getScriptId(): string {
    return this.env.scriptId;
  }

  getOAuthToken(): string {
    return 'emulator-oauth-token';
  }

  getAuthorizationInfo(authMode: unknown, oAuthScopes?: string[]): GoogleAppsScript.Script.AuthorizationInfo {
    if (typeof authMode !== 'string' || !(authMode in this.AuthMode)) throw new Error(`Invalid argument: authMode`);
    if (oAuthScopes !== undefined && !Array.isArray(oAuthScopes)) throw new Error('Invalid argument: oAuthScopes');
    return new AuthorizationInfo(oAuthScopes ?? null) as unknown as GoogleAppsScript.Script.AuthorizationInfo;
  }

  getService(): GoogleAppsScript.Script.Service {
    return new ScriptService() as unknown as GoogleAppsScript.Script.Service;
  }
}
