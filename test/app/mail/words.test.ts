/**
 * Mail as people read it (issue 15): {{Manager}} prints the person's name from
 * Settings (not the address), and the Mailings tab says in words why a
 * recipient was skipped, in Status and in Detail.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import type { Emulator } from '../../../emulator';
import { rowsOf, unwrap, useEmulator } from '../../support/emulated';
import { setUpWithClients } from './fixture';

function setting(emu: Emulator, key: string, value: string): void {
  const rows = emu.readSheet('Settings');
  emu.writeSheet(
    'Settings',
    rows.map((r) => (r[0] === key ? [key, value, r[2]] : r)),
  );
}

function setManager(emu: Emulator, email: string): void {
  const rows = emu.readSheet('Clients');
  const col = (rows[0] as string[]).indexOf('Manager');
  emu.writeSheet(
    'Clients',
    rows.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === col ? email : v)))),
  );
}

describe('mail as people read it', () => {
  const emu = useEmulator();

  it('prints {{Manager}} as the name Settings gives, escaped, and never the address', () => {
    const [id] = setUpWithClients(emu(), [{ first: 'Ion', email: 'ion@example.com' }]);
    setManager(emu(), 'olena.koval@example.com');
    setting(emu(), 'people', 'OLENA.KOVAL@example.com = Olena <b>Koval</b>; boris@example.com: Boris Petrov');
    const preview = unwrap(server.apiPreviewMessage({ subject: 'From {{Manager}}', body: 'Your manager: {{Manager}}', clientId: id }));
    expect(preview.subject).toBe('From Olena <b>Koval</b>');
    expect(preview.htmlBody).toContain('Olena &lt;b&gt;Koval&lt;/b&gt;');
    expect(preview.htmlBody).not.toContain('olena.koval@example.com');
    // Nobody named in Settings: read from an address like first.last@…
    setting(emu(), 'people', '');
    expect(unwrap(server.apiPreviewMessage({ subject: '{{Manager}}', body: 'x', clientId: id })).subject).toBe('Olena Koval');
  });

  it('previews a rich-text body as the recipient gets it, From the sender name and account, values never markup', () => {
    const [id] = setUpWithClients(emu(), [{ first: '**Ion** <b>x</b>', email: 'ion@example.com' }]);
    setting(emu(), 'senderName', 'Shop Team');
    const preview = unwrap(
      server.apiPreviewMessage({ subject: 'Hi', body: 'Dear **{{First name}}**,\n- [our offer](https://shop.example/o)\n- *soon*', clientId: id }),
    );
    expect(preview.from).toMatch(/^Shop Team <.+@.+>$/);
    expect(preview.htmlBody).toContain(
      'Dear <strong>**Ion** &lt;b&gt;x&lt;/b&gt;</strong>,\n<ul>\n<li><a href="https://shop.example/o">our offer</a></li>\n<li><em>soon</em></li>\n</ul>',
    );
    expect(preview.textBody).toContain('Dear **Ion** <b>x</b>,\n• our offer (https://shop.example/o)\n• soon');
  });

  it('says in words, in the mailing’s language, why a recipient was skipped', () => {
    const ids = setUpWithClients(emu(), [
      { first: 'Ion', email: 'ion@example.com' },
      { first: 'Nobody', email: '' },
    ]);
    unwrap(server.apiStartMailing({ campaign: 'Spring ru', template: 'Spring', recipients: { kind: 'ids', ids }, lang: 'ru' }));
    const skipped = rowsOf(emu(), 'Mailings').find((r) => r['Client ID'] === ids[1])!;
    expect(skipped.Status).toBe('Skipped: no email');
    expect(skipped.Detail).toBe('Нет адреса электронной почты');
  });
});
