import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

const at = new Date('2024-05-01T09:00:00Z');

describe('MailApp', () => {
  it('appends to the outbox with sender and time, decrementing the quota', () => {
    const emu = createEmulator({ user: 'manager@example.com', now: () => at, mailQuota: 3 });
    const { MailApp } = emu.globals;
    MailApp.sendEmail('ann@example.com', 'Hello', 'Body text', { htmlBody: '<b>Hi</b>', name: 'ClientBase', replyTo: 'sales@example.com' });
    expect(emu.outbox).toEqual([
      {
        to: 'ann@example.com',
        subject: 'Hello',
        body: 'Body text',
        htmlBody: '<b>Hi</b>',
        name: 'ClientBase',
        replyTo: 'sales@example.com',
        from: 'manager@example.com',
        at,
      },
    ]);
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
  });

  it('accepts a message object and counts every recipient against the quota', () => {
    const emu = createEmulator({ mailQuota: 10 });
    emu.globals.MailApp.sendEmail({ to: 'a@example.com, b@example.com', cc: 'c@example.com', subject: 'S', body: 'B' });
    expect(emu.outbox[0]).toMatchObject({ to: 'a@example.com, b@example.com', cc: 'c@example.com' });
    expect(emu.globals.MailApp.getRemainingDailyQuota()).toBe(7);
  });

  it('at zero quota throws the real message and sends nothing', () => {
    const emu = createEmulator({ mailQuota: 1 });
    const { MailApp } = emu.globals;
    MailApp.sendEmail('a@example.com', 's', 'b');
    expect(() => MailApp.sendEmail('b@example.com', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    expect(emu.outbox).toHaveLength(1);
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
  });

  it.each(['not-an-email', 'ann@', '<img src=x onerror=alert(1)>', 'ann @example.com', '=HYPERLINK("x")'])('rejects the recipient %j', (to) => {
    const emu = createEmulator();
    expect(() => emu.globals.MailApp.sendEmail(to, 's', 'b')).toThrow(`Invalid email: ${to}`);
    expect(emu.outbox).toHaveLength(0);
    expect(emu.globals.MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('an empty recipient is an error too', () => {
    const emu = createEmulator();
    expect(() => emu.globals.MailApp.sendEmail('', 's', 'b')).toThrow('no recipient');
  });

  it('keeps Cyrillic, emoji and huge bodies intact', () => {
    const emu = createEmulator();
    const body = 'Здравствуйте, Олена! 🎉 ' + 'x'.repeat(50_001);
    emu.globals.MailApp.sendEmail('olena@example.com', 'Пропозиція', body);
    expect(emu.outbox[0].body).toBe(body);
    expect(emu.outbox[0].subject).toBe('Пропозиція');
  });
});

describe('MailApp attachments', () => {
  it('records attachment name, type and size without counting the emulator reading the blob', () => {
    const emu = createEmulator();
    const { MailApp, Utilities } = emu.globals;
    const blob = Utilities.newBlob('id,name\n1,Олена\n', 'text/csv', 'export.csv');
    emu.calls.reset();
    MailApp.sendEmail({ to: 'a@example.com', subject: 'Export', body: 'Attached', attachments: [blob] });
    expect(emu.outbox[0].attachments).toEqual([{ name: 'export.csv', contentType: 'text/csv', size: Buffer.byteLength('id,name\n1,Олена\n') }]);
    expect(emu.calls.snapshot()).toEqual({ 'MailApp.sendEmail': 1 });
  });
});
