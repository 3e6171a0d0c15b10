import { readFileSync, writeFileSync } from 'node:fs';

/** What a command may touch, injected so tests run commands without a shell or real files. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
  writeFile: (path: string, text: string) => void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
};

/** Splits argv into positional arguments and `--name value` / `--flag` options. */
export function parseArgs(argv: string[], flags: ReadonlyArray<string> = []): { positional: string[]; options: Record<string, string> } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) options[arg.slice(2, eq)] = arg.slice(eq + 1);
      else if (flags.includes(arg.slice(2))) options[arg.slice(2)] = 'true';
      else if (i + 1 < argv.length) options[arg.slice(2)] = argv[++i];
      else options[arg.slice(2)] = '';
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

/** Reads a file for a command, turning a missing file into a one-line message instead of a stack trace. */
export function readInput(io: CliIo, path: string | undefined): { ok: true; text: string } | { ok: false; message: string } {
  if (!path) return { ok: false, message: 'missing FILE.csv' };
  try {
    return { ok: true, text: io.readFile(path) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${(err as Error).message}` };
  }
}
