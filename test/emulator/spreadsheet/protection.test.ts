import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

describe('Protection', () => {
  it('sheet protection: description, warning-only, editors, domain edit, type', () => {
    const emu = createEmulator();
    const { SpreadsheetApp } = emu.globals;
    const sheet = SpreadsheetApp.getActive().insertSheet('Audit');
    const p = sheet.protect().setDescription('Audit log').setWarningOnly(true);
    expect(p.getProtectionType()).toBe(SpreadsheetApp.ProtectionType.SHEET);
    expect(p.getDescription()).toBe('Audit log');
    expect(p.isWarningOnly()).toBe(true);
    p.addEditors(['m1@example.com', 'm2@example.com']).removeEditor('m1@example.com').setDomainEdit(false);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com', 'm2@example.com']);
    expect(p.canDomainEdit()).toBe(false);
    expect(p.canEdit()).toBe(true);
    emu.setUser('stranger@example.com');
    expect(p.canEdit()).toBe(false);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
    expect(p.getRange().getA1Notation()).toBe('A1:Z1000');
  });

  it('the owner cannot be removed; removing the protection clears it', () => {
    const emu = createEmulator();
    const { SpreadsheetApp } = emu.globals;
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    const p = sheet.getRange('A1:C1').protect();
    p.removeEditor('owner@example.com');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com']);
    expect(p.getRange().getA1Notation()).toBe('A1:C1');
    p.remove();
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
  });

  it('does not block script writes (the script runs as the user)', () => {
    const emu = createEmulator();
    const sheet = emu.globals.SpreadsheetApp.getActive().getSheets()[0];
    sheet.protect().setWarningOnly(false);
    emu.setUser('stranger@example.com');
    sheet.getRange('A1').setValue('written');
    expect(emu.readSheet('Sheet1')).toEqual([['written']]);
  });
});
