/**
 * The Mailings Status column in the base's language (issue 15): a Russian
 * base reads «Отправлено», «В очереди», «Пропущено: нет адреса»; a person may
 * sort the tab and retype a status in another language, and the mailing
 * still resumes where it stopped and mails nobody twice.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { localTabName } from '../../../src/core/i18n/sheet-words';
import { TAB } from '../../../src/core/schema/tabs';
import { managedRowsOf, unwrap, useEmulator } from '../../support/emulated';
import { nextDay, TEMPLATE } from './fixture';

describe('Mailings Status in a Russian base', () => {
  const emu = useEmulator({ locale: 'ru_RU', timeZone: 'Europe/Moscow', mailQuota: 3 });

  it('is written in Russian words, survives a sort and a retyped status, and resumes without a second mail', () => {
    server.menuSetUp();
    const people = ['Анна', 'Борис', 'Вера', 'Глеб', 'Дарья', 'Ефим'];
    const ids = people.map((first, i) => {
      const values = { 'First name': first, 'Last name': `Тестов${i}`, Email: i === 5 ? '' : `p${i}@example.com` };
      const saved = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
      if (saved.status !== 'saved') throw new Error(saved.status);
      return saved.client.id;
    });
    unwrap(server.apiSaveTemplate(TEMPLATE));
    const first = unwrap(server.apiStartMailing({ campaign: 'Весна', template: 'Spring', recipients: { kind: 'ids', ids }, lang: 'ru' }));
    expect(first.chunk).toMatchObject({ sent: 3, stoppedBy: 'quota' });
    const status = () => managedRowsOf(emu(), TAB.mailings, 'ru').map((r) => String(r.Status));
    expect(status().sort()).toEqual(['В очереди', 'В очереди', 'Отправлено', 'Отправлено', 'Отправлено', 'Пропущено: нет адреса']);

    // A person sorts the tab (newest first) and retypes two statuses their own way.
    const name = localTabName(TAB.mailings, 'ru');
    const [header, ...rows] = emu().readSheet(name);
    const col = header.indexOf('Статус') >= 0 ? header.indexOf('Статус') : 3;
    rows.reverse();
    rows.find((r) => r[col] === 'Отправлено')![col] = 'sent';
    rows.find((r) => r[col] === 'В очереди')![col] = 'QUEUED';
    emu().writeSheet(name, [header, ...rows]);
    const mailedToday = emu().outbox.map((m) => m.to);

    const tomorrow = nextDay(emu(), 100);
    try {
      const resumed = unwrap(server.apiContinueMailing('Весна', 'ru'));
      expect(resumed.chunk.sent).toBe(2);
      // The outbox carries over from yesterday: three then, two now, nobody twice.
      const all = tomorrow.emu.outbox.map((m) => m.to);
      expect(all.slice(0, 3)).toEqual(mailedToday);
      expect(all.sort()).toEqual(['p0@example.com', 'p1@example.com', 'p2@example.com', 'p3@example.com', 'p4@example.com']);
      expect(resumed.status.summary).toMatchObject({ sent: 5, remaining: 0, skippedTotal: 1, other: 0 });
      expect(resumed.status.text).toMatch(/^Отправлено 5, пропущено 1 \(нет адреса 1\)/);
      const after = managedRowsOf(tomorrow.emu, TAB.mailings, 'ru').map((r) => String(r.Status));
      // The retyped 'sent' is left as the person wrote it (nothing rewrote that row); every row the mailing wrote is in Russian.
      expect(after.sort()).toEqual(['sent', 'Отправлено', 'Отправлено', 'Отправлено', 'Отправлено', 'Пропущено: нет адреса']);
      // Running the whole mailing again mails nobody.
      unwrap(server.apiStartMailing({ campaign: 'Весна', template: 'Spring', recipients: { kind: 'ids', ids }, lang: 'ru' }));
      expect(tomorrow.emu.outbox).toHaveLength(5);
    } finally {
      tomorrow.restore();
    }
  });
});
