/** Deleting a client: admins only, confirmed inside the sidebar (no window.confirm in an Apps Script iframe). */
import { useState } from 'preact/hooks';
import type { ClientDto } from '../../src/server';
import { useT } from '../i18n/locale';
import { rpc } from '../rpc';

export interface DeleteClientProps {
  client: ClientDto;
  name: string;
  onDeleted: (message: string) => void;
}

export function DeleteClient({ client, name, onDeleted }: DeleteClientProps) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const confirm = async () => {
    setBusy(true);
    const result = await rpc.apiDeleteClient(client.id, client.updated);
    setBusy(false);
    if (result.ok) onDeleted(t.deleted(client.id));
    else setError(result.error.message);
  };
  if (!asking) {
    return (
      <div class="danger-zone">
        <button type="button" class="danger" onClick={() => setAsking(true)}>
          {t.deleteClient}
        </button>
      </div>
    );
  }
  return (
    <div class="banner conflict" role="alertdialog" aria-label={t.deleteClient}>
      <p>{t.deleteConfirm(name || client.id)}</p>
      {error && (
        <p role="alert">
          {t.errorPrefix} {error}
        </p>
      )}
      <button type="button" class="danger" disabled={busy} onClick={confirm}>
        {t.deleteYes}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t.cancel}
      </button>
    </div>
  );
}
