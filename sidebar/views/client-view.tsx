/**
 * Find, add and edit: the search box, "New client" and the card. While the
 * card is idle it follows the sheet cursor, so selecting a row on any tab
 * shows that client; it never replaces a form the user is working in.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ClientCard } from '../components/client-card';
import { DeletedClients } from '../components/deleted-clients';
import { SearchBox } from '../components/search-box';
import { useT } from '../i18n/locale';
import { noteClientsVersion } from '../client-index';
import { rpc } from '../rpc';
import { canEdit, useSession } from '../session';
import { timing } from '../timing';

/** A request from another view to show a client; `seq` makes a repeated request for the same ID count. */
export interface OpenRequest {
  id: string;
  seq: number;
}

type Target = string | null; // null: a new client

/** The user is typing here: the sidebar has focus and it is in a text control of this view. */
function typingIn(root: HTMLElement | null): boolean {
  if (!root || typeof document === 'undefined' || !document.hasFocus()) return false;
  const el = document.activeElement;
  return !!el && root.contains(el) && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
}

export function ClientView({ active, request, openCompany }: { active: boolean; request: OpenRequest | null; openCompany?: (id: string) => void }) {
  const t = useT();
  const session = useSession();
  const [shown, setShown] = useState<{ key: number; id: Target } | null>(() => (session.activeClientId ? { key: 1, id: session.activeClientId } : null));
  const [pending, setPending] = useState<{ id: Target } | null>(null);
  const [closedNotice, setClosedNotice] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const dirty = useRef(false);
  const shownId = useRef<Target | undefined>(session.activeClientId);
  const lastActive = useRef<string | undefined>(session.activeClientId);

  const show = (id: Target) => {
    dirty.current = false;
    shownId.current = id;
    setPending(null);
    setClosedNotice('');
    setShown((s) => ({ key: (s?.key ?? 0) + 1, id }));
  };

  const open = (id: Target, discard = false) => {
    if (dirty.current && !discard) setPending({ id });
    else show(id);
  };

  useEffect(() => {
    if (request) open(request.id);
  }, [request?.seq]);

  useEffect(() => {
    if (!active) return undefined;
    let inFlight = false;
    const busy = () => dirty.current || typingIn(root.current) || (typeof document !== 'undefined' && document.hidden);
    const timer = setInterval(async () => {
      if (inFlight || busy()) return;
      inFlight = true;
      const result = await rpc.apiPoll();
      inFlight = false;
      if (!result.ok) return;
      noteClientsVersion(result.value.clientsVersion);
      const active = result.value.activeClientId;
      if (!active || active === lastActive.current || busy()) return;
      lastActive.current = active;
      if (active !== shownId.current) show(active);
    }, timing.activePollMs);
    return () => clearInterval(timer);
  }, [active]);

  return (
    <div class="client-view" ref={root}>
      <div class="toolbar">
        <SearchBox onOpen={(id) => open(id)} onOpenCompany={openCompany} />
        {canEdit(session) && (
          <button type="button" class="secondary new-client" onClick={() => open(null)}>
            {t.newClient}
          </button>
        )}
      </div>

      {pending && (
        <div class="banner warning" role="alert">
          <p>{t.unsavedTitle}</p>
          <button type="button" onClick={() => show(pending.id)}>
            {t.discardAndOpen}
          </button>
          <button type="button" class="secondary" onClick={() => setPending(null)}>
            {t.keepEditing}
          </button>
        </div>
      )}

      {session.fields.length === 0 && <p class="banner info">{t.notSetUp}</p>}

      {shown ? (
        <ClientCard
          key={shown.key}
          clientId={shown.id}
          onOpen={open}
          onOpenCompany={openCompany}
          onShown={(id) => {
            shownId.current = id;
          }}
          onDirty={(d) => {
            dirty.current = d;
          }}
          onDeleted={(message) => {
            shownId.current = null;
            setShown(null);
            setClosedNotice(message);
          }}
        />
      ) : (
        <>
          {closedNotice && (
            <p class="notice" role="status" aria-live="polite">
              {closedNotice}
            </p>
          )}
          <p class="muted empty">{t.emptyCard}</p>
          {session.role === 'admin' && (
            <DeletedClients
              onRestored={(id) => {
                noteClientsVersion('restored');
                show(id);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
