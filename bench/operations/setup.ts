import type { Benchmark } from '../harness';
import * as server from '../../src/server';

const HEADER = ['ФИО', 'Эл. почта', 'Тел.', 'Компания', 'Город', 'Статус', 'Комментарий'];

export const benchmarks: Benchmark[] = [
  {
    name: 'menu: set up a blank spreadsheet',
    blank: true,
    sizes: [1_000],
    run: () => server.menuSetUp(),
  },
  {
    name: 'sidebar: adopt an existing list',
    blank: true,
    prepare: ({ emu, size }) => {
      const rows = Array.from({ length: size }, (_, i) => [
        `Петров${i} Александр Иванович`,
        `client${i}@mail.ru`,
        `8 (916) ${String(1_000_000 + i).slice(-7)}`,
        i % 3 ? '' : 'ООО «Вектор»',
        'Москва',
        i % 2 ? 'Тёплый' : 'Hot',
        '=не формула',
      ]);
      emu.writeSheet('Sheet1', [['Клиенты, выгрузка'], HEADER, ...rows]);
    },
    run: () => {
      const proposal = server.apiProposeAdoption();
      if (!proposal.ok) throw new Error(proposal.error.message);
      const adopted = server.apiAdopt(proposal.value);
      if (!adopted.ok) throw new Error(adopted.error.message);
    },
  },
];
