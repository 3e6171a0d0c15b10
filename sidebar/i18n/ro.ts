/** Every Romanian string of the sidebar; typed by en.ts so a missing or extra key fails the typecheck. */
import { romanian } from '../../src/core/i18n/plural';
import type { Messages } from './en';
import type { ProblemKind } from '../../src/core/validate/problem';

/** 1 zi, 3 zile, 20 de zile (Intl.PluralRules: one, few, other; "other" forms carry their "de"). */
export const plural = (n: number, one: string, few: string, other: string): string => romanian(n, one, few, other);

const PROBLEMS: Record<ProblemKind, string> = {
  required: 'câmp obligatoriu',
  no_name: 'e nevoie de prenume, nume sau companie',
  invalid_text: 'nu este text',
  too_long: 'text prea lung pentru o celulă',
  control_characters: 'conține caractere de control invizibile',
  invalid_email: 'adresă de e-mail greșită',
  invalid_phone: 'număr de telefon greșit',
  invalid_date: 'dată imposibilă sau ilizibilă',
  invalid_number: 'nu este un număr',
  not_an_option: 'nu se află printre valorile permise',
  invalid_checkbox: 'trebuie „da” sau „nu”',
  invalid_url: 'link greșit (trebuie http:// sau https://)',
  invalid_person: 'trebuie un nume sau o adresă de e-mail',
  duplicate: 'această valoare există deja',
  format: 'format greșit',
};

export const ro: Messages = {
  appTitle: 'ClientBase',
  loading: 'Se încarcă…',
  retry: 'Reîncearcă',
  language: 'Limba',
  views: 'Secțiuni',
  tabClient: 'Client',
  tabDue: 'De făcut',
  tabSetUp: 'Configurare',
  tabAdopt: 'Preia lista',
  tabSnapshots: 'Instantanee',
  tabCheck: 'Verificare date',
  tabSegments: 'Segmente',
  moreViews: 'Mai mult',
  dismiss: 'Închide',

  searchLabel: 'Caută un client',
  searchPlaceholder: 'Nume, companie, e-mail sau telefon',
  searchResults: 'Rezultatele căutării',
  searching: 'Se caută…',
  noResults: 'Niciun client găsit',
  resultCount: (n) => `Găsiți: ${plural(n, 'client', 'clienți', 'de clienți')}`,
  newClient: 'Client nou',

  notSetUp: 'Acest tabel nu este încă configurat ca bază de clienți: alegeți ClientBase ▸ Set up.',
  emptyCard: 'Selectați un rând din tabel, căutați un client sau adăugați unul nou.',
  newClientTitle: 'Client nou',
  clientTitle: (id) => `Clientul ${id}`,
  updatedBy: (when, who) => (who ? `Modificat ${when} de ${who}` : `Modificat ${when}`),
  required: 'obligatoriu',
  save: 'Salvează',
  saving: 'Se salvează…',
  cancel: 'Anulează',
  noChanges: 'Nimic schimbat, nimic de salvat.',
  savedNew: (id) => `Client adăugat cu ID-ul ${id}.`,
  savedEdit: (fields) => (fields.length ? `Salvat: ${fields.join(', ')}.` : 'Salvat.'),
  fixFields: (n) => `${plural(n, 'câmp necesită', 'câmpuri necesită', 'de câmpuri necesită')} atenție; nu s-a salvat nimic.`,
  readOnly: 'Puteți vedea clienții, dar nu îi puteți modifica.',
  emptyOption: '—',
  notAnOption: (v) => `${v} (nu este o opțiune)`,
  tagOptions: (field) => `${field}: opțiuni`,
  suggestMe: (user) => `Eu (${user})`,
  fieldProblem: (field, kind, _message, suggestion) => `${field}: ${PROBLEMS[kind] ?? PROBLEMS.format}${suggestion ? ` — poate ${suggestion}?` : ''}`,

  conflictTitle: (who) => `${who || 'Cineva'} a modificat între timp acest client.`,
  conflictDetail: 'Valorile introduse de dvs. sunt încă în formular. Reîncărcați pentru versiunea lor; modificările dvs. rămân deasupra.',
  reload: 'Reîncarcă',
  reloaded: (fields) =>
    fields.length
      ? `Reîncărcat. Au modificat: ${fields.join(', ')}. Modificările dvs. sunt păstrate; verificați și salvați.`
      : 'Reîncărcat. Modificările dvs. sunt păstrate; verificați și salvați.',
  unsavedTitle: 'Formularul are modificări nesalvate.',
  discardAndOpen: 'Renunță la modificări și deschide',
  keepEditing: 'Continuă editarea',

  dupLiveTitle: (n) => `Poate există deja în bază (${n})`,
  dupSaveTitle: 'Acest client poate exista deja. Încă nu s-a salvat nimic.',
  dupScore: (score) => `potrivire ${Math.floor(score * 100)}%`,
  openExisting: 'Deschide clientul existent',
  openExistingNamed: (name) => `Deschide clientul existent: ${name}`,
  saveAnyway: 'Salvează oricum',
  unnamed: '(fără nume)',

  stage: 'Etapă',
  stageChanged: (stage) => `Etapa: ${stage}.`,

  logTitle: 'Înregistrează o interacțiune',
  type: 'Tip',
  date: 'Data',
  manager: 'Manager',
  result: 'Rezultat',
  nextStep: 'Pasul următor',
  nextDate: 'Termenul pasului următor',
  moreDetails: 'Data și managerul',
  logSave: 'Înregistrează',
  logged: (type) => `Înregistrat: ${type}.`,
  interactionTypes: { Call: 'Apel', Meeting: 'Întâlnire', Email: 'E-mail', Letter: 'Scrisoare', Contract: 'Contract', Other: 'Altceva' },

  historyTitle: 'Istoric',
  noHistory: 'Încă nu există interacțiuni sau modificări.',
  showMore: 'Arată mai mult',
  nextShort: (step, date) => `Următorul: ${step}${date ? ` până la ${date}` : ''}`,
  done: 'făcut',
  changeLine: (field, from, to) => (field ? `${field}: ${from || '∅'} → ${to || '∅'}` : ''),
  actions: { add: 'adăugat', edit: 'modificat', stage: 'etapă', merge: 'unificat', done: 'făcut', undo: 'anulat' },

  dueTitle: 'Pașii dvs. următori',
  showOnDashboard: 'Arată pe panou',
  showOnDashboardHint: (chart) => `Deschide fila Dashboard la diagrama „${chart}”`,
  refresh: 'Reîmprospătează',
  noDue: 'Nimic restant. Bravo.',
  dueToday: 'azi',
  overdue: (days) => `întârziat cu ${plural(days, 'zi', 'zile', 'de zile')}`,
  markDone: 'Marchează făcut',
  markDoneNamed: (step, client) => `Marchează făcut: ${step} (${client})`,
  openClient: 'Deschide clientul',
  openClientNamed: (client) => `Deschide clientul ${client}`,
  markedDone: (step) => `Făcut: ${step}`,

  deleteClient: 'Șterge clientul',
  deleteConfirm: (name) => `Ștergeți ${name}? Rândul trece în fila Archive, iar înainte se face un instantaneu al Clients.`,
  deleteYes: 'Șterge',
  deleted: (id) => `${id} a fost șters. Instantaneul său este în Instantanee.`,

  errorPrefix: 'Eroare:',
};
