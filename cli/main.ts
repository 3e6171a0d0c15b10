/**
 * `clientbase <command>`: the same src/core that runs in the Sheet, over CSV
 * files, so a team can check and clean an export before adopting it.
 */
import { fileURLToPath } from 'node:url';
import { processIo, type CliIo } from './io';

type Command = { run: (argv: string[], io: CliIo) => Promise<number> };

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: { summary: 'validate FILE.csv [--json] [--fields FIELDS.csv] [--default-country RU]', load: () => import('./commands/validate') },
  dedupe: { summary: 'dedupe FILE.csv [--map col=field,...] [--threshold T] [--out pairs.jsonl]', load: () => import('./commands/dedupe') },
  segment: { summary: 'segment FILE.csv --rule "RULE" [--purchases P.csv] [--today YYYY-MM-DD]', load: () => import('./commands/segment') },
};

export function usage(): string {
  return ['usage: clientbase <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  clientbase ${c.summary}`), ''].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`clientbase: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (err) {
    io.stderr(`clientbase ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
