/**
 * The sidebar's top-level views, in tab order. A new view (Adoption mapping,
 * Mail merge, Snapshots…) is one entry here plus its label in i18n/en.ts and ru.ts.
 */
import type { ComponentType } from 'preact';
import type { SidebarView } from '../../src/server';
import type { Messages } from '../i18n/en';
import { ClientView, type OpenRequest } from './client-view';
import { DueView } from './due-view';

export interface ViewProps {
  /** The view's tab is selected; hidden views stay mounted so nothing typed in them is lost. */
  active: boolean;
  /** Switch to the Client view and show this client. */
  openClient: (id: string) => void;
  /** The latest request to show a client (for the Client view). */
  clientRequest: OpenRequest | null;
}

export interface ViewDef {
  /** The name the server uses to open the sidebar on this view (BootstrapDto.view). */
  id: SidebarView;
  label: (t: Messages) => string;
  View: ComponentType<ViewProps>;
}

export const VIEWS: ViewDef[] = [
  { id: 'client', label: (t) => t.tabClient, View: ({ active, clientRequest }) => <ClientView active={active} request={clientRequest} /> },
  { id: 'due', label: (t) => t.tabDue, View: ({ active, openClient }) => <DueView active={active} openClient={openClient} /> },
];
