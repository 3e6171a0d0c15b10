import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

describe('ScriptApp triggers', () => {
  it('creates clock and spreadsheet triggers, lists and deletes them', () => {
    const emu = createEmulator({ now: () => new Date('2024-01-01T00:00:00Z') });
    const { ScriptApp, SpreadsheetApp } = emu.globals;
    const hourly = ScriptApp.newTrigger('sendReminders').timeBased().everyHours(1).create();
    ScriptApp.newTrigger('resumeMailing').timeBased().after(60_000).create();
    ScriptApp.newTrigger('onEditHandler').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
    expect(hourly.getHandlerFunction()).toBe('sendReminders');
    expect(hourly.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(hourly.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(emu.triggers()).toEqual([
      { id: '1', handler: 'sendReminders', type: 'CLOCK', owner: 'owner@example.com', everyHours: 1 },
      { id: '2', handler: 'resumeMailing', type: 'CLOCK', owner: 'owner@example.com', at: new Date('2024-01-01T00:01:00Z') },
      { id: '3', handler: 'onEditHandler', type: 'ON_EDIT', owner: 'owner@example.com' },
    ]);
    const all = ScriptApp.getProjectTriggers();
    expect(all.map((t) => t.getUniqueId())).toEqual(['1', '2', '3']);
    ScriptApp.deleteTrigger(all[0]);
    expect(emu.triggers().map((t) => t.handler)).toEqual(['resumeMailing', 'onEditHandler']);
    expect(emu.calls.count('Trigger.getUniqueId')).toBe(3);
  });

  it("project triggers are the current user's", () => {
    const emu = createEmulator();
    emu.globals.ScriptApp.newTrigger('a').timeBased().everyMinutes(5).create();
    emu.setUser('other@example.com');
    expect(emu.globals.ScriptApp.getProjectTriggers()).toEqual([]);
    expect(emu.triggers()).toHaveLength(1);
  });

  it('rejects schedules Apps Script rejects, missing schedules, and a 21st trigger', () => {
    const { globals } = createEmulator();
    const { ScriptApp } = globals;
    expect(() => ScriptApp.newTrigger('a').timeBased().everyMinutes(7)).toThrow('Invalid argument: minutes');
    expect(() => ScriptApp.newTrigger('a').timeBased().everyHours(3)).toThrow('Invalid argument: hours');
    expect(() => ScriptApp.newTrigger('a').timeBased().create()).toThrow('no schedule');
    expect(() => ScriptApp.newTrigger('not a function name()')).toThrow('Invalid argument');
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyMinutes(30).create();
    expect(() => ScriptApp.newTrigger('f21').timeBased().everyMinutes(30).create()).toThrow('This script has too many triggers.');
  });
});
