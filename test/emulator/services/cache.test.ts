import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

describe('CacheService', () => {
  it('put/get/remove, getAll/putAll/removeAll', () => {
    const { globals } = createEmulator();
    const cache = globals.CacheService.getScriptCache();
    expect(cache.get('k')).toBeNull();
    cache.put('k', 'v');
    expect(cache.get('k')).toBe('v');
    cache.putAll({ a: '1', b: '2' });
    expect(cache.getAll(['a', 'b', 'missing'])).toEqual({ a: '1', b: '2' });
    cache.removeAll(['a', 'k']);
    expect(cache.getAll(['a', 'b', 'k'])).toEqual({ b: '2' });
    cache.remove('b');
    expect(cache.get('b')).toBeNull();
  });

  it('honours the TTL on the emulator clock (default 10 minutes)', () => {
    const emu = createEmulator({ now: () => new Date('2024-01-01T00:00:00Z') });
    const cache = emu.globals.CacheService.getDocumentCache()!;
    cache.put('short', 'x', 60);
    cache.put('default', 'y');
    emu.advanceTime(59_000);
    expect(cache.get('short')).toBe('x');
    emu.advanceTime(1_000);
    expect(cache.get('short')).toBeNull();
    expect(cache.get('default')).toBe('y');
    emu.advanceTime(540_000);
    expect(cache.get('default')).toBeNull();
  });

  it('limits: 100 KB values and 250-character keys', () => {
    const { globals } = createEmulator();
    const cache = globals.CacheService.getScriptCache();
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(cache.get('big')).toBeNull();
    cache.put('fits', 'x'.repeat(100 * 1024));
    expect(cache.get('fits')).toHaveLength(102_400);
  });

  it('user caches are per user', () => {
    const emu = createEmulator();
    emu.globals.CacheService.getUserCache().put('k', 'owner');
    emu.setUser('other@example.com');
    expect(emu.globals.CacheService.getUserCache().get('k')).toBeNull();
  });
});
