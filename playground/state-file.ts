/**
 * The playground's memory between runs: `.playground/state.json` holds the
 * emulator's state and who the playground was acting as.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatorState } from '../emulator/index.ts';

export interface SavedPlayground {
  version: 1;
  user: string;
  emulator: EmulatorState;
}

/** Undefined when there is no file yet or it cannot be read back (then the playground reseeds and says so). */
export function loadPlayground(path: string): { saved?: SavedPlayground; problem?: string } {
  if (!existsSync(path)) return {};
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<SavedPlayground>;
    if (parsed.version !== 1 || typeof parsed.user !== 'string' || typeof parsed.emulator !== 'object' || parsed.emulator === null) {
      return { problem: `${path} is not a playground state file (version 1)` };
    }
    return { saved: parsed as SavedPlayground };
  } catch (error) {
    return { problem: `${path} could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a state. */
export function savePlayground(path: string, saved: SavedPlayground): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(saved));
  renameSync(temporary, path);
}
