/**
 * What the sheet does not say about a campaign: which template it sends,
 * whose account sends it (MailApp sends as the user running the script, so
 * only that user's sidebar or trigger continues it) and the footer's
 * language. Kept in document properties, with the send journal of the batch
 * in flight.
 */
import type { MailLang } from '../../core/mail/mail-lang';
import { parseJournal, type SendJournal } from '../../core/mail/campaign';
import { readPropertiesWithPrefix, writeRegistryProperty } from '../../gas/mail-registry';
import { sameName } from './names';
import { shortKey } from '../../core/mail/short-key';
import { deleteJournalText, readJournalText, writeJournalText } from '../../gas/mail-journal';

export interface CampaignInfo {
  template: string;
  owner: string;
  lang: MailLang;
  /** ISO time the campaign was first queued. */
  started: string;
  /** The person chose "send again to those who already received this template" (never twice within this mailing). */
  sendAgain?: boolean;
  /** The mailing writes to one person per company (the decision maker, else influencer…); kept for every later run. */
  onePerCompany?: boolean;
}

/** Before one property per campaign, all campaigns shared this one; still read so older mailings continue. */
const LEGACY_REGISTRY_KEY = 'ClientBase.mail.campaigns';
const CAMPAIGN_PREFIX = 'ClientBase.mail.campaign.';

interface StoredCampaign extends CampaignInfo {
  name: string;
}

/** Every known campaign: one getProperties call. */
export function readCampaigns(): Record<string, CampaignInfo> {
  const found = readPropertiesWithPrefix('ClientBase.mail.campaign');
  const all: Record<string, CampaignInfo> = {};
  const legacy = found[LEGACY_REGISTRY_KEY];
  if (legacy) {
    try {
      const parsed = JSON.parse(legacy) as Record<string, CampaignInfo>;
      if (parsed && typeof parsed === 'object') for (const name of Object.keys(parsed)) if (isInfo(parsed[name])) all[name] = parsed[name];
    } catch {
      // A mangled legacy value: its campaigns' rows stay in Mailings.
    }
  }
  for (const key of Object.keys(found)) {
    if (!key.startsWith(CAMPAIGN_PREFIX)) continue;
    try {
      const { name, ...info } = JSON.parse(found[key]) as StoredCampaign;
      if (typeof name === 'string' && isInfo(info)) all[name] = info;
    } catch {
      // Skip a value someone edited by hand.
    }
  }
  return all;
}

function isInfo(value: unknown): value is CampaignInfo {
  const v = value as CampaignInfo;
  return !!v && typeof v.template === 'string' && typeof v.owner === 'string' && typeof v.started === 'string';
}

/** The registered name a person meant: "dec offer spb" continues "Dec offer SPb". */
export function knownCampaignName(campaigns: Record<string, CampaignInfo>, name: string): string | undefined {
  if (Object.hasOwn(campaigns, name)) return name;
  return Object.keys(campaigns).find((known) => sameName(known, name));
}

/** One property for this campaign (a few hundred bytes whatever the number of campaigns). Throws if it cannot be stored. */
export function rememberCampaign(name: string, info: CampaignInfo): void {
  writeRegistryProperty(`${CAMPAIGN_PREFIX}${shortKey(name.trim().toLowerCase())}`, JSON.stringify({ name, ...info }));
}

export function loadJournal(campaign: string): SendJournal | undefined {
  const journal = parseJournal(readJournalText(keyOf(campaign)));
  return journal && journal.campaign === campaign ? journal : undefined;
}

export function saveJournal(journal: SendJournal): void {
  writeJournalText(keyOf(journal.campaign), JSON.stringify(journal));
}

export function dropJournal(campaign: string): void {
  deleteJournalText(keyOf(campaign));
  deleteJournalText(`${keyOf(campaign)}.ended`);
}

/** Marks a claim whose execution stopped without recording it, so the next run settles it at once. */
export function markClaimEnded(campaign: string, claimId: string): void {
  writeJournalText(`${keyOf(campaign)}.ended`, claimId);
}

export function endedClaim(campaign: string): string | null {
  return readJournalText(`${keyOf(campaign)}.ended`);
}

/** A short stable key per campaign name (property keys stay small whatever the name). */
function keyOf(campaign: string): string {
  return `ClientBase.mail.journal.${shortKey(campaign)}`;
}
