/**
 * Writes N synthetic clients (bench/synthetic-clients.ts, seed 42) as a CSV a
 * team could export, for measuring the command line on big files:
 *   npx tsx bench/write-synthetic-csv.ts 200000 /tmp/clients-200k.csv
 *   /usr/bin/time -v node bin/clientbase.mjs dedupe /tmp/clients-200k.csv --out /tmp/pairs.jsonl
 */
import { createWriteStream } from 'node:fs';
import { generateClients } from './synthetic-clients';

const [count = '200000', out = 'clients.csv'] = process.argv.slice(2);
const COLUMNS = ['ID', 'First name', 'Last name', 'Company', 'Email', 'Phone', 'City', 'Birthday'] as const;
const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const file = createWriteStream(out);
file.write(`${COLUMNS.join(',')}\n`);
for (const r of generateClients(Number(count), 42).records) {
  const cells = [
    r.id,
    r.firstName ?? '',
    r.lastName ?? '',
    r.company ?? '',
    (r.emails ?? []).join('; '),
    (r.phones ?? []).join('; '),
    r.city ?? '',
    r.birthDate ?? '',
  ];
  file.write(`${cells.map(quote).join(',')}\n`);
}
file.end(() => console.log(`wrote ${count} clients to ${out}`));
