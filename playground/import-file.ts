/** Reads the CSV given to `npm start -- --import`, in whatever encoding the export tool chose, and says which. */
import { readFileSync } from 'node:fs';
import { decodeText } from '../src/core/csv/encoding.ts';

export function readImportFile(path: string, log: (line: string) => void): string {
  return readImport(path, log).text;
}

/** The text and the line that says how it was read (shown in the terminal and above the grid). */
export function readImport(path: string, log: (line: string) => void = () => {}): { text: string; report: string } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new Error(`cannot import ${path}: ${reason}`);
  }
  const decoded = decodeText(bytes);
  const report = `importing ${path}: read as ${decoded.label}${decoded.warning ? ` (${decoded.warning})` : ''}`;
  log(report);
  return { text: decoded.text, report };
}
