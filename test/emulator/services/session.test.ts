import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

describe('Session', () => {
  it('reports the active user, locale and script time zone', () => {
    const emu = createEmulator({ user: 'olena@example.com', locale: 'uk', timeZone: 'Europe/Kyiv' });
    const { Session } = emu.globals;
    expect(Session.getActiveUser().getEmail()).toBe('olena@example.com');
    expect(Session.getEffectiveUser().getEmail()).toBe('olena@example.com');
    expect(Session.getActiveUserLocale()).toBe('uk');
    expect(Session.getScriptTimeZone()).toBe('Europe/Kyiv');
    expect(emu.calls.count('User.getEmail')).toBe(2);
  });

  it('defaults, setUser, and a temporary key that is stable per user but not the email', () => {
    const emu = createEmulator();
    const { Session } = emu.globals;
    expect(Session.getActiveUser().getEmail()).toBe('owner@example.com');
    expect(Session.getActiveUserLocale()).toBe('en');
    expect(Session.getScriptTimeZone()).toBe('Europe/Moscow');
    const ownerKey = Session.getTemporaryActiveUserKey();
    expect(Session.getTemporaryActiveUserKey()).toBe(ownerKey);
    expect(ownerKey).not.toContain('owner');
    emu.setUser('manager@example.com');
    expect(Session.getActiveUser().getEmail()).toBe('manager@example.com');
    expect(Session.getTemporaryActiveUserKey()).not.toBe(ownerKey);
  });
});
