import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { throughWire, WireError } from '../../playground/wire.ts';

describe('throughWire', () => {
  it('clones JSON values, keeping hostile and huge text as it is', () => {
    const value = {
      name: '<img src=x onerror=alert(1)>',
      formula: '=HYPERLINK("http://x","y")',
      emoji: 'Саша 🚀',
      long: 'x'.repeat(50_001),
      list: [1, true, null],
    };
    const out = throughWire(value, 'result');
    expect(out).toEqual(value);
    expect(out).not.toBe(value);
  });

  it('fails on a Date anywhere in a result, naming where it is, as google.script.run does', () => {
    expect(() => throughWire({ client: { created: new Date() } }, 'result')).toThrow(WireError);
    expect(() => throughWire({ client: { created: new Date() } }, 'result')).toThrow(/Date \(result\.client\.created/);
    expect(() => throughWire([[1, new Date()]], 'argument')).toThrow(/args\[0\]\[1\]/);
  });

  it('recognises a Date made in another realm (the bundle runs in a VM)', () => {
    const foreign = vm.runInNewContext('new Date(0)');
    expect(foreign instanceof Date).toBe(false);
    expect(() => throughWire({ at: foreign }, 'result')).toThrow(/Date/);
  });

  it('drops functions from results but refuses them as arguments', () => {
    expect(throughWire({ keep: 1, drop: () => 1 }, 'result')).toEqual({ keep: 1 });
    expect(() => throughWire([() => 1], 'argument')).toThrow(/function/);
  });

  it('refuses circular structures and BigInt with a clear message instead of a stack overflow', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => throughWire(loop, 'result')).toThrow(/circular/);
    expect(() => throughWire({ n: 1n }, 'result')).toThrow(/BigInt/);
  });

  it('passes undefined through and turns non-finite numbers into null, like JSON', () => {
    expect(throughWire(undefined, 'result')).toBeUndefined();
    expect(throughWire([Number.NaN, Infinity], 'result')).toEqual([null, null]);
  });

  it('lets the same object appear twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(throughWire([shared, shared], 'result')).toEqual([{ a: 1 }, { a: 1 }]);
  });
});
