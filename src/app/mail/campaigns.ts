/**
 * What the sheet does not say about a campaign: which template it sends,
 * whose account sends it (MailApp sends as the user running the script, so
 * only that user's sidebar or trigger continues it) and the footer's
 * language. Kept in document properties, with the send journal of the batch
 * in flight.
 */
import { parseJournal, type SendJournal } from '../../core/mail/campaign';
import { getDocumentProperty, setDocumentProperty } from '../../gas/properties';
import { deleteJournalText, readJournalText, writeJournalText } from '../../gas/mail-journal';

export interface CampaignInfo {
  template: string;
  owner: string;
  lang: 'en' | 'ru';
  /** ISO time the campaign was first queued. */
  started: string;
}

const REGISTRY_KEY = 'ClientBase.mail.campaigns';
/** Property values hold 9 KB: the oldest campaigns are forgotten first (their rows stay in Mailings). */
const MAX_REMEMBERED = 60;

export function readCampaigns(): Record<string, CampaignInfo> {
  const text = getDocumentProperty(REGISTRY_KEY);
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as Record<string, CampaignInfo>;
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

export function rememberCampaign(name: string, info: CampaignInfo): void {
  const all = readCampaigns();
  all[name] = info;
  const names = Object.keys(all).sort((a, b) => (all[a].started < all[b].started ? -1 : 1));
  while (names.length > MAX_REMEMBERED) delete all[names.shift()!];
  setDocumentProperty(REGISTRY_KEY, JSON.stringify(all));
}

/** A short stable key per campaign name (property keys stay small whatever the name). */
function keyOf(campaign: string): string {
  let h1 = 5381;
  let h2 = 52711;
  for (let i = 0; i < campaign.length; i++) {
    const c = campaign.charCodeAt(i);
    h1 = (h1 * 33) ^ c;
    h2 = (h2 * 33) ^ c;
  }
  return `ClientBase.mail.journal.${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
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
