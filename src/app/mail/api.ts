/**
 * Mail merge's public surface: sidebar calls (Results), the hourly trigger,
 * the menu item and the unsubscribe web app. Re-exported from src/server.ts.
 */
import type { MailLang } from '../../core/mail/mail-lang';
import type { Result } from '../../core/result';
import { UNSUBSCRIBE_PARAM } from '../../core/mail/unsubscribe';
import { setNextSidebarView } from '../../gas/sidebar-view';
import { showSidebar } from '../../gas/ui';
import { textPage } from '../../gas/web-page';
import { handle } from '../handle';
import {
  continueMailing,
  listMailings,
  mailingStatus,
  mailingTickRun,
  preflightMailing,
  retryMailing,
  startMailing,
  type ContinueOutcome,
  type MailingListItem,
  type MailingStatusDto,
  type StartMailingInput,
  type StartMailingOutcome,
} from './mailing';
import type { PreflightDto } from './preflight-check';
import { previewMessage, testSend, type PreviewDto, type PreviewInput } from './preview';
import { listTemplates, saveTemplate, type SaveTemplateOutcome, type TemplateDto } from './templates';
import { applyPendingOptOutsQuietly, recordUnsubscribe } from './opt-outs';
import { planTickRun } from '../plan/tick';

export type {
  ContinueOutcome,
  MailingListItem,
  MailingStatusDto,
  PreflightDto,
  PreviewDto,
  PreviewInput,
  SaveTemplateOutcome,
  StartMailingInput,
  StartMailingOutcome,
  TemplateDto,
};
export type { ChunkOutcome } from './send';

export function apiListTemplates(): Result<TemplateDto[]> {
  return handle(() => listTemplates());
}

export function apiSaveTemplate(input: TemplateDto): Result<SaveTemplateOutcome> {
  return handle(() => saveTemplate(input));
}

export function apiPreviewMessage(input: PreviewInput): Result<PreviewDto> {
  return handle(() => previewMessage(input));
}

export function apiTestSend(input: PreviewInput): Result<{ to: string; subject: string }> {
  return handle(() => testSend(input));
}

export function apiMailPreflight(input: StartMailingInput): Result<PreflightDto> {
  return handle(() => preflightMailing(input));
}

export function apiStartMailing(input: StartMailingInput): Result<StartMailingOutcome> {
  return handle(() => startMailing(input));
}

export function apiContinueMailing(campaign: string, lang?: MailLang): Result<ContinueOutcome> {
  return handle(() => continueMailing(campaign, lang));
}

export function apiMailingStatus(campaign: string, lang?: MailLang): Result<MailingStatusDto> {
  return handle(() => mailingStatus(campaign, lang));
}

export function apiListMailings(lang?: MailLang): Result<MailingListItem[]> {
  return handle(() => listMailings(lang));
}

export function apiRetryMailing(campaign: string, includeUnknown?: boolean, lang?: MailLang): Result<ContinueOutcome> {
  return handle(() => retryMailing(campaign, includeUnknown === true, lang));
}

/** Hourly time-driven trigger: the plan's due work, then this user's mailings; removes itself when neither has work left. */
export function mailingTick(): void {
  // The one hourly trigger also runs the plan (scheduled mailings, digests, occasions): an add-on gets one time-driven trigger per user.
  const plan = handle(() => planTickRun());
  if (!plan.ok) console.error(`ClientBase plan run failed: ${plan.error.message}`);
  const result = handle(() => mailingTickRun());
  if (!result.ok) console.error(`ClientBase mailing run failed: ${result.error.message}`);
}

export function menuMailMerge(): void {
  applyPendingOptOutsQuietly();
  setNextSidebarView('mail');
  showSidebar('ClientBase');
}

const PAGE_TEXT: Record<string, string> = {
  unsubscribed: 'You are unsubscribed: you will not receive these emails any more.',
  already: 'You were already unsubscribed.',
  invalid: 'This unsubscribe link is not valid. Reply to the email you received to unsubscribe.',
  error: 'Something went wrong. Reply to the email you received to unsubscribe.',
};

/**
 * The web app (deploy as web app, execute as me, anyone): the unsubscribe
 * link lands here. A web app execution has no active spreadsheet and no
 * document lock, so this only verifies the token and records the opt-out in
 * script properties; the add-on's next execution ticks Opt-out in Clients.
 */
export function doGet(e?: { parameter?: Record<string, string> }): GoogleAppsScript.HTML.HtmlOutput {
  const token = e?.parameter?.[UNSUBSCRIBE_PARAM];
  const result = handle(() => recordUnsubscribe(token));
  const key = result.ok ? result.value : 'error';
  if (!result.ok) console.error(`ClientBase unsubscribe failed: ${result.error.message}`);
  return textPage('Unsubscribe', PAGE_TEXT[key]);
}
