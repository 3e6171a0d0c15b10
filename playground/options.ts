/** The playground's command line: `npm start -- [--reset] [--import FILE.csv] [--port N]`. */
export interface PlaygroundOptions {
  reset: boolean;
  importFile?: string;
  /** Undefined: the first free port from 8080. */
  port?: number;
}

export const USAGE = 'usage: npm start -- [--reset] [--import FILE.csv] [--port N]';

export function parseOptions(argv: readonly string[]): PlaygroundOptions {
  const options: PlaygroundOptions = { reset: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--reset') options.reset = true;
    else if (flag === '--import') options.importFile = value();
    else if (flag === '--port') {
      const text = value();
      const port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got "${text}"`);
      options.port = port;
    } else throw new Error(`unknown option "${arg}"\n${USAGE}`);
  }
  return options;
}

/** An import gets a state file of its own, so trying an export never overwrites the demo base (and the demo never overwrites it). */
export function stateFileName(options: Pick<PlaygroundOptions, 'importFile'>): string {
  return options.importFile === undefined ? 'state.json' : 'import.json';
}
