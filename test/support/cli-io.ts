/** Runs a command line command against in-memory files, capturing what it prints and writes. */
import type { CliIo } from '../../cli/io';

export interface MemoryIo {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
  files: Record<string, string>;
}

export function memoryIo(files: Record<string, string>): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return files[path];
    },
    writeFile: (path, text) => {
      files[path] = text;
    },
    appendFile: (path, text) => {
      files[path] = (files[path] ?? '') + text;
    },
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), files };
}
