import { describe, expect, it } from 'vitest';
import { parseOptions, stateFileName } from '../../playground/options.ts';

describe('parseOptions', () => {
  it('defaults to the saved base on the first free port', () => {
    expect(parseOptions([])).toEqual({ reset: false });
  });

  it('reads --reset, --import FILE and --port N in either spelling', () => {
    expect(parseOptions(['--reset', '--import', 'my export.csv', '--port', '9000'])).toEqual({ reset: true, importFile: 'my export.csv', port: 9000 });
    expect(parseOptions(['--port=0', '--import=a.csv'])).toEqual({ reset: false, port: 0, importFile: 'a.csv' });
  });

  it('refuses bad ports, missing values and unknown options with the usage line', () => {
    expect(() => parseOptions(['--port', '-1'])).toThrow(/--port/);
    expect(() => parseOptions(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseOptions(['--port', '80a'])).toThrow(/--port/);
    expect(() => parseOptions(['--import'])).toThrow(/--import needs a value/);
    expect(() => parseOptions(['--rest'])).toThrow(/unknown option "--rest"[\s\S]*usage/);
    expect(() => parseOptions(['<img src=x onerror=alert(1)>'])).toThrow(/unknown option/);
  });
});

describe('where the playground keeps its state', () => {
  it('keeps an import in a state file of its own, so it never overwrites the demo', () => {
    expect(stateFileName(parseOptions([]))).toBe('state.json');
    expect(stateFileName(parseOptions(['--reset']))).toBe('state.json');
    expect(stateFileName(parseOptions(['--import', 'export.csv']))).not.toBe('state.json');
  });
});
