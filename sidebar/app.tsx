/** The sidebar: loads the session, picks the language, and shows one top-level view at a time. */
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { panelId, tabId, TabBar, type Tab } from './components/tab-bar';
import { guessLocale, LOCALES, MessagesContext, storedLocale, storeLocale, type Locale } from './i18n/locale';
import { rpc } from './rpc';
import { SessionContext, type Session } from './session';
import type { OpenRequest } from './views/client-view';
import { isShown, settingUp, VIEWS } from './views/registry';
import { useDueCount } from './views/plan/due-count';

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [bootError, setBootError] = useState('');
  const [locale, setLocale] = useState<Locale>(() => storedLocale() ?? guessLocale());
  const [tab, setTab] = useState<string>(VIEWS[0].id);
  const [clientRequest, setClientRequest] = useState<OpenRequest | null>(null);
  const [companyRequest, setCompanyRequest] = useState<OpenRequest | null>(null);
  const [notice, setNotice] = useState<ComponentChild>(null);
  /** A view chosen from ⋮ More: its new tab takes the focus, which the closed menu would otherwise drop. */
  const focusTab = useRef<string | null>(null);
  const t = LOCALES[locale].messages;

  const boot = async (next: ComponentChild = null): Promise<boolean> => {
    setBootError('');
    const result = await rpc.apiBootstrap();
    if (!result.ok) {
      setBootError(result.error.message);
      return false;
    }
    if (!storedLocale()) setLocale(result.value.locale);
    // A menu item may ask for a view; one this sidebar does not have (yet) falls back to the first shown.
    const shown = VIEWS.filter((v) => isShown(v, result.value));
    setTab(shown.some((v) => v.id === result.value.view) ? result.value.view : (shown[0] ?? VIEWS[0]).id);
    setNotice(next);
    setSession(result.value);
    return true;
  };
  const shown = session ? VIEWS.filter((v) => isShown(v, session)) : [];
  useDueCount(!!session && !settingUp(session));

  useEffect(() => {
    boot();
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    if (focusTab.current !== tab) return;
    focusTab.current = null;
    document.getElementById(tabId(tab))?.focus();
  }, [tab]);

  const chooseMore = (id: string) => {
    if (id === tab) document.getElementById(tabId(id))?.focus();
    else focusTab.current = id;
    setTab(id);
  };

  const chooseLocale = (next: Locale) => {
    storeLocale(next);
    setLocale(next);
  };

  const openClient = (id: string) => {
    setTab('client');
    setClientRequest((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
  };

  const openCompany = (id: string) => {
    setTab('company');
    setCompanyRequest((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
  };

  return (
    <MessagesContext.Provider value={t}>
      <div class="app">
        <header class="app-head">
          {session && (
            <TabBar
              tabs={shown.filter((v) => v.place !== 'more' || v.id === tab).map((v) => ({ id: v.id, label: v.label(t), badge: v.badge?.() }))}
              selected={tab}
              label={t.views}
              onSelect={setTab}
              lineBefore={shown.find((v) => v.place === 'more' && v.id === tab)?.id}
            />
          )}
          {session ? (
            <MoreMenu items={shown.filter((v) => v.place === 'more').map((v) => ({ id: v.id, label: v.label(t) }))} label={t.moreViews} onSelect={chooseMore}>
              <LanguageChoice label={t.language} locale={locale} onChange={chooseLocale} />
            </MoreMenu>
          ) : (
            <LanguageChoice label={t.language} locale={locale} onChange={chooseLocale} />
          )}
        </header>
        {bootError && (
          <div class="banner error" role="alert">
            <p>
              {t.errorPrefix} {bootError}
            </p>
            <button type="button" onClick={() => boot()}>
              {t.retry}
            </button>
          </div>
        )}
        {!session && !bootError && (
          <p class="muted" role="status">
            {t.loading}
          </p>
        )}
        {session && (
          <SessionContext.Provider value={session}>
            {notice && (
              <div class="banner info" aria-live="polite">
                {notice}
                <button type="button" class="secondary" onClick={() => setNotice(null)}>
                  {t.dismiss}
                </button>
              </div>
            )}
            {shown.map(({ id, View }) => (
              <div key={id} id={panelId(id)} role="tabpanel" aria-labelledby={tabId(id)} hidden={tab !== id}>
                <View
                  active={tab === id}
                  openClient={openClient}
                  clientRequest={clientRequest}
                  openCompany={openCompany}
                  companyRequest={companyRequest}
                  restart={boot}
                />
              </div>
            ))}
          </SessionContext.Provider>
        )}
      </div>
    </MessagesContext.Provider>
  );
}

/** The sidebar's language: in the ⋮ menu once the sidebar has booted, so the tabs keep the header's one line. */
function LanguageChoice({ label, locale, onChange }: { label: string; locale: Locale; onChange: (next: Locale) => void }) {
  return (
    <div class="lang-choice">
      <label for="cb-lang">{label}</label>
      <select id="cb-lang" class="lang" value={locale} onChange={(e) => onChange(e.currentTarget.value as Locale)}>
        {(Object.keys(LOCALES) as Locale[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALES[l].label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Views used now and then (Snapshots…) and the language: a menu instead of more tabs, so the
 * tab bar stays one line at 300 px. Escape closes it and gives the focus back to ⋮.
 */
function MoreMenu({ items, label, onSelect, children }: { items: Tab[]; label: string; onSelect: (id: string) => void; children?: ComponentChild }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => {
    menu.current?.removeAttribute('open');
  };
  return (
    <details
      ref={menu}
      class="more-menu"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !menu.current?.open) return;
        e.preventDefault();
        close();
        menu.current.querySelector('summary')?.focus();
      }}
    >
      {/* An icon, as in Google's own menus: a word would push the tabs out of a 300 px sidebar. */}
      <summary aria-label={label} title={label}>
        ⋮
      </summary>
      <div class="more-items">
        {items.map((item) => (
          <button
            key={item.id}
            type="button"
            class="link"
            onClick={() => {
              close();
              onSelect(item.id);
            }}
          >
            {item.label}
          </button>
        ))}
        {children && <div class="more-extra">{children}</div>}
      </div>
    </details>
  );
}
