import type { Benchmark } from '../harness';
import * as server from '../../src/server';

let editedVersion = '';
const lastId = (size: number) => `C-B${String(size - 1).padStart(7, '0')}`;

export const benchmarks: Benchmark[] = [
  {
    name: 'sidebar: add a client',
    run: () => {
      const result = server.apiSaveClient({
        values: { 'First name': 'Bench', 'Last name': 'Person', Email: 'new.bench@example.com' },
        acknowledgeDuplicates: true,
      });
      if (!result.ok) throw new Error(result.error.message);
    },
  },
  {
    name: 'sidebar: edit a client',
    // The version the sidebar would have loaded: read before timing, as opening the card does.
    prepare: ({ size }) => {
      const loaded = server.apiGetClient(lastId(size));
      editedVersion = loaded.ok ? loaded.value.updated : '';
    },
    run: ({ size }) => {
      const result = server.apiSaveClient({ id: lastId(size), values: { City: 'Iași' }, expectedUpdated: editedVersion });
      if (!result.ok) throw new Error(result.error.message);
    },
  },
  {
    name: 'sidebar: search "Aleksandr Petrov"',
    run: () => {
      const result = server.apiSearch('Aleksandr Petrov');
      if (!result.ok) throw new Error(result.error.message);
    },
  },
  {
    name: 'sidebar: live duplicate check',
    run: () => {
      const result = server.apiCheckDuplicates({ 'First name': 'Саша', 'Last name': 'Петров', Phone: '8 916 100 0042' });
      if (!result.ok) throw new Error(result.error.message);
    },
  },
];
