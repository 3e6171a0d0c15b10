/**
 * The sidebar's operations as a user meets them on Google, for `--json`:
 * every google.script.run call is counted as a round trip (ctx.emu.cost.roundTrip),
 * so the modelled time includes what the browser waits for.
 */
import type { ClientIndexDto } from '../../src/server';
import * as server from '../../src/server';
import { clientSearch, type ClientSearch } from '../../src/core/search/client-rows';
import { candidateIndex, type CandidateIndex } from '../../src/core/search/duplicate-candidates';
import type { Benchmark, BenchContext } from '../harness';
import { seedHistory } from '../seed';

const id = (i: number) => `C-B${String(i).padStart(7, '0')}`;
const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** What the sidebar holds after opening: the index, loaded in one round trip (not timed here). */
const searchers = new WeakMap<BenchContext['emu'], ClientSearch>();
const pickers = new WeakMap<BenchContext['emu'], { fields: string[]; total: number; pick: CandidateIndex }>();

export const benchmarks: Benchmark[] = [
  {
    name: 'sidebar: load the search index (once per sidebar)',
    op: 'sidebar.searchIndex',
    run: ({ emu }) => {
      emu.cost.roundTrip();
      ok(server.apiClientIndex());
    },
  },
  {
    name: 'sidebar: search, per keystroke (in the browser)',
    op: 'sidebar.search',
    prepare: ({ emu }) => {
      const index: ClientIndexDto = ok(server.apiClientIndex());
      const fields = ok(server.apiBootstrap()).fields;
      searchers.set(emu, clientSearch(fields, ['ID', ...index.fields], index.rows));
    },
    run: ({ emu }) => {
      const search = searchers.get(emu)!;
      // The last keystroke of "Aleksandr Petrov": each keystroke is one such search.
      if (search.search('Aleksandr Petrov').length === 0) throw new Error('no hits');
    },
  },
  {
    name: 'sidebar: open a client card (client and history)',
    op: 'sidebar.openClient',
    prepare: ({ emu, size }) => seedHistory(emu, size),
    run: ({ emu, size }) => {
      emu.cost.roundTrip();
      ok(server.apiOpenClient(id(Math.floor(size / 2))));
    },
  },
  {
    name: 'sidebar: log an interaction (with a next step)',
    op: 'sidebar.logInteraction',
    prepare: ({ emu, size }) => seedHistory(emu, size),
    run: ({ emu, size }) => {
      emu.cost.roundTrip();
      ok(server.apiLogInteraction({ clientId: id(Math.floor(size / 3)), type: 'Call', result: 'Agreed', nextStep: 'Send the offer', nextDate: '2099-01-10' }));
    },
  },
  {
    name: 'sidebar: the Due list (open next steps of the user)',
    op: 'sidebar.dueList',
    prepare: ({ emu, size }) => seedHistory(emu, size),
    run: ({ emu }) => {
      emu.cost.roundTrip();
      ok(server.apiDueList());
    },
  },
  {
    name: 'sidebar: save an edit',
    op: 'sidebar.saveClient',
    run: ({ emu, size }) => {
      emu.cost.roundTrip();
      const result = ok(server.apiSaveClient({ id: id(size - 1), values: { City: 'Iași' }, expectedUpdated: '2026-01-15T10:00:00.000Z' }));
      if (result.status !== 'saved') throw new Error(result.status);
    },
  },
  {
    name: 'sidebar: live duplicate check (one check; candidates from the index)',
    op: 'sidebar.duplicateCheck',
    // The index the sidebar loaded for search, and its candidate keys built at the first check (not timed).
    prepare: ({ emu }) => {
      const index: ClientIndexDto = ok(server.apiClientIndex());
      const fields = ok(server.apiBootstrap()).fields;
      pickers.set(emu, { fields: index.fields, total: index.rows.length, pick: candidateIndex(fields, ['ID', ...index.fields], index.rows) });
    },
    // Timed: picking the candidates (browser JS) and the server's check over them.
    run: ({ emu }) => {
      const draft = { 'First name': 'Саша', 'Last name': 'Петров', Phone: '8 916 100 0042' };
      const { fields, total, pick } = pickers.get(emu)!;
      emu.cost.roundTrip();
      const matches = ok(server.apiCheckDuplicates(draft, undefined, { fields, rows: pick.candidates(draft), total }));
      if (!matches.some((m) => m.id === id(42))) throw new Error('the client with that phone was not found');
    },
  },
];
