/**
 * Every English string of the sidebar. `Messages` is this object's type, so
 * ru.ts, uk.ts and ro.ts must define exactly the same keys with the same signatures.
 */
import type { INTERACTION_TYPES } from '../../src/core/schema/field';
import { english } from '../../src/core/i18n/plural';
import type { ProblemKind } from '../../src/core/validate/problem';

export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const plural = (n: number, one: string, many: string) => english(n, one, many);

export const en = {
  appTitle: 'ClientBase',
  loading: 'Loading…',
  retry: 'Retry',
  language: 'Language',
  views: 'Views',
  tabClient: 'Client',
  tabDue: 'Due',
  tabSetUp: 'Set up',
  tabAdopt: 'Adopt list',
  tabSnapshots: 'Snapshots',
  tabCheck: 'Check data',
  tabSegments: 'Segments',
  moreViews: 'More',
  dismiss: 'Dismiss',

  searchLabel: 'Find a client',
  searchPlaceholder: 'Name, company, email or phone',
  searchResults: 'Search results',
  searching: 'Searching…',
  noResults: 'No clients found',
  resultCount: (n: number) => plural(n, 'client found', 'clients found'),
  newClient: 'New client',

  notSetUp: 'This spreadsheet is not set up as a client base yet: use ClientBase ▸ Set up.',
  emptyCard: 'Select a row in the sheet, search, or add a new client.',
  newClientTitle: 'New client',
  clientTitle: (id: string) => `Client ${id}`,
  updatedBy: (when: string, who: string) => (who ? `Updated ${when} by ${who}` : `Updated ${when}`),
  required: 'required',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  noChanges: 'Nothing changed, nothing to save.',
  savedNew: (id: string) => `Client added with ID ${id}.`,
  savedEdit: (fields: string[]) => (fields.length ? `Saved: ${fields.join(', ')}.` : 'Saved.'),
  fixFields: (n: number) => `${plural(n, 'field needs', 'fields need')} attention; nothing was saved.`,
  readOnly: 'You can view clients but not change them.',
  emptyOption: '—',
  notAnOption: (v: string) => `${v} (not an option)`,
  tagOptions: (field: string) => `${field}: options`,
  suggestMe: (user: string) => `Me (${user})`,
  fieldProblem: (_field: string, _kind: ProblemKind, message: string, _suggestion: string) => message,

  conflictTitle: (who: string) => `${who || 'Someone'} changed this client meanwhile.`,
  conflictDetail: 'Your typed values are still in the form. Reload to get their version; your edits are kept on top.',
  reload: 'Reload',
  reloaded: (fields: string[]) =>
    fields.length ? `Reloaded. They had changed: ${fields.join(', ')}. Your edits are kept; check and save.` : 'Reloaded. Your edits are kept; check and save.',
  unsavedTitle: 'The form has unsaved changes.',
  discardAndOpen: 'Discard changes and open',
  keepEditing: 'Keep editing',

  dupLiveTitle: (n: number) => `Possibly already in the base (${n})`,
  dupSaveTitle: 'This client may already exist. Nothing was saved yet.',
  dupScore: (score: number) => `match ${Math.floor(score * 100)}%`,
  openExisting: 'Open existing',
  openExistingNamed: (name: string) => `Open existing: ${name}`,
  saveAnyway: 'Save anyway',
  unnamed: '(no name)',

  stage: 'Stage',
  stageChanged: (stage: string) => `Stage set to ${stage}.`,

  logTitle: 'Log an interaction',
  type: 'Type',
  date: 'Date',
  manager: 'Manager',
  result: 'Result',
  nextStep: 'Next step',
  nextDate: 'Next date',
  moreDetails: 'Date and manager',
  logSave: 'Log interaction',
  logged: (type: string) => `${type} logged.`,
  interactionTypes: { Call: 'Call', Meeting: 'Meeting', Email: 'Email', Letter: 'Letter', Contract: 'Contract', Other: 'Other' } as Record<
    InteractionType,
    string
  >,

  historyTitle: 'History',
  noHistory: 'No interactions or changes yet.',
  showMore: 'Show more',
  nextShort: (step: string, date: string) => `Next: ${step}${date ? ` by ${date}` : ''}`,
  done: 'done',
  changeLine: (field: string, from: string, to: string) => (field ? `${field}: ${from || '∅'} → ${to || '∅'}` : ''),
  actions: { add: 'added', edit: 'edited', stage: 'stage', merge: 'merged', done: 'done', undo: 'undone' } as Record<string, string>,

  dueTitle: 'Your next steps due',
  showOnDashboard: 'Show on dashboard',
  showOnDashboardHint: (chart: string) => `Open the Dashboard tab at the chart “${chart}”`,
  refresh: 'Refresh',
  noDue: 'Nothing due. Well done.',
  dueToday: 'due today',
  overdue: (days: number) => `overdue ${plural(days, 'day', 'days')}`,
  markDone: 'Mark done',
  markDoneNamed: (step: string, client: string) => `Mark done: ${step} (${client})`,
  openClient: 'Open client',
  openClientNamed: (client: string) => `Open client ${client}`,
  markedDone: (step: string) => `Done: ${step}`,

  deleteClient: 'Delete client',
  deleteConfirm: (name: string) => `Delete ${name}? The row goes to the Archive tab and Clients is snapshotted first.`,
  deleteYes: 'Delete',
  deleted: (id: string) => `Deleted ${id}. Its snapshot is in Snapshots.`,

  errorPrefix: 'Error:',
};

export type Messages = typeof en;
