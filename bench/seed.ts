/** A set-up base with `size` deterministic clients, written straight into the emulator (not timed). */
import type { Emulator } from '../emulator';
import * as server from '../src/server';

const FIRST = ['Александр', 'Мария', 'Олександр', 'Ion', 'Ana', 'John', 'Elena', 'Дмитрий', 'Ольга', 'Robert', 'Ștefan', 'Наталья'];
const LAST = ['Петров', 'Иванова', 'Шевченко', 'Popescu', 'Ionescu', 'Smith', 'Brown', 'Ковальчук', 'Mureșan', 'Кузнецов', 'Taylor', 'Соколова'];
const CITY = ['Москва', 'Санкт-Петербург', 'Київ', 'Львів', 'Chișinău', 'București', 'Cluj-Napoca', 'London'];
const STAGE = ['Cold', 'Warm', 'Hot', 'VIP', 'Lost'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function seedClients(emu: Emulator, size: number): void {
  server.menuSetUp();
  const [header] = emu.readSheet('Clients') as string[][];
  const random = rng(size);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const stamp = new Date('2026-01-15T10:00:00Z');
  const rows = Array.from({ length: size }, (_, i) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const values: Record<string, unknown> = {
      ID: `C-B${String(i).padStart(7, '0')}`,
      Created: stamp,
      Updated: stamp,
      'Updated by': 'bench@example.com',
      'First name': first,
      'Last name': last,
      Company: i % 3 === 0 ? `${pick(LAST)} ${pick(['SRL', 'Ltd', 'ООО', 'ТОВ'])}` : '',
      Stage: pick(STAGE),
      Email: `client${i}@example.com`,
      Phone: `+7 916 ${String(1_000_000 + i).slice(-7)}`,
      City: pick(CITY),
      Gender: pick(['Female', 'Male']),
      Manager: pick(['bench@example.com', 'boris@example.com']),
    };
    return header.map((h) => values[h] ?? '');
  });
  emu.writeSheet('Clients', [header, ...rows]);
}

/** Two interactions and three audit rows per client, spread over the tabs as two years of work would leave them (not timed). */
export function seedHistory(emu: Emulator, size: number): void {
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + (n % 700) * 86_400_000);
  const id = (i: number) => `C-B${String(i % size).padStart(7, '0')}`;
  const interactions = Array.from({ length: 2 * size }, (_, i) => [
    `I-B${i}`,
    id(i * 7919),
    day(i),
    'Call',
    'bench@example.com',
    'Talked',
    '',
    '',
    false,
    'bench',
  ]);
  emu.writeSheet('Interactions', [emu.readSheet('Interactions')[0], ...interactions]);
  const audit = Array.from({ length: 3 * size }, (_, i) => [day(i), 'bench@example.com', 'edit', id(i * 104_729), 'City', 'Москва', 'Київ', 'sidebar']);
  emu.writeSheet('Audit', [emu.readSheet('Audit')[0], ...audit]);
}

/**
 * Two years of work at the playground demo's rate (300 clients, 600 interactions over 18 months,
 * 800 purchases over two years): 2.7 interactions and 2.7 purchases per client, and 3 audit rows
 * per client (not timed). Used for the size of the whole spreadsheet.
 */
export function seedTwoYears(emu: Emulator, size: number): void {
  seedHistory(emu, size);
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + (n % 730) * 86_400_000);
  const id = (i: number) => `C-B${String(i % size).padStart(7, '0')}`;
  const extra = Math.round(size * 0.7);
  const [header, ...rows] = emu.readSheet('Interactions');
  const more = Array.from({ length: extra }, (_, i) => [`I-C${i}`, id(i * 7907), day(i * 3), 'Call', 'bench@example.com', 'Talked', '', '', false, 'bench']);
  emu.writeSheet('Interactions', [header, ...rows, ...more]);
  const purchases = Array.from({ length: Math.round((size * 8) / 3) }, (_, i) => [id(i * 7901), day(i), 50 + (i % 10) * 40, 'Tea']);
  emu.writeSheet('Purchases', [emu.readSheet('Purchases')[0], ...purchases]);
}
