/** Runs a command line command against in-memory files, capturing what it prints and writes. */
import type { CliIo } from '../../cli/io';

export interface MemoryIo {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
  files: Record<string, string>;
}

/** `exports` are files given as raw bytes (a CSV in Windows-1251, say): read as bytes, encoding detected, as from disk. */
export function memoryIo(files: Record<string, string>, exports: Record<string, Uint8Array> = {}): MemoryIo {
  const missing = (path: string) => Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: (path) => {
      if (!(path in files)) throw missing(path);
      return files[path];
    },
    readBytes: (path) => {
      if (path in exports) return exports[path];
      if (!(path in files)) throw missing(path);
      return new TextEncoder().encode(files[path]);
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
