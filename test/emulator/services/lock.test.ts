import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

describe('LockService', () => {
  it('waitLock acquires a free lock; releaseLock frees it', () => {
    const { globals } = createEmulator();
    const lock = globals.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('while another process holds the document lock: waitLock throws the real message, tryLock returns false', () => {
    const emu = createEmulator();
    const release = emu.locks.holdDocumentLock();
    const lock = emu.globals.LockService.getDocumentLock();
    expect(() => lock.waitLock(30_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(lock.tryLock(100)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(emu.globals.LockService.getScriptLock().tryLock(100)).toBe(true);
    release();
    expect(lock.tryLock(100)).toBe(true);
  });

  it('user locks are per user', () => {
    const emu = createEmulator();
    const release = emu.locks.holdUserLock('owner@example.com');
    expect(emu.globals.LockService.getUserLock().tryLock(0)).toBe(false);
    emu.setUser('other@example.com');
    expect(emu.globals.LockService.getUserLock().tryLock(0)).toBe(true);
    release();
  });

  it('rejects bad timeouts', () => {
    const { globals } = createEmulator();
    expect(() => globals.LockService.getDocumentLock().waitLock(-1)).toThrow();
    expect(() => globals.LockService.getDocumentLock().tryLock('10' as unknown as number)).toThrow();
  });

  it('counts lock calls', () => {
    const emu = createEmulator();
    const lock = emu.globals.LockService.getDocumentLock();
    lock.waitLock(1000);
    lock.releaseLock();
    expect(emu.calls.snapshot()).toEqual({ 'Lock.releaseLock': 1, 'Lock.waitLock': 1, 'LockService.getDocumentLock': 1 });
  });
});
