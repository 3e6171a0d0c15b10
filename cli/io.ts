import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { decodeText } from '../src/core/csv/encoding';

/** What a command may touch, injected so tests run commands without a shell or real files. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
  /** The file's bytes, for inputs whose encoding must be detected (CSV exports). */
  readBytes?: (path: string) => Uint8Array;
  writeFile: (path: string, text: string) => void;
  /** Adds to a file written before: large outputs go out in pieces, never as one string. */
  appendFile: (path: string, text: string) => void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => readFileSync(path),
  writeFile: (path, text) => writeFileSync(path, text),
  appendFile: (path, text) => appendFileSync(path, text),
};

/** Lines buffered into pieces of about 1 MB for `write`: output of any size without one huge string. */
export function lineWriter(write: (text: string) => void): { line: (text: string) => void; end: () => void } {
  let buffer: string[] = [];
  let size = 0;
  const flush = () => {
    if (buffer.length) write(`${buffer.join('\n')}\n`);
    buffer = [];
    size = 0;
  };
  return {
    line(text) {
      buffer.push(text);
      size += text.length + 1;
      if (size >= 1 << 20) flush();
    },
    end: flush,
  };
}

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

/**
 * Reads a file for a command, turning a missing file into a one-line message
 * instead of a stack trace. The encoding is detected (Windows-1251 and KOI8
 * exports are common) and said on stderr whenever it is not plain UTF-8.
 */
export function readInput(io: CliIo, path: string | undefined): { ok: true; text: string } | { ok: false; message: string } {
  if (!path) return { ok: false, message: 'missing FILE.csv' };
  try {
    if (!io.readBytes) return { ok: true, text: io.readFile(path) };
    const decoded = decodeText(io.readBytes(path));
    if (decoded.encoding !== 'utf-8' || decoded.warning) io.stderr(`read ${path} as ${decoded.label}${decoded.warning ? `: ${decoded.warning}` : ''}\n`);
    return { ok: true, text: decoded.text };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${(err as Error).message}` };
  }
}

export interface CommandSpec {
  name: string;
  usage: string;
  /** Options that take no value. */
  flags: ReadonlyArray<string>;
  /** Every option the command understands (flags included). */
  known: ReadonlySet<string>;
}

export function usageError(io: CliIo, spec: Pick<CommandSpec, 'name' | 'usage'>, message: string): number {
  io.stderr(`clientbase ${spec.name}: ${message}\n${spec.usage}`);
  return 2;
}

/**
 * What every command does first: --help, unknown options, exactly one FILE.csv.
 * Returns the exit code when the command must stop here.
 */
export function commandArgs(argv: string[], io: CliIo, spec: CommandSpec): { file: string; options: Record<string, string> } | number {
  const { positional, options } = parseArgs(argv, [...spec.flags, 'help']);
  if (options.help) {
    io.stdout(spec.usage);
    return 0;
  }
  const unknown = Object.keys(options).find((o) => !spec.known.has(o));
  if (unknown) return usageError(io, spec, `unknown option --${unknown}`);
  if (positional.length !== 1)
    return usageError(io, spec, positional.length === 0 ? 'missing FILE.csv' : `expected exactly one FILE.csv, got ${positional.length} files`);
  return { file: positional[0], options };
}
