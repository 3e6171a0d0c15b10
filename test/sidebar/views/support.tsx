/** Shared set-up for the view tests: a proposal made by the real header mapping, and the whole App over a fake server. */
import { App } from '../../../sidebar/app';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import { proposeSheetMapping } from '../../../src/core/schema/header-map';
import type { AdoptionProposal, BootstrapDto } from '../../../src/server';
import { mount, session } from '../dom';
import { installFakeScriptRun, type FakeScriptRun, type Handlers } from '../fake-script-run';

/** What apiProposeAdoption answers for a sheet holding these rows (same steps as src/app/adopt.ts, without a sheet). */
export function proposalFor(rows: string[][], sheet = 'Sheet1'): AdoptionProposal {
  const mapping = proposeSheetMapping(rows, DEFAULT_FIELDS);
  const data = rows.slice(mapping.headerRow + 1).filter((r) => r.some((v) => v !== ''));
  return {
    sheet,
    headerRow: mapping.headerRow,
    rowCount: data.length,
    columns: mapping.columns,
    sample: data.slice(0, 5),
    fieldNames: DEFAULT_FIELDS.map((f) => f.name),
    fingerprint: 'fp-1',
  };
}

/** The session of a spreadsheet that is not set up yet, as apiBootstrap returns it. */
export const notSetUp = (view: 'setup' | 'adopt', overrides: Partial<BootstrapDto> = {}) => session({ role: 'admin', fields: [], view, ...overrides });

export function startApp(handlers: Handlers, boot: BootstrapDto): { fake: FakeScriptRun; root: HTMLElement } {
  const fake = installFakeScriptRun({
    apiBootstrap: () => ({ ok: true, value: boot }),
    apiHistory: () => ({ ok: true, value: { interactions: [], changes: [] } }),
    apiCheckDuplicates: () => ({ ok: true, value: [] }),
    apiDueList: () => ({ ok: true, value: [] }),
    ...handlers,
  });
  return { fake, root: mount(<App />) };
}

/** Labels of the visible tabs, in order. */
export const tabLabels = (root: HTMLElement) => Array.from(root.querySelectorAll('[role=tab]')).map((t) => t.textContent);

export const selectedTab = (root: HTMLElement) => root.querySelector('[role=tab][aria-selected=true]')?.id;
