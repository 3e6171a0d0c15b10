import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

describe('PropertiesService', () => {
  it('get/set/delete, null for a missing key, values stored as strings', () => {
    const { globals } = createEmulator();
    const props = globals.PropertiesService.getDocumentProperties();
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('n', 5 as unknown as string).setProperty('lang', 'ru');
    expect(props.getProperty('n')).toBe('5');
    expect(props.getKeys().sort()).toEqual(['lang', 'n']);
    props.deleteProperty('n');
    expect(props.getProperties()).toEqual({ lang: 'ru' });
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it('setProperties merges, or replaces with deleteAllOthers', () => {
    const { globals } = createEmulator();
    const props = globals.PropertiesService.getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ b: '3' });
    expect(props.getProperties()).toEqual({ a: '1', b: '3' });
    props.setProperties({ c: '4' }, true);
    expect(props.getProperties()).toEqual({ c: '4' });
  });

  it('script, document and user stores are separate; user properties follow the active user', () => {
    const emu = createEmulator();
    const { PropertiesService } = emu.globals;
    PropertiesService.getScriptProperties().setProperty('k', 'script');
    PropertiesService.getDocumentProperties().setProperty('k', 'doc');
    PropertiesService.getUserProperties().setProperty('k', 'owner');
    emu.setUser('other@example.com');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBeNull();
    PropertiesService.getUserProperties().setProperty('k', 'other');
    emu.setUser('owner@example.com');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBe('owner');
    expect(PropertiesService.getDocumentProperties().getProperty('k')).toBe('doc');
  });

  it('a value over 8 KB (measured; 9 KB documented) is refused with the real message and nothing is stored', () => {
    const { globals } = createEmulator();
    const props = globals.PropertiesService.getDocumentProperties();
    expect(() => props.setProperty('big', 'x'.repeat(50_001))).toThrow('Argument too large: value');
    expect(() => props.setProperty('cyr', 'Ж'.repeat(5000))).toThrow('Argument too large: value'); // 10,000 bytes in UTF-8
    expect(props.getProperty('big')).toBeNull();
    expect(() => props.setProperty('nine', 'x'.repeat(9 * 1024))).toThrow('Argument too large: value');
    props.setProperty('fits', 'x'.repeat(8 * 1024));
    expect(props.getProperty('fits')).toHaveLength(8192);
  });

  it('returned objects are copies', () => {
    const { globals } = createEmulator();
    const props = globals.PropertiesService.getDocumentProperties();
    props.setProperty('a', '1');
    const all = props.getProperties();
    all.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
  });
});
