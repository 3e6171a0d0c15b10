/**
 * The sidebar's top-level views, in tab order. A new view (Adoption mapping,
 * Mail merge, Snapshots…) is one entry here plus its label in i18n/en.ts and ru.ts.
 */
import type { ComponentChild, ComponentType } from 'preact';
import type { SidebarView } from '../../src/server';
import type { Messages } from '../i18n/en';
import type { Session } from '../session';
import { AdoptView } from './adopt/adopt-view';
import { ClientView, type OpenRequest } from './client-view';
import { DueView } from './due-view';
import { SetupView } from './setup/setup-view';
import { SnapshotsView } from './snapshots/snapshots-view';
import { CheckView } from './check/check-view';
import { MailView } from './mail/mail-view';
import { mailTabLabel } from './mail/messages';
import { SegmentsView } from './segments/segments-view';
import { dueCountNow } from './plan/due-count';
import { planTabLabel } from './plan/tab-label';
import { PlanView } from './plan/plan-view';
import { DuplicatesView } from './duplicates/duplicates-view';
import { duplicatesMessages } from './duplicates/messages';
import { localeOfMessages } from './locale-of';
import { BulkView } from './bulk/bulk-view';
import { bulkMessages } from './bulk/messages';
import { FieldsView } from './fields/fields-view';
import { fieldsMessages } from './fields/messages';
import { CompanyView } from './company/company-view';
import { companyMessages } from './company/messages';

export interface ViewProps {
  /** The view's tab is selected; hidden views stay mounted so nothing typed in them is lost. */
  active: boolean;
  /** Switch to the Client view and show this client. */
  openClient: (id: string) => void;
  /** The latest request to show a client (for the Client view). */
  clientRequest: OpenRequest | null;
  /** Switch to the Companies view and show this company's card. */
  openCompany?: (id: string) => void;
  /** The latest request to show a company (for the Companies view). */
  companyRequest?: OpenRequest | null;
  /**
   * Load the session again (after Set up or adoption changed what the base is) and open the view
   * the server names; `notice` is shown above it until dismissed. Resolves false if loading failed.
   * Optional so views (and their tests) that never change what the base is can ignore it.
   */
  restart?: (notice?: ComponentChild) => Promise<boolean>;
}

export interface ViewDef {
  /** The name the server uses to open the sidebar on this view (BootstrapDto.view). */
  id: SidebarView;
  label: (t: Messages) => string;
  View: ComponentType<ViewProps>;
  /** When the view exists at all; by default, once the spreadsheet is set up. */
  when?: (session: Session) => boolean;
  /** A count on the tab (e.g. due next steps); read at each render. */
  badge?: () => number | null;
  /** 'more': listed under the More menu (a tab only while open), to keep the 300 px tab bar readable. */
  place?: 'tabs' | 'more';
}

/** The server opens Set up or Adopt until the spreadsheet is a client base; nothing else works before. */
export const settingUp = (session: Session): boolean => session.view === 'setup' || session.view === 'adopt';

export const isShown = (view: ViewDef, session: Session): boolean => (view.when ? view.when(session) : !settingUp(session));

export const VIEWS: ViewDef[] = [
  {
    id: 'client',
    label: (t) => t.tabClient,
    View: ({ active, clientRequest, openCompany }) => <ClientView active={active} request={clientRequest} openCompany={openCompany} />,
  },
  { id: 'due', label: (t) => t.tabDue, badge: dueCountNow, View: ({ active, openClient }) => <DueView active={active} openClient={openClient} /> },
  { id: 'setup', label: (t) => t.tabSetUp, View: SetupView, when: (s) => s.view === 'setup' },
  { id: 'adopt', label: (t) => t.tabAdopt, View: AdoptView, when: (s) => s.view === 'adopt' },
  { id: 'segments', label: (t) => t.tabSegments, View: SegmentsView, place: 'more' },
  { id: 'mail', label: mailTabLabel, View: MailView },
  { id: 'check', label: (t) => t.tabCheck, View: CheckView, place: 'more' },
  { id: 'snapshots', label: (t) => t.tabSnapshots, View: SnapshotsView, place: 'more' },
  { id: 'plan', label: planTabLabel, View: PlanView, place: 'more' },
  { id: 'bulk', label: (t) => bulkMessages(localeOfMessages(t)).tab, View: BulkView, place: 'more' },
  { id: 'fields', label: (t) => fieldsMessages(localeOfMessages(t)).tab, View: FieldsView, place: 'more', when: (s) => !settingUp(s) && s.role === 'admin' },
  { id: 'duplicates', label: (t) => duplicatesMessages(localeOfMessages(t)).tab, View: DuplicatesView, place: 'more' },
  { id: 'company', label: (t) => companyMessages(localeOfMessages(t)).tab, View: CompanyView, place: 'more' },
];
